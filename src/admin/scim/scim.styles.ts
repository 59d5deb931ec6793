import { css } from 'lit';

export default css`
  :host {
    display: block;
    margin-top: 2rem;
  }

  fieldset {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_surface-border);
    border-radius: calc(var(--_radius) / 2);
  }

  legend {
    font-weight: 600;
  }

  .choice {
    margin: 0.25rem 0;
  }

  .days {
    max-width: 20rem;
    margin: 0.25rem 0 0.75rem 1.75rem;
  }

  .base-url {
    margin-top: 2rem;
  }

  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .inline input {
    flex: 1 1 16rem;
  }

  .code {
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }

  h3 {
    margin: 1.5rem 0 0.25rem;
    font-size: 1.0625rem;
  }

  h4 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }

  .name {
    font-weight: 700;
  }

  .add {
    max-width: 48rem;
    margin-top: 1.5rem;
  }

  dialog .status {
    margin-inline-end: auto;
  }
`;
