import { css } from 'lit';

export default css`
  :host {
    display: block;
    margin-top: 2rem;
  }

  .inline-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
    gap: 0 1rem;
  }

  input[type='url'] {
    width: 100%;
  }

  .feed-status {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    gap: 0.75rem 1rem;
    margin: 1rem 0 0;
  }

  .feed-status dt {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .feed-status dd {
    margin: 0.125rem 0 0;
    overflow-wrap: anywhere;
  }

  .detected {
    display: block;
  }

  .failed {
    color: var(--_danger);
    font-weight: 600;
  }

  details {
    margin-top: 0.75rem;
  }

  details code {
    overflow-wrap: anywhere;
  }
`;
