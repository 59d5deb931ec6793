import { css } from 'lit';

// The row is one button high in every state, so nothing moves when the people arrive. The placeholder
// has a flex basis, not a width: in a narrow column it shrinks rather than widen the page.
export default css`
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    min-height: calc(1lh + 1em);
  }

  .row .placeholder {
    flex: 0 1 16em;
    height: calc(1lh + 1em);
    border-radius: var(--_radius);
  }

  p {
    margin: 0;
    color: var(--hw-muted-color, color-mix(in srgb, currentColor 75%, transparent));
  }
`;
