import { css } from 'lit';

export default css`
  :host {
    display: contents; /* nothing of it takes space in the page: the dialog shows in the top layer */
    --hw-muted: var(--_muted);
    --hw-border: var(--hw-input-border-color, color-mix(in srgb, currentColor 45%, transparent));
    --hw-danger-color: var(--_danger);
  }

  dialog {
    width: min(var(--hw-dialog-width, 34rem), 100vw - 2rem);
    max-height: calc(100dvh - 2rem);
    padding: var(--hw-dialog-padding, 1.25rem);
    border: 1px solid var(--hw-border);
    border-radius: var(--_radius);
    background: var(--hw-dialog-background, var(--_scheme-surface, Canvas));
    color: var(--hw-dialog-color, var(--_scheme-text, CanvasText));
    font: inherit;
  }

  dialog::backdrop {
    background: var(--hw-backdrop, rgb(0 0 0 / 45%));
  }

  p {
    margin: 0;
  }

  .header {
    display: flex;
    gap: 1rem;
    align-items: flex-start;
    justify-content: space-between;
    margin-block-end: 1rem;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  button.close,
  button.link {
    flex: none;
    padding: 0.25em 0.75em;
    background: transparent;
    color: inherit;
    box-shadow: inset 0 0 0 1px var(--hw-border);
  }

  button.link {
    justify-self: start;
    padding: 0;
    box-shadow: none;
    text-decoration: underline;
  }

  .person {
    display: grid;
    gap: 0.125rem;
    margin-block-end: 1rem;
    padding: 0.75rem 1rem;
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, currentColor 5%, transparent);
  }

  .name {
    font-weight: 600;
  }

  .title,
  .hint,
  .status {
    font-size: 0.875em;
    color: var(--hw-muted);
  }

  form {
    display: grid;
    gap: 1rem;
  }

  .field {
    display: grid;
    gap: 0.375rem;
  }

  label {
    font-weight: 600;
  }

  [readonly] {
    opacity: 0.7;
  }

  .count {
    justify-self: end;
  }

  .consent {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: normal;
  }

  input[type='checkbox'] {
    flex: none;
    width: 1.125em;
    height: 1.125em;
    margin: 0.125em 0 0;
    accent-color: var(--_accent);
  }

  [aria-invalid='true'] {
    border-color: var(--hw-danger-color) !important;
    outline: 1px solid var(--hw-danger-color);
  }

  .error,
  .alert {
    font-weight: 600;
    color: var(--hw-danger-color);
  }

  .alert {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--hw-danger-color);
    background: color-mix(in srgb, var(--hw-danger-color) 8%, transparent);
  }

  /* Off-screen for people, hidden from assistive technology by aria-hidden, out of the tab order. */
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .success {
    font-size: 1.125em;
  }

  .intro {
    margin-block-end: 0.75rem;
  }

  .people {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .choice {
    display: grid;
    width: 100%;
    gap: 0.125rem;
    padding: 0.75rem 1rem;
    text-align: start;
    background: transparent;
    color: inherit;
    box-shadow: inset 0 0 0 1px var(--hw-border);
  }
`;
