import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { sql } from 'kysely';
import { config as zodConfig, locales } from 'zod';
import { PACKAGE_VERSION, bundleRoutes } from './bundle.js';
import { OverloadedError, apiError, isDatabaseUnavailable } from './errors.js';
import { adminRoutes } from './admin/routes.js';
import { workspaceRoutes } from './admin/sign-in.js';
import type { Links } from './auth/links.js';
import { askInsteadRoutes } from './contact/ask-instead.js';
import { contactRoutes, type ContactOptions } from './contact/routes.js';
import { contactStatsRoutes } from './contact/stats.js';
import { answerLinks } from './answers/links.js';
import { candidateAnswerPages, myAnswerRoutes } from './answers/routes.js';
import type { RateLimit } from './rate-limit.js';
import { devOutboxRoutes } from './mail/index.js';
import { meRoutes } from './me/routes.js';
import { recordRoutes } from './record/routes.js';
import { answerRoutes } from './relay/me-routes.js';
import { thankRoutes } from './relay/thanks.js';
import { oidcRoutes } from './oidc/routes.js';
import { openApiDocument } from './openapi.js';
import { publicLists as createPublicLists } from './public-lists.js';
import { publicRoutes } from './public-routes.js';
import { scimRoutes } from './scim/routes.js';
import type { Db } from './store/database.js';
import type { SiteVariables } from './site.js';

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

  const contactFlow = contactRoutes({ db, publicUrl, links, options: contact });
  // Before the public routes: the contact request allows only the site's own origins.
  app.route('/v1/sites/:site', contactFlow.api);
  app.route('/v1/sites/:site', publicRoutes({ db, publicUrl, lists: publicLists ?? createPublicLists(db, publicUrl) }));
  app.route('/contact', contactFlow.pages);
  app.route('/contact', thankRoutes({ db, links, now: contact?.now }));
  app.route('/contact', askInsteadRoutes({ db, links, now: contact?.now }));

  // One person's data, or the admin's: no cache, the browser's or a shared one, may keep a copy.
  for (const path of ['/v1/me', '/v1/me/*', '/v1/admin/*']) app.use(path, noStore);
  const employee = meRoutes({ db, links, signInLimits, trustProxy: contact?.trustProxy });
  app.route('/v1/me', contactStatsRoutes({ db, publicUrl }));
  app.route('/v1/me', recordRoutes({ db, publicUrl }));
  app.route('/v1/me', answerRoutes({ db, publicUrl, links, relayDomain: contact?.relayDomain, now: contact?.now }));
  const publishing = answerLinks(db, publicUrl);
  app.route('/v1/me', myAnswerRoutes({ db, links: publishing }));
  app.route('/answers', candidateAnswerPages({ db, links: publishing }));
  app.route('/v1/me', employee.api);
  app.route('/v1/auth', employee.auth);
  app.route('/me', employee.pages);
  app.route('/v1/admin', adminRoutes({ db, links, relayDomain: contact?.relayDomain }));
  app.route('/scim/v2', scimRoutes({ db, publicUrl }));
  app.route('/admin', workspaceRoutes({ db, links, signInLimits, trustProxy: contact?.trustProxy }));
  app.route('/auth/oidc', oidcRoutes({ db, publicUrl, now: contact?.now, limits: signInLimits, trustProxy: contact?.trustProxy }));
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

/** PostgreSQL refusing text it cannot store (NUL, invalid escapes): the input's fault, caught before SQL where known. */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}
