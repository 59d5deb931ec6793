import type { Io } from './command.js';

const MAX_CELL = 40;

/** Aligned columns, each cell cut at 40 characters. */
export function table(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => (cell.length > MAX_CELL ? `${cell.slice(0, MAX_CELL - 1)}…` : cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells
    .map(
      (row) =>
        row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}

/** "3 sites", "1 person". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A percentage on a terminal; nothing when the output goes to a file or another program. */
export function progress(io: Io, label: string, total: number): (done: number) => void {
  if (!io.stderr.isTTY) return () => {};
  let shown = -1;
  return (done) => {
    const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (percent === shown) return;
    shown = percent;
    io.stderr.write(`\r${label} ${percent}%${percent === 100 ? '\n' : ''}`);
  };
}
