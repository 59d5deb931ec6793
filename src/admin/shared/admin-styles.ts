import { css } from 'lit';

/** What every page of the workspace shares: headings, buttons, tables, messages, dialogs, forms. */
export const adminStyles = css`
  :host {
    --hw-border: var(--hw-input-border-color, color-mix(in srgb, currentColor 45%, transparent));
  }

  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
  }

  section + section {
    margin-top: 2.5rem;
  }

  button,
  .button {
    min-height: 2.5rem;
    padding: 0.4em 1em;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button.secondary {
    background: transparent;
    color: inherit;
    border-color: var(--hw-border);
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }

  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }

  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 1rem;
  }

  label {
    font-weight: 600;
  }

  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  select {
    min-height: 2.5rem;
    padding: 0.4em 0.5em;
    border: 1px solid var(--hw-border);
    border-radius: calc(var(--_radius) / 2);
    font: inherit;
    color: inherit;
    background: transparent;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }

  .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }

  .status {
    margin: 0.5rem 0;
  }

  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 1em;
    border: 1px solid currentColor;
    font-size: 0.875em;
    white-space: nowrap;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: 0.5rem;
    border-bottom: 1px solid var(--_surface-border);
    text-align: start;
    vertical-align: top;
  }

  th {
    font-size: 0.875em;
  }

  /* A row's heading cell (the person, the log line) reads as data, not as a column heading. */
  th[scope='row'] {
    font-weight: 400;
  }

  /* A paged list: how many are shown above it, "Load more" below it. */
  .count {
    margin: 0 0 0.5rem;
    color: var(--_muted);
  }

  .more {
    margin-top: 1rem;
  }

  .muted {
    color: var(--_muted);
  }

  /* At phone width, each row is a card whose cells name their column. */
  @media (max-width: 44rem) {
    table.cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    table.cards tr {
      display: block;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--_surface-border);
    }

    table.cards td {
      display: grid;
      grid-template-columns: 8rem 1fr;
      gap: 0.5rem;
      padding: 0.125rem 0;
      border: 0;
    }

    table.cards td::before {
      content: attr(data-label);
      font-weight: 600;
      font-size: 0.875em;
    }

    table.cards .primary {
      display: block;
      padding: 0 0 0.25rem;
      border: 0;
      font-size: 1.0625rem;
    }
  }

  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: 1.5rem;
    border: 1px solid var(--_surface-border);
    border-radius: var(--_radius);
    background: Canvas;
    color: CanvasText;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  dialog .actions {
    justify-content: flex-end;
    margin-top: 1rem;
  }
`;
