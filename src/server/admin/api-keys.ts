/**
 * Named, revocable API keys with scopes (`admin_api_keys`), for the CLI and scripts. The secret is
 * `hw_live_` and 32 random bytes; only its SHA-256 is stored, and it is shown once, at creation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AdminScope, ApiKey } from '../../sdk/admin-schemas.js';
import type { Db } from '../store/database.js';
import { newPublicId } from '../store/people.js';
import type { AdminApiKeysTable } from '../store/schema.js';

export type ApiKeyRow = Selectable<AdminApiKeysTable>;

export const API_KEY_PREFIX = 'hw_live_';
/** What a key's list shows of its secret: `hw_live_` and four characters. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 4;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function createApiKey(db: Db, fields: { name: string; scopes: AdminScope[]; createdBy: string | null }) {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('admin_api_keys')
    .values({
      public_id: newPublicId(),
      name: fields.name,
      scopes: [...new Set(fields.scopes)],
      prefix: secret.slice(0, SHOWN_LENGTH),
      key_hash: hashSecret(secret),
      created_by: fields.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, secret };
}

export const listApiKeys = (db: Db) => db.selectFrom('admin_api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

/** Revokes at once (idempotent: a revoked key keeps its first revocation time). */
export async function revokeApiKey(db: Db, publicId: string): Promise<ApiKeyRow | undefined> {
  await db.updateTable('admin_api_keys').set({ revoked_at: new Date() }).where('public_id', '=', publicId).where('revoked_at', 'is', null).execute();
  return db.selectFrom('admin_api_keys').selectAll().where('public_id', '=', publicId).executeTakeFirst();
}

/** The live key with this secret, or undefined. */
export const findLiveKey = (db: Db, secret: string) =>
  db.selectFrom('admin_api_keys').selectAll().where('key_hash', '=', hashSecret(secret)).where('revoked_at', 'is', null).executeTakeFirst();

/** A script calling in a loop writes its key's row at most once a minute. */
export async function noteKeyUse(db: Db, key: ApiKeyRow, now = new Date()) {
  if (key.last_used_at && now.getTime() - new Date(key.last_used_at).getTime() < 60_000) return;
  await db
    .updateTable('admin_api_keys')
    .set({ last_used_at: now })
    .where('id', '=', key.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - 60_000))]))
    .execute();
}

export const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.public_id,
  name: row.name,
  scopes: row.scopes as AdminScope[],
  prefix: row.prefix,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});
