import { Hono } from 'hono';
import { ADMIN_BODY_MAX_BYTES, JobFeedSet } from '../../sdk/admin-schemas.js';
import { limitBody, readBody } from '../body.js';
import { apiError } from '../errors.js';
import { need } from '../admin/access.js';
import { recordAudit } from '../admin/audit.js';
import { loadSite, type Env } from '../admin/routes.js';
import type { Db } from '../store/database.js';
import { claimFeed, findFeed, removeFeed, runFeed, setFeed, toJobFeed, type FeedOptions } from './feeds.js';

/** `/v1/admin/sites/:site/job-feed`: the site's job feed, its status, and "Fetch now" (scope `settings`). */
export function jobFeedRoutes(db: Db, options: FeedOptions = {}) {
  const routes = new Hono<Env>();
  const now = options.now ?? (() => new Date());
  const path = '/sites/:site/job-feed';
  const site = loadSite(db);
  const settings = need('settings');

  routes.get(path, settings, site, async (c) => {
    const feed = await findFeed(db, c.var.site.id);
    return c.json({ feed: feed ? toJobFeed(feed) : null });
  });

  routes.put(path, settings, site, limitBody(ADMIN_BODY_MAX_BYTES), async (c) => {
    const body = await readBody(c, JobFeedSet);
    if (body instanceof Response) return body;
    const feed = await setFeed(db, c.var.site.id, body, now());
    await recordAudit(db, c.var.actor, {
      action: 'jobs.feed.set',
      site: c.var.site.slug,
      details: { url: feed.url, kind: feed.kind, intervalMinutes: feed.interval_minutes },
    });
    return c.json({ feed: toJobFeed(feed) });
  });

  routes.delete(path, settings, site, async (c) => {
    if (!(await removeFeed(db, c.var.site.id))) return noFeed(c);
    await recordAudit(db, c.var.actor, { action: 'jobs.feed.remove', site: c.var.site.slug });
    return c.json({ feed: null });
  });

  // Waits for the fetch (at most the feed's whole deadline): the answer is its status.
  routes.post(`${path}/fetch`, settings, site, async (c) => {
    const claimed = await claimFeed(db, c.var.site.id, now());
    if (!claimed) {
      if (!(await findFeed(db, c.var.site.id))) return noFeed(c);
      return apiError(c, 409, 'conflict', 'This feed is being fetched right now; its status will say how it went.');
    }
    const feed = await runFeed(db, claimed, options);
    await recordAudit(db, c.var.actor, { action: 'jobs.feed.fetch', site: c.var.site.slug, details: { status: feed.status, jobs: feed.job_count } });
    return c.json({ feed: toJobFeed(feed) });
  });

  return routes;
}

const noFeed = (c: Parameters<typeof apiError>[0]) => apiError(c, 404, 'not_found', 'This site has no job feed. Set one first.');
