/**
 * Size budget (a size, not a time): what a careers page loads before any interaction, gzipped, as
 * `npm run build` leaves it in dist/cdn. The contact dialog, the profile editor and the SDK's schemas (zod,
 * imported as the first request starts and validating its answer) are loaded on demand and are not part of it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
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

// <hw-questions> (issue 18): hallway.js holds only a stub that imports the element's chunk once the tag
// is on the page; what that chunk adds to a page that has one stays within 3 KB gzipped.
const QUESTIONS_BUDGET_BYTES = 3 * 1024;

test(`<hw-questions> loads on demand, within ${QUESTIONS_BUDGET_BYTES / 1024} KB gzipped`, () => {
  const upFront = new Set(initialLoad('hallway.js'));
  const chunk = readdirSync(new URL('../dist/cdn/chunks/', import.meta.url)).find((name) => /^questions-[\w-]+\.js$/.test(name));
  assert.ok(chunk, 'no questions chunk in dist/cdn/chunks');
  assert.ok(!upFront.has(`chunks/${chunk}`), 'the questions chunk is loaded up front');
  const added = initialLoad(`chunks/${chunk}`).filter((file) => !upFront.has(file));
  const total = added.reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`<hw-questions> adds: ${added.join(', ')} = ${(total / 1024).toFixed(1)} KB gzipped`);
  assert.ok(total <= QUESTIONS_BUDGET_BYTES, `${total} bytes gzipped is over the ${QUESTIONS_BUDGET_BYTES}-byte budget`);
});

// A page that loads the pinned /hallway@<version>.js would load hallway.js a second time if a chunk imported it.
test('no chunk imports hallway.js', () => {
  const chunks = readdirSync(new URL('../dist/cdn/chunks/', import.meta.url)).filter((name) => name.endsWith('.js') && !/^(me|admin)-/.test(name));
  const importers = chunks.filter((name) => /["']\.\.\/hallway\.js["']/.test(readFileSync(new URL(`../dist/cdn/chunks/${name}`, import.meta.url), 'utf8')));
  assert.deepEqual(importers, []);
});
