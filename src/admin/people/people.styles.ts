import { css } from 'lit';

export default css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    align-items: start;
  }

  .search {
    flex: 1 1 18rem;
  }

  /* Level with the status filter beside it; under it on a phone. */
  .invite-all {
    margin: 1.6rem 0 1rem;
  }

  @media (max-width: 44rem) {
    .invite-all {
      margin-top: 0;
    }
  }

  .name {
    font-weight: 700;
  }

  .email {
    display: block;
    font-weight: 400;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .selection {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-block: 0.5rem;
  }

  .selection .selected {
    margin: 0;
  }

  .select {
    margin-inline-end: 0.5rem;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    vertical-align: middle;
  }
`;
