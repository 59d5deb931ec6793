import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { OverloadedError, apiError } from './errors.js';
import { hasNul } from './nul.js';
import { preparedStatements, statementsCompleted, type Db } from './store/database.js';
import type { Site } from './store/schema.js';

/** What routes under `/v1/sites/:site` know: the site, and the version of what it shows the public. */
export type SiteVariables = { site: Site; publicVersion: string };

interface Found {
  site: Site;
  publicVersion: string;
}

/** Requests that may wait for the next read of the sites; more are shed (503 `overloaded`). */
export const MAX_WAITING_REQUESTS = 2_000;
/** Site rows kept between reads, beyond which the oldest read are read again when next asked. */
const MAX_KEPT_SITES = 10_000;

/**
 * Reads sites with their public version, fresh for every request yet at most one query at a time:
 * a request waits for a read that begins after it arrived (so it sees every write finished before
 * it), and all requests that arrive while one read runs share the next. Under load, one small query
 * serves dozens of requests; alone, a request pays one query, as before. While the database is slow,
 * at most `maxWaiting` requests wait: the next ones fail at once with `OverloadedError`.
 * On PGlite, which only this process writes, a request needs no read while no statement has
 * completed since one that found its site: a new read would find the same.
 */
export class SiteReader {
  private waiting = new Map<string, ((found: Found | undefined | Error) => void)[]>();
  private waitingCount = 0;
  private running = false;
  private readonly completed: (() => number) | undefined;
  private readonly prepared = preparedStatements(this.db);
  /** What reads found, true while the count of completed statements is still `at` (PGlite). */
  private known = { at: -1, found: new Map<string, Found | undefined>() };

  constructor(
    private readonly db: Db,
    private readonly maxWaiting = MAX_WAITING_REQUESTS,
  ) {
    this.completed = statementsCompleted(db);
  }

  /** Whether a read is running now (the requests arriving meanwhile wait for the next). */
  get reading(): boolean {
    return this.running;
  }

  read(slug: string): Promise<Found | undefined> {
    if (this.completed?.() === this.known.at && this.known.found.has(slug)) return Promise.resolve(this.known.found.get(slug));
    if (this.waitingCount >= this.maxWaiting) return Promise.reject(new OverloadedError("The site reader's waiting list"));
    this.waitingCount++;
    return new Promise((resolve, reject) => {
      const callbacks = this.waiting.get(slug) ?? [];
      callbacks.push((found) => (found instanceof Error ? reject(found) : resolve(found)));
      this.waiting.set(slug, callbacks);
      // After the I/O phase, so that every request already received joins this read.
      if (!this.running) setImmediate(() => void this.drain());
    });
  }

  private async drain() {
    if (this.running) return;
    this.running = true;
    while (this.waiting.size > 0) {
      const batch = this.waiting;
      this.waiting = new Map();
      this.waitingCount = 0;
      const slugs = [...batch.keys()];
      const before = this.completed?.();
      const answer = await this.query(slugs).catch((error: Error) => error);
      if (!(answer instanceof Error)) this.remember(before, slugs, answer);
      for (const [slug, callbacks] of batch) {
        const found = answer instanceof Error ? answer : answer.found.get(slug);
        for (const callback of callbacks) callback(found);
      }
    }
    this.running = false;
  }

  /** Keeps what a read found when only its own statements completed meanwhile. */
  private remember(before: number | undefined, slugs: string[], { found, statements }: { found: Map<string, Found>; statements: number }) {
    if (before === undefined) return;
    const now = this.completed!();
    const unchanged = now === before + statements;
    if (!unchanged || this.known.at !== before || this.known.found.size > MAX_KEPT_SITES) this.known = { at: -1, found: new Map() };
    if (!unchanged) return;
    this.known.at = now;
    for (const slug of slugs) this.known.found.set(slug, found.get(slug));
  }

  /** Site rows as last read, by slug, with the row version (`xmin`) they were read at. */
  private rows = new Map<string, { id: number; xmin: string; site: Site }>();

  /**
   * Each burst reads the sites' versions and row versions only; a site's whole row (some 20 columns,
   * which PGlite converts slowly) is read again only when it changed. `xmin` is the transaction that
   * wrote the row's current version: any update of the row gives it a new one.
   */
  private async query(slugs: string[]): Promise<{ found: Map<string, Found>; statements: number }> {
    // "version.order_version": see PublicCache. One text for any number of slugs, and a subquery rather
    // than a join: PostgreSQL then keeps one plan for it (a join's plan costs it more than the read).
    const read = sql<{ id: number; slug: string; xmin: string; public_version: string }>`
      select s.id, s.slug, s.xmin::text as xmin, coalesce(
        (select coalesce(v.version, 0) || '.' || coalesce(v.order_version, 0) from public_versions v where v.site_id = s.id),
        '0.0'
      ) as public_version
      from sites s
      where s.slug = any(${slugs}::text[])`;
    const versions = this.prepared ? await this.prepared('hallway_site_versions', read.compile(this.db)) : (await read.execute(this.db)).rows;
    const changed = versions.filter(({ id, slug, xmin }) => {
      const kept = this.rows.get(slug);
      return kept?.id !== id || kept.xmin !== xmin;
    });
    const reread = new Set<number>();
    if (changed.length > 0) {
      const ids = changed.map(({ id }) => id);
      const rows = await this.db
        .selectFrom('sites')
        .selectAll()
        .select(sql<string>`xmin::text`.as('xmin'))
        .where('id', 'in', ids)
        .execute();
      for (const { xmin, ...site } of rows) {
        this.rows.set(site.slug, { id: site.id, xmin, site });
        reread.add(site.id);
      }
      if (this.rows.size > MAX_KEPT_SITES) for (const slug of [...this.rows.keys()].slice(0, this.rows.size - MAX_KEPT_SITES)) this.rows.delete(slug);
    }
    // A row is answered as read now, or as kept when unchanged (a site deleted between the two reads is not).
    const found = new Map<string, Found>();
    for (const { id, slug, xmin, public_version } of versions) {
      const kept = this.rows.get(slug);
      if (kept?.id === id && (kept.xmin === xmin || reread.has(id))) found.set(slug, { site: kept.site, publicVersion: public_version });
    }
    return { found, statements: changed.length > 0 ? 2 : 1 };
  }
}

const readers = new WeakMap<Db, SiteReader>();

/** One reader per database, so that all its requests share reads; `maxWaiting` applies when it is made. */
export function siteReader(db: Db, maxWaiting?: number): SiteReader {
  const reader = readers.get(db) ?? new SiteReader(db, maxWaiting);
  readers.set(db, reader);
  return reader;
}

/** Routes under `/v1/sites/:site`: the site and its public version, or 404 `site_not_found`. */
export function loadSite<E extends { Variables: SiteVariables }>(db: Db): MiddlewareHandler<E> {
  const reader = siteReader(db);
  return async (c, next) => {
    const slug = c.req.param('site') ?? '';
    // A NUL fails in SQL, and with it every request batched into the same read.
    const found = hasNul(slug) ? undefined : await reader.read(slug);
    if (!found) return apiError(c, 404, 'site_not_found', `There is no site "${slug}" on this Hallway server.`);
    c.set('site', found.site);
    c.set('publicVersion', found.publicVersion);
    await next();
  };
}
