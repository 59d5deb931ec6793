/**
 * `/v1/admin/sites/:site/consents` and `consents.csv` (scope `audit`): a person's consent record, or
 * the site's, for a compliance request. Reading it is itself written to the audit log.
 */
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { ConsentRecordQuery } from '../../sdk/admin-schemas.js';
import { describeIssue } from '../body.js';
import { apiError } from '../errors.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import type { Site } from '../store/schema.js';
import { findSiteBySlug } from '../store/sites.js';
import { need, type ActorEnv } from './access.js';
import { recordAudit } from './audit.js';
import { consentCsv, findConsentPerson, listConsents, type ConsentSubject } from './consents.js';

type Env = { Variables: ActorEnv['Variables'] };

export function consentRoutes(db: Db) {
  const app = new Hono<Env>();

  app.get('/sites/:site/consents', need('audit'), async (c) => {
    const found = await readRequest(c);
    if (found instanceof Response) return found;
    const { site, subject, target, query } = found;
    const page = await listConsents(db, subject, query);
    if (!query.cursor) await recordAudit(db, c.var.actor, { action: 'consents.export', site: site.slug, target, details: { format: 'json', all: !target } });
    return c.json(page);
  });

  app.get('/sites/:site/consents.csv', need('audit'), async (c) => {
    const found = await readRequest(c);
    if (found instanceof Response) return found;
    const { site, subject, target } = found;
    await recordAudit(db, c.var.actor, { action: 'consents.export', site: site.slug, target, details: { format: 'csv', all: !target } });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="hallway-consents-${site.slug}${target ? `-${target}` : ''}.csv"`);
    return stream(c, async (out) => {
      for await (const chunk of consentCsv(db, subject)) await out.write(chunk);
    });
  });

  /** The site, the person (when `person` is given) and the query, or the error answer. */
  async function readRequest(c: Context<Env>) {
    const query = ConsentRecordQuery.safeParse(c.req.query());
    if (!query.success) {
      const { field, message } = describeIssue(query.error);
      return apiError(c, 400, 'invalid_query', message, field);
    }
    const slug = c.req.param('site') ?? '';
    const site: Site | undefined = hasNul(slug) ? undefined : await findSiteBySlug(db, slug);
    if (!site) return apiError(c, 404, 'site_not_found', `There is no site "${slug}" on this Hallway server.`);
    const ref = query.data.person;
    if (ref === undefined) return { site, subject: { siteId: site.id } satisfies ConsentSubject, target: null, query: query.data };
    const person = hasNul(ref) ? undefined : await findConsentPerson(db, site.id, ref);
    if (!person) return apiError(c, 404, 'person_not_found', 'No person of this site has this public id, external id or e-mail.');
    return { site, subject: { siteId: site.id, personId: person.id }, target: person.public_id, query: query.data };
  }

  return app;
}
