/**
 * Safety for employees (issue 18): reports, blocked senders and held questions.
 *
 * A blocked sender is stored as a keyed hash of their address (or of its domain), never the address.
 * Three reports from three different employees within 30 days against addresses of one domain block the
 * domain, unless it is public webmail (`PUBLIC_MAIL_DOMAINS`). A blocked sender's question gets the
 * answer every question gets, a 202, and nothing is stored or sent (routes.ts): nothing tells them.
 */
import { ROLE_SCOPES, type AdminRole, type ReportReason, type SafetyOverview, type SafetyQuestion } from '../../sdk/admin-schemas.js';
import type { Links } from '../auth/links.js';
import { enqueueMail } from '../mail/index.js';
import { keyed } from '../rate-limit.js';
import type { Db } from '../store/database.js';
import { newPublicId } from '../store/people.js';
import type { ContactBlocksTable, ContactRequestStatus, Site } from '../store/schema.js';
import { domainOf, holdReasons, isPublicMailDomain } from './detectors.js';
import type { ContactLinks } from './links.js';
import { forwardToEmployee, reachPerson } from './requests.js';
import type { RelayAddresses } from '../relay/addresses.js';

const DAY_MS = 24 * 3600_000;
/** Reports from this many different employees… */
export const DOMAIN_REPORTS = 3;
/** …within this window block the domain. */
export const DOMAIN_REPORTS_WINDOW_MS = 30 * DAY_MS;

const addressHash = (key: string, email: string) => keyed(key, `address:${email.trim().toLowerCase()}`);
const domainHash = (key: string, domain: string) => keyed(key, `domain:${domain.toLowerCase()}`);

/** Whether this address, or its domain, may no longer ask anyone on the site. */
export async function senderBlocked(db: Db, key: string, siteId: number, email: string): Promise<boolean> {
  const found = await db
    .selectFrom('contact_blocks')
    .select('id')
    .where('site_id', '=', siteId)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'address'), eb('key_hash', '=', addressHash(key, email))]),
        eb.and([eb('kind', '=', 'domain'), eb('key_hash', '=', domainHash(key, domainOf(email)))]),
      ]),
    )
    .executeTakeFirst();
  return found !== undefined;
}

interface QuestionRef {
  id: number;
  site_id: number;
  candidate_email: string;
}

async function insertBlock(db: Db, block: Omit<ContactBlocksTable, 'id' | 'public_id' | 'created_at'>, now: Date) {
  await db
    .insertInto('contact_blocks')
    .values({ ...block, public_id: newPublicId(), created_at: now })
    .onConflict((oc) => oc.columns(['site_id', 'kind', 'key_hash']).doNothing())
    .execute();
}

/** Blocks the sender of a question; blocking twice changes nothing. */
export async function blockSenderOf(db: Db, key: string, question: QuestionRef, source: 'employee' | 'moderator', now: Date) {
  const block = {
    site_id: question.site_id,
    kind: 'address' as const,
    key_hash: addressHash(key, question.candidate_email),
    domain: null,
    source,
    request_id: question.id,
  };
  await insertBlock(db, block, now);
}

/** Blocks a domain for the site (a moderator's decision, or repeated reports); webmail is refused by the caller. */
export async function blockDomain(db: Db, key: string, siteId: number, domain: string, source: 'moderator' | 'reports', now: Date) {
  await insertBlock(db, { site_id: siteId, kind: 'domain', key_hash: domainHash(key, domain), domain, source, request_id: null }, now);
}

export async function unblock(db: Db, siteId: number, blockId: string) {
  const removed = await db.deleteFrom('contact_blocks').where('site_id', '=', siteId).where('public_id', '=', blockId).returning(['kind', 'domain']).executeTakeFirst();
  return removed;
}

export interface ReportDeps {
  db: Db;
  key: string;
  publicUrl: string;
}

export type Reported = 'reported' | 'already_reported';

/**
 * The employee reports a question, once. In one transaction: the report (which keeps the question for
 * the moderators as long as the question is kept), the domain's block after repeated reports, and the
 * moderators' mail.
 */
export async function reportQuestion({ db, key, publicUrl }: ReportDeps, requestId: number, reason: ReportReason, now: Date): Promise<Reported> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('contact_requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select(['r.id', 'r.site_id', 'r.person_id', 'r.candidate_email', 'r.candidate_name', 'r.message', 's.slug', 's.name', 's.accent_color', 's.default_lang'])
      .where('r.id', '=', requestId)
      .executeTakeFirstOrThrow();
    const domain = domainOf(request.candidate_email);
    const inserted = await trx
      .insertInto('contact_reports')
      .values({ site_id: request.site_id, request_id: request.id, person_id: request.person_id, reason, domain_hash: domainHash(key, domain), created_at: now })
      .onConflict((oc) => oc.column('request_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'already_reported';
    const domainBlocked = await blockDomainAfterReports(trx, key, request.site_id, domain, now);
    const data = {
      siteName: request.name,
      accentColor: request.accent_color,
      reason,
      candidateName: request.candidate_name,
      message: request.message,
      domainBlocked: domainBlocked ? domain : null,
      workspaceUrl: `${publicUrl}/admin/reports?site=${encodeURIComponent(request.slug)}`,
    };
    for (const to of await moderatorAddresses(trx)) await enqueueMail(trx, { to, template: 'contact_reported', locale: request.default_lang, data });
    return 'reported';
  });
}

/** Whether this report made it `DOMAIN_REPORTS` different employees within the window: the domain is then blocked. */
async function blockDomainAfterReports(db: Db, key: string, siteId: number, domain: string, now: Date): Promise<boolean> {
  if (isPublicMailDomain(domain)) return false;
  const { reporters } = await db
    .selectFrom('contact_reports')
    .select((eb) => eb.fn.count<string>('person_id').distinct().as('reporters'))
    .where('site_id', '=', siteId)
    .where('domain_hash', '=', domainHash(key, domain))
    .where('created_at', '>', new Date(now.getTime() - DOMAIN_REPORTS_WINDOW_MS))
    .executeTakeFirstOrThrow();
  if (Number(reporters) < DOMAIN_REPORTS) return false;
  await blockDomain(db, key, siteId, domain, 'reports', now);
  return true;
}

const MODERATOR_ROLES = (Object.keys(ROLE_SCOPES) as AdminRole[]).filter((role) => ROLE_SCOPES[role].includes('moderation'));

/** The workspace accounts that moderate (their roles have the `moderation` scope). */
async function moderatorAddresses(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('admin_users').select('email').where('role', 'in', MODERATOR_ROLES).execute();
  return rows.map((row) => row.email);
}

/** Whether the site's filter holds this message (the candidate's confirmation then does not forward it). */
export const heldBySite = (site: Pick<Site, 'hold_links' | 'hold_phones' | 'held_words'>, message: string) => holdReasons(site, message).length > 0;

/** What the moderators' page lists: reports, held questions (oldest first) and blocks (newest first). */
export async function safetyOverview(db: Db, key: string, site: Site): Promise<SafetyOverview> {
  const questions = db
    .selectFrom('contact_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.public_id', 'r.candidate_name', 'r.candidate_email', 'r.message', 'r.job', 'r.created_at', 'p.display_name'])
    .where('r.site_id', '=', site.id);
  const reports = await questions
    .innerJoin('contact_reports as c', 'c.request_id', 'r.id')
    .select(['c.reason', 'c.created_at as reported_at'])
    .orderBy('c.created_at', 'desc')
    .limit(200)
    .execute();
  const held = await questions.where('r.status', '=', 'held').orderBy('r.created_at').limit(200).execute();
  const blocks = await db
    .selectFrom('contact_blocks as b')
    .leftJoin('contact_requests as r', 'r.id', 'b.request_id')
    .select(['b.public_id', 'b.kind', 'b.domain', 'b.source', 'b.created_at', 'r.candidate_name'])
    .where('b.site_id', '=', site.id)
    .orderBy('b.created_at', 'desc')
    .limit(500)
    .execute();
  const toQuestion = async (row: (typeof held)[number]): Promise<SafetyQuestion> => ({
    id: row.public_id,
    candidateName: row.candidate_name,
    senderDomain: domainOf(row.candidate_email),
    message: row.message,
    job: row.job,
    to: row.display_name,
    askedAt: new Date(row.created_at).toISOString(),
    senderBlocked: await senderBlocked(db, key, site.id, row.candidate_email),
  });
  return {
    reports: await Promise.all(
      reports.map(async (row) => ({ question: await toQuestion(row), reason: row.reason, reportedAt: new Date(row.reported_at).toISOString() })),
    ),
    held: await Promise.all(held.map(async (row) => ({ question: await toQuestion(row), holdReasons: holdReasons(site, row.message) }))),
    blocks: blocks.map((row) => ({
      id: row.public_id,
      kind: row.kind,
      domain: row.domain,
      candidateName: row.candidate_name,
      source: row.source,
      createdAt: new Date(row.created_at).toISOString(),
    })),
  };
}

/** A question of the site, by its public id, for a moderator's action. */
export function findSiteQuestion(db: Db, siteId: number, publicId: string) {
  return db
    .selectFrom('contact_requests')
    .select(['id', 'site_id', 'candidate_email', 'status'])
    .where('site_id', '=', siteId)
    .where('public_id', '=', publicId)
    .executeTakeFirst();
}

export interface ReleaseDeps {
  db: Db;
  links: Links;
  contactLinks: ContactLinks;
  relay?: RelayAddresses | undefined;
}

type Decided = Extract<ContactRequestStatus, 'confirmed' | 'refused_cap' | 'refused_unavailable'>;
/** A released question's outcome, and its job for the analytics. */
export interface Released {
  status: Decided;
  job: string | null;
}

/**
 * A moderator releases a held question: it goes on as if it had never been held (the person may be
 * reached now: it is forwarded; otherwise the candidate is told kindly, as at confirmation). Undefined
 * when the question is not held (any more). Run in the transaction that audits it.
 */
export async function releaseHeld({ db: trx, links, contactLinks, relay }: ReleaseDeps, site: Site, publicId: string, now: Date): Promise<Released | undefined> {
  const request = await trx
    .selectFrom('contact_requests')
    .selectAll()
    .where('site_id', '=', site.id)
    .where('public_id', '=', publicId)
    .where('status', '=', 'held')
    .forUpdate()
    .executeTakeFirst();
  if (!request) return undefined;
  await trx.selectFrom('people').select('id').where('id', '=', request.person_id).forUpdate().execute();
  const person = await trx.selectFrom('people').select('public_id').where('id', '=', request.person_id).executeTakeFirstOrThrow();
  const reach = await reachPerson(trx, site, person.public_id, links.publicUrl, now);
  const status: Decided = reach.ok ? 'confirmed' : reach.reason === 'cap_reached' ? 'refused_cap' : 'refused_unavailable';
  await trx.updateTable('contact_requests').set({ status, confirmed_at: now }).where('id', '=', request.id).execute();
  if (reach.ok) await forwardToEmployee(trx, { links, contactLinks, relay }, site, reach.person, request);
  else await tellCandidate(trx, site, request, status === 'refused_cap' ? 'contact_cap_reached' : 'contact_declined');
  return { status, job: request.job };
}

/**
 * A moderator rejects a held question: the candidate gets the note of a person who cannot take
 * questions, nothing more. Run in the transaction that audits it.
 */
export async function rejectHeld(trx: Db, site: Site, publicId: string): Promise<boolean> {
  const request = await trx
    .updateTable('contact_requests')
    .set({ status: 'refused_unavailable' })
    .where('site_id', '=', site.id)
    .where('public_id', '=', publicId)
    .where('status', '=', 'held')
    .returningAll()
    .executeTakeFirst();
  if (!request) return false;
  await tellCandidate(trx, site, request, 'contact_declined');
  return true;
}

interface CandidateNote {
  person_id: number;
  candidate_email: string;
  candidate_name: string;
  lang: string;
  page_origin: string;
}

async function tellCandidate(db: Db, site: Site, request: CandidateNote, template: 'contact_declined' | 'contact_cap_reached') {
  const { display_name } = await db.selectFrom('people').select('display_name').where('id', '=', request.person_id).executeTakeFirstOrThrow();
  const data = {
    siteName: site.name,
    accentColor: site.accent_color,
    candidateName: request.candidate_name,
    displayName: display_name,
    careersUrl: site.careers_url ?? request.page_origin,
  };
  await enqueueMail(db, { to: request.candidate_email, template, locale: request.lang, data });
}
