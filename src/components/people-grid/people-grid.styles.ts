import { css } from 'lit';

// Grid items never wider than their column, whatever text the page makes unbreakable (white-space: pre…),
// and as tall as their row: a card whose button label wraps makes its neighbours grow with it.
export default css`
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--hw-column-min-width, 14rem), 100%), 1fr));
    gap: var(--hw-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list > li {
    min-width: 0;
  }

  .list hw-person-card {
    height: 100%;
  }
`;
