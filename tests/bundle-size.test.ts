/**
 * Size budget (a size, not a time): what a careers page loads before any interaction, gzipped, as
 * `npm run build` leaves it in dist/cdn. The contact dialog, the profile editor and the SDK's schemas (zod,
 * imported as the first request starts and validating its answer) are loaded on demand and are not part of it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 25 * 1024;
const gzipped = (path: string) => gzipSync(readFileSync(new URL(`../dist/cdn/${path}`, import.meta.url))).length;

/** hallway.js and every module it imports statically (dynamic imports are loaded later, on demand). */
function initialLoad(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const source = readFileSync(new URL(`../dist/cdn/${entry}`, import.meta.url), 'utf8');
  const statics = [...source.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]!);
  const base = entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/') + 1) : '';
  return [entry, ...statics.flatMap((file) => initialLoad(base + file, seen))];
}

test(`hallway.js and what it imports up front stay within ${BUDGET_BYTES / 1024} KB gzipped`, () => {
  const files = initialLoad('hallway.js');
  const total = files.reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`initial load: ${files.join(', ')} = ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(total <= BUDGET_BYTES, `${total} bytes gzipped is over the ${BUDGET_BYTES}-byte budget`);
});
