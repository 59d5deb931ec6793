import { sql } from 'kysely';
import type { Db } from '../store/database.js';
import { mondayOf } from './weeks.js';

/** What is counted: funnel steps, and the answer delays' histogram (`answer_hours:<h>`, h whole hours). */
export type Metric = 'lists' | 'asked' | 'confirmed' | 'answered' | 'declined' | 'testimonials' | `answer_hours:${number}`;

/** The label of whatever was not asked or listed for a job. */
export const NO_JOB = '';
/** Delays of a month or more share the last bucket. */
export const MAX_ANSWER_HOURS = 720;
export const FLUSH_INTERVAL_MS = 5_000;
const ROWS_PER_INSERT = 500;

interface Row {
  site_id: number;
  week: string;
  job: string;
  metric: string;
  count: number;
}

/**
 * Counts in memory (a map increment, nothing on the request's path waits for the database) and adds
 * the counts to `analytics_weekly` on `flush()`. Counts not flushed yet are lost with the process.
 */
export class AnalyticsCounter {
  private counts = new Map<string, Row>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  count(siteId: number, job: string | null | undefined, metric: Metric, at = new Date()) {
    const week = mondayOf(at);
    const label = job?.trim().slice(0, 200) ?? NO_JOB;
    const key = `${siteId}\t${week}\t${metric}\t${label}`;
    const row = this.counts.get(key);
    if (row) row.count++;
    else this.counts.set(key, { site_id: siteId, week, job: label, metric, count: 1 });
  }

  /** An answer, and its delay from the question's forwarding in the histogram. */
  countAnswer(siteId: number, job: string | null, confirmedAt: Date | null, answeredAt: Date) {
    this.count(siteId, job, 'answered', answeredAt);
    if (!confirmedAt) return;
    const hours = Math.min(MAX_ANSWER_HOURS, Math.max(0, Math.floor((answeredAt.getTime() - confirmedAt.getTime()) / 3600_000)));
    this.count(siteId, job, `answer_hours:${hours}`, answeredAt);
  }

  /** Adds the counts so far to the table; one flush at a time. Counts a failed flush held are kept for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.write());
    return this.flushing;
  }

  private async write() {
    if (this.counts.size === 0) return;
    const rows = [...this.counts.values()];
    this.counts = new Map();
    try {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await this.db
          .insertInto('analytics_weekly')
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .onConflict((oc) => oc.columns(['site_id', 'week', 'job', 'metric']).doUpdateSet({ count: sql`analytics_weekly.count + excluded.count` }))
          .execute();
      }
    } catch (error) {
      // Whatever may not have been written is counted again next time (a batch written before the
      // failure would count twice: rare, and better than losing a database outage's worth).
      for (const row of rows) {
        const key = `${row.site_id}\t${row.week}\t${row.metric}\t${row.job}`;
        const now = this.counts.get(key);
        if (now) now.count += row.count;
        else this.counts.set(key, row);
      }
      throw error;
    }
  }
}

const counters = new WeakMap<Db, AnalyticsCounter>();

/** The one counter of this database, shared by the public routes, the contact flow and the admin API. */
export function analyticsCounter(db: Db): AnalyticsCounter {
  let counter = counters.get(db);
  if (!counter) {
    counter = new AnalyticsCounter(db);
    counters.set(db, counter);
  }
  return counter;
}

/** Flushes every `intervalMs`; `stop()` flushes a last time (shutdown). */
export function startAnalyticsFlush(db: Db, intervalMs = FLUSH_INTERVAL_MS) {
  const counter = analyticsCounter(db);
  const logFailure = (error: unknown) => console.error(`analytics flush failed: ${error instanceof Error ? error.message : String(error)}`);
  const timer = setInterval(() => void counter.flush().catch(logFailure), intervalMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await counter.flush().catch(logFailure);
    },
  };
}
