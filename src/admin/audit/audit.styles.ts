import { css } from 'lit';

export default css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    align-items: start;
  }

  .search {
    flex: 1 1 18rem;
  }

  /* Level with the fields beside them (below their labels). */
  .apply,
  .export {
    margin: 1.6rem 0 1rem;
  }

  .muted {
    font-size: 0.875em;
  }

  .target {
    overflow-wrap: anywhere;
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }

  section {
    margin-top: 2.5rem;
  }

  .found {
    list-style: none;
    padding: 0;
  }

  .found li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_surface-border);
  }

  .name {
    font-weight: 700;
  }

  .all {
    display: inline-block;
    max-width: 100%;
  }
`;
