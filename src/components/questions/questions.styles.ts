import { css } from 'lit';

export default css`
  .list {
    display: grid;
    gap: var(--hw-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    min-width: 0;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_surface-color);
    box-shadow: var(--hw-card-shadow, none);
  }

  /* Its own open/closed chevron at the end, beside both lines, rather than the marker alone on a line. */
  summary {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: 1rem;
    align-items: center;
    padding: var(--hw-card-padding, 1rem 1.25rem);
    border-radius: var(--_radius);
    cursor: pointer;
    font-weight: 700;
    overflow-wrap: anywhere;
    list-style: none;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  summary > * {
    grid-column: 1;
  }

  summary::after {
    content: '';
    grid-column: 2;
    grid-row: 1 / span 2;
    width: 0.5em;
    height: 0.5em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg);
  }

  details[open] > summary::after {
    transform: rotate(-135deg);
  }

  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .asker {
    display: block;
    font-size: 0.875em;
    font-weight: 400;
    color: var(--_muted);
  }

  .answer {
    display: grid;
    gap: 0.75rem;
    padding: 0 var(--hw-card-padding, 1rem 1.25rem);
    padding-block-end: 1rem;
  }

  .text {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .person {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .person img {
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    object-fit: cover;
  }

  li.placeholder-item {
    min-height: 3.5rem;
    padding: var(--hw-card-padding, 1rem 1.25rem);
  }
`;
