/**
 * 6. How cost grows with the site: for each size (PostgreSQL 1k…300k, PGlite 1k…100k) a site is
 * seeded (timed: the triggers' cost shows here) and each list is timed cold, as a request pays it
 * when no cache holds its answer: the site and its version read (every request reads them), then
 * listPublicPeople — for job-matched queries and for each fallback (team, location, everyone). The
 * site's title counts are read once per order version (site-titles.ts): that read, which the first
 * list after a write changing the order pays, is timed on its own. The curve is printed as the ratio
 * to the smallest size, next to the budgets at 100k and 300k people.
 */
import { listPublicPeople } from '../src/server/public-people.js';
import { SiteReader } from '../src/server/site.js';
import { siteTitles } from '../src/server/site-titles.js';
import { openDatabase, type Db } from '../src/server/store/database.js';
import { migrate } from '../src/server/store/migrations.js';
import type { PeopleQuery } from '../src/sdk/schemas.js';
import { QUERY_TITLES, seedBenchSite } from './seed.js';
import { passIf, percentile, type Row } from './table.js';

const TEAMS = ['Front Office', 'Food & Beverage', 'Housekeeping', 'Sales & Revenue', 'Engineering', 'Finance', 'People', 'Technology'];
const CITIES = ['London', 'Paris', 'Lyon', 'Berlin', 'Dublin', 'Nice', 'Amsterdam', 'New York'];
const LANGS = [undefined, 'fr', 'en', 'de'];

/**
 * The queries of each kind: the job ones match a title; the others name a job nobody has, in two
 * rounds (another such job each) so that each fallback is timed 64 times: the p95 of fewer is their slowest.
 */
export const SCALE_QUERIES: Record<'job' | 'team' | 'location' | 'all', PeopleQuery[]> = {
  job: QUERY_TITLES.filter((job) => !['Pilot', 'Astronaut'].includes(job)).map((job, i) => ({ job, lang: LANGS[i % 4] })),
  team: [0, 1].flatMap((round) => TEAMS.flatMap((team) => LANGS.map((lang) => ({ job: `Astronaut ${round}`, team, lang })))),
  location: [0, 1].flatMap((round) => CITIES.flatMap((location) => LANGS.map((lang) => ({ job: `Pilot ${round}`, team: 'Nobody Team', location, lang })))),
  all: Array.from({ length: 64 }, (_, i) => ({ job: `Astronaut ${i}`, lang: LANGS[i % 4] })),
};

export type Kind = keyof typeof SCALE_QUERIES;
export interface SizeResult {
  people: number;
  seedMs: number;
  /** Reading the site's title counts (no version given: never kept), median of 9, ms. */
  titlesMs: number;
  /** Per kind: p50 and p95 of the cold call, ms. */
  kinds: Record<Kind, { p50: number; p95: number; matches: string[] }>;
}

/** Seeds `people` on a new site of `db` and times each kind of query on it. */
export async function measureSize(db: Db, people: number, slug: string): Promise<SizeResult> {
  const start = performance.now();
  const seeded = await seedBenchSite(db, people, slug);
  const seedMs = performance.now() - start;
  const site = { id: seeded.siteId, slug };
  const sites = new SiteReader(db);
  const run = async (query: PeopleQuery) => {
    const { publicVersion } = (await sites.read(slug))!;
    return listPublicPeople(db, site, { limit: 12, ...query }, 'https://hallway.example', publicVersion);
  };
  await run({ job: 'Lighthouse Keeper' });
  const titleReads: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    await siteTitles(db, site.id);
    titleReads.push(performance.now() - t);
  }
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
  return { people, seedMs, titlesMs: percentile(titleReads, 50), kinds };
}

const BUDGETS: Record<Kind, { p50?: number; p95: number }> = {
  job: { p50: 5, p95: 20 },
  team: { p95: 10 },
  location: { p95: 10 },
  all: { p95: 10 },
};

/** The table rows of one database's curve: each kind at each size, budgets checked at 100k and above. */
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
  rows.push({
    section,
    name: `${label}: title counts read, ms`,
    value: curve((r) => r.titlesMs, 2),
    budget: 'once per order write',
    status: 'report',
  });
  const large = results.filter((r) => r.people >= 100_000);
  const within = (value: (r: SizeResult) => number, limit: number) => (large.length > 0 ? passIf(large.every((r) => value(r) <= limit)) : 'report');
  const at = large.map((r) => `${r.people / 1000}k`).join(' and ');
  for (const kind of Object.keys(BUDGETS) as Kind[]) {
    const budget = BUDGETS[kind];
    rows.push({
      section,
      name: `${label}: ${kind} p50, ms`,
      value: curve((r) => r.kinds[kind].p50, 2),
      budget: budget.p50 ? `<= ${budget.p50} ms at ${at}` : '',
      status: budget.p50 ? within((r) => r.kinds[kind].p50, budget.p50) : 'report',
    });
    rows.push({
      section,
      name: `${label}: ${kind} p95, ms`,
      value: curve((r) => r.kinds[kind].p95, 2),
      budget: `<= ${budget.p95} ms at ${at}`,
      status: within((r) => r.kinds[kind].p95, budget.p95),
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
