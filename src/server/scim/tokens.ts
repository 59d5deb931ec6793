/**
 * A site's SCIM bearer tokens: `hw_scim_` and 32 random bytes, shown once; only the SHA-256 is stored.
 * Several may be live at once, so a provider's token can be rotated without a gap; each is revocable.
 */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ScimToken } from '../../sdk/admin-schemas.js';
import { hashSecret } from '../admin/api-keys.js';
import type { Db } from '../store/database.js';
import { newPublicId } from '../store/people.js';
import type { ScimTokensTable } from '../store/schema.js';

export type ScimTokenRow = Selectable<ScimTokensTable>;

export const SCIM_TOKEN_PREFIX = 'hw_scim_';
const SHOWN_LENGTH = SCIM_TOKEN_PREFIX.length + 4;

export async function createScimToken(db: Db, siteId: number, fields: { name: string; createdBy: string | null }) {
  const secret = `${SCIM_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('scim_tokens')
    .values({
      public_id: newPublicId(),
      site_id: siteId,
      name: fields.name,
      prefix: secret.slice(0, SHOWN_LENGTH),
      token_hash: hashSecret(secret),
      created_by: fields.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, secret };
}

export const listScimTokens = (db: Db, siteId: number) =>
  db.selectFrom('scim_tokens').selectAll().where('site_id', '=', siteId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

/** Revokes at once; idempotent. Undefined for a token of another site. */
export async function revokeScimToken(db: Db, siteId: number, publicId: string): Promise<ScimTokenRow | undefined> {
  await db
    .updateTable('scim_tokens')
    .set({ revoked_at: new Date() })
    .where('site_id', '=', siteId)
    .where('public_id', '=', publicId)
    .where('revoked_at', 'is', null)
    .execute();
  return db.selectFrom('scim_tokens').selectAll().where('site_id', '=', siteId).where('public_id', '=', publicId).executeTakeFirst();
}

/** The live token with this secret, or undefined; its use noted at most once a minute. */
export async function findLiveScimToken(db: Db, secret: string, now = new Date()) {
  const token = await db.selectFrom('scim_tokens').selectAll().where('token_hash', '=', hashSecret(secret)).where('revoked_at', 'is', null).executeTakeFirst();
  if (token && (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() >= 60_000)) {
    await db.updateTable('scim_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute();
  }
  return token;
}

export const toScimToken = (row: ScimTokenRow): ScimToken => ({
  id: row.public_id,
  name: row.name,
  prefix: row.prefix,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});
