import { sql, type Selectable } from 'kysely';
import type { Db } from '../store/database.js';
import type { OutboxStatus, OutboxTable } from '../store/schema.js';
import { mailLocale, renderMail, unsubscribeHeaders, withdrawUrlOf, type MailTemplate, type MailTemplates } from './templates.js';

/** One row of the outbox, as the worker and the dev outbox see it. */
export interface OutboxMail {
  id: number;
  to: string;
  template: string;
  locale: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  status: OutboxStatus;
  /** Sending attempts begun, counting the one in progress once the mail is claimed. */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface MailRequest<T extends MailTemplate> {
  to: string;
  template: T;
  /** The person's language; unsupported ones fall back to English. */
  locale: string | null | undefined;
  data: MailTemplates[T];
  /** Extra headers, e.g. `Reply-To` on a candidate's question so the employee's answer goes to them. */
  headers?: Record<string, string>;
}

/** After this many failed attempts (about four hours of retrying) a mail is given up as `failed`. */
export const MAX_ATTEMPTS = 25;
const MAX_RETRY_DELAY_MS = 15 * 60_000;
/** How long a claimed mail is reserved for the worker sending it; far longer than one SMTP send may take. */
export const CLAIM_LEASE_MS = 60_000;

/**
 * Renders the mail and stores it as pending. Pass the transaction that makes the change the mail is
 * about: the mail then exists if and only if that change is committed.
 */
export async function enqueueMail<T extends MailTemplate>(db: Db, { to, template, locale, data, headers }: MailRequest<T>): Promise<number> {
  const language = mailLocale(locale);
  const { subject, text, html } = renderMail(template, language, data);
  const withdrawUrl = withdrawUrlOf(data);
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: to,
      template,
      locale: language,
      subject,
      text_body: text,
      html_body: html,
      headers: JSON.stringify({ ...(withdrawUrl ? unsubscribeHeaders(withdrawUrl) : {}), ...headers }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Reserves up to `limit` due mails for this caller: counts the attempt and moves `next_attempt_at`
 * past a lease, in one statement. `skip locked` lets several workers on one PostgreSQL claim at once
 * without waiting for, or taking, each other's rows.
 */
export async function claimDueMails(db: Db, limit: number, now = new Date(), leaseMs = CLAIM_LEASE_MS): Promise<OutboxMail[]> {
  const rows = await db
    .updateTable('outbox')
    .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(now.getTime() + leaseMs) })
    .where('id', 'in', (due) =>
      due
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows.map(toOutboxMail).sort((a, b) => a.id - b.id);
}

/** Records these claimed mails as sent, in one statement. */
export async function markSent(db: Db, ids: number | number[], now = new Date()) {
  const list = Array.isArray(ids) ? ids : [ids];
  if (list.length === 0) return;
  await db.updateTable('outbox').set({ status: 'sent', sent_at: now, last_error: null }).where('id', 'in', list).execute();
}

/** Gives back claimed mails that were never tried: due again at once, their claim not counted as an attempt. */
export async function releaseMails(db: Db, ids: number[], now = new Date()) {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ attempts: sql`attempts - 1`, next_attempt_at: now })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

/** Schedules the next attempt after `attempts` failures, or gives up after MAX_ATTEMPTS. */
export async function markFailed(db: Db, id: number, error: string, attempts: number, now = new Date()) {
  await db
    .updateTable('outbox')
    .set({
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
      last_error: error.slice(0, 1000),
    })
    .where('id', '=', id)
    .execute();
}

/** 2, 4, 8 … seconds after the 1st, 2nd, 3rd … failure, at most 15 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(2 ** attempts * 1000, MAX_RETRY_DELAY_MS);

/** Deletes every mail to this address, sent or not (the person deleted their data). */
export async function forgetMailsTo(db: Db, address: string): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where(sql<string>`lower(to_address)`, '=', address.toLowerCase())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The most recent mails first, whatever their status. */
export async function listOutbox(db: Db, limit = 100): Promise<OutboxMail[]> {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toOutboxMail);
}

function toOutboxMail(row: Selectable<OutboxTable>): OutboxMail {
  return {
    id: row.id,
    to: row.to_address,
    template: row.template,
    locale: row.locale,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: row.headers,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
