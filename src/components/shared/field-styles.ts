import { css } from 'lit';

/** The controls `form-field.ts` renders, in the contact dialog and the profile editor. */
export const fieldStyles = css`
  :host {
    --hw-muted: var(--_muted);
    --hw-border: var(--hw-input-border-color, color-mix(in srgb, currentColor 45%, transparent));
    --hw-danger-color: var(--_danger);
  }

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

  input[type='checkbox'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--_accent);
  }

  [aria-invalid='true'] {
    border-color: var(--hw-danger-color) !important;
    outline: 1px solid var(--hw-danger-color);
  }
`;
