import { css } from 'lit';

export default css`
  section,
  form,
  .answer,
  .field {
    display: grid;
    gap: 0.75rem;
    align-content: start;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  h3 {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  p {
    margin: 0;
  }

  ul {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .answer {
    padding: 1rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 5%, transparent);
  }

  blockquote {
    margin: 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_accent);
  }

  blockquote p,
  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .hint,
  .state {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .state {
    font-weight: 600;
  }

  .error {
    color: var(--_error, #b3261e);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  button {
    justify-self: start;
  }

  /* As the profile editor's: Cancel and Withdraw are not the page's main action. */
  button.secondary {
    background: transparent;
    color: inherit;
    box-shadow: inset 0 0 0 1px var(--hw-border, currentColor);
  }
`;
