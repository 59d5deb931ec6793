import { css } from 'lit';

// (Comments here, not in the CSS: they would ship.) The dialog is a column: the header and the
// actions keep their height, the body between them takes what is left and scrolls. The page's card
// tokens dress it when the page sets them, as they do its cards. Close is an icon (named Close for
// assistive technology) so that the heading keeps the width; the person asked fits one line; a hint
// sits close to its label, the control a little apart; on a phone, Send spans the bar.

export default css`
  :host {
    display: contents; /* nothing of it takes space in the page: the dialog shows in the top layer */
    --_pad: var(--hw-dialog-padding, 1.25rem);
    --_line: var(--_surface-border);
  }

  dialog {
    width: min(var(--hw-dialog-width, 34rem), 100vw - 2rem);
    max-width: none;
    max-height: calc(100dvh - 2rem);
    padding: 0;
    overflow: hidden;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--hw-dialog-background, var(--hw-card-background, var(--_scheme-surface, Canvas)));
    color: var(--hw-dialog-color, var(--hw-card-color, var(--_scheme-text, CanvasText)));
    font: inherit;
    line-height: 1.5;
    box-shadow: 0 1.5rem 3rem rgb(0 0 0 / 25%);
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog::backdrop {
    background: var(--hw-backdrop, rgb(0 0 0 / 45%));
  }

  p {
    margin: 0;
  }

  .header {
    display: flex;
    flex: none;
    gap: 1rem;
    align-items: flex-start;
    justify-content: space-between;
    padding: var(--_pad) var(--_pad) 0.75rem;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
    overflow-wrap: break-word;
  }

  form {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-height: 0;
  }

  .body {
    display: grid;
    flex: 1 1 auto;
    gap: 1rem;
    align-content: start;
    min-height: 0;
    padding: 0.25rem var(--_pad) var(--_pad);
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .actions {
    display: grid;
    flex: none;
    gap: 0.75rem;
    padding: 0.875rem var(--_pad);
    border-block-start: 1px solid var(--_line);
    background: color-mix(in srgb, currentColor 3%, transparent);
  }

  .send {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  button {
    min-height: 2.75rem;
    font-weight: 600;
  }

  .send button:hover:not([aria-disabled]) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }

  button.close,
  button.link {
    flex: none;
    background: transparent;
    color: inherit;
  }

  button.close {
    display: grid;
    place-items: center;
    width: 2.75rem;
    padding: 0;
    margin-block-start: -0.5rem;
    margin-inline-end: -0.75rem;
  }

  button.close:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }

  svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .close svg {
    width: 1.5rem;
  }

  button.link {
    min-height: 0;
    padding: 0;
    font-weight: normal;
    text-decoration: underline;
  }

  .person {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.75rem;
    align-items: baseline;
    padding: 0.625rem 0.875rem;
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, currentColor 6%, transparent);
  }

  .name {
    font-weight: 600;
  }

  .title,
  .hint,
  .status {
    font-size: 0.875em;
    line-height: 1.45;
    color: var(--hw-muted);
  }

  .field {
    display: grid;
    gap: 0.375rem;
  }

  .field > .hint:not(.count) {
    margin-block: -0.25rem 0.125rem;
  }

  label {
    font-weight: 600;
  }

  [part~='input'] {
    padding: 0.625em 0.75em;
  }

  [readonly] {
    opacity: 0.7;
  }

  .count {
    justify-self: end;
    margin-block-start: -0.125rem;
    font-variant-numeric: tabular-nums;
  }

  .consent {
    display: flex;
    gap: 0.625rem;
    align-items: flex-start;
    font-weight: normal;
  }

  .error,
  .alert {
    font-size: 0.875em;
    font-weight: 600;
    color: var(--hw-danger-color);
  }

  .alert {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--hw-danger-color);
    border-radius: min(0.25rem, var(--_radius));
    background: color-mix(in srgb, var(--hw-danger-color) 10%, transparent);
  }

  /* Off-screen for people, hidden from assistive technology by aria-hidden, out of the tab order. */
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }

  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  .done {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
    padding: 1.5rem 0.5rem 0.5rem;
    text-align: center;
  }

  .done svg {
    width: 3rem;
    height: 3rem;
    padding: 0.625rem;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    stroke-width: 2.5;
  }

  .success {
    max-width: 26rem;
    font-size: 1.125em;
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

  .choice .name {
    font-weight: 600;
  }

  .choice .title {
    font-weight: normal;
  }

  @media (max-width: 30rem) {
    .send button {
      flex: 1 1 100%;
    }
  }
`;
