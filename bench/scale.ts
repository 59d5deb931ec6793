/**
 * 6. How cost grows with the site: for each size (PostgreSQL 1k…300k, PGlite 1k…100k) a site is
 * seeded (timed: the triggers' cost shows here) and listPublicPeople is timed cold (no cache of ours)
 * for job-matched queries and for each fallback (team, location, everyone). The curve is printed as
 * the ratio to the smallest size, next to the budget at 100k people.
 */
import { listPublicPeople } from '../src/server/public-people.js';
import { openDatabase, type Db } from '../src/server/store/database.js';
import { migrate } from '../src/server/store/migrations.js';
import type { PeopleQuery } from '../src/sdk/schemas.js';
import { QUERY_TITLES, seedBenchSite } from './seed.js';
import { passIf, percentile, type Row } from './table.js';

const TEAMS = ['Front Office', 'Food & Beverage', 'Housekeeping', 'Sales & Revenue', 'Engineering', 'Finance', 'People', 'Technology'];
const CITIES = ['London', 'Paris', 'Lyon', 'Berlin', 'Dublin', 'Nice', 'Amsterdam', 'New York'];
const LANGS = [undefined, 'fr', 'en', 'de'];

/** The queries of each kind: the job ones match a title; the others name a job nobody has. */
export const SCALE_QUERIES: Record<'job' | 'team' | 'location' | 'all', PeopleQuery[]> = {
  job: QUERY_TITLES.filter((job) => !['Pilot', 'Astronaut'].includes(job)).map((job, i) => ({ job, lang: LANGS[i % 4] })),
  team: TEAMS.flatMap((team) => LANGS.map((lang) => ({ job: 'Astronaut', team, lang }))),
  location: CITIES.flatMap((location) => LANGS.map((lang) => ({ job: 'Pilot', team: 'Nobody Team', location, lang }))),
  all: [...LANGS, ...LANGS, ...LANGS, ...LANGS].map((lang, i) => ({ job: `Astronaut ${i}`, lang })),
};

export type Kind = keyof typeof SCALE_QUERIES;
export interface SizeResult {
  people: number;
  seedMs: number;
  /** Per kind: p50 and p95 of the cold call, ms. */
  kinds: Record<Kind, { p50: number; p95: number; matches: string[] }>;
}

/** Seeds `people` on a new site of `db` and times each kind of query on it. */
export async function measureSize(db: Db, people: number, slug: string): Promise<SizeResult> {
  const start = performance.now();
  const seeded = await seedBenchSite(db, people, slug);
  const seedMs = performance.now() - start;
  const site = { id: seeded.siteId, slug };
  const run = (query: PeopleQuery) => listPublicPeople(db, site, { limit: 12, ...query }, 'https://hallway.example');
  await run({ job: 'Lighthouse Keeper' });
  const kinds = {} as SizeResult['kinds'];
  for (const [kind, queries] of Object.entries(SCALE_QUERIES) as [Kind, PeopleQuery[]][]) {
    const timings: number[] = [];
    const matches = new Set<string>();
    for (const query of queries) {
      const t = performance.now();
      const { match } = await run(query);
      timings.push(performance.now() - t);
      matches.add(match);
    }
    kinds[kind] = { p50: percentile(timings, 50), p95: percentile(timings, 95), matches: [...matches] };
  }
  return { people, seedMs, kinds };
}

const BUDGETS: Record<Kind, { p50?: number; p95: number }> = {
  job: { p50: 5, p95: 20 },
  team: { p95: 10 },
  location: { p95: 10 },
  all: { p95: 10 },
};

/** The table rows of one database's curve: each kind at each size, budgets checked at 100k. */
export function scaleRows(section: string, label: string, results: SizeResult[]): Row[] {
  const rows: Row[] = [];
  const first = results[0]!;
  const sizes = results.map((r) => `${r.people / 1000}k`).join(' / ');
  const curve = (value: (r: SizeResult) => number, digits = 1) =>
    results.map((r) => `${value(r).toFixed(digits)}`).join(' / ') +
    ` (×${(value(results.at(-1)!) / value(first)).toFixed(1)} for ×${results.at(-1)!.people / first.people} people)`;
  rows.push({ section, name: `${label}: seed ${sizes}, s`, value: curve((r) => r.seedMs / 1000), budget: '', status: 'report' });
  rows.push({
    section,
    name: `${label}: seed, ms per 1k people`,
    value: results.map((r) => (r.seedMs / (r.people / 1000)).toFixed(0)).join(' / '),
    budget: 'flat (linear)',
    status: 'report',
  });
  const at100k = results.find((r) => r.people === 100_000);
  for (const kind of Object.keys(BUDGETS) as Kind[]) {
    const budget = BUDGETS[kind];
    rows.push({
      section,
      name: `${label}: ${kind} p50, ms`,
      value: curve((r) => r.kinds[kind].p50, 2),
      budget: budget.p50 ? `<= ${budget.p50} ms at 100k` : '',
      status: budget.p50 && at100k ? passIf(at100k.kinds[kind].p50 <= budget.p50) : 'report',
    });
    rows.push({
      section,
      name: `${label}: ${kind} p95, ms`,
      value: curve((r) => r.kinds[kind].p95, 2),
      budget: `<= ${budget.p95} ms at 100k`,
      status: at100k ? passIf(at100k.kinds[kind].p95 <= budget.p95) : 'report',
    });
  }
  return rows;
}

/** The curve on one database: each size seeded on its own site of a fresh database, then queried. */
export async function measureScale(label: string, url: string, sizes: number[]): Promise<{ rows: Row[]; details: unknown }> {
  const db = await openDatabase(url);
  try {
    await migrate(db);
    const results: SizeResult[] = [];
    for (const people of sizes) results.push(await measureSize(db, people, `scale-${people}`));
    return { rows: scaleRows(`scale ${label}`, label, results), details: results };
  } finally {
    await db.destroy();
  }
}
