import { css } from 'lit';

export default css`
  section {
    margin-top: 2.5rem;
  }

  .register {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 1.5rem;
  }

  .register dt {
    font-weight: 600;
  }

  .register dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  form {
    max-width: 36rem;
  }

  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    align-items: center;
  }

  .check .hint {
    grid-column: 2;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  @media (max-width: 30rem) {
    .register {
      grid-template-columns: 1fr;
    }
  }
`;
