/**
 * A site's job feed (issue 17): its settings and status (`site_job_feeds`), and one fetch of it, which
 * replaces the site's `feed` jobs when it reads a list and keeps them when it fails. A fetch holds the
 * feed by a lease (`claimed_until`), taken in one statement, so that one instance at a time reads it.
 */
import { sql, type Selectable, type Updateable } from 'kysely';
import {
  FEED_INTERVAL_DEFAULT_MINUTES,
  FEED_MAX_BYTES,
  FEED_MAX_PAGES,
  SITE_JOBS_MAX,
  type FeedKind,
  type JobFeed,
  type JobFeedSet,
  type SiteJobInput,
} from '../../sdk/admin-schemas.js';
import { writeJobs } from '../admin/coverage.js';
import type { Db } from '../store/database.js';
import type { SiteJobFeedsTable } from '../store/schema.js';
import { looksLikeXml, readJobPage, readJsonFeed, readSitemap, type ReadKind } from './feed-formats.js';
import { FeedFailure, fetchLimited, type FetchLimits } from './feed-http.js';

export type FeedRow = Selectable<SiteJobFeedsTable>;

export interface FeedOptions {
  now?: () => Date;
  /** For each document (the feed, a sitemap, a page). Default 15 s. */
  timeoutMs?: number;
  /** For the whole fetch, a sitemap's pages included. Default 2 min. */
  budgetMs?: number;
  maxBytes?: number;
  maxPages?: number;
  /** A sitemap's pages read at once. Default 4. */
  concurrency?: number;
}

/** How long a fetch holds its feed: longer than the whole fetch may take. */
export const FEED_LEASE_MS = 5 * 60_000;
const DEFAULT_BUDGET_MS = 2 * 60_000;

export async function findFeed(db: Db, siteId: number): Promise<FeedRow | undefined> {
  return db.selectFrom('site_job_feeds').selectAll().where('site_id', '=', siteId).executeTakeFirst();
}

/** Sets the site's feed; a new address or kind forgets the last answer's validators and is due at once. */
export async function setFeed(db: Db, siteId: number, input: JobFeedSet, now: Date): Promise<FeedRow> {
  const previous = await findFeed(db, siteId);
  const kind = input.kind ?? previous?.kind ?? 'auto';
  const interval = input.intervalMinutes ?? previous?.interval_minutes ?? FEED_INTERVAL_DEFAULT_MINUTES;
  if (previous && previous.url === input.url && previous.kind === kind) {
    return db.updateTable('site_job_feeds').set({ interval_minutes: interval }).where('site_id', '=', siteId).returningAll().executeTakeFirstOrThrow();
  }
  const fresh = { url: input.url, kind, interval_minutes: interval, etag: null, last_modified: null, status: 'pending', message: null, next_fetch_at: now };
  return db
    .insertInto('site_job_feeds')
    .values({ site_id: siteId, ...fresh })
    .onConflict((conflict) => conflict.column('site_id').doUpdateSet(fresh))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes the feed and its jobs: the uploaded list, if any, is the site's again. */
export async function removeFeed(db: Db, siteId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('site_jobs').where('site_id', '=', siteId).where('source', '=', 'feed').execute();
    const removed = await trx.deleteFrom('site_job_feeds').where('site_id', '=', siteId).executeTakeFirst();
    await touchSite(trx, siteId);
    return removed.numDeletedRows > 0n;
  });
}

/** Takes the site's feed for a fetch, unless another fetch holds it (or there is none). */
export async function claimFeed(db: Db, siteId: number, now: Date, leaseMs = FEED_LEASE_MS): Promise<FeedRow | undefined> {
  return db
    .updateTable('site_job_feeds')
    .set({ claimed_until: new Date(now.getTime() + leaseMs) })
    .where('site_id', '=', siteId)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
    .returningAll()
    .executeTakeFirst();
}

/** Takes up to `limit` feeds due for a fetch; `skip locked` lets several instances claim at once. */
export async function claimDueFeeds(db: Db, now: Date, limit: number, leaseMs = FEED_LEASE_MS): Promise<FeedRow[]> {
  return db
    .updateTable('site_job_feeds')
    .set({ claimed_until: new Date(now.getTime() + leaseMs) })
    .where('site_id', 'in', (due) =>
      due
        .selectFrom('site_job_feeds')
        .select('site_id')
        .where('next_fetch_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .orderBy('next_fetch_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/**
 * Fetches a claimed feed and records how it went, releasing the claim. A list read replaces the site's
 * feed jobs (when it changed) and the status in one transaction; a failure changes only the status.
 */
export async function runFeed(db: Db, feed: FeedRow, options: FeedOptions = {}): Promise<FeedRow> {
  const now = (options.now ?? (() => new Date()))();
  const next = nextFetch(now, feed.interval_minutes);
  const attempt = { last_attempt_at: now, next_fetch_at: next, claimed_until: null };
  try {
    const read = await readFeed(feed, options);
    return await db.transaction().execute(async (trx) => {
      if (!read.notModified && (feed.last_success_at === null || (await changedJobs(trx, feed.site_id, read.jobs)))) {
        await writeJobs(trx, feed.site_id, 'feed', read.jobs);
        await touchSite(trx, feed.site_id);
      }
      const outcome = read.notModified
        ? { status: 'not_modified', message: null }
        : {
            status: 'ok',
            message: read.skipped ? `${read.skipped} page(s) of the sitemap could not be read` : null,
            detected_kind: read.kind,
            job_count: read.jobs.length,
            etag: read.etag,
            last_modified: read.lastModified,
          };
      return updateFeed(trx, feed.site_id, { ...attempt, ...outcome, last_success_at: now });
    });
  } catch (error) {
    if (!(error instanceof FeedFailure)) {
      await updateFeed(db, feed.site_id, { claimed_until: null });
      throw error;
    }
    return updateFeed(db, feed.site_id, { ...attempt, status: error.code, message: error.message });
  }
}

const updateFeed = (db: Db, siteId: number, values: Updateable<SiteJobFeedsTable>) =>
  db.updateTable('site_job_feeds').set(values).where('site_id', '=', siteId).returningAll().executeTakeFirstOrThrow();

/** The interval from now, less up to a tenth of it: feeds set at the same time drift apart. */
const nextFetch = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000 * (1 - Math.random() / 10));

/** A site's public lists depend on its jobs (a page matched by its address): their cache must move on. */
const touchSite = (db: Db, siteId: number) => sql`select hw_touch_sites('{}', array[${siteId}]::integer[])`.execute(db);

async function changedJobs(db: Db, siteId: number, jobs: SiteJobInput[]): Promise<boolean> {
  const stored = await db
    .selectFrom('site_jobs')
    .select(['title', 'url', 'team', 'location'])
    .where('site_id', '=', siteId)
    .where('source', '=', 'feed')
    .orderBy('position')
    .execute();
  return (
    JSON.stringify(stored) !== JSON.stringify(jobs.map(({ title, url, team, location }) => ({ title, url: url ?? null, team: team ?? null, location: location ?? null })))
  );
}

type Read = { notModified: true } | { notModified: false; kind: ReadKind; jobs: SiteJobInput[]; skipped: number; etag: string | null; lastModified: string | null };

async function readFeed(feed: FeedRow, options: FeedOptions): Promise<Read> {
  const limits: FetchLimits = {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: options.maxBytes ?? FEED_MAX_BYTES,
    signal: AbortSignal.timeout(options.budgetMs ?? DEFAULT_BUDGET_MS),
  };
  const fetched = await fetchLimited(feed.url, limits, { etag: feed.etag, lastModified: feed.last_modified });
  if (fetched.notModified) return fetched;
  const kind = feed.kind as FeedKind;
  const read =
    kind === 'sitemap' || (kind === 'auto' && looksLikeXml(fetched.body))
      ? { kind: 'sitemap' as const, ...(await sitemapJobs(fetched.body, limits, options)) }
      : { ...readJsonFeed(fetched.body, kind), skipped: 0 };
  if (read.jobs.length > SITE_JOBS_MAX) throw new FeedFailure('too_many_jobs', `the feed lists ${read.jobs.length} jobs; a site holds at most ${SITE_JOBS_MAX}`);
  return { notModified: false, ...read, etag: fetched.etag, lastModified: fetched.lastModified };
}

/** The jobs of a sitemap's pages (of its sitemaps, for an index: one level deep), a few pages at a time. */
async function sitemapJobs(body: string, limits: FetchLimits, options: FeedOptions): Promise<{ jobs: SiteJobInput[]; skipped: number }> {
  const maxPages = options.maxPages ?? FEED_MAX_PAGES;
  const sitemap = readSitemap(body);
  let pages = sitemap.urls;
  if (sitemap.index) {
    pages = [];
    for (const url of sitemap.urls) {
      if (pages.length >= maxPages) break;
      const child = await fetchLimited(url, limits);
      const read = child.notModified ? undefined : readSitemap(child.body);
      if (read && !read.index) pages.push(...read.urls);
    }
  }
  pages = [...new Set(pages)].slice(0, maxPages);
  const found: (SiteJobInput | undefined)[] = new Array(pages.length);
  let next = 0;
  let skipped = 0;
  const lane = async () => {
    while (next < pages.length) {
      const i = next++;
      try {
        const page = await fetchLimited(pages[i]!, limits);
        if (!page.notModified) found[i] = readJobPage(page.body, pages[i]!);
      } catch (error) {
        // The whole fetch's deadline ends it; a page that is gone or broken is only skipped.
        if (limits.signal?.aborted || !(error instanceof FeedFailure)) throw error;
        skipped++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, lane));
  const jobs = found.filter((job) => job !== undefined);
  if (jobs.length === 0) throw new FeedFailure('no_job_postings', `none of the sitemap's ${pages.length} page(s) has a schema.org JobPosting`);
  return { jobs, skipped };
}

/** The feed as the admin API answers it. */
export function toJobFeed(row: FeedRow): JobFeed {
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return {
    url: row.url,
    kind: row.kind as FeedKind,
    detectedKind: row.detected_kind as JobFeed['detectedKind'],
    intervalMinutes: row.interval_minutes,
    status: row.status as JobFeed['status'],
    message: row.message,
    jobCount: row.job_count,
    lastAttemptAt: iso(row.last_attempt_at),
    lastSuccessAt: iso(row.last_success_at),
    nextFetchAt: new Date(row.next_fetch_at).toISOString(),
  };
}
