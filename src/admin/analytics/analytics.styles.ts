import { css } from 'lit';

export default css`
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: start;
    margin-block-end: 1rem;
  }

  .range .field {
    margin: 0;
    max-inline-size: 16rem;
  }

  /* The button lines up with the inputs, under their labels, whether or not an error shows below one. */
  .range .actions {
    align-self: start;
    margin-block-start: 1.6rem;
  }

  .charts {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    align-items: start;
    margin-block: 1rem 2rem;
  }

  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }

  .chart {
    margin: 0;
  }

  .chart svg {
    display: block;
    width: 100%;
    height: 8rem;
  }

  .chart .axis {
    stroke: var(--_surface-border);
    vector-effect: non-scaling-stroke;
  }

  .chart figcaption {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 1rem;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .chart .weeks {
    display: flex;
    justify-content: space-between;
    flex: 1 1 100%;
    order: -1;
  }

  .chart .scale::before {
    content: '↑ ';
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  .swatch {
    display: inline-block;
    width: 0.75em;
    height: 0.75em;
    margin-inline-end: 0.25em;
    border-radius: 2px;
  }

  .lists,
  .asked {
    fill: var(--_accent);
    background: var(--_accent);
  }

  .confirmed {
    fill: color-mix(in srgb, var(--_accent) 60%, Canvas);
    background: color-mix(in srgb, var(--_accent) 60%, Canvas);
  }

  .answered {
    fill: #1a7f37;
    background: #1a7f37;
  }

  .declined {
    fill: var(--_danger);
    background: var(--_danger);
  }

  details {
    margin-block: 0.5rem;
  }

  .numbers {
    overflow-x: auto;
  }

  .numbers table {
    min-width: 40rem;
  }

  .numbers th,
  .numbers td {
    white-space: nowrap;
  }

  @media (max-width: 44rem) {
    table.cards td.number {
      text-align: start;
    }
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
