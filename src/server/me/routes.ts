import { Hono, type Context } from 'hono';
import { ConsentUpdate, ProfileUpdate } from '../../sdk/me-schemas.js';
import { TestimonialDraft } from '../../sdk/testimonial-schemas.js';
import type { Links } from '../auth/links.js';
import { fromOwnPage } from '../auth/own-page.js';
import { endSession, requireSession, sessionPerson, startSession, type SessionEnv } from '../auth/sessions.js';
import { TokenError, consumeToken } from '../auth/tokens.js';
import { DEFAULT_SIGN_IN_LIMITS, signInRoutes } from '../auth/sign-in.js';
import type { RateLimit } from '../rate-limit.js';
import { apiError } from '../errors.js';
import { formLimit, limitBody, parseForm, readBody } from '../body.js';
import { accentStyle } from '../accent.js';
import { ACCENT_QUERY, PAGE_HEADERS, PAGE_STYLE, preferredLang, siteBrand, type Lang } from '../html.js';
import { forgetMailsTo, mailLocale } from '../mail/index.js';
import type { Db } from '../store/database.js';
import { companyButtons, companySignIns } from '../oidc/buttons.js';
import { linkPage, mePage, messagePage, pageText, toProfile, withdrawPage } from './pages.js';
import { deleteMyTestimonial, saveMyTestimonial } from '../testimonials/testimonials.js';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, PhotoError, myPhoto, removePhoto, savePhoto } from './photo.js';
import { avatarSvg } from '../avatar.js';
import { linkOwner, personLang, signedPerson } from './link-owners.js';
import { decideConsent, eraseMyData, exportMyData, loadMyProfile, updateProfile, withdrawAll } from './profile.js';

export interface MeDeps {
  db: Db;
  links: Links;
  /** Sign-in link requests allowed per client address. */
  signInLimits?: RateLimit[];
  /** The proxies in front of the server (TRUST_PROXY=N; `true` is one): see `clientIp`. */
  trustProxy?: boolean | number;
}

/** The profile and consent bodies: a few short fields. */
const JSON_MAX_BYTES = 16 * 1024;

/** The employee's pages (`pages`, mounted at `/me`), API (`api`, at `/v1/me`) and sign-in (`auth`, at `/v1/auth`). */
export function meRoutes({ db, links, signInLimits = DEFAULT_SIGN_IN_LIMITS, trustProxy = false }: MeDeps) {
  const app = new Hono<SessionEnv>();
  const secure = links.publicUrl.startsWith('https:');
  const publicOrigin = new URL(links.publicUrl).origin;
  const langOf = (c: Context) => preferredLang(c.req.header('Accept-Language'));
  const show = (c: Context, body: string, status: 200 | 400 | 403 | 410 = 200) => c.html(body, status, PAGE_HEADERS);

  // A landing page names its site's accent in the URL (?accent=8a2f3c): the CSP allows no inline style.
  app.get('/style.css', (c) => {
    const accent = c.req.query('accent');
    if (accent !== undefined && !ACCENT_QUERY.test(accent)) return c.body('Not a colour.', 400, { 'Content-Type': 'text/plain; charset=utf-8' });
    const css = accent ? PAGE_STYLE + accentStyle(`#${accent}`) : PAGE_STYLE;
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
  });
  app.get('/', async (c) => {
    const personId = await sessionPerson(c, db);
    if (personId !== undefined) return show(c, mePage(await personLang(db, personId)));
    const company = await companySignIns(db, 'me', c.req.query('site'));
    const lang = preferredLang(c.req.header('Accept-Language'), company[0]?.lang);
    return show(c, mePage(lang, companyButtons(lang, company), company.length === 1 && !company[0]!.emailSignIn));
  });

  /** The person's stored language, else their browser's, else their site's. */
  const theirLang = (c: Context, person: { locale: string | null; default_lang: string }): Lang =>
    person.locale ? mailLocale(person.locale) : preferredLang(c.req.header('Accept-Language'), mailLocale(person.default_lang));
  const landing = async (c: Context, token: string) => {
    const owner = await linkOwner(db, token);
    return { lang: owner ? theirLang(c, owner) : langOf(c), brand: owner && brandOf(owner) };
  };

  app.get('/link', async (c) => {
    const token = c.req.query('token') ?? '';
    const { lang, brand } = await landing(c, token);
    return show(c, linkPage(lang, brand, token));
  });
  app.post('/link', formLimit, async (c) => {
    // Login CSRF: another site must not sign a visitor in as someone else (say, with its own token).
    if (!fromOwnPage(c, publicOrigin)) {
      const lang = langOf(c);
      return show(c, messagePage(lang, undefined, 'problem', pageText(lang, 'linkProblem'), pageText(lang, 'foreignForm')), 403);
    }
    const token = String((await parseForm(c)).token ?? '');
    try {
      const { personId } = await consumeToken(db, token);
      await startSession(c, db, personId, secure);
      return c.redirect('/me', 303);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      const { lang, brand } = await landing(c, token);
      return show(c, messagePage(lang, brand, 'problem', pageText(lang, 'linkProblem'), pageText(lang, error.code), toProfile(lang, 'newLink')), 410);
    }
  });

  const badWithdrawLink = (c: Context) => {
    const lang = langOf(c);
    return show(c, messagePage(lang, undefined, 'problem', pageText(lang, 'linkProblem'), pageText(lang, 'badLink')), 403);
  };
  app.get('/withdraw', async (c) => {
    const fields = { person: c.req.query('person') ?? '', sig: c.req.query('sig') ?? '' };
    const found = await signedPerson(db, links, fields);
    if (!found) return badWithdrawLink(c);
    return show(c, withdrawPage(theirLang(c, found), brandOf(found), fields, found.display_name));
  });
  // The confirmation form, and mail clients' one-click unsubscribe (RFC 8058), which posts to the link itself.
  app.post('/withdraw', formLimit, async (c) => {
    const form = await parseForm(c);
    const person = String(form.person ?? c.req.query('person') ?? '');
    const sig = String(form.sig ?? c.req.query('sig') ?? '');
    const found = await signedPerson(db, links, { person, sig });
    if (!found) return badWithdrawLink(c);
    await withdrawAll(db, found.id, 'email_link');
    const lang = theirLang(c, found);
    return show(c, messagePage(lang, brandOf(found), 'done', pageText(lang, 'withdrawnTitle'), pageText(lang, 'withdrawnIntro')));
  });

  const me = new Hono<SessionEnv>();
  me.use(requireSession(db, publicOrigin));
  const myProfile = async (c: Context<SessionEnv>) => c.json(await loadMyProfile(db, c.var.personId, links.publicUrl));

  me.get('/', myProfile);
  me.put('/profile', limitBody(JSON_MAX_BYTES), async (c) => {
    const body = await readBody(c, ProfileUpdate);
    if (body instanceof Response) return body;
    await updateProfile(db, c.var.personId, body);
    return myProfile(c);
  });
  me.put('/consent', limitBody(JSON_MAX_BYTES), async (c) => {
    const body = await readBody(c, ConsentUpdate);
    if (body instanceof Response) return body;
    await decideConsent(db, c.var.personId, body, 'me');
    return myProfile(c);
  });
  me.post('/withdraw', async (c) => {
    await withdrawAll(db, c.var.personId, 'me');
    return myProfile(c);
  });
  // Saving sends a changed text (back) to moderation; `publish` is the consent to show it once approved.
  me.put('/testimonial', limitBody(JSON_MAX_BYTES), async (c) => {
    const body = await readBody(c, TestimonialDraft);
    if (body instanceof Response) return body;
    await saveMyTestimonial(db, c.var.personId, body);
    return myProfile(c);
  });
  me.delete('/testimonial', async (c) => {
    await deleteMyTestimonial(db, c.var.personId);
    return myProfile(c);
  });
  me.put('/photo', limitBody(PHOTO_MAX_BYTES), async (c) => {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim() ?? '';
    if (!PHOTO_TYPES.includes(type)) {
      return apiError(c, 415, 'unsupported_media_type', 'A photo must be a JPEG, PNG or WebP image.', 'photo');
    }
    try {
      await savePhoto(db, c.var.personId, new Uint8Array(await c.req.arrayBuffer()));
    } catch (error) {
      if (error instanceof PhotoError) return apiError(c, 415, 'unsupported_media_type', error.message, 'photo');
      throw error;
    }
    return myProfile(c);
  });
  // The person's own photo or initials: also before they are listed, when the public ones answer 404.
  me.get('/photo', async (c) => {
    const own = await myPhoto(db, c.var.personId);
    if (own.data && own.content_type) return c.body(new Uint8Array(own.data), 200, { 'Content-Type': own.content_type });
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.body(avatarSvg(own.display_name, own.public_id), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });
  me.delete('/photo', async (c) => {
    await removePhoto(db, c.var.personId);
    return myProfile(c);
  });
  me.get('/export', async (c) => {
    c.header('Content-Disposition', 'attachment; filename="hallway-my-data.json"');
    return c.json(await exportMyData(db, c.var.personId));
  });
  me.delete('/session', async (c) => {
    await endSession(c, db);
    return c.body(null, 204);
  });
  me.delete('/', async (c) => {
    await eraseMyData(db, c.var.personId, forgetMailsTo);
    await endSession(c, db);
    return c.body(null, 204);
  });
  return { pages: app, api: me, auth: signInRoutes({ db, links, limits: signInLimits, trustProxy }) };
}

type SiteRow = Parameters<typeof siteBrand>[0] & { allowed_origins: string[] };
const brandOf = (site: SiteRow) => siteBrand(site, site.allowed_origins[0]);
