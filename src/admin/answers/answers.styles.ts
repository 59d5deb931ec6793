import { css } from 'lit';

export default css`
  .hint {
    max-width: 48rem;
    margin: 0 0 1rem;
    color: var(--_muted);
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
