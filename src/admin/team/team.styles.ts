import { css } from 'lit';

export default css`
  .name {
    font-weight: 700;
  }

  .email {
    display: block;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .add {
    max-width: 48rem;
    margin-top: 1.5rem;
  }

  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.0625rem;
  }

  .row {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
  }

  fieldset {
    margin: 0 0 1rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_surface-border);
    border-radius: calc(var(--_radius) / 2);
  }

  legend {
    font-weight: 600;
  }

  .secret {
    font-family: ui-monospace, monospace;
  }

  dialog .status {
    margin-inline-end: auto;
  }
`;
