/**
 * The workspace's overview on a large site: 100,000 people (the bench seed) and 1,000 open jobs.
 * Run alone: `node --import tsx bench/coverage.ts` (PGlite in memory; a minute or two to seed).
 * Prints the server time of `siteOverview`, the work behind `GET /v1/admin/sites/:site/overview`.
 */
import { sql } from 'kysely';
import { replaceJobs, siteOverview } from '../src/server/admin/coverage.js';
import { openTestDatabase } from '../tests/support/node/test-database.js';
import { seedBenchSite } from './seed.js';

const PEOPLE = Number(process.env.COVERAGE_PEOPLE ?? 100_000);
const JOBS = 1000;

const { db, drop } = await openTestDatabase();
const { siteId } = await seedBenchSite(db, PEOPLE);
const titles = (await sql<{ job_title: string }>`select distinct job_title from people where site_id = ${siteId}`.execute(db)).rows.map((row) => row.job_title);
const words = ['Senior', 'Junior', 'Lead', 'Assistant', 'Trainee', 'Head of', 'Night', 'Seasonal'];
const jobs = Array.from({ length: JOBS }, (_, i) => ({
  // Half near a title people hold, half a title nobody holds (each job its own title, scored apart).
  title: i % 2 ? `${words[i % words.length]} ${titles[i % titles.length]}` : `Falconer ${i}`,
  team: i % 3 ? 'Food & Beverage' : `Team ${i}`,
  location: 'Lisbon',
}));
await replaceJobs(db, siteId, 'upload', jobs);
for (let run = 1; run <= 3; run++) {
  const start = performance.now();
  const overview = await siteOverview(db, siteId);
  const ms = performance.now() - start;
  const nobody = overview.jobs.filter((job) => job.listed === 0).length;
  console.log(`run ${run}: ${ms.toFixed(0)} ms for ${overview.jobs.length} jobs × ${overview.people.total} people (${titles.length} titles); ${nobody} jobs with nobody`);
}
await drop();
