import { css } from 'lit';

export default css`
  .columns {
    display: grid;
    gap: 2rem;
    grid-template-columns: repeat(auto-fit, minmax(min(24rem, 100%), 1fr));
    align-items: start;
  }

  .columns > section + section {
    margin-top: 0;
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

  .origins {
    display: grid;
    gap: 0.5rem;
    margin: 0.5rem 0 1rem;
    padding: 0;
    list-style: none;
  }

  .origins li {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    justify-content: space-between;
    overflow-wrap: anywhere;
  }

  .inline {
    display: flex;
    gap: 0.5rem;
  }

  .inline input[type='color'] {
    width: 3rem;
    min-height: 2.5rem;
    padding: 0.125rem;
  }

  .warning {
    margin: 0;
    padding-inline-start: 0.5rem;
    border-inline-start: 4px solid var(--_danger);
  }

  .frame {
    padding: 1rem;
    border: 1px dashed var(--_surface-border);
    border-radius: var(--_radius);
    background: #fff;
    color: #1f2328;
  }

  .snippet > .hint {
    margin-bottom: 1rem;
  }

  .snippet-fields {
    display: grid;
    align-items: start;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
  }

  textarea[readonly] {
    margin-top: 0.25rem;
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }

  .snippet .actions {
    margin-top: 0.5rem;
  }
`;
