/**
 * The workspace's overview: a site's open jobs (its job list) and who candidates see for each, as
 * the public matching (public-people.ts) ranks people, plus people by team and location. A few
 * grouped reads, whatever the number of jobs: titles are scored in the server, all jobs at once.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { GroupCount, JobCoverage, JobListProblem, SiteJobInput, SiteOverview } from '../../sdk/admin-schemas.js';
import { JOB_SIMILARITY_THRESHOLD } from '../public-people.js';
import { normaliseJobUrl } from '../../sdk/job-url.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { titlesReaching } from '../trigrams.js';

export type JobSource = 'upload' | 'feed';

/** The columns of a job list (CSV header, JSON keys). */
export const JOB_COLUMNS = ['title', 'url', 'team', 'location'] as const;

/** Why a job list was refused: a stable code and its parameters (JobListProblem), and the English message API users read. */
export class JobListRejected extends Error {
  constructor(
    readonly problem: JobListProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A CSV job list as the contract's JSON: one object per row, empty cells left out. The header names
 * the columns (any case, any order); a line number in the refusal is the file's (header = 1).
 */
export function readJobsCsv(text: string): Record<string, string>[] {
  let records: string[][];
  try {
    records = parse(text.replace(/\r\n?/g, '\n'), { bom: true, skip_empty_lines: true, trim: true, max_record_size: 16 * 1024 });
  } catch (error) {
    throw new JobListRejected({ code: 'invalid_csv', params: { detail: (error as Error).message } }, `not valid CSV: ${(error as Error).message}`);
  }
  const [header = [], ...rows] = records;
  const columns = header.map((cell) => cell.toLowerCase());
  const unknown = columns.find((column) => !(JOB_COLUMNS as readonly string[]).includes(column));
  if (unknown !== undefined) {
    const problem = { line: 1, field: unknown, code: 'unknown_column', params: { expected: JOB_COLUMNS.join(', ') } };
    throw new JobListRejected(problem, `line 1: unknown column "${unknown}" (expected ${JOB_COLUMNS.join(', ')})`);
  }
  if (!columns.includes('title')) throw new JobListRejected({ line: 1, field: 'title', code: 'missing_column' }, 'line 1: the file has no "title" column');
  return rows.map((row, index) => {
    if (row.length !== columns.length) {
      const problem = { line: index + 2, field: 'row', code: 'value_count', params: { expected: columns.length, found: row.length } };
      throw new JobListRejected(problem, `line ${index + 2}: expected ${columns.length} values, found ${row.length}`);
    }
    return Object.fromEntries(columns.flatMap((column, i) => (row[i] ? [[column, row[i]]] : [])));
  });
}

/** Replaces the site's jobs from `source` with `jobs`, in their order, in one transaction. */
export async function replaceJobs(db: Db, siteId: number, source: JobSource, jobs: SiteJobInput[]): Promise<number> {
  await inTransaction(db, (trx) => writeJobs(trx, siteId, source, jobs));
  return jobs.length;
}

/** `replaceJobs` inside the caller's transaction. */
export async function writeJobs(trx: Db, siteId: number, source: JobSource, jobs: SiteJobInput[]): Promise<void> {
  await trx.deleteFrom('site_jobs').where('site_id', '=', siteId).where('source', '=', source).execute();
  for (let start = 0; start < jobs.length; start += 500) {
    const values = jobs.slice(start, start + 500).map((job, i) => ({
      site_id: siteId,
      source,
      position: start + i,
      title: job.title,
      url: job.url || null,
      url_key: (job.url && normaliseJobUrl(job.url)) || null,
      team: job.team || null,
      location: job.location || null,
    }));
    await trx.insertInto('site_jobs').values(values).execute();
  }
}

/**
 * Which list is the site's: the feed's once it has been read (it wins over an upload while it is
 * set: the careers site is the truth), else the uploaded one.
 */
export const activeJobSource = (siteId: number) =>
  sql<JobSource>`(case when exists (select 1 from site_job_feeds f where f.site_id = ${siteId} and f.last_success_at is not null) then 'feed' else 'upload' end)`;

interface Group extends GroupCount {
  key: string | null;
}

export async function siteOverview(db: Db, siteId: number): Promise<SiteOverview> {
  const jobs = await db
    .selectFrom('site_jobs')
    .select(['title', 'url', 'team', 'location', 'title_key', 'team_key', 'location_key', 'source', 'created_at'])
    .where('site_id', '=', siteId)
    .where('source', '=', activeJobSource(siteId))
    .orderBy('position')
    .execute();
  const titles = await listedTitles(db, siteId);
  const { teams, locations, totals } = await peopleCounts(db, siteId);
  const pending = await db
    .selectFrom('testimonials as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('p.site_id', '=', siteId)
    .where('t.status', '=', 'pending')
    .executeTakeFirstOrThrow();

  const teamListed = new Map(teams.map((group) => [group.key, group.listed]));
  const locationListed = new Map(locations.map((group) => [group.key, group.listed]));
  const reaching = reachingTitles(
    jobs.map((job) => job.title_key),
    titles.map((title) => title.job_title_key),
  );
  const coverage = jobs.map((job): JobCoverage => {
    const inJob = reaching.get(job.title_key)!.map((i) => titles[i]!);
    const listed = inJob.reduce((sum, title) => sum + title.listed, 0);
    const contactable = inJob.reduce((sum, title) => sum + title.contactable, 0);
    const match = listed > 0 ? 'job' : (teamListed.get(job.team_key) ?? 0) > 0 ? 'team' : (locationListed.get(job.location_key) ?? 0) > 0 ? 'location' : 'all';
    return { title: job.title, url: job.url, team: job.team, location: job.location, listed, contactable, match };
  });
  const last = jobs.reduce<Date | null>((latest, job) => (latest && latest > job.created_at ? latest : job.created_at), null);
  return {
    jobs: coverage,
    jobsSource: (jobs[0]?.source as JobSource | undefined) ?? null,
    jobsUpdatedAt: last && new Date(last).toISOString(),
    people: { total: totals.total, listed: totals.listed, contactable: titles.reduce((sum, title) => sum + title.contactable, 0) },
    teams: teams.map(({ name, people, listed }) => ({ name, people, listed })),
    locations: locations.map(({ name, people, listed }) => ({ name, people, listed })),
    invitations: { sent: totals.sent, accepted: totals.accepted },
    pendingTestimonials: pending.count,
  };
}

/** Each distinct job title's reaching titles (indexes), scored once however many jobs share it. */
function reachingTitles(jobKeys: string[], titleKeys: string[]): Map<string, number[]> {
  const distinct = [...new Set(jobKeys)];
  const reaching = titlesReaching(distinct, titleKeys, JOB_SIMILARITY_THRESHOLD);
  return new Map(distinct.map((key, i) => [key, reaching[i]!]));
}

/**
 * The site's listed titles and how many people hold each, as matching reads them (`listed_titles`,
 * kept by triggers), with how many of those accept questions (their latest "contact" decision, read
 * for the site's listed people in one pass).
 */
async function listedTitles(db: Db, siteId: number) {
  const counts = await db.selectFrom('listed_titles').select(['job_title_key', 'people']).where('site_id', '=', siteId).where('people', '>', 0).execute();
  const contactable = await sql<{ key: string; count: number }>`
    select p.job_title_key as key, count(*)::int as count
    from people p
    join (
      select distinct on (c.person_id) c.person_id, c.granted
      from consents c join people q on q.id = c.person_id
      where q.site_id = ${siteId} and q.listed and c.purpose = 'contact'
      order by c.person_id, c.id desc
    ) latest on latest.person_id = p.id and latest.granted
    where p.site_id = ${siteId} and p.listed
    group by p.job_title_key`.execute(db);
  const contactableOf = new Map(contactable.rows.map((row) => [row.key, row.count]));
  return counts.map((row) => ({ job_title_key: row.job_title_key, listed: row.people, contactable: contactableOf.get(row.job_title_key) ?? 0 }));
}

/** Employees and alumni by team, by location, and in all, in one pass over the site's people. */
async function peopleCounts(db: Db, siteId: number) {
  const rows = await sql<{ by: 'team' | 'location' | 'all'; key: string | null; name: string | null; people: number; listed: number; sent: number; accepted: number }>`
    select case when grouping(p.team_key) = 0 then 'team' when grouping(p.location_key) = 0 then 'location' else 'all' end as by,
      case when grouping(p.team_key) = 0 then p.team_key else p.location_key end as key,
      case when grouping(p.team_key) = 0 then min(p.team) else min(p.location) end as name,
      count(*)::int as people,
      count(*) filter (where p.listed)::int as listed,
      count(*) filter (where p.invited_at is not null)::int as sent,
      count(*) filter (where p.invited_at is not null and p.listed)::int as accepted
    from people p
    where p.site_id = ${siteId} and p.erased_at is null and p.status <> 'left'
    group by grouping sets ((p.team_key), (p.location_key), ())`.execute(db);
  const groups = (by: 'team' | 'location'): Group[] =>
    rows.rows
      .filter((row) => row.by === by)
      .map(({ key, name, people, listed }) => ({ key, name, people, listed }))
      .sort((a, b) => b.people - a.people || (a.key ?? '').localeCompare(b.key ?? ''));
  const all = rows.rows.find((row) => row.by === 'all') ?? { people: 0, listed: 0, sent: 0, accepted: 0 };
  return { teams: groups('team'), locations: groups('location'), totals: { total: all.people, listed: all.listed, sent: all.sent, accepted: all.accepted } };
}
