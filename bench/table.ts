/** One line of the bench's table: a measured value against its budget, or just reported. */
export interface Row {
  section: string;
  name: string;
  value: string;
  budget: string;
  status: 'pass' | 'FAIL' | 'report' | 'not measured';
}

export const passIf = (ok: boolean): Row['status'] => (ok ? 'pass' : 'FAIL');

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function formatTable(rows: Row[]): string {
  const header = { section: 'area', name: 'measure', value: 'value', budget: 'budget', status: 'result' };
  const columns = ['section', 'name', 'value', 'budget', 'status'] as const;
  const width = Object.fromEntries(columns.map((c) => [c, Math.max(...[header, ...rows].map((r) => r[c].length))])) as Record<(typeof columns)[number], number>;
  const line = (r: Record<(typeof columns)[number], string>) =>
    columns
      .map((c) => r[c].padEnd(width[c]))
      .join('  ')
      .trimEnd();
  const rule = columns.map((c) => '-'.repeat(width[c])).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
