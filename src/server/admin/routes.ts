import { Hono, type Context, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import {
  ADMIN_BODY_MAX_BYTES,
  AdminPeopleQuery,
  Approval,
  IMPORT_MAX_BYTES,
  InvitationRequest,
  ModerationQuery,
  Rejection,
  SiteCreate,
  SiteUpdate,
  StatusChange,
} from '../../sdk/admin-schemas.js';
import type { Links } from '../auth/links.js';
import { apiError } from '../errors.js';
import { describeIssue, limitBody, readBody } from '../body.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import { setStatus } from '../store/people.js';
import type { Site } from '../store/schema.js';
import { findSiteBySlug } from '../store/sites.js';
import { listForModeration, moderate, type Decision } from '../testimonials/testimonials.js';
import { ImportRejected, importPeople, listedProblems, previewImport, readCsv, readJson, unreadablePreview, type RawRow } from './import.js';
import { inviteAll, inviteAlumnus, invitePerson } from './invitations.js';
import { authenticate, need, type ActorEnv } from './access.js';
import { accountRoutes } from './account-routes.js';
import { consentRoutes } from './consent-routes.js';
import { analyticsHandlers } from '../analytics/routes.js';
import { coverageRoutes } from './coverage-routes.js';
import { safetyRoutes } from './safety-routes.js';
import { jobFeedRoutes } from '../jobs/feed-routes.js';
import { oidcAdminRoutes } from '../oidc/admin-routes.js';
import { scimAdminRoutes } from '../scim/admin-routes.js';
import { bulkInvitationRoutes } from './bulk-invitations.js';
import { audited, recordAudit, type AuditEvent } from './audit.js';
import { answerAdminRoutes } from '../answers/routes.js';
import { findPersonByRef, listAdminPeople, toAdminPerson } from './people.js';
import { SlugTakenError, insertSite, listSites, toAdminSite, updateSite } from './sites.js';
import { SiteThemeRejected } from './site-theme.js';

export interface AdminDeps {
  db: Db;
  links: Links;
  /** RELAY_DOMAIN (issue 18): a released question is forwarded through the relay like any other. */
  relayDomain?: string | undefined;
}

export type Env = { Variables: ActorEnv['Variables'] & { site: Site } };

// zod/mini loads no locale: the messages admins read are English.
z.config(z.locales.en());

/**
 * The admin API, mounted at `/v1/admin`. Every route needs a key or a workspace session, and names the
 * scope it needs; every write is written to the audit log. None can record consent.
 */
export function adminRoutes({ db, links, relayDomain }: AdminDeps) {
  const admin = new Hono<Env>();
  admin.use('*', authenticate(db, links.publicUrl.startsWith('https:')));
  const withSite = loadSite(db);
  const audit = (c: Context<Env>, event: AuditEvent) => recordAudit(db, c.var.actor, event);
  /** A write and its audit row, committed together. */
  const auditedWrite = <T>(c: Context<Env>, write: (trx: Db) => Promise<T>, event: (result: T) => AuditEvent | undefined) => audited(db, c.var.actor, write, event);

  // Any signed-in admin may see which sites there are (the workspace's site picker).
  admin.get('/sites', async (c) => c.json({ items: (await listSites(db)).map(toAdminSite) }));

  admin.post('/sites', need('settings'), jsonLimit, async (c) => {
    const body = await readBody(c, SiteCreate);
    if (body instanceof Response) return body;
    try {
      const created = await auditedWrite(
        c,
        (trx) => insertSite(trx, body),
        (site) => ({ action: 'site.create', site: site.slug, details: body }),
      );
      return c.json(toAdminSite(created), 201);
    } catch (error) {
      if (error instanceof SlugTakenError) return slugTaken(c, body.slug);
      if (error instanceof SiteThemeRejected) return apiError(c, 400, 'invalid_body', error.message, error.field);
      throw error;
    }
  });

  admin.patch('/sites/:site', need('settings'), jsonLimit, async (c) => {
    const body = await readBody(c, SiteUpdate);
    if (body instanceof Response) return body;
    try {
      const slug = c.req.param('site');
      const updated = hasNul(slug)
        ? undefined
        : await auditedWrite(
            c,
            (trx) => updateSite(trx, slug, body),
            (site) => site && { action: 'site.update', site: site.slug, details: { ...body, ...(site.slug !== slug && { from: slug }) } },
          );
      if (!updated) return siteNotFound(c, slug);
      return c.json(toAdminSite(updated));
    } catch (error) {
      if (error instanceof SlugTakenError) return slugTaken(c, body.slug ?? '');
      if (error instanceof SiteThemeRejected) return apiError(c, 400, 'invalid_body', error.message, error.field);
      throw error;
    }
  });

  admin.get('/sites/:site/people', need('people'), withSite, async (c) => {
    const query = AdminPeopleQuery.safeParse(c.req.query());
    if (!query.success) {
      const { field, message } = describeIssue(query.error);
      return apiError(c, 400, 'invalid_query', message, field);
    }
    return c.json(await listAdminPeople(db, c.var.site.id, query.data));
  });

  admin.post(
    '/sites/:site/people/import',
    need('people'),
    withSite,
    limitBody(IMPORT_MAX_BYTES, `An import is at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split the file.`),
    async (c) => {
      // `?preview=1`: the same file, read the same way, answered with what the import would do; nothing written.
      const preview = c.req.query('preview') === '1';
      try {
        const rows = await readImport(c);
        if (!rows) return apiError(c, 415, 'unsupported_media_type', 'Send the people as text/csv or application/json.');
        if (preview) return c.json(await previewImport(db, c.var.site.id, rows));
        const report = await importPeople(db, c.var.site.id, rows);
        await audit(c, { action: 'people.import', site: c.var.site.slug, details: { ...report } });
        return c.json(report);
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        const problems = listedProblems(error.problems);
        if (preview) return c.json(unreadablePreview(error.problems));
        return c.json({ error: { code: 'invalid_import', message: error.message, problems, problemCount: error.problems.length } }, 422);
      }
    },
  );

  admin.post('/sites/:site/invitations', need('people'), withSite, jsonLimit, async (c) => {
    const body = await readBody(c, InvitationRequest);
    if (body instanceof Response) return body;
    const site = c.var.site;
    if (body.all) {
      const result = await inviteAll(db, links, site);
      await audit(c, { action: 'invitation.all', site: site.slug, details: result });
      return c.json(result, 202);
    }
    const person = hasNul(body.person!) ? undefined : await findPersonByRef(db, site.id, body.person!);
    if (!person) return personNotFound(c);
    if (person.status !== 'employee') {
      return apiError(c, 409, 'conflict', `This person's status is "${person.status}": only employees are invited (use the status route to invite alumni).`);
    }
    const result = await auditedWrite(
      c,
      (trx) => invitePerson(trx, links, site, person),
      (sent) => (sent.invited ? { action: 'invitation.send', site: site.slug, target: person.public_id } : undefined),
    );
    if (!result.invited) {
      const allowedAt = result.allowedAt.toISOString();
      return c.json({ error: { code: 'invite_cooldown', message: `Invited less than 24 hours ago; allowed again at ${allowedAt}.`, allowedAt } }, 409);
    }
    return c.json({ invited: 1 }, 202);
  });

  admin.post('/sites/:site/people/:ref/status', need('people'), withSite, jsonLimit, async (c) => {
    const body = await readBody(c, StatusChange);
    if (body instanceof Response) return body;
    const site = c.var.site;
    const ref = c.req.param('ref');
    const person = hasNul(ref) ? undefined : await findPersonByRef(db, site.id, ref);
    if (!person) return personNotFound(c);
    const details = { status: body.status, inviteAlumni: body.inviteAlumni === true };
    await auditedWrite(
      c,
      async (trx) => {
        await setStatus(trx, person.id, body.status);
        if (body.inviteAlumni) await inviteAlumnus(trx, links, site, person);
      },
      () => ({ action: 'person.status', site: site.slug, target: person.public_id, details }),
    );
    const updated = await findPersonByRef(db, site.id, person.public_id);
    return c.json({ person: toAdminPerson(updated!), alumniInvited: body.inviteAlumni === true });
  });

  admin.get('/sites/:site/testimonials', need('moderation'), withSite, async (c) => {
    const query = ModerationQuery.safeParse(c.req.query());
    if (!query.success) {
      const { field, message } = describeIssue(query.error);
      return apiError(c, 400, 'invalid_query', message, field);
    }
    return c.json({ items: await listForModeration(db, c.var.site.id, query.data.status) });
  });

  admin.post('/sites/:site/testimonials/:id/approve', need('moderation'), withSite, jsonLimit, async (c) => {
    // No body, or an empty object: anything more (say `consent`) is refused.
    const body = (await c.req.text()).trim() ? await readBody(c, Approval) : {};
    if (body instanceof Response) return body;
    return decide(c, { status: 'approved' });
  });

  admin.post('/sites/:site/testimonials/:id/reject', need('moderation'), withSite, jsonLimit, async (c) => {
    const body = await readBody(c, Rejection);
    if (body instanceof Response) return body;
    return decide(c, { status: 'rejected', reason: body.reason });
  });

  async function decide(c: Context<Env>, decision: Decision) {
    const id = c.req.param('id') ?? '';
    const reason = decision.status === 'rejected' ? { reason: decision.reason } : {};
    const action = decision.status === 'approved' ? 'testimonial.approve' : 'testimonial.reject';
    const testimonial = hasNul(id)
      ? undefined
      : await auditedWrite(
          c,
          (trx) => moderate(trx, links, c.var.site, id, decision),
          (found) => found && { action, site: c.var.site.slug, target: id, details: reason },
        );
    if (!testimonial) return apiError(c, 404, 'not_found', 'This site has no testimonial with this id.');
    return c.json({ testimonial });
  }

  const analytics = analyticsHandlers(db);
  admin.get('/sites/:site/analytics', need('analytics'), withSite, analytics.report);
  admin.get('/sites/:site/analytics.csv', need('analytics'), withSite, analytics.csv);

  admin.route('/', accountRoutes({ db, secure: links.publicUrl.startsWith('https:') }));
  admin.route('/', consentRoutes(db));
  admin.route('/', coverageRoutes(db));
  admin.route('/', safetyRoutes({ db, links, relayDomain }));
  admin.route('/', jobFeedRoutes(db));
  admin.route('/', oidcAdminRoutes(db, links.publicUrl));
  admin.route('/', scimAdminRoutes(db, links.publicUrl));
  admin.route('/', bulkInvitationRoutes({ db, links }));
  admin.route('/', answerAdminRoutes(db));
  return admin;
}

export function loadSite(db: Db): MiddlewareHandler<Env> {
  return async (c, next) => {
    const slug = c.req.param('site') ?? '';
    const site = hasNul(slug) ? undefined : await findSiteBySlug(db, slug);
    if (!site) return siteNotFound(c, slug);
    c.set('site', site);
    await next();
  };
}

const jsonLimit = limitBody(ADMIN_BODY_MAX_BYTES, `The body is limited to ${ADMIN_BODY_MAX_BYTES / 1024} KB.`);

/** The import's rows, or undefined for a content type we don't read. */
async function readImport(c: Context): Promise<RawRow[] | undefined> {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return readCsv(await c.req.text());
  if (type !== 'application/json') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch (error) {
    throw new ImportRejected([{ line: 1, field: 'body', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  return readJson(value);
}

const siteNotFound = (c: Context, slug: string) => apiError(c, 404, 'site_not_found', `There is no site "${slug}" on this Hallway server.`);
const slugTaken = (c: Context, slug: string) => apiError(c, 409, 'conflict', `A site "${slug}" already exists.`, 'slug');
const personNotFound = (c: Context) => apiError(c, 404, 'person_not_found', 'No person of this site has this public id, external id or e-mail.');
