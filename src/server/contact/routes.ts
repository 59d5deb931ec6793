import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ContactRequest, type ContactAccepted } from '../../sdk/contact-schemas.js';
import type { Links } from '../auth/links.js';
import { formLimit, limitBody, parseForm, readBody } from '../body.js';
import { apiError } from '../errors.js';
import { hasNul } from '../nul.js';
import type { TokenProblem } from '../auth/tokens.js';
import { PAGE_HEADERS, preferredLang, siteBrand, type Brand } from '../html.js';
import { loadSite, type SiteVariables } from '../site.js';
import type { Db } from '../store/database.js';
import { CHALLENGE_MAX_NUMBER, checkProof, issueChallenge, spendProof, type ProofProblem } from './challenge.js';
import { CONTACT_ACTIONS, contactKeys, SAFETY_ACTIONS, type ContactAction, type SafetyAction } from './links.js';
import { performSafetyAction, safetyPage } from './safety-pages.js';
import { senderBlocked } from './safety.js';
import { actionPage, contactPage, contactText, formatDay, formPage, pageLang, toCareers, toProfile, type ContactTexts } from './pages.js';
import { DEFAULT_CONTACT_LIMITS, type ContactLimits } from './limits.js';
import { relayAddresses } from '../relay/addresses.js';
import { clientIp, countAttempt, keyed, rateLimited } from '../rate-limit.js';
import {
  confirmRequest,
  findByToken,
  findForEmployee,
  newRequestId,
  pauseContacts,
  QUESTION_OPEN_MS,
  reachPerson,
  settleRequest,
  storeSubmission,
  type Unreachable,
} from './requests.js';

export interface ContactOptions {
  limits: ContactLimits;
  /** The proxies in front of the server (TRUST_PROXY=N; `true` is one): see `clientIp`. */
  trustProxy: boolean | number;
  /** The clock; tests move it instead of waiting out the minimum fill time. */
  now: () => Date;
  /** Difficulty of the proof of work; lowered only by tests that need many solutions. */
  challengeMaxNumber: number;
  /** RELAY_DOMAIN (issue 18): questions are forwarded with a relay address as their Reply-To. */
  relayDomain: string | undefined;
}

export interface ContactDeps {
  db: Db;
  publicUrl: string;
  links: Links;
  options?: Partial<ContactOptions>;
}

type Env = { Variables: SiteVariables };

const TOO_MANY_QUESTIONS = 'Too many questions in a short time';
/** Within the site's prefix, `/v1/sites/:site`. */
const CONTACT_PATH = '/people/:id/contact';
const BODY_MAX_BYTES = 16 * 1024;

/**
 * The candidate → employee flow. `api`, mounted at `/v1/sites/:site`: the proof-of-work challenge and
 * the contact request (allowed only from the site's own origins); mount it before the public routes
 * of that prefix, as the contact request has its own CORS policy. `pages`, mounted at `/contact`: the
 * candidate's confirmation and the employee's one-click answers.
 */
export function contactRoutes({ db, publicUrl, links, options = {} }: ContactDeps) {
  const { limits = DEFAULT_CONTACT_LIMITS, trustProxy = false, now = () => new Date(), challengeMaxNumber = CHALLENGE_MAX_NUMBER, relayDomain } = options;
  const keys = contactKeys(db, publicUrl);
  const relay = relayDomain ? relayAddresses(db, relayDomain) : undefined;
  const api = new Hono<Env>();
  const pages = new Hono();
  const show = (c: Context, body: string, status: 200 | 403 | 410 = 200) => c.html(body, status, PAGE_HEADERS);

  api.get('/challenge', cors({ origin: '*', allowMethods: ['GET'] }), loadSite<Env>(db), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await issueChallenge((await keys()).challenge, now(), challengeMaxNumber));
  });

  api.use(CONTACT_PATH, loadSite<Env>(db), siteOriginsOnly(new URL(publicUrl).origin));
  api.options(CONTACT_PATH, (c) =>
    c.body(null, 204, {
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type',
      'Access-Control-Max-Age': '600',
    }),
  );
  api.post(CONTACT_PATH, limitBody(BODY_MAX_BYTES), async (c) => {
    const body = await readBody(c, ContactRequest);
    if (body instanceof Response) return body;
    // The honeypot: only robots fill it. They get the answer a person gets, and nothing happens.
    if (body.website) return accepted(c, newRequestId());

    const at = now();
    const { challenge, rateLimit, contactLinks } = await keys();
    // Counted before the proof is checked, so that a flood of made-up proofs is throttled too.
    const ipWait = await countAttempt(db, 'ip', keyed(rateLimit, clientIp(c, trustProxy)), limits.perIp, at);
    if (ipWait) return rateLimited(c, ipWait, TOO_MANY_QUESTIONS);
    const proof = await checkProof(body.proof, challenge, at);
    if (!proof.ok) return challengeFailed(c, proof.problem);
    // Counted only behind a valid proof, so that nobody can lock a candidate's address out for free.
    const emailWait = await countAttempt(db, 'email', keyed(rateLimit, body.email.toLowerCase()), limits.perEmail, at);
    if (emailWait) return rateLimited(c, emailWait, TOO_MANY_QUESTIONS);
    if (!(await spendProof(db, body.proof.challenge, proof.expiresAt))) return challengeFailed(c, 'replayed');

    const personId = c.req.param('id');
    const reach = hasNul(personId) ? { ok: false as const, reason: 'person_not_found' as const } : await reachPerson(db, c.var.site, personId, publicUrl, at);
    if (!reach.ok) return unreachable(c, reach.reason);
    // A blocked sender (issue 18) gets the answer every question gets; nothing is stored or sent.
    if (await senderBlocked(db, (await keys()).blocks, c.var.site.id, body.email)) return accepted(c, newRequestId());
    const origin = c.req.header('Origin')!;
    const stored = await storeSubmission(
      db,
      contactLinks,
      { site: c.var.site, person: reach.person, body, origin, relayed: Boolean(relayDomain) },
      at,
      limits.pendingPerPerson,
    );
    if (!stored.ok) {
      // Not the candidate's doing (strangers may have asked in this person's name): the person is busy.
      c.header('Retry-After', String(stored.retryAfterSeconds));
      return apiError(c, 409, 'not_contactable', 'This person has many questions waiting already: try again tomorrow, or ask someone else.');
    }
    return accepted(c, stored.id);
  });

  pages.get('/confirm', async (c) => {
    const token = c.req.query('token') ?? '';
    const request = token ? await findByToken(db, token) : undefined;
    const lang = request?.lang ?? preferredLang(c.req.header('Accept-Language'));
    if (!request) return show(c, candidateProblem(lang, undefined, 'token_invalid'), 410);
    const brand = siteBrand(request, request.page_origin);
    // Said at once rather than after a click that cannot work.
    if (request.status !== 'unconfirmed') return show(c, candidateProblem(lang, brand, 'token_used'), 410);
    if (request.confirm_expires_at <= now()) return show(c, candidateProblem(lang, brand, 'token_expired'), 410);
    const t = contactText(lang);
    const copy = { title: t.confirmTitle, intro: t.confirmIntro(request.display_name), button: t.confirmButton };
    return show(c, formPage(lang, brand, '/contact/confirm', { token }, copy));
  });
  pages.post('/confirm', formLimit, async (c) => {
    const token = String((await parseForm(c)).token ?? '');
    const request = token ? await findByToken(db, token) : undefined;
    const brand = request && siteBrand(request, request.page_origin);
    const { contactLinks, blocks } = await keys();
    const result = await confirmRequest({ db, links, contactLinks, blockKey: blocks, relay: await relay?.() }, token, now());
    const lang = result.lang ?? preferredLang(c.req.header('Accept-Language'));
    const t = contactText(lang);
    if (!result.ok) return show(c, candidateProblem(lang, brand, result.problem), 410);
    const outcome =
      result.status === 'confirmed' || result.status === 'held'
        ? { tone: 'done' as const, title: t.confirmedTitle, message: t.confirmed(result.displayName) }
        : { tone: 'problem' as const, title: t.notSentTitle, message: t[result.status](result.displayName) };
    return show(c, contactPage(lang, { brand, ...outcome, next: toCareers(lang, brand) }));
  });

  for (const action of CONTACT_ACTIONS) {
    pages.get(`/${action}`, async (c) => {
      const fields = { request: c.req.query('request') ?? '', sig: c.req.query('sig') ?? '' };
      const found = await signedRequest(c, action, fields);
      if (found instanceof Response) return found;
      return show(c, actionPage(found.lang, found.brand, action, fields, found.candidate_name));
    });
    pages.post(`/${action}`, formLimit, async (c) => {
      const form = await parseForm(c);
      const found = await signedRequest(c, action, { request: String(form.request ?? ''), sig: String(form.sig ?? '') });
      if (found instanceof Response) return found;
      return show(c, await performAction(db, action, found, now()));
    });
  }

  for (const action of SAFETY_ACTIONS) {
    pages.get(`/${action}`, async (c) => {
      const fields = { request: c.req.query('request') ?? '', sig: c.req.query('sig') ?? '' };
      const found = await signedRequest(c, action, fields);
      if (found instanceof Response) return found;
      return show(c, safetyPage(found.lang, found.brand, action, fields, found.candidate_name));
    });
    pages.post(`/${action}`, formLimit, async (c) => {
      const form = await parseForm(c);
      const found = await signedRequest(c, action, { request: String(form.request ?? ''), sig: String(form.sig ?? '') });
      if (found instanceof Response) return found;
      const deps = { db, key: (await keys()).blocks, publicUrl };
      return show(c, await performSafetyAction(deps, action, found, String(form.reason ?? ''), now()));
    });
  }

  /** The request a signed action link is about, in its employee's language, or the page saying why there is none. */
  async function signedRequest(c: Context, action: ContactAction | SafetyAction, fields: { request: string; sig: string }) {
    const browserLang = preferredLang(c.req.header('Accept-Language'));
    const problem = (lang: string, message: string, brand?: Brand) =>
      contactPage(lang, { brand, tone: 'problem', title: contactText(lang).linkTitle, message, next: toProfile(lang) });
    if (!(await keys()).contactLinks.verify(action, fields.request, fields.sig)) {
      return show(c, problem(browserLang, contactText(browserLang).badLink), 403);
    }
    const found = await findForEmployee(db, fields.request);
    if (!found) return show(c, problem(browserLang, contactText(browserLang).gone), 410);
    const lang = found.locale ?? preferredLang(c.req.header('Accept-Language'), pageLang(found.default_lang));
    const request = { ...found, lang, brand: siteBrand(found, found.allowed_origins[0]) };
    if (linkExpired(action, request, now())) return show(c, problem(lang, contactText(lang).linkExpired, request.brand), 410);
    return request;
  }

  return { api, pages };
}

type EmployeeView = NonNullable<Awaited<ReturnType<typeof findForEmployee>>> & { lang: string; brand: Brand };

/** "Decline" and "pause" expire with the question: two weeks after it reached the employee, and "pause" once it is settled. */
function linkExpired(action: ContactAction | SafetyAction, { status, confirmed_at }: EmployeeView, now: Date) {
  // Reporting and blocking stay possible as long as the question is kept.
  if (action === 'answered' || action === 'report' || action === 'block') return false;
  const closed = !confirmed_at || now.getTime() - confirmed_at.getTime() >= QUESTION_OPEN_MS;
  return closed || (action === 'pause' && status !== 'confirmed');
}

/** Each action may be clicked twice, or after another: the page then says what is already recorded. */
async function performAction(db: Db, action: ContactAction, request: EmployeeView, at: Date) {
  const t = contactText(request.lang);
  const done = { brand: request.brand, tone: 'done' as const, next: toProfile(request.lang) };
  if (action === 'pause') {
    const until = await pauseContacts(db, request.person_id, at);
    return contactPage(request.lang, { ...done, title: t.pauseDoneTitle, message: t.pauseDone(formatDay(request.lang, until)) });
  }
  const status = await settleRequest(db, request.id, action === 'answered' ? 'answered' : 'declined', at);
  if (status === 'answered' || status === 'declined') {
    const title = status === 'answered' ? t.answeredDoneTitle : t.declineDoneTitle;
    return contactPage(request.lang, { ...done, title, message: settledMessage(t, action, status, request.candidate_name) });
  }
  return contactPage(request.lang, { ...done, tone: 'problem', title: t.linkTitle, message: t.badLink });
}

function settledMessage(t: ContactTexts, action: 'answered' | 'decline', status: 'answered' | 'declined', candidateName: string) {
  if (action === 'answered' && status === 'answered') return t.answeredDone;
  if (action === 'decline' && status === 'declined') return t.declineDone(candidateName);
  return status === 'answered' ? t.alreadyAnswered : t.alreadyDeclined;
}

/** The candidate's link did not work: why, and the way back to the careers site to ask again. */
function candidateProblem(lang: string, brand: Brand | undefined, problem: TokenProblem) {
  const t = contactText(lang);
  const back = toCareers(lang, brand);
  const next = back && problem === 'token_expired' ? { ...back, label: t.askAgain } : back;
  // A used link means the question is confirmed: good news, said as such.
  const used = problem === 'token_used';
  return contactPage(lang, { brand, tone: used ? 'done' : 'problem', title: used ? t.confirmedTitle : t.linkTitle, message: t[problem], next });
}

/**
 * Contact requests come only from the site's own pages (its allowed origins, or this server's, where
 * the demo lives). Anything else gets no CORS headers at all, so a browser fails the preflight.
 */
function siteOriginsOnly(publicOrigin: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.header('Vary', 'Origin');
    const origin = c.req.header('Origin');
    if (!origin || (origin !== publicOrigin && !c.var.site.allowed_origins.includes(origin))) {
      if (c.req.method === 'OPTIONS') return c.body(null, 403);
      return apiError(c, 403, 'origin_not_allowed', 'Questions can only be sent from the careers site itself.');
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After');
    await next();
  };
}

const accepted = (c: Context, id: string) => c.json({ id, status: 'pending_confirmation' } satisfies ContactAccepted, 202);

const PROOF_MESSAGES: Record<ProofProblem, string> = {
  forged: 'The anti-spam check is not valid: please reload the page and send your question again.',
  expired: 'The form was open for too long: please send your question again.',
  too_fast: 'That was very quick: please take a moment to read your question, then send it again.',
  replayed: 'This anti-spam check was already used: please send your question again.',
};

const challengeFailed = (c: Context, problem: ProofProblem) => apiError(c, 400, 'challenge_failed', PROOF_MESSAGES[problem], 'proof');

function unreachable(c: Context, reason: Unreachable) {
  switch (reason) {
    case 'person_not_found':
      return apiError(c, 404, 'person_not_found', 'This person is not on this site, or no longer shares their profile.');
    case 'not_contactable':
      return apiError(c, 409, 'not_contactable', 'This person does not take questions by message.');
    case 'paused':
      return apiError(c, 409, 'not_contactable', 'This person is away at the moment and not taking questions: try again later, or ask someone else.');
    case 'cap_reached':
      return apiError(c, 409, 'cap_reached', 'This person has received as many questions as they can answer this week: try again next week, or ask someone else.');
  }
}
