/**
 * 4. Cold matching query: the site's version read and listPublicPeople, as the route runs them, for 50
 * different job titles on the 10,000-person bench site, each title once, so no cache of answers can
 * have seen it. One unrelated title is queried first and not counted: it pays the connection's
 * one-time costs (catalog caches) and reads the site's title counts, as the first list after a write
 * does (site-titles.ts; scale.ts times that read).
 * PGlite in memory always; PostgreSQL too when BENCH_POSTGRES_URL names a server (a database is made
 * for the run and dropped after).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { listPublicPeople } from '../src/server/public-people.js';
import { SiteReader } from '../src/server/site.js';
import { openDatabase, type Db } from '../src/server/store/database.js';
import { migrate } from '../src/server/store/migrations.js';
import { BENCH_SITE, QUERY_TITLES, seedBenchSite } from './seed.js';
import { ms, passIf, percentile, type Row } from './table.js';

const SECTION = 'query';
const BUDGET_P50_MS = 5;

async function timeQueries(db: Db) {
  const seeded = await seedBenchSite(db);
  const site = { id: seeded.siteId, slug: BENCH_SITE };
  const sites = new SiteReader(db);
  const run = async (job: string) => {
    const { publicVersion } = (await sites.read(BENCH_SITE))!;
    return listPublicPeople(db, site, { job, limit: 12 }, 'https://hallway.example', publicVersion);
  };
  await run('Lighthouse Keeper');
  const timings: { job: string; ms: number; match: string }[] = [];
  for (const job of QUERY_TITLES) {
    const start = performance.now();
    const { match } = await run(job);
    timings.push({ job, ms: performance.now() - start, match });
  }
  return timings;
}

function rows(label: string, timings: { ms: number }[]): Row[] {
  const values = timings.map((t) => t.ms);
  const p50 = percentile(values, 50);
  return [
    {
      section: SECTION,
      name: `${label}: cold listPublicPeople p50 (${values.length} titles)`,
      value: ms(p50, 2),
      budget: `< ${BUDGET_P50_MS} ms`,
      status: passIf(p50 < BUDGET_P50_MS),
    },
    { section: SECTION, name: `${label}: cold listPublicPeople p95`, value: ms(percentile(values, 95), 2), budget: '', status: 'report' },
  ];
}

export async function measureQueries(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const db = await openDatabase('memory://');
  let pglite;
  try {
    await migrate(db);
    pglite = await timeQueries(db);
  } finally {
    await db.destroy();
  }
  const result = { rows: rows('PGlite', pglite), details: { pglite } as Record<string, unknown> };

  const server = process.env.BENCH_POSTGRES_URL;
  if (!server) {
    result.rows.push({ section: SECTION, name: 'PostgreSQL', value: 'not measured: BENCH_POSTGRES_URL unset', budget: '', status: 'not measured' });
    return result;
  }
  await withBenchDatabase(server, async (url) => {
    const pgDb = await openDatabase(url);
    try {
      await migrate(pgDb);
      const postgres = await timeQueries(pgDb);
      result.rows.push(...rows('PostgreSQL', postgres));
      result.details.postgres = postgres;
    } finally {
      await pgDb.destroy();
    }
  });
  return result;
}

/** Runs `use` with the URL of a database made on `server` for it, and dropped after. */
export async function withBenchDatabase<T>(server: string, use: (url: string) => Promise<T>): Promise<T> {
  const name = `hallway_bench_${randomBytes(4).toString('hex')}`;
  await onServer(server, `create database ${name}`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return await use(url.href);
  } finally {
    await onServer(server, `drop database if exists ${name} with (force)`);
  }
}

async function onServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
