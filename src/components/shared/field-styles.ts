import { css } from 'lit';

/** Text inputs and text areas of the forms (contact dialog, profile editor). */
export const fieldStyles = css`
  input:not([type='checkbox'], [type='file']),
  textarea {
    width: 100%;
    padding: 0.5em 0.625em;
    border: 1px solid var(--hw-border);
    border-radius: calc(var(--hw-radius, 0.75rem) / 2);
    font: inherit;
    color: inherit;
    background: transparent;
  }

  textarea {
    resize: vertical;
  }
`;
