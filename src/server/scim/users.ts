/**
 * Provisioned people: a `scim_users` row next to the person it provisions. The identity provider sets
 * the HR fields (e-mail, name, title, team, location) and whether the person is still there; never
 * consent, which stays the employee's alone. Leaving is `setStatus(…, 'left')`, as `people leave` does.
 */
import { sql } from 'kysely';
import { defaultDisplayName } from '../admin/import.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { createPerson, setStatus } from '../store/people.js';
import type { PersonStatus } from '../store/schema.js';
import { ScimError } from './errors.js';
import type { UserFilter } from './filter.js';
import type { UserFields } from './mapping.js';

function users(db: Db, siteId: number) {
  return db
    .selectFrom('scim_users as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .where('s.site_id', '=', siteId)
    .where('p.erased_at', 'is', null)
    .select([
      'p.id',
      'p.public_id',
      'p.email',
      'p.full_name',
      'p.job_title',
      'p.team',
      'p.location',
      'p.status',
      's.user_name',
      's.external_id',
      's.given_name',
      's.family_name',
      's.active',
      's.created_at',
      sql<Date>`greatest(s.updated_at, p.updated_at)`.as('updated_at'),
    ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof users>['executeTakeFirstOrThrow']>>;

export const findUser = (db: Db, siteId: number, id: string) => users(db, siteId).where('p.public_id', '=', id).executeTakeFirst();

/** One page, in a stable order (the person's database id), and how many match in all. */
export async function listUsers(db: Db, siteId: number, filter: UserFilter | undefined, offset: number, limit: number) {
  let select = users(db, siteId);
  if (filter?.attribute === 'userName') select = select.where(sql`lower(s.user_name)`, '=', filter.value.toLowerCase());
  if (filter?.attribute === 'externalId') select = select.where('s.external_id', '=', filter.value);
  if (filter?.attribute === 'id') select = select.where('p.public_id', '=', filter.value);
  if (filter?.attribute === 'email') select = select.where('p.email', '=', filter.value.toLowerCase());
  if (filter?.attribute === 'active') select = select.where('s.active', '=', filter.value);
  const { total } = await select
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = limit === 0 ? [] : await select.orderBy('p.id').offset(offset).limit(limit).execute();
  return { total: Number(total), rows };
}

const uniqueness = (detail: string) => new ScimError(409, detail, 'uniqueness');
const TAKEN_USER_NAME = 'A user with this userName already exists.';
const TAKEN_EMAIL = 'Another user of this site has this e-mail address.';

/** A departed employee stays alumni (their own choice); anyone else is an employee or has left. */
const statusFor = (current: PersonStatus, active: boolean): PersonStatus => (active ? 'employee' : current === 'alumni' ? 'alumni' : 'left');

/**
 * Provisions a user: a new person, or the site's person with this e-mail address (imported before, or
 * provisioned and deleted since: a rehire), who then keeps their id and their own consent decisions.
 */
export async function createUser(db: Db, siteId: number, fields: UserFields, now: Date): Promise<string> {
  return unique(() =>
    inTransaction(db, async (trx) => {
      const taken = await trx
        .selectFrom('scim_users')
        .select('person_id')
        .where('site_id', '=', siteId)
        .where(sql`lower(user_name)`, '=', fields.userName.toLowerCase())
        .executeTakeFirst();
      if (taken) throw uniqueness(TAKEN_USER_NAME);
      const existing = await trx
        .selectFrom('people as p')
        .leftJoin('scim_users as s', 's.person_id', 'p.id')
        .select(['p.id', 'p.public_id', 'p.status', 's.person_id as provisioned'])
        .where('p.site_id', '=', siteId)
        .where('p.email', '=', fields.email)
        .where('p.erased_at', 'is', null)
        .orderBy('p.id')
        .executeTakeFirst();
      if (existing?.provisioned) throw uniqueness(TAKEN_EMAIL);
      const person =
        existing ??
        (await createPerson(trx, { siteId, email: fields.email, fullName: fields.fullName, displayName: defaultDisplayName(fields.fullName), jobTitle: fields.title }));
      await writePerson(trx, person.id, existing?.status ?? 'employee', fields);
      await trx
        .insertInto('scim_users')
        .values({ person_id: person.id, site_id: siteId, ...identity(fields), created_at: now, updated_at: now, deactivated_at: fields.active ? null : now })
        .execute();
      return person.public_id;
    }),
  );
}

/** Replaces what the provider sets (a PUT, or a PATCH read as a whole). */
export async function replaceUser(db: Db, siteId: number, current: UserRow, fields: UserFields, now: Date) {
  await unique(() =>
    inTransaction(db, async (trx) => {
      if (fields.email !== current.email) {
        const other = await trx
          .selectFrom('people')
          .select('id')
          .where('site_id', '=', siteId)
          .where('email', '=', fields.email)
          .where('erased_at', 'is', null)
          .executeTakeFirst();
        if (other) throw uniqueness(TAKEN_EMAIL);
      }
      await writePerson(trx, current.id, current.status, fields);
      const deactivated = current.active && !fields.active;
      await trx
        .updateTable('scim_users')
        .set({ ...identity(fields), updated_at: now, ...(fields.active ? { deactivated_at: null } : deactivated && { deactivated_at: now }) })
        .where('person_id', '=', current.id)
        .execute();
    }),
  );
}

/** The provider deleted the user: the person has left (unless alumni), and the userName is free again. */
export async function deleteUser(db: Db, current: UserRow) {
  await inTransaction(db, async (trx) => {
    if (current.status === 'employee') await setStatus(trx, current.id, 'left');
    await trx.deleteFrom('scim_users').where('person_id', '=', current.id).execute();
  });
}

const identity = (fields: UserFields) => ({
  user_name: fields.userName,
  external_id: fields.externalId,
  given_name: fields.givenName,
  family_name: fields.familyName,
  active: fields.active,
});

/** The HR fields, then the status through the one status change `people leave` makes. */
async function writePerson(db: Db, personId: number, currentStatus: PersonStatus, fields: UserFields) {
  await db
    .updateTable('people')
    .set({ email: fields.email, full_name: fields.fullName, job_title: fields.title, team: fields.department, location: fields.locality, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
  const status = statusFor(currentStatus, fields.active);
  if (status !== currentStatus) await setStatus(db, personId, status);
}

/** Two providers' requests racing for one userName: the unique index decides, and the loser gets a 409. */
async function unique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw uniqueness(TAKEN_USER_NAME);
    throw error;
  }
}
