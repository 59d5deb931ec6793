import type { MiddlewareHandler } from 'hono';
import { apiError } from './errors.js';
import type { Db } from './store/database.js';
import type { Site } from './store/schema.js';
import { findSiteBySlug } from './store/sites.js';

/** Routes under `/v1/sites/:site`: the site, or 404 `site_not_found`. */
export function loadSite<E extends { Variables: { site: Site } }>(db: Db): MiddlewareHandler<E> {
  return async (c, next) => {
    const slug = c.req.param('site') ?? '';
    const site = await findSiteBySlug(db, slug);
    if (!site) return apiError(c, 404, 'site_not_found', `There is no site "${slug}" on this Hallway server.`);
    c.set('site', site);
    await next();
  };
}
