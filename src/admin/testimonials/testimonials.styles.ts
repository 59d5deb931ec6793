import { css } from 'lit';

export default css`
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
