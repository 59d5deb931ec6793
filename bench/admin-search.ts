/**
 * 10. The HR workspace's people search (issue 16): `listAdminPeople` with `q` on the 10,000-person
 * bench site, a page of 100 as the workspace asks for, for queries HR types (a first name, a surname
 * with or without its accent, a title, a team and a city, part of an e-mail, a word nobody has).
 * Each query once to warm up, then 10 times; only the call is timed. Budget: under 100 ms server
 * time. PGlite in memory. Run alone: `node --import tsx bench/admin-search.ts`.
 */
import { pathToFileURL } from 'node:url';
import { listAdminPeople } from '../src/server/admin/people.js';
import { openDatabase } from '../src/server/store/database.js';
import { migrate } from '../src/server/store/migrations.js';
import { seedBenchSite } from './seed.js';
import { formatTable, ms, passIf, percentile, type Row } from './table.js';

const SECTION = 'admin search';
const BUDGET_MS = 100;
const RUNS = 10;
const QUERIES = ['camille', 'MULLER', 'müller', 'head chef', 'front office lyon', '@bench', 'senior engineer berlin', 'nobody-has-this'];

export async function measureAdminSearch(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const db = await openDatabase('memory://');
  try {
    await migrate(db);
    const { siteId } = await seedBenchSite(db);
    const timings: { q: string; found: number; p50: number; max: number }[] = [];
    const every: number[] = [];
    for (const q of QUERIES) {
      await listAdminPeople(db, siteId, { q, limit: 100 });
      const values: number[] = [];
      let found = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        found = (await listAdminPeople(db, siteId, { q, limit: 100 })).items.length;
        values.push(performance.now() - start);
      }
      every.push(...values);
      timings.push({ q, found, p50: percentile(values, 50), max: Math.max(...values) });
    }
    const p50 = percentile(every, 50);
    const p95 = percentile(every, 95);
    const rows: Row[] = [
      {
        section: SECTION,
        name: `PGlite: people search on 10,000 people p50 (${QUERIES.length} queries × ${RUNS})`,
        value: ms(p50),
        budget: `< ${BUDGET_MS} ms`,
        status: passIf(p50 < BUDGET_MS),
      },
      { section: SECTION, name: 'PGlite: people search p95', value: ms(p95), budget: `< ${BUDGET_MS} ms`, status: passIf(p95 < BUDGET_MS) },
    ];
    return { rows, details: { timings } };
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, details } = await measureAdminSearch();
  console.log(formatTable(rows));
  console.table(details.timings);
}
