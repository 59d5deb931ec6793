/**
 * The HR workspace's pages: `/admin/sign-in` (an e-mail link, never saying whether an address has an
 * account), `/admin/link` (the link's landing page, then the session) and `/admin` itself, which
 * redirects to the sign-in page without a session. Mounted at `/admin`.
 */
import { Hono, type Context } from 'hono';
import { EMAIL_MAX, EMAIL_PATTERN } from '../../sdk/admin-schemas.js';
import { adminSession, consumeAdminToken, issueAdminToken, startAdminSession } from '../auth/admin-sessions.js';
import { deriveKey, derivedKeys, type Links } from '../auth/links.js';
import { fromOwnPage } from '../auth/own-page.js';
import { DEFAULT_SIGN_IN_LIMITS, afterAnswer } from '../auth/sign-in.js';
import { TokenError } from '../auth/tokens.js';
import { formLimit, parseForm } from '../body.js';
import { PAGE_HEADERS, preferredLang, type Lang } from '../html.js';
import { enqueueMail } from '../mail/index.js';
import { clientIp, countAttempt, keyed, type RateLimit } from '../rate-limit.js';
import type { Db } from '../store/database.js';
import { companyButtons, companySignIns } from '../oidc/buttons.js';
import { findAdminUserByEmail, noteSignIn } from './accounts.js';
import { recordAudit } from './audit.js';
import { adminText, linkPage, linkProblemPage, linkSentPage, signInPage, signInProblemPage, workspacePage } from './pages.js';

export interface WorkspaceDeps {
  db: Db;
  links: Links;
  /** Sign-in link requests allowed per client address (the employees' limits by default). */
  signInLimits?: RateLimit[] | undefined;
  trustProxy?: boolean | number | undefined;
}

/** At most one link a minute per account, so the form cannot flood an inbox. */
const LINK_INTERVAL_MS = 60_000;

export function workspaceRoutes({ db, links, signInLimits = DEFAULT_SIGN_IN_LIMITS, trustProxy = false }: WorkspaceDeps) {
  const app = new Hono();
  const secure = links.publicUrl.startsWith('https:');
  const publicOrigin = new URL(links.publicUrl).origin;
  const rateLimitKey = derivedKeys(db, (secret) => deriveKey(secret, 'admin-sign-in-rate-limit'));
  const langOf = (c: Context): Lang => preferredLang(c.req.header('Accept-Language'));
  const show = (c: Context, body: string, status: 200 | 400 | 403 | 410 | 429 = 200) => c.html(body, status, PAGE_HEADERS);

  app.get('/sign-in', async (c) => {
    const lang = langOf(c);
    return show(c, signInPage(lang, companyButtons(lang, await companySignIns(db, 'admin'))));
  });
  app.post('/sign-in', formLimit, async (c) => {
    const lang = langOf(c);
    if (!fromOwnPage(c, publicOrigin)) return show(c, signInProblemPage(lang, adminText(lang, 'foreignForm')), 403);
    const email = String((await parseForm(c)).email ?? '')
      .trim()
      .toLowerCase();
    if (email.length > EMAIL_MAX || !EMAIL_PATTERN.test(email) || email.includes('\0')) {
      return show(c, signInProblemPage(lang, adminText(lang, 'notAnEmail'), email.slice(0, EMAIL_MAX).replaceAll('\0', '')), 400);
    }
    const wait = await countAttempt(db, 'admin-sign-in-ip', keyed(await rateLimitKey(), clientIp(c, trustProxy)), signInLimits, new Date());
    if (wait) {
      c.header('Retry-After', String(wait));
      return show(c, signInProblemPage(lang, adminText(lang, 'rateLimited').replace('{minutes}', String(Math.ceil(wait / 60))), email), 429);
    }
    // Answered at once and the same for every address; the link, if any, is made after the answer.
    afterAnswer(c, () => sendLink(db, links, email, lang));
    return show(c, linkSentPage(lang));
  });

  app.get('/link', (c) => show(c, linkPage(langOf(c), c.req.query('token') ?? '')));
  app.post('/link', formLimit, async (c) => {
    const lang = langOf(c);
    // Login CSRF: another site must not sign a visitor in to an account of its choosing.
    if (!fromOwnPage(c, publicOrigin)) return show(c, linkProblemPage(lang, adminText(lang, 'foreignForm')), 403);
    try {
      const adminId = await consumeAdminToken(db, String((await parseForm(c)).token ?? ''));
      await signInAdmin(c, db, adminId, secure);
      return c.redirect('/admin', 303);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      return show(c, linkProblemPage(lang, adminText(lang, error.code)), 410);
    }
  });

  // The workspace, and its client-side routes (`/admin/people`, …).
  const workspace = async (c: Context) => {
    if (!(await adminSession(c, db, secure))) return c.redirect('/admin/sign-in', 303);
    return show(c, workspacePage(langOf(c)));
  };
  app.get('/', workspace);
  app.get('/*', workspace);
  return app;
}

/** The workspace session, as every way of signing in (the e-mail link, company sign-in) starts it: noted and audited. */
export async function signInAdmin(c: Context, db: Db, adminId: number, secure: boolean) {
  await startAdminSession(c, db, adminId, secure);
  await noteSignIn(db, adminId);
  const user = await db.selectFrom('admin_users').select(['public_id', 'email', 'role']).where('id', '=', adminId).executeTakeFirstOrThrow();
  await recordAudit(db, { kind: 'user', id: user.public_id, label: user.email, scopes: [] }, { action: 'session.sign_in' });
}

async function sendLink(db: Db, links: Links, email: string, lang: Lang) {
  const user = await findAdminUserByEmail(db, email);
  if (!user) return;
  await db.transaction().execute(async (trx) => {
    // Requests racing each other take turns on the account's row: only the first finds no recent link.
    await trx.selectFrom('admin_users').select('id').where('id', '=', user.id).forUpdate().execute();
    const recent = await trx
      .selectFrom('admin_tokens')
      .select('id')
      .where('admin_id', '=', user.id)
      .where('created_at', '>', new Date(Date.now() - LINK_INTERVAL_MS))
      .executeTakeFirst();
    if (recent) return;
    const token = await issueAdminToken(trx, user.id);
    await enqueueMail(trx, { to: user.email, template: 'admin_sign_in', locale: lang, data: { siteName: 'Hallway', link: links.adminSignIn(token) } });
  });
}
