import { css } from 'lit';

export default css`
  :host {
    max-width: 80rem;
    margin: 0 auto;
    padding: 0 1rem 3rem;
  }

  .skip {
    position: absolute;
    inset-inline-start: 1rem;
    top: -10rem;
    padding: 0.5rem 1rem;
    background: var(--_accent);
    color: var(--_accent-contrast);
    z-index: 1;
  }

  .skip:focus {
    top: 0.5rem;
  }

  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    align-items: center;
    padding: 1rem 0;
    border-bottom: 1px solid var(--_surface-border);
  }

  header p {
    margin: 0;
  }

  .workspace {
    font-weight: 700;
    font-size: 1.125rem;
    margin-inline-end: auto !important;
  }

  .site-picker {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }

  .user {
    color: var(--_muted);
  }

  nav ul {
    display: flex;
    gap: 0.25rem;
    margin: 0;
    padding: 0.5rem 0;
    list-style: none;
    flex-wrap: wrap;
  }

  nav a {
    display: block;
    padding: 0.5rem 0.875rem;
    border-radius: calc(var(--_radius) / 2);
    color: inherit;
    white-space: nowrap;
    text-decoration: none;
  }

  nav a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  nav a:not([aria-current='page']):hover {
    text-decoration: underline;
  }

  h1 {
    margin: 1rem 0 1.25rem;
    font-size: 1.75rem;
  }

  .message {
    margin: 2rem 0;
  }

  a.button {
    display: inline-block;
    text-decoration: none;
  }
`;
