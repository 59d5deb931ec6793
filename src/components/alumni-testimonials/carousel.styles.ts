import { css } from 'lit';

// The control bar under the slide: round icon buttons, a dot per slide (the current one a filled
// bar: a change of shape, not of colour alone), and "2 / 4". Every target is at least 24 px.
// The buttons are surfaces in the theme's palette; the dots and the count lie on the page, so they
// take the page's text colour (and its --hw-accent for the current dot, when the page sets one).
export default css`
  .carousel {
    display: grid;
  }

  /* Read and tabbed to after the controls (APG), shown above them. */
  .carousel .slides {
    order: -1;
  }

  .controls {
    gap: 0.5rem;
  }

  .icon {
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    padding: 0;
    border: 1px solid var(--_surface-border);
    border-radius: var(--hw-button-radius, 50%);
    background: var(--_surface);
    color: var(--_surface-color);
  }

  .icon:hover {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .picker {
    display: flex;
    flex-wrap: wrap;
    margin-inline-start: 0.25rem;
  }

  .dot {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    background: transparent;
    color: color-mix(in srgb, currentColor 70%, transparent);
  }

  .dot::before {
    content: '';
    width: 0.75rem;
    height: 0.75rem;
    border: 2px solid currentColor;
    border-radius: 1em;
  }

  .dot:hover::before {
    background: currentColor;
  }

  .dot[aria-current='true'] {
    color: var(--hw-accent, currentColor);
  }

  .dot[aria-current='true']::before {
    width: 1.375rem;
    background: currentColor;
  }

  .count {
    margin-inline-start: auto;
    color: color-mix(in srgb, currentColor 75%, transparent);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
