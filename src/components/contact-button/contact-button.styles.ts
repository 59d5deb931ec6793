import { css } from 'lit';

// The row is one button high in every state, so nothing moves when the people arrive.
export default css`
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    min-height: calc(1lh + 1em);
  }

  .row .placeholder {
    width: 16em;
    max-width: 100%;
    height: calc(1lh + 1em);
    border-radius: var(--_radius);
  }

  p {
    margin: 0;
    color: var(--hw-muted-color, color-mix(in srgb, currentColor 75%, transparent));
  }
`;
