import { css } from 'lit';

export default css`
  .hint {
    max-width: 48rem;
    margin: 0 0 1rem;
    color: var(--_muted);
  }

  .queue {
    display: grid;
    gap: 1.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
    max-width: 48rem;
  }

  .queue > li {
    display: grid;
    gap: 0.5rem;
  }

  .state {
    margin: 0;
    font-weight: 700;
  }

  .state.pending {
    color: var(--_accent);
  }

  .state.rejected {
    color: var(--_danger);
  }

  blockquote {
    margin: 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_accent);
    font-weight: 700;
    white-space: pre-line;
  }

  .text {
    margin: 0;
    white-space: pre-line;
  }

  .by,
  .consent {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
