import { css } from 'lit';

export default css`
  .drop {
    padding: 1rem;
    border: 2px dashed var(--hw-border);
    border-radius: var(--_radius);
  }

  .drop.over {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }

  .drop .field {
    margin: 0;
  }

  .drop-hint {
    margin: 0.75rem 0 0;
    color: var(--_muted);
  }

  input[type='file'] {
    max-width: 100%;
    font: inherit;
  }

  .upload {
    display: grid;
    gap: 0.25rem;
    margin: 1rem 0;
  }

  progress {
    width: 100%;
    height: 1rem;
    accent-color: var(--_accent);
  }

  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_surface-border);
  }

  .tab {
    border-radius: calc(var(--_radius) / 2) calc(var(--_radius) / 2) 0 0;
    background: transparent;
    color: inherit;
    border-color: transparent;
    font-weight: 400;
  }

  .tab[aria-selected='true'] {
    border-color: var(--_surface-border);
    border-bottom: 3px solid var(--_accent);
    font-weight: 700;
  }

  .tab.bad {
    color: var(--_danger);
  }

  [role='tabpanel'] {
    padding: 1rem 0;
  }

  /* Long e-mail addresses wrap rather than push the page sideways on a phone. */
  td {
    overflow-wrap: anywhere;
  }

  .changes {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .field-name {
    font-weight: 600;
  }

  del {
    color: var(--_muted);
  }

  [role='tabpanel'] + .error,
  [role='tabpanel'] + .actions {
    margin-top: 0.5rem;
  }

  .error + .actions {
    margin-top: 1rem;
  }

  .done {
    font-weight: 700;
  }

  ins {
    text-decoration: none;
    font-weight: 600;
  }
`;
