import { html, svg } from 'lit';

export interface Series {
  /** Names the series in the legend, and its bars' colour (a class of `analytics.styles.ts`). */
  name: string;
  className: string;
  values: number[];
}

const BAR = 8;
const GAP = 2;
const GROUP_GAP = 10;
const HEIGHT = 120;

/**
 * Weekly bars, one group per week and one bar per series, drawn to scale from zero. The picture is
 * one image for assistive technology (`label` says what it shows); the numbers are in a table next to it.
 */
export function barChart({ label, weeks, series }: { label: string; weeks: string[]; series: Series[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = series.length * (BAR + GAP) - GAP + GROUP_GAP;
  const width = Math.max(groupWidth, weeks.length * groupWidth);
  return html`
    <figure class="chart">
      <svg role="img" aria-label=${label} viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" focusable="false">
        <line class="axis" x1="0" x2=${width} y1=${HEIGHT - 0.5} y2=${HEIGHT - 0.5}></line>
        ${weeks.map((_week, w) =>
          series.map((s, i) => {
            const height = ((s.values[w] ?? 0) / max) * (HEIGHT - 4);
            const x = w * groupWidth + GROUP_GAP / 2 + i * (BAR + GAP);
            return svg`<rect class=${s.className} x=${x} y=${HEIGHT - height} width=${BAR} height=${height}></rect>`;
          }),
        )}
      </svg>
      <figcaption aria-hidden="true">
        <span class="scale">${max}</span>
        <span class="weeks"><span>${weeks[0]}</span><span>${weeks.at(-1)}</span></span>
        ${series.length > 1 ? html`<span class="legend">${series.map((s) => html`<span><span class="swatch ${s.className}"></span>${s.name}</span>`)}</span>` : ''}
      </figcaption>
    </figure>
  `;
}
