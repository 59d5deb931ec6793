import { css } from 'lit';

export default css`
  .items {
    display: grid;
    gap: 1.5rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
    max-width: 48rem;
  }

  .items > li {
    display: grid;
    gap: 0.5rem;
  }

  .about,
  .why {
    margin: 0;
  }

  .why {
    font-weight: 700;
  }

  blockquote {
    margin: 0;
    padding: 0.5rem 1rem;
    border-inline-start: 4px solid var(--_surface-border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .blocks {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
    max-width: 48rem;
  }

  .blocks > li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
  }

  form {
    max-width: 48rem;
  }

  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .inline input {
    flex: 1 1 14rem;
  }
`;
