import { sql } from 'kysely';
import type * as z from 'zod/mini';
import type { ContactRequest } from '../../sdk/contact-schemas.js';
import { analyticsCounter } from '../analytics/counter.js';
import { hashToken, newToken, type TokenProblem } from '../auth/tokens.js';
import type { Links } from '../auth/links.js';
import { enqueueMail } from '../mail/index.js';
import { findPublicPerson } from '../public-people.js';
import type { Db } from '../store/database.js';
import { newPublicId } from '../store/people.js';
import type { ContactRequestStatus, Site } from '../store/schema.js';
import type { ContactLinks } from './links.js';
import { heldBySite, senderBlocked } from './safety.js';
import { updateReplyTime } from '../record/reply-time.js';
import type { RelayAddresses } from '../relay/addresses.js';

export type ContactRequestBody = z.infer<typeof ContactRequest>;

const DAY_MS = 24 * 3600_000;
export const CONFIRM_LIFETIME_MS = 2 * DAY_MS;
export const PAUSE_MS = 14 * DAY_MS;
/**
 * A forwarded question is open this long: its decline and pause links then expire with it (quoted in
 * a reply, they reach the candidate, who must not be able to pause the employee for good).
 */
export const QUESTION_OPEN_MS = 14 * DAY_MS;
/** Statuses of the requests that reached the employee: what the weekly cap counts. */
const FORWARDED: ContactRequestStatus[] = ['confirmed', 'answered', 'declined'];

/** Opaque ids for requests (and for the honeypot's fake answers, which must look the same). */
export const newRequestId = newPublicId;

/** The person a question is for, with what only the server may know. */
export interface Recipient {
  id: number;
  publicId: string;
  email: string;
  fullName: string;
  displayName: string;
  locale: string | null;
}

export type Unreachable = 'person_not_found' | 'not_contactable' | 'paused' | 'cap_reached';
export type Reach = { ok: true; person: Recipient } | { ok: false; reason: Unreachable };

/**
 * Whether a question may reach this person now: listed exactly as candidates see them (the public card),
 * opted into messages, not paused, and under their weekly cap of forwarded questions.
 */
export async function reachPerson(db: Db, site: Pick<Site, 'id' | 'slug'>, publicId: string, publicUrl: string, now: Date): Promise<Reach> {
  const card = await findPublicPerson(db, site, publicId, publicUrl);
  if (!card) return { ok: false, reason: 'person_not_found' };
  if (!card.channels.includes('message')) return { ok: false, reason: 'not_contactable' };
  const person = await db
    .selectFrom('people')
    .select(['id', 'public_id', 'email', 'full_name', 'display_name', 'locale', 'weekly_cap', 'paused_until'])
    .where('public_id', '=', publicId)
    .executeTakeFirstOrThrow();
  if (person.paused_until && person.paused_until > now) return { ok: false, reason: 'paused' };
  if ((await forwardedThisWeek(db, person.id, now)) >= person.weekly_cap) return { ok: false, reason: 'cap_reached' };
  return {
    ok: true,
    person: {
      id: person.id,
      publicId: person.public_id,
      email: person.email,
      fullName: person.full_name,
      displayName: person.display_name,
      locale: person.locale,
    },
  };
}

async function forwardedThisWeek(db: Db, personId: number, now: Date) {
  const { count } = await db
    .selectFrom('contact_requests')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('person_id', '=', personId)
    .where('status', 'in', FORWARDED)
    .where('confirmed_at', '>', new Date(now.getTime() - 7 * DAY_MS))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export interface Submission {
  site: Site;
  person: Recipient;
  body: ContactRequestBody;
  /** The allowed origin the request came from: the careers site, linked from the candidate's notes. */
  origin: string;
  /** RELAY_DOMAIN is set: the employee will not see the candidate's address. */
  relayed?: boolean;
}

/**
 * Questions to one person awaiting their candidates' confirmation, over a day: each sends a mail in
 * that person's name, so strangers cannot make more than this many (whatever their addresses).
 */
export const MAX_PENDING_PER_DAY = 5;

export type Stored = { ok: true; id: string } | { ok: false; retryAfterSeconds: number };

/**
 * Stores the question, unconfirmed, and the candidate's confirmation mail, in one transaction: once
 * this resolves with its public id, the question is kept and the mail will be sent. Refused when the
 * person already has `maxPending` questions of the last day waiting for confirmation.
 */
export async function storeSubmission(
  db: Db,
  links: ContactLinks,
  { site, person, body, origin, relayed = false }: Submission,
  now: Date,
  maxPending = MAX_PENDING_PER_DAY,
): Promise<Stored> {
  const token = newToken();
  const id = newRequestId();
  const lang = body.lang ?? (site.default_lang === 'fr' ? 'fr' : 'en');
  const candidateName = oneLine(body.name);
  const stored = await db.transaction().execute(async (trx): Promise<Stored> => {
    // Submissions racing each other take turns on the person's row, so the count below holds.
    await trx.selectFrom('people').select('id').where('id', '=', person.id).forUpdate().execute();
    const waiting = await pendingToday(trx, person.id, now);
    if (waiting.length >= maxPending) {
      return { ok: false, retryAfterSeconds: Math.ceil((waiting[0]!.created_at.getTime() + DAY_MS - now.getTime()) / 1000) };
    }
    await trx
      .insertInto('contact_requests')
      .values({
        public_id: id,
        site_id: site.id,
        person_id: person.id,
        candidate_name: candidateName,
        candidate_email: body.email,
        message: body.message,
        job: body.job || null,
        lang,
        page_origin: origin,
        confirm_token_hash: hashToken(token),
        confirm_expires_at: new Date(now.getTime() + CONFIRM_LIFETIME_MS),
        created_at: now,
      })
      .execute();
    await enqueueMail(trx, {
      to: body.email,
      template: 'contact_confirm',
      locale: lang,
      data: { siteName: site.name, accentColor: site.accent_color, candidateName, displayName: person.displayName, link: links.confirm(token), relayed },
    });
    return { ok: true, id };
  });
  if (stored.ok) analyticsCounter(db).count(site.id, body.job, 'asked', now);
  return stored;
}

/** The person's questions of the last day still waiting for confirmation, oldest first. */
function pendingToday(db: Db, personId: number, now: Date) {
  return db
    .selectFrom('contact_requests')
    .select('created_at')
    .where('person_id', '=', personId)
    .where('status', '=', 'unconfirmed')
    .where('created_at', '>', new Date(now.getTime() - DAY_MS))
    .where('confirm_expires_at', '>', now)
    .orderBy('created_at')
    .execute();
}

/** A name goes into mail headers and greetings: one line of text. */
const oneLine = (text: string) => text.replace(/[\s\p{Cc}]+/gu, ' ').trim();

export type Confirmation =
  | { ok: true; status: 'confirmed' | 'held' | 'refused_cap' | 'refused_unavailable'; displayName: string; lang: string }
  | { ok: false; problem: TokenProblem; lang?: string };

export interface ConfirmDeps {
  db: Db;
  links: Links;
  contactLinks: ContactLinks;
  /** The key of blocked senders' hashes (issue 18): a sender blocked since they asked is refused like an unavailable person. */
  blockKey?: string;
  /** With RELAY_DOMAIN (issue 18): the employee replies to the relay, not to the candidate's address. */
  relay?: RelayAddresses | undefined;
}

/**
 * The candidate confirms, once. In one transaction, with the person's row locked so that two
 * confirmations cannot both take the last place under the cap: check again that the person may be
 * reached, then forward the question to them, or tell the candidate kindly why not.
 */
export async function confirmRequest({ db, links, contactLinks, blockKey, relay }: ConfirmDeps, token: string, now: Date): Promise<Confirmation> {
  let counted: { siteId: number; job: string | null } | undefined;
  const confirmation = await db.transaction().execute(async (trx): Promise<Confirmation> => {
    const request = await trx.selectFrom('contact_requests').selectAll().where('confirm_token_hash', '=', hashToken(token)).forUpdate().executeTakeFirst();
    if (!request) return { ok: false, problem: 'token_invalid' };
    if (request.status !== 'unconfirmed') return { ok: false, problem: 'token_used', lang: request.lang };
    if (request.confirm_expires_at <= now) return { ok: false, problem: 'token_expired', lang: request.lang };

    await trx.selectFrom('people').select('id').where('id', '=', request.person_id).forUpdate().execute();
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', request.site_id).executeTakeFirstOrThrow();
    const { public_id, display_name } = await trx
      .selectFrom('people')
      .select(['public_id', 'display_name'])
      .where('id', '=', request.person_id)
      .executeTakeFirstOrThrow();
    const reach = await reachPerson(trx, site, public_id, links.publicUrl, now);
    const { blocked, held } = await safetyCheck(trx, blockKey, site, request, reach.ok);
    const status = blocked ? 'refused_unavailable' : held ? 'held' : reach.ok ? 'confirmed' : reach.reason === 'cap_reached' ? 'refused_cap' : 'refused_unavailable';
    await trx
      .updateTable('contact_requests')
      .set({ status, confirmed_at: held ? null : now })
      .where('id', '=', request.id)
      .execute();

    const candidate = {
      siteName: site.name,
      accentColor: site.accent_color,
      candidateName: request.candidate_name,
      displayName: display_name,
      careersUrl: site.careers_url ?? request.page_origin,
    };
    if (status === 'confirmed' && reach.ok) {
      await forwardToEmployee(trx, { links, contactLinks, relay }, site, reach.person, request);
    } else if (status !== 'held') {
      const template = status === 'refused_cap' ? 'contact_cap_reached' : 'contact_declined';
      await enqueueMail(trx, { to: request.candidate_email, template, locale: request.lang, data: candidate });
    }
    if (status === 'confirmed') counted = { siteId: request.site_id, job: request.job };
    return { ok: true, status, displayName: display_name, lang: request.lang };
  });
  if (counted) analyticsCounter(db).count(counted.siteId, counted.job, 'confirmed', now);
  return confirmation;
}

interface StoredRequest {
  public_id: string;
  candidate_name: string;
  candidate_email: string;
  message: string;
  job: string | null;
}

/** Whether the sender is blocked now, or the site's filter holds the question for a moderator (issue 18). */
async function safetyCheck(db: Db, blockKey: string | undefined, site: Site, request: { candidate_email: string; message: string }, reachable: boolean) {
  const blocked = blockKey !== undefined && (await senderBlocked(db, blockKey, site.id, request.candidate_email));
  return { blocked, held: reachable && !blocked && heldBySite(site, request.message) };
}

/**
 * What every mail about a question to its employee says (the forward, the reminder): replying to it
 * writes to the relay's address for this question (issue 18), or, without a relay, to the candidate,
 * whose address is the only one shared.
 */
export function questionMail(
  { links, contactLinks, relay }: Omit<ConfirmDeps, 'db'>,
  site: Site,
  person: Pick<Recipient, 'publicId' | 'email' | 'fullName' | 'locale'>,
  request: StoredRequest,
) {
  return {
    to: person.email,
    locale: person.locale ?? site.default_lang,
    headers: { 'Reply-To': relay ? relay.address('employee', request.public_id) : request.candidate_email },
    data: {
      siteName: site.name,
      accentColor: site.accent_color,
      name: person.fullName,
      candidateName: request.candidate_name,
      message: request.message,
      job: request.job,
      answeredUrl: contactLinks.action('answered', request.public_id),
      declineUrl: contactLinks.action('decline', request.public_id),
      pauseUrl: contactLinks.action('pause', request.public_id),
      withdrawUrl: links.withdraw(person.publicId, person.email),
    },
  };
}

/** The employee's mail: the question, with one-click report and block (issue 18). */
export async function forwardToEmployee(db: Db, deps: Omit<ConfirmDeps, 'db'>, site: Site, person: Recipient, request: StoredRequest) {
  const mail = questionMail(deps, site, person, request);
  await enqueueMail(db, {
    ...mail,
    template: 'contact_request',
    data: {
      ...mail.data,
      reportUrl: deps.contactLinks.action('report', request.public_id),
      blockUrl: deps.contactLinks.action('block', request.public_id),
      relayed: Boolean(deps.relay),
    },
  });
}

/** What the confirmation page shows before the candidate clicks (nothing changes), and the site it is for. */
export function findByToken(db: Db, token: string) {
  return db
    .selectFrom('contact_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select(['r.lang', 'r.status', 'r.confirm_expires_at', 'r.page_origin', 'p.display_name', 's.name as site_name', 's.accent_color', 's.careers_url'])
    .where('r.confirm_token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

/** What an action page shows of a request, with the employee's language and their site. */
export function findForEmployee(db: Db, requestId: string) {
  return db
    .selectFrom('contact_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.status',
      'r.confirmed_at',
      'r.candidate_name',
      'r.person_id',
      'p.locale',
      's.default_lang',
      's.name as site_name',
      's.allowed_origins',
      's.accent_color',
      's.careers_url',
    ])
    .where('r.public_id', '=', requestId)
    .executeTakeFirst();
}

/**
 * Records the employee's answer to a forwarded request, once: a second click, or "declined" after
 * "answered", changes nothing. Declining sends the candidate a kind note in the same transaction.
 * Resolves with the request's status afterwards.
 */
export async function settleRequest(db: Db, requestId: number, outcome: 'answered' | 'declined', now: Date): Promise<ContactRequestStatus> {
  let settledNow: { site_id: number; job: string | null; confirmed_at: Date | null } | undefined;
  const status = await db.transaction().execute(async (trx) => {
    const settled = await trx
      .updateTable('contact_requests')
      .set(outcome === 'answered' ? { status: 'answered', answered_at: now, answer_via: 'link' } : { status: 'declined', declined_at: now })
      .where('id', '=', requestId)
      .where('status', '=', 'confirmed')
      .returningAll()
      .executeTakeFirst();
    if (!settled) {
      const current = await trx.selectFrom('contact_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow();
      return current.status;
    }
    settledNow = settled;
    if (outcome === 'answered') await updateReplyTime(trx, settled.person_id, now);
    if (outcome === 'declined') {
      const { site_name, accent_color, careers_url, display_name } = await trx
        .selectFrom('people as p')
        .innerJoin('sites as s', 's.id', 'p.site_id')
        .select(['s.name as site_name', 's.accent_color', 's.careers_url', 'p.display_name'])
        .where('p.id', '=', settled.person_id)
        .executeTakeFirstOrThrow();
      await enqueueMail(trx, {
        to: settled.candidate_email,
        template: 'contact_declined',
        locale: settled.lang,
        data: {
          siteName: site_name,
          accentColor: accent_color,
          candidateName: settled.candidate_name,
          displayName: display_name,
          careersUrl: careers_url ?? settled.page_origin,
        },
      });
    }
    return settled.status;
  });
  if (settledNow) countSettled(db, settledNow, outcome, now);
  return status;
}

function countSettled(db: Db, request: { site_id: number; job: string | null; confirmed_at: Date | null }, outcome: 'answered' | 'declined', now: Date) {
  const counter = analyticsCounter(db);
  if (outcome === 'answered') counter.countAnswer(request.site_id, request.job, request.confirmed_at, now);
  else counter.count(request.site_id, request.job, 'declined', now);
}

/** No new questions for two weeks from now; an existing longer pause is kept. Resolves with its end. */
export async function pauseContacts(db: Db, personId: number, now: Date): Promise<Date> {
  const until = new Date(now.getTime() + PAUSE_MS);
  const { paused_until } = await db
    .updateTable('people')
    .set({ paused_until: sql`greatest(paused_until, ${until})`, updated_at: now })
    .where('id', '=', personId)
    .returning('paused_until')
    .executeTakeFirstOrThrow();
  return paused_until!;
}
