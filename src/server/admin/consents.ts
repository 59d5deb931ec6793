/**
 * The consent record of a site's people, for a compliance request: every grant and withdrawal, read
 * from the append-only `consents` table (migration 0001), which has kept each decision from the start.
 */
import type { ConsentEvent, ConsentRecordPage } from '../../sdk/admin-schemas.js';
import type { Db } from '../store/database.js';
import { csvLine } from './audit.js';
import { findPersonByRef } from './people.js';

/** Whose record: one person (their database id), or everyone of the site. */
export interface ConsentSubject {
  siteId: number;
  personId?: number | undefined;
}

/** A person by public id (erased ones too: their record stays), else by external id or e-mail. */
export async function findConsentPerson(db: Db, siteId: number, ref: string) {
  const byPublicId = await db.selectFrom('people').select(['id', 'public_id']).where('site_id', '=', siteId).where('public_id', '=', ref).executeTakeFirst();
  if (byPublicId) return byPublicId;
  const person = await findPersonByRef(db, siteId, ref);
  return person && { id: person.id, public_id: person.public_id };
}

/** Oldest first; `cursor` is the last consent id of the previous page. */
const consentRows = (db: Db, { siteId, personId }: ConsentSubject, limit: number, cursor?: number) => {
  let select = db
    .selectFrom('consents as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .where('p.site_id', '=', siteId)
    .select(['c.id', 'c.created_at', 'c.purpose', 'c.granted', 'c.text_version', 'c.source', 'c.details'])
    .select(['p.public_id', 'p.external_id', 'p.email', 'p.full_name', 'p.erased_at'])
    .orderBy('c.id')
    .limit(limit);
  if (personId !== undefined) select = select.where('c.person_id', '=', personId);
  if (cursor) select = select.where('c.id', '>', cursor);
  return select.execute();
};

type ConsentRow = Awaited<ReturnType<typeof consentRows>>[number];

export async function listConsents(db: Db, subject: ConsentSubject, { limit, cursor }: { limit: number; cursor?: number | undefined }): Promise<ConsentRecordPage> {
  const rows = await consentRows(db, subject, limit + 1, cursor);
  const page = rows.slice(0, limit);
  return { items: page.map(toConsentEvent), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}

const toConsentEvent = (row: ConsentRow): ConsentEvent => {
  const erased = row.erased_at !== null;
  return {
    id: String(row.id),
    at: new Date(row.created_at).toISOString(),
    person: { id: row.public_id, externalId: row.external_id, email: erased ? null : row.email, fullName: erased ? null : row.full_name, erased },
    purpose: row.purpose,
    granted: row.granted,
    textVersion: row.text_version,
    by: row.source === 'demo' ? 'demo' : 'employee',
    source: row.source,
    details: row.details,
  };
};

export const CONSENT_CSV_HEADER = ['at', 'person_id', 'external_id', 'email', 'full_name', 'erased', 'purpose', 'decision', 'text_version', 'by', 'source', 'details'];

/** The record as CSV (RFC 4180), oldest first, read a thousand lines at a time. */
export async function* consentCsv(db: Db, subject: ConsentSubject): AsyncGenerator<string> {
  yield csvLine(CONSENT_CSV_HEADER);
  let cursor: number | undefined;
  for (;;) {
    const rows = await consentRows(db, subject, 1000, cursor);
    if (rows.length === 0) return;
    yield rows.map((row) => csvLine(consentCells(toConsentEvent(row)))).join('');
    cursor = rows.at(-1)!.id;
  }
}

const consentCells = (event: ConsentEvent) => [
  event.at,
  event.person.id,
  event.person.externalId ?? '',
  event.person.email ?? '',
  event.person.fullName ?? '',
  event.person.erased ? 'yes' : 'no',
  event.purpose,
  event.granted ? 'granted' : 'withdrawn',
  event.textVersion,
  event.by,
  event.source,
  JSON.stringify(event.details),
];
