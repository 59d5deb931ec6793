/**
 * `npm run bench`: measures Hallway against the budgets of /work/shared/design.md ("Budgets") and
 * prints one table; the figures and the raw data behind them go to bench/results/<date>.json.
 * Not part of `npm test`: timings depend on the machine, so they are reported, never asserted in tests.
 *
 *   1. bundle.ts   what a careers page downloads (npm run bench rebuilds dist/cdn first)
 *   2. page.ts     the demo job page in Chromium: CLS, LCP, long tasks, cards vs the API response
 *   3. api.ts      the public list endpoint vs a bare node:http server, 50 connections
 *   5. contact.ts  contact submissions/s and the outbox drain rate (when the contact flow exists)
 *   4. query.ts    the cold matching query on 10,000 people, PGlite and (BENCH_POSTGRES_URL) PostgreSQL
 *   6. scale.ts    seeding and cold queries (job, team, location, everyone) at 1k…100k people on
 *                  PGlite, 1k…300k on PostgreSQL: the curve, and the budgets at 100k
 *   7. load.ts     1,000 sites × 3 queries, reads under 5 writes/s, reads during a 16k import (100k people)
 *   8. outbox.ts   the outbox drain: batched claims over pooled SMTP vs one mail per claim, same run
 *   9. startup.ts  `npm start` on existing data vs the old build-then-tsx start (last: it rebuilds dist/cdn)
 *  10. admin-search.ts  the HR workspace's people search (`q`) on 10,000 people
 *
 * `--only scale,load` runs only the parts so named (a name or its first word: `scale` is both scale
 * parts, `scale PostgreSQL` one); the results then go to bench/results/<date>-only-<names>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureAdminSearch } from './admin-search.js';
import { measureApi, startChild } from './api.js';
import { measureBundle } from './bundle.js';
import { measureContact } from './contact.js';
import { measurePage } from './page.js';
import { measureLoad } from './load.js';
import { measureOutbox } from './outbox.js';
import { measureQueries, withBenchDatabase } from './query.js';
import { measureScale } from './scale.js';
import { measureStartup } from './startup.js';
import { formatTable, type Row } from './table.js';

const started = new Date();
const t0 = performance.now();
const rows: Row[] = [];
const details: Record<string, unknown> = {};
const onlyAt = process.argv.indexOf('--only');
const only =
  onlyAt > 0
    ? (process.argv[onlyAt + 1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : undefined;
const wanted = (name: string) => !only || only.some((asked) => name === asked || name.startsWith(`${asked} `));
const log = (line: string) => console.error(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`);

/** One part failing (a crash, not a budget) is reported in the table; the others still run. */
async function part(name: string, measure: () => Promise<{ rows: Row[]; details: unknown }>) {
  if (!wanted(name)) return;
  log(name);
  try {
    const result = await measure();
    rows.push(...result.rows);
    details[name] = result.details;
  } catch (error) {
    console.error(error);
    rows.push({ section: name, name: 'error', value: String(error instanceof Error ? error.message : error).slice(0, 120), budget: '', status: 'FAIL' });
    details[name] = { error: String(error instanceof Error ? error.stack : error) };
  }
}

await part('bundle', async () => {
  const { rows, files } = measureBundle(fileURLToPath(new URL('../dist/cdn', import.meta.url)));
  return { rows, details: { files } };
});
await part('page', measurePage);

const hallway = wanted('api') || wanted('contact') ? await startApiChild() : undefined;
if (hallway instanceof Error) {
  rows.push({ section: 'api', name: 'error', value: hallway.message.slice(0, 120), budget: '', status: 'FAIL' });
} else if (hallway) {
  details.seed = hallway.info;
  try {
    await part('api', () => measureApi(hallway));
    await part('contact', () => measureContact(hallway));
  } finally {
    await hallway.stop();
  }
}
await part('query', measureQueries);
await part('scale PGlite', () => measureScale('PGlite', 'memory://', [1_000, 10_000, 100_000]));
const postgres = process.env.BENCH_POSTGRES_URL;
if (postgres) await part('scale PostgreSQL', () => withBenchDatabase(postgres, (url) => measureScale('PostgreSQL', url, [1_000, 10_000, 100_000, 300_000])));
else if (wanted('scale PostgreSQL'))
  rows.push({ section: 'scale', name: 'PostgreSQL', value: 'not measured: BENCH_POSTGRES_URL unset', budget: '', status: 'not measured' });
await part('load PGlite', () => measureLoad('PGlite', 100_000));
if (postgres) await part('load PostgreSQL', () => withBenchDatabase(postgres, (url) => measureLoad('PostgreSQL', 100_000, url)));
await part('admin search', measureAdminSearch);
await part('outbox', measureOutbox);
await part('startup', measureStartup);

async function startApiChild() {
  log('api: starting the server child and seeding 10,000 people');
  return startChild('hallway').catch((error: unknown) => error as Error);
}

const seconds = (performance.now() - t0) / 1000;
console.log(`\nHallway bench, ${started.toISOString()}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}\n`);
console.log(formatTable(rows));
const failed = rows.filter((r) => r.status === 'FAIL').length;
const passed = rows.filter((r) => r.status === 'pass').length;
console.log(`\n${passed} pass, ${failed} fail; bench took ${seconds.toFixed(0)} s (plus the build)`);

const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL(`${started.toISOString().slice(0, 10)}${only ? `-only-${only.join('-').replace(/\W+/g, '_')}` : ''}.json`, dir);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model.trim(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
writeFileSync(file, `${JSON.stringify({ startedAt: started.toISOString(), seconds, machine, rows, details }, null, 2)}\n`);
console.log(`results: ${fileURLToPath(file)}`);
