import { css } from 'lit';

export default css`
  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--hw-column-min-width, 14rem), 100%), 1fr));
    gap: var(--hw-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Not wider than its column, whatever text the page makes unbreakable (white-space: pre…). */
  .list > li {
    min-width: 0;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
    margin: 0;
  }

  .message p {
    margin: 0;
  }
`;
