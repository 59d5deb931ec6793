import { sql } from 'kysely';
import type { AnalyticsFigures, AnalyticsReport } from '../../sdk/admin-schemas.js';
import { csvLine } from '../admin/audit.js';
import type { Db } from '../store/database.js';
import { analyticsCounter } from './counter.js';
import { isoWeekOf, mondaysBetween } from './weeks.js';

const STEPS = ['lists', 'asked', 'confirmed', 'answered', 'declined', 'testimonials'] as const;
type Step = (typeof STEPS)[number];

/** Counts being summed: the steps, and the answer delays' histogram (hours → answers). */
interface Tally {
  steps: Record<Step, number>;
  delays: Map<number, number>;
}

/** The site's counts from the Monday `from` to the Monday `to`, per week, per job, and in all. */
export async function analyticsReport(db: Db, siteId: number, from: string, to: string): Promise<AnalyticsReport> {
  await analyticsCounter(db).flush();
  const rows = await db
    .selectFrom('analytics_weekly')
    .select([sql<string>`to_char(week, 'YYYY-MM-DD')`.as('week'), 'job', 'metric', 'count'])
    .where('site_id', '=', siteId)
    .where('week', '>=', from)
    .where('week', '<=', to)
    .execute();
  const weeks = new Map(mondaysBetween(from, to).map((monday) => [monday, emptyTally()]));
  const jobs = new Map<string, Tally>();
  const totals = emptyTally();
  for (const row of rows) {
    const count = Number(row.count);
    for (const tally of [weeks.get(row.week), getOrAdd(jobs, row.job), totals]) if (tally) add(tally, row.metric, count);
  }
  return {
    from: isoWeekOf(from),
    to: isoWeekOf(to),
    weeks: [...weeks].map(([monday, tally]) => ({ week: isoWeekOf(monday), ...figures(tally) })),
    jobs: [...jobs].map(([job, tally]) => ({ job, ...figures(tally) })).sort((a, b) => b.lists - a.lists || a.job.localeCompare(b.job)),
    totals: figures(totals),
  };
}

/** The report as CSV: one line per week and job with any count, then the totals per week. */
export function analyticsCsv(report: AnalyticsReport, perJob: { week: string; job: string; figures: AnalyticsFigures }[]): string {
  const header = ['week', 'job', ...STEPS, 'median_answer_hours'];
  const line = (week: string, job: string, f: AnalyticsFigures) => [week, job, ...STEPS.map((step) => f[step]), f.medianAnswerHours ?? ''];
  const lines = [header, ...perJob.map((row) => line(row.week, row.job, row.figures)), ...report.weeks.map((week) => line(week.week, '(all jobs)', week))];
  return lines.map((cells) => csvLine(cells.map(String))).join('');
}

/** Each week × job with any count, for the CSV. */
export async function analyticsByWeekAndJob(db: Db, siteId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('analytics_weekly')
    .select([sql<string>`to_char(week, 'YYYY-MM-DD')`.as('week'), 'job', 'metric', 'count'])
    .where('site_id', '=', siteId)
    .where('week', '>=', from)
    .where('week', '<=', to)
    .orderBy('week')
    .orderBy('job')
    .execute();
  const tallies = new Map<string, Tally>();
  for (const row of rows) add(getOrAdd(tallies, `${row.week}\t${row.job}`), row.metric, Number(row.count));
  return [...tallies].map(([key, tally]) => {
    const [monday, job] = key.split('\t') as [string, string];
    return { week: isoWeekOf(monday), job, figures: figures(tally) };
  });
}

function emptyTally(): Tally {
  return { steps: { lists: 0, asked: 0, confirmed: 0, answered: 0, declined: 0, testimonials: 0 }, delays: new Map() };
}

function getOrAdd(tallies: Map<string, Tally>, key: string): Tally {
  let tally = tallies.get(key);
  if (!tally) tallies.set(key, (tally = emptyTally()));
  return tally;
}

function add(tally: Tally, metric: string, count: number) {
  if (metric.startsWith('answer_hours:')) {
    const hours = Number(metric.slice('answer_hours:'.length));
    tally.delays.set(hours, (tally.delays.get(hours) ?? 0) + count);
  } else if ((STEPS as readonly string[]).includes(metric)) {
    tally.steps[metric as Step] += count;
  }
}

function figures({ steps, delays }: Tally): AnalyticsFigures {
  return { ...steps, medianAnswerHours: medianHours(delays) };
}

/** The hour bucket holding the middle answer, as its upper edge ("answered within N hours"). */
export function medianHours(delays: Map<number, number>): number | null {
  const total = [...delays.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const hours of [...delays.keys()].sort((a, b) => a - b)) {
    seen += delays.get(hours)!;
    if (seen * 2 >= total) return hours + 1;
  }
  return null;
}
