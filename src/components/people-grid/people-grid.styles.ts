import { css } from 'lit';

export default css`
  .heading {
    height: 1lh; /* one line, so the placeholder heading reserves exactly its space */
    margin: 0 0 var(--hw-gap, 1rem);
    overflow: hidden;
    font-size: var(--hw-heading-size, 1.5em);
    font-weight: 700;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .heading .placeholder {
    width: 50%;
  }

  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
    gap: var(--hw-gap, 1rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1rem;
    margin: 0;
  }

  .message p {
    margin: 0;
  }
`;
