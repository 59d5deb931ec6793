import { randomBytes } from 'node:crypto';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from './database.js';
import type { ConsentPurpose, ConsentSource, PersonStatus } from './schema.js';

export interface NewPersonInput {
  siteId: number;
  email: string;
  fullName: string;
  displayName: string;
  jobTitle: string;
  team?: string | null;
  location?: string | null;
  languages?: string[];
  bio?: string | null;
  photoUrl?: string | null;
  externalId?: string | null;
  status?: PersonStatus;
}

/**
 * Opaque, unguessable, and unrelated to the database key. It never starts with `-` or `_`, so it can
 * be passed on a command line (`hallway testimonials approve <id>`) without reading as an option.
 */
export function newPublicId(): string {
  for (;;) {
    const id = randomBytes(12).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

export async function createPerson(db: Db, input: NewPersonInput) {
  return db
    .insertInto('people')
    .values({
      public_id: newPublicId(),
      site_id: input.siteId,
      email: input.email.toLowerCase(),
      external_id: input.externalId ?? null,
      full_name: input.fullName,
      display_name: input.displayName,
      job_title: input.jobTitle,
      team: input.team ?? null,
      location: input.location ?? null,
      languages: input.languages ?? [],
      bio: input.bio ?? null,
      photo_url: input.photoUrl ?? null,
      status: input.status ?? 'employee',
    })
    .returning(['id', 'public_id'])
    .executeTakeFirstOrThrow();
}

export interface ConsentDecision {
  personId: number;
  purpose: ConsentPurpose;
  granted: boolean;
  textVersion: string;
  source: ConsentSource;
  details?: Record<string, unknown>;
}

/** Consent is never edited: every decision is a new record, the latest one per purpose counts. */
export async function recordConsent(db: Db, decision: ConsentDecision) {
  await db
    .insertInto('consents')
    .values({
      person_id: decision.personId,
      purpose: decision.purpose,
      granted: decision.granted,
      text_version: decision.textVersion,
      source: decision.source,
      details: JSON.stringify(decision.details ?? {}),
    })
    .execute();
}

export async function setStatus(db: Db, personId: number, status: PersonStatus) {
  await db.updateTable('people').set({ status, updated_at: new Date() }).where('id', '=', personId).execute();
}

/** The latest decision for `purpose` of the person aliased `p` is a grant. */
export const latestConsentGranted = (purpose: ConsentPurpose): Expression<SqlBool> => sql<SqlBool>`coalesce((
  select c.granted from consents c
  where c.person_id = p.id and c.purpose = ${purpose}
  order by c.id desc limit 1
), false)`;
