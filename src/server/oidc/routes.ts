/**
 * Company sign-in (mounted at `/auth/oidc`): `GET /start?site=<slug>&for=me|admin` sends the browser
 * to the site's OpenID provider; `GET /callback` comes back, and gives the person exactly the session
 * the e-mail link gives. Nobody is created here: an address without an account gets a page saying so.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findAdminUserByEmail } from '../admin/accounts.js';
import { signInAdmin } from '../admin/sign-in.js';
import { deriveKey, derivedKeys } from '../auth/links.js';
import { startSession } from '../auth/sessions.js';
import { DEFAULT_SIGN_IN_LIMITS } from '../auth/sign-in.js';
import { clientIp, countAttempt, keyed, type RateLimit } from '../rate-limit.js';
import { PAGE_HEADERS, preferredLang, siteBrand, type Lang } from '../html.js';
import { mailLocale } from '../mail/index.js';
import type { Db } from '../store/database.js';
import { FLOW_LIFETIME_MS, FlowError, oidcFlows } from './flow.js';
import { adminSignedInPage, problemPage, type Audience, type OidcProblem } from './pages.js';
import { findOidcSettings } from './settings.js';

export interface OidcDeps {
  db: Db;
  publicUrl: string;
  /** The clock the flows' and ID tokens' expiry are read with: the server's (the contact flow's option, a test's `testClock().now`). */
  now?: (() => Date) | undefined;
  /** Flows started per client address, counted as sign-in link requests are (issue 25). */
  limits?: RateLimit[] | undefined;
  /** The proxies in front of the server (TRUST_PROXY=N): see `clientIp`. */
  trustProxy?: boolean | number | undefined;
}

const FLOW_COOKIE = 'hw_oidc';
const COOKIE_PATH = '/auth/oidc';
const STATUS: Record<OidcProblem, 404 | 502 | 403 | 429> = { not_offered: 404, unavailable: 502, failed: 403, unverified: 403, unknown: 403, rate_limited: 429 };

export function oidcRoutes({ db, publicUrl, now = () => new Date(), limits = DEFAULT_SIGN_IN_LIMITS, trustProxy = false }: OidcDeps) {
  const app = new Hono();
  const rateLimitKey = derivedKeys(db, (secret) => deriveKey(secret, 'oidc-start-rate-limit'));
  const secure = publicUrl.startsWith('https:');
  const flows = oidcFlows({ db, redirectUri: `${publicUrl}/auth/oidc/callback`, now });

  const siteOf = (slug: string) =>
    db
      .selectFrom('sites')
      .select(['id', 'slug', 'name as site_name', 'accent_color', 'careers_url', 'default_lang', 'allowed_origins'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  const siteById = (id: number) =>
    db
      .selectFrom('sites')
      .select(['id', 'slug', 'name as site_name', 'accent_color', 'careers_url', 'default_lang', 'allowed_origins'])
      .where('id', '=', id)
      .executeTakeFirst();
  type SiteRow = NonNullable<Awaited<ReturnType<typeof siteOf>>>;
  const langOf = (c: Context, site?: SiteRow): Lang => preferredLang(c.req.header('Accept-Language'), site ? mailLocale(site.default_lang) : 'en');
  const refuse = (c: Context, problem: OidcProblem, audience: Audience, site?: SiteRow) =>
    c.html(problemPage(langOf(c, site), problem, audience, site && siteBrand(site, site.allowed_origins[0]), site?.slug), STATUS[problem], PAGE_HEADERS);

  app.get('/start', async (c) => {
    const audience: Audience = c.req.query('for') === 'admin' ? 'admin' : 'me';
    const site = await siteOf(c.req.query('site') ?? '');
    const settings = site && (await findOidcSettings(db, site.id));
    if (!site || !settings) return refuse(c, 'not_offered', audience, site);
    // Each start asks the provider for its discovery document and stores a flow: counted per client.
    const wait = await countAttempt(db, 'oidc-start-ip', keyed(await rateLimitKey(), clientIp(c, trustProxy)), limits, new Date());
    if (wait) {
      c.header('Retry-After', String(wait));
      return refuse(c, 'rate_limited', audience, site);
    }
    try {
      const { url, browserToken } = await flows.startFlow(settings, audience);
      setCookie(c, FLOW_COOKIE, browserToken, { httpOnly: true, sameSite: 'Lax', secure, path: COOKIE_PATH, maxAge: FLOW_LIFETIME_MS / 1000 });
      return c.redirect(url, 303);
    } catch (error) {
      if (error instanceof FlowError) return refuse(c, error.problem, audience, site);
      throw error;
    }
  });

  app.get('/callback', async (c) => {
    const browserToken = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: COOKIE_PATH, secure });
    const callbackUrl = new URL(`${publicUrl}/auth/oidc/callback${new URL(c.req.url).search}`);
    let finished;
    try {
      finished = await flows.finishFlow(callbackUrl, browserToken, (siteId) => findOidcSettings(db, siteId));
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
      return refuse(c, error.problem, error.flow?.audience ?? 'me', error.flow && (await siteById(error.flow.site_id)));
    }
    const site = await siteById(finished.siteId);
    if (finished.audience === 'admin') {
      const admin = await findAdminUserByEmail(db, finished.email);
      if (!admin) return refuse(c, 'unknown', 'admin', site);
      await signInAdmin(c, db, admin.id, secure);
      // A page, not a redirect: the Strict cookie only goes with a request this server's page starts.
      c.header('Refresh', '0; url=/admin');
      return c.html(adminSignedInPage(langOf(c, site)), 200, PAGE_HEADERS);
    }
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('site_id', '=', finished.siteId)
      .where('email', '=', finished.email)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!person) return refuse(c, 'unknown', 'me', site);
    await startSession(c, db, person.id, secure);
    return c.redirect('/me', 303);
  });
  return app;
}
