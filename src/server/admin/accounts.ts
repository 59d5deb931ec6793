/** The HR workspace's accounts (`admin_users`): who may sign in at /admin, and with which role. */
import type { Selectable } from 'kysely';
import type { AdminRole, AdminUser, AdminUserCreate, AdminUserUpdate } from '../../sdk/admin-schemas.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { newPublicId } from '../store/people.js';
import type { AdminUsersTable } from '../store/schema.js';

export type AdminUserRow = Selectable<AdminUsersTable>;

export class EmailTakenError extends Error {}
/** Removing or demoting the last owner would leave nobody to manage accounts and keys. */
export class LastOwnerError extends Error {}

export const listAdminUsers = (db: Db) => db.selectFrom('admin_users').selectAll().orderBy('email').execute();

export const findAdminUser = (db: Db, publicId: string) => db.selectFrom('admin_users').selectAll().where('public_id', '=', publicId).executeTakeFirst();

export const findAdminUserById = (db: Db, id: number) => db.selectFrom('admin_users').selectAll().where('id', '=', id).executeTakeFirst();

export const findAdminUserByEmail = (db: Db, email: string) => db.selectFrom('admin_users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export async function createAdminUser(db: Db, { email, name, role }: AdminUserCreate): Promise<AdminUserRow> {
  const row = await db
    .insertInto('admin_users')
    .values({ public_id: newPublicId(), email: email.toLowerCase(), name: name ?? null, role })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new EmailTakenError();
  return row;
}

export async function updateAdminUser(db: Db, publicId: string, fields: AdminUserUpdate): Promise<AdminUserRow | undefined> {
  return inTransaction(db, async (trx) => {
    const user = await lockUser(trx, publicId);
    if (!user) return undefined;
    if (fields.role && fields.role !== 'owner' && user.role === 'owner') await requireAnotherOwner(trx, user.id);
    const changes = { ...(fields.name !== undefined && { name: fields.name }), ...(fields.role && { role: fields.role }) };
    if (Object.keys(changes).length === 0) return user;
    return trx.updateTable('admin_users').set(changes).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
  });
}

/** Removes the account, its sessions and sign-in links; its lines in the audit log stay. */
export async function removeAdminUser(db: Db, publicId: string): Promise<AdminUserRow | undefined> {
  return inTransaction(db, async (trx) => {
    const user = await lockUser(trx, publicId);
    if (!user) return undefined;
    if (user.role === 'owner') await requireAnotherOwner(trx, user.id);
    await trx.deleteFrom('admin_users').where('id', '=', user.id).execute();
    return user;
  });
}

/** Owners are locked together, so two owners removing each other at once cannot both succeed. */
async function lockUser(db: Db, publicId: string) {
  await db.selectFrom('admin_users').select('id').where('role', '=', 'owner').forUpdate().execute();
  return db.selectFrom('admin_users').selectAll().where('public_id', '=', publicId).forUpdate().executeTakeFirst();
}

async function requireAnotherOwner(db: Db, exceptId: number) {
  const other = await db.selectFrom('admin_users').select('id').where('role', '=', 'owner').where('id', '<>', exceptId).executeTakeFirst();
  if (!other) throw new LastOwnerError();
}

export const noteSignIn = (db: Db, adminId: number) => db.updateTable('admin_users').set({ last_sign_in_at: new Date() }).where('id', '=', adminId).execute();

export const toAdminUser = (row: AdminUserRow): AdminUser => ({
  id: row.public_id,
  email: row.email,
  name: row.name,
  role: row.role as AdminRole,
  createdAt: new Date(row.created_at).toISOString(),
  lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
});
