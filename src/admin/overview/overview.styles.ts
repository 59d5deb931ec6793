import { css } from 'lit';

export default css`
  .headline {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 1rem;
    margin: 0 0 2rem;
  }

  .headline > div {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_surface-border);
    border-radius: var(--_radius);
  }

  .headline dt {
    font-size: 0.875em;
  }

  .headline dd {
    margin: 0.25rem 0 0;
    font-size: 1.75rem;
    font-weight: 700;
  }

  .headline dd a {
    display: block;
    font-size: 1rem;
    font-weight: 400;
  }

  .nobody {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: 1rem;
    margin: 1rem 0;
    padding: 0;
    list-style: none;
  }

  .nobody > li {
    padding: 0.75rem 1rem;
    border: 1px solid var(--_surface-border);
    border-radius: var(--_radius);
  }

  .nobody p {
    margin: 0 0 0.25rem;
  }

  .job {
    font-weight: 700;
  }

  details {
    margin: 1rem 0;
  }

  summary {
    cursor: pointer;
    font-weight: 600;
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
    gap: 2rem;
    margin-top: 2.5rem;
  }

  .charts section + section {
    margin-top: 0;
  }

  .chart {
    display: block;
    max-width: 32rem;
  }

  .chart text {
    fill: currentColor;
    font-size: 13px;
  }

  .chart .total,
  .swatch.total {
    fill: color-mix(in srgb, currentColor 22%, transparent);
    background: color-mix(in srgb, currentColor 22%, transparent);
  }

  .chart .part,
  .swatch.part {
    fill: var(--_accent);
    background: var(--_accent);
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
    margin: 0 0 0.5rem;
    font-size: 0.875em;
  }

  .swatch {
    display: inline-block;
    width: 0.875rem;
    height: 0.875rem;
    border-radius: 2px;
  }

  .swatch.part {
    margin-inline-start: 0.5rem;
  }

  .upload {
    max-width: 32rem;
  }

  .charts + section {
    margin-top: 2.5rem;
  }
`;
