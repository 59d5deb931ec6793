import { css } from 'lit';

// Grid items never wider than their column, whatever text the page makes unbreakable (white-space: pre…).
export default css`
  .list,
  .slides {
    display: grid;
    gap: var(--hw-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .list {
    grid-template-columns: repeat(auto-fill, minmax(min(var(--hw-column-min-width, 18rem), 100%), 1fr));
  }

  .list > li,
  .slides > * {
    min-width: 0;
  }

  /* Slides of any length take the same room: the page doesn't move when they change. */
  .slides {
    min-height: var(--hw-slide-min-height, 9em);
  }

  .quote {
    display: grid;
    gap: 0.75rem;
    align-content: start;
    height: 100%;
    margin: 0;
    padding: var(--hw-card-padding, 1rem 1.25rem);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_surface-color);
    box-shadow: var(--hw-card-shadow, none);
  }

  li.quote {
    min-height: 9em;
  }

  blockquote,
  blockquote p {
    margin: 0;
    white-space: pre-line;
  }

  figcaption {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .author {
    font-weight: 700;
    color: inherit;
  }

  .badge {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding: 0 0.5em;
    border-radius: var(--hw-badge-radius, 1em);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  /* The carousel's control bar, under the slide; its room is kept while loading. */
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    min-height: 2.75rem;
    margin-top: 0.75rem;
  }
`;
