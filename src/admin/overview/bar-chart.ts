import { html, svg } from 'lit';

/** One bar: a whole (people, invitations sent) and the part of it that counts (listed, accepted). */
export interface Bar {
  label: string;
  total: number;
  part: number;
}

const ROW = 28;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 190;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 60;
const LABEL_MAX = 20;

const shorten = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);

/**
 * Horizontal bars drawn in SVG, each whole with its part over it. The picture is one image whose
 * `summary` says what it shows; the same numbers are in a table next to it for reading and copying.
 */
export function barChart(summary: string, bars: Bar[]) {
  const max = Math.max(1, ...bars.map((bar) => bar.total));
  const scale = (value: number) => (value / max) * BAR_WIDTH;
  return html`<svg class="chart" role="img" aria-label=${summary} viewBox="0 0 ${WIDTH} ${bars.length * ROW}" width="100%" preserveAspectRatio="xMinYMin meet">
    ${bars.map(
      (bar, i) => svg`<g transform="translate(0 ${i * ROW})">
        <text class="label" x="0" y="${ROW / 2}" dominant-baseline="middle">${shorten(bar.label)}</text>
        <rect class="total" x="${LABEL_WIDTH}" y="4" width="${scale(bar.total)}" height="${ROW - 8}" rx="2"></rect>
        <rect class="part" x="${LABEL_WIDTH}" y="4" width="${scale(bar.part)}" height="${ROW - 8}" rx="2"></rect>
        <text class="value" x="${LABEL_WIDTH + scale(bar.total) + 6}" y="${ROW / 2}" dominant-baseline="middle">${bar.part} / ${bar.total}</text>
      </g>`,
    )}
  </svg>`;
}
