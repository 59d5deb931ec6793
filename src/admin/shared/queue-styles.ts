import { css } from 'lit';

/** A moderation queue (testimonials, published answers): one item a row, its state above it. */
export const queueStyles = css`
  .queue {
    display: grid;
    gap: 1.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
    max-width: 48rem;
  }

  .queue > li {
    display: grid;
    gap: 0.5rem;
  }

  .state {
    margin: 0;
    font-weight: 700;
  }

  .state.pending {
    color: var(--_accent);
  }

  .state.rejected {
    color: var(--_danger);
  }
`;
