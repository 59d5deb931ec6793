import { sql } from 'kysely';
import type { AdminPerson } from '../../sdk/admin-schemas.js';
import type { Db } from '../store/database.js';
import { latestConsentGranted } from '../store/people.js';
import type { PersonStatus } from '../store/schema.js';

export interface AdminPeopleQuery {
  status?: PersonStatus;
  /** Words, each found in the name, e-mail, job title, team or location, in any case and accents. */
  q?: string | undefined;
  limit: number;
  cursor?: number;
}

/** Erased people are kept only as anchors of their consent history: nobody lists them. */
function adminPeople(db: Db, siteId: number) {
  return db
    .selectFrom('people as p')
    .where('p.site_id', '=', siteId)
    .where('p.erased_at', 'is', null)
    .select([
      'p.id',
      'p.public_id',
      'p.external_id',
      'p.email',
      'p.full_name',
      'p.display_name',
      'p.job_title',
      'p.team',
      'p.location',
      'p.languages',
      'p.status',
      'p.invited_at',
      'p.locale',
      sql<boolean>`${latestConsentGranted('show_profile')}`.as('show_profile'),
      sql<boolean>`${latestConsentGranted('contact')}`.as('contact'),
    ]);
}

export type AdminPersonRow = Awaited<ReturnType<ReturnType<typeof adminPeople>['executeTakeFirstOrThrow']>>;

/** Pages by database id (`cursor` = the last id seen), so imports running meanwhile don't shift pages. */
export async function listAdminPeople(db: Db, siteId: number, query: AdminPeopleQuery) {
  let select = adminPeople(db, siteId)
    .orderBy('p.id')
    .limit(query.limit + 1);
  if (query.status) select = select.where('p.status', '=', query.status);
  if (query.cursor) select = select.where('p.id', '>', query.cursor);
  // A scalar subquery: each word is folded once per query, not once per row a generic plan reads.
  for (const word of searchWords(query.q)) select = select.where(sql<boolean>`p.search_key like (select '%' || hw_fold(${word}) || '%')`);
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAdminPerson),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}

/** The words of a search, with LIKE's wildcards taken literally (`\` is its default escape). */
const searchWords = (q: string | undefined) =>
  (q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10)
    .map((word) => word.replace(/[\\%_]/g, (ch) => `\\${ch}`));

/** A person reference: their public id, else their external id, else their e-mail, within one site. */
export async function findPersonByRef(db: Db, siteId: number, ref: string): Promise<AdminPersonRow | undefined> {
  for (const column of ['p.public_id', 'p.external_id', 'p.email'] as const) {
    const value = column === 'p.email' ? ref.toLowerCase() : ref;
    const person = await adminPeople(db, siteId).where(column, '=', value).executeTakeFirst();
    if (person) return person;
  }
  return undefined;
}

export function toAdminPerson(row: AdminPersonRow): AdminPerson {
  return {
    id: row.public_id,
    externalId: row.external_id,
    email: row.email,
    fullName: row.full_name,
    displayName: row.display_name,
    jobTitle: row.job_title,
    team: row.team,
    location: row.location,
    languages: row.languages,
    status: row.status,
    invitedAt: row.invited_at ? new Date(row.invited_at).toISOString() : null,
    showProfile: row.show_profile,
    contact: row.contact,
  };
}
