import { css } from 'lit';

export default css`
  :host {
    container-type: inline-size;
  }

  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25em;
  }

  p {
    margin: 0;
  }

  /* The preview beside the forms when there is room, above them otherwise. */
  .layout,
  .skeleton {
    display: grid;
    gap: var(--hw-gap, 2rem);
  }

  @container (min-width: 48rem) {
    .layout,
    .skeleton {
      grid-template-columns: minmax(0, 1fr) 18rem;
    }

    .preview,
    .skeleton hw-person-card {
      grid-column: 2;
      grid-row: 1;
      align-self: start;
      position: sticky;
      top: 1rem;
    }
  }

  .sections,
  section,
  form {
    display: grid;
    gap: 1.25rem;
    align-content: start;
  }

  .sections {
    gap: var(--hw-gap, 2rem);
  }

  .preview {
    gap: 0.75rem;
  }

  .questions {
    margin-top: 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, currentColor 5%, transparent);
  }
  .questions h3 {
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .questions p {
    margin: 0.25rem 0;
  }
  .note {
    font-weight: 600;
  }
  /* Not colour alone: the words say it, the dot draws the eye. */
  .unsaved {
    margin: 0;
    font-weight: 600;
  }
  .unsaved::before {
    content: '';
    display: inline-block;
    width: 0.625em;
    height: 0.625em;
    margin-inline-end: 0.5em;
    border-radius: 50%;
    background: #b45309;
  }

  .field,
  .purpose {
    display: grid;
    gap: 0.375rem;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .purpose {
    gap: 1rem;
    padding: 1rem;
    border: 1px solid var(--hw-border);
    border-radius: var(--_radius);
  }

  legend,
  label,
  .label {
    font-weight: 600;
  }

  .purpose > legend {
    padding-inline: 0.25rem;
  }

  .field > legend {
    margin-block-end: 0.375rem;
    padding: 0;
  }

  .hint,
  .decision,
  .status {
    font-size: 0.875em;
    color: var(--hw-muted);
  }

  .messages {
    display: grid;
    gap: 0.25rem;
  }

  .error {
    font-weight: 600;
    color: var(--hw-danger-color);
  }

  input.narrow {
    width: 6em;
  }

  input.date {
    width: auto;
  }

  input[type='checkbox'] {
    width: 1.125em;
    height: 1.125em;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }

  .choices.column {
    flex-direction: column;
  }

  .choice,
  .consent {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: normal;
  }

  .consent {
    font-style: italic;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .action {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  form > button,
  section > button {
    justify-self: start;
  }

  .button {
    display: inline-block;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
  }

  button.secondary {
    background: transparent;
    color: inherit;
    box-shadow: inset 0 0 0 1px var(--hw-border);
  }

  button.danger {
    background: var(--hw-danger-color);
    color: var(--hw-danger-contrast, #fff);
  }

  /* The file input stays focusable (and keyboard-operable) under its label, which looks like a button. */
  .file-input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }

  .file-input:focus-visible + label {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .file-input[aria-invalid='true'] + label {
    outline: 2px solid var(--hw-danger-color);
    outline-offset: 2px;
  }

  .photo-block {
    display: flex;
    gap: 1rem;
    align-items: flex-start;
  }

  .photo {
    flex: none;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_placeholder);
  }

  .photo-actions {
    display: grid;
    gap: 0.5rem;
  }

  .confirm {
    display: grid;
    gap: 0.75rem;
    max-width: 40rem;
    padding: 1rem;
    border: 2px solid var(--hw-danger-color);
    border-radius: var(--_radius);
  }

  .sign-in {
    max-width: 32rem;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: center;
  }

  .skeleton-fields {
    display: grid;
    gap: 0.75rem;
  }

  .skeleton-fields .placeholder {
    width: 30%;
  }

  .skeleton-fields .input {
    width: 100%;
    height: 2.5em;
  }

  a {
    color: inherit;
  }
`;
