import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { sql } from 'kysely';
import { config as zodConfig, locales } from 'zod';
import { avatarSvg } from './avatar.js';
import { PACKAGE_VERSION, bundleRoutes } from './bundle.js';
import { OverloadedError, apiError, isDatabaseUnavailable } from './errors.js';
import { adminRoutes } from './admin/routes.js';
import type { Links } from './auth/links.js';
import { contactRoutes, type ContactOptions } from './contact/routes.js';
import { contactStatsRoutes } from './contact/stats.js';
import type { RateLimit } from './rate-limit.js';
import { devOutboxRoutes } from './mail/index.js';
import { meRoutes } from './me/routes.js';
import { InvalidCursorError, findListedDisplayName, findListedPhoto, findPublicPerson } from './public-people.js';
import { openApiDocument } from './openapi.js';
import type { PublicSite } from '../sdk/schemas.js';
import { PUBLIC_CACHE, publicLists as createPublicLists, type ListKind } from './public-lists.js';
import type { Db } from './store/database.js';
import { loadSite, type SiteVariables } from './site.js';

zodConfig(locales.en());

export interface AppOptions {
  db: Db;
  /** Absolute URLs handed out (photos, magic links) start with it. */
  publicUrl: string;
  /** Builds and checks the links put in e-mails. */
  links: Links;
  /** Serve the development outbox at /dev/outbox (HALLWAY_DEV_OUTBOX=1, checked safe by `checkMailSetup`). */
  devOutbox?: boolean;
  /** Folder with `hallway.js` and its chunks (the built bundle). */
  bundleDir?: string;
  /** The release, for the bundle's immutable URL `/hallway@<version>.js`. Default: package.json's. */
  bundleVersion?: string;
  /** Folder of the demo careers site. */
  demoDir?: string;
  /** Rate limits, proxy trust and clock of the contact flow; defaults suit production. */
  contact?: Partial<ContactOptions>;
  /** Sign-in link requests allowed per client address (proxy trust as for contact). */
  signInLimits?: RateLimit[];
  /** The public lists, when the server also answers them without Hono (their fast path). */
  publicLists?: PublicLists;
}

type Env = { Variables: SiteVariables };

type PublicLists = ReturnType<typeof createPublicLists>;
const DEMO_FILE = /^\/([\w-]+\/)*[\w.-]+\.(html|css|js|svg|png|jpe?g|webp|ico)$|\/$/;

export function createApp({ db, publicUrl, links, devOutbox, bundleDir, bundleVersion = PACKAGE_VERSION, demoDir, contact, signInLimits, publicLists }: AppOptions) {
  const app = new Hono<Env>({ strict: false });
  const publicOrigin = new URL(publicUrl).origin;
  app.use(compress());
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('X-Content-Type-Options')) c.header('X-Content-Type-Options', 'nosniff');
  });

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(db);
    return c.json({ status: 'ok' });
  });
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument));

  // Before the public middleware below: the contact request allows only the site's own origins.
  app.route('/', contactRoutes({ db, publicUrl, links, options: contact }));
  const lists = publicLists ?? createPublicLists(db, publicUrl);
  const listRoute = (kind: ListKind) => async (c: Context<Env>) => {
    const query = lists.parse(kind, c.req.query());
    if (!query.success) return invalidQuery(c, query.error.issues[0]!);
    try {
      const request = { ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding') };
      const { status, headers, body } = await lists.answer(kind, c.var.site, c.var.publicVersion, query.data, request);
      return status === 304 ? c.body(null, 304, headers) : c.body(body!, 200, headers);
    } catch (error) {
      if (error instanceof InvalidCursorError) return apiError(c, 400, 'invalid_query', error.message, 'cursor');
      throw error;
    }
  };

  // Any page may read; a header set before the handler (not Hono's cors(), which rebuilds each response).
  // (`/v1/sites/:site/*` matches `/v1/sites/:site` too.)
  app.options('/v1/sites/:site/*', cors({ origin: '*', allowMethods: ['GET'] }));
  app.use('/v1/sites/:site/*', async (c, next) => {
    c.header('Access-Control-Allow-Origin', '*');
    await next();
  });
  app.use('/v1/sites/:site/*', loadSite(db));
  const weakEtag = etag({ weak: true });

  // Not secret (any visitor sees the origin they send from): the elements learn at load whether
  // this page may send questions, and the web team is told how to allow it, before any candidate tries.
  app.get('/v1/sites/:site', weakEtag, (c) => {
    const { slug, name, allowed_origins } = c.var.site;
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json({ slug, name, contactOrigins: [...new Set([...allowed_origins, publicOrigin])] } satisfies PublicSite);
  });

  app.get('/v1/sites/:site/people', listRoute('people'));

  app.get('/v1/sites/:site/people/:id', weakEtag, async (c) => {
    const person = await findPublicPerson(db, c.var.site, c.req.param('id'), publicUrl);
    if (!person) return personNotFound(c);
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json(person);
  });

  app.get('/v1/sites/:site/people/:id/avatar.svg', weakEtag, async (c) => {
    const id = c.req.param('id');
    const displayName = await findListedDisplayName(db, c.var.site.id, id);
    if (displayName === undefined) return personNotFound(c);
    c.header('Cache-Control', PUBLIC_CACHE);
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.body(avatarSvg(displayName, id), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });

  app.get('/v1/sites/:site/people/:id/photo.webp', weakEtag, async (c) => {
    const photo = await findListedPhoto(db, c.var.site.id, c.req.param('id'));
    if (!photo) return personNotFound(c);
    // The URL changes with every upload (?v=), so it may be cached for long; a withdrawal 404s it at once.
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.body(new Uint8Array(photo.data), 200, { 'Content-Type': photo.content_type });
  });

  app.get('/v1/sites/:site/testimonials', listRoute('testimonials'));

  app.route('/', contactStatsRoutes({ db, publicUrl }));
  // One person's data, or the admin's: no cache, the browser's or a shared one, may keep a copy.
  for (const path of ['/v1/me', '/v1/me/*', '/v1/admin/*']) app.use(path, noStore);
  app.route('/', meRoutes({ db, links, signInLimits, trustProxy: contact?.trustProxy }));
  app.route('/v1/admin', adminRoutes({ db, links }));
  if (devOutbox) app.route('/dev', devOutboxRoutes(db));

  app.all('/v1/*', (c) => apiError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}.`));

  if (bundleDir) app.route('/', bundleRoutes({ dir: bundleDir, version: bundleVersion, publicUrl }));
  if (demoDir) {
    // Only the site's pages and assets: never its seed data or sources.
    // The raw path: Hono's (non-strict) path has lost the trailing slash of /fr/.
    app.use('*', async (c, next) => (DEMO_FILE.test(new URL(c.req.url).pathname) ? next() : c.notFound()));
    app.use('*', serveStatic({ root: demoDir }));
  }

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    if (isDatabaseUnavailable(error)) return apiError(c, 503, 'unavailable', 'The database is unavailable; try again shortly.');
    if (error instanceof OverloadedError) return apiError(c, 503, 'overloaded', 'The server is busy; try again shortly.');
    if (isUnstorableText(error)) {
      return c.req.method === 'GET'
        ? apiError(c, 400, 'invalid_query', 'The request holds text that cannot be stored (a NUL character).')
        : apiError(c, 400, 'invalid_body', 'The request holds text that cannot be stored (a NUL character).');
    }
    console.error(error);
    return apiError(c, 500, 'internal', 'Something went wrong on our side.');
  });
  return app;
}

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

function invalidQuery(c: Context, issue: { path: PropertyKey[]; message: string }) {
  const field = String(issue.path[0] ?? 'query');
  return apiError(c, 400, 'invalid_query', `Query parameter "${field}": ${issue.message}`, field);
}

const personNotFound = (c: Context) =>
  apiError(c, 404, 'person_not_found', 'This person is not on this site, or no longer shares their profile.');


/** PostgreSQL refusing text it cannot store (NUL, invalid escapes): the input's fault, caught before SQL where known. */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}
