/** A site's company sign-in settings (`site_oidc`), with the client secret sealed at rest. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SiteOidc, SiteOidcUpdate } from '../../sdk/admin-schemas.js';
import { deriveKey, loadLinkSecret } from '../auth/links.js';
import type { Db } from '../store/database.js';

export class SecretMissingError extends Error {}

/**
 * AES-256-GCM with a key derived from the link secret (kept in the `settings` table): a dump of
 * `site_oidc` alone does not reveal the secret. `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function openSecret(key: Buffer, sealed: string): string {
  const [, iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

/** The key that seals client secrets, derived from the link secret every instance shares. */
export const sealingKey = async (db: Db) => Buffer.from(deriveKey(await loadLinkSecret(db), 'oidc-client-secret'), 'base64url');

export const findOidcSettings = (db: Db, siteId: number) => db.selectFrom('site_oidc').selectAll().where('site_id', '=', siteId).executeTakeFirst();

/** The site's settings replaced; the stored secret kept when none is given (and required when none is stored). */
export async function saveOidcSettings(db: Db, siteId: number, fields: SiteOidcUpdate) {
  const stored = await findOidcSettings(db, siteId);
  if (!fields.clientSecret && !stored) throw new SecretMissingError();
  const row = {
    issuer: fields.issuer,
    client_id: fields.clientId,
    client_secret_sealed: fields.clientSecret ? sealSecret(await sealingKey(db), fields.clientSecret) : stored!.client_secret_sealed,
    display_name: fields.displayName,
    email_sign_in: fields.emailSignIn ?? stored?.email_sign_in ?? true,
    updated_at: new Date(),
  };
  return db
    .insertInto('site_oidc')
    .values({ site_id: siteId, ...row })
    .onConflict((oc) => oc.column('site_id').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const removeOidcSettings = (db: Db, siteId: number) => db.deleteFrom('site_oidc').where('site_id', '=', siteId).returning('site_id').executeTakeFirst();

export type OidcSettingsRow = NonNullable<Awaited<ReturnType<typeof findOidcSettings>>>;

export const toSiteOidc = (row: OidcSettingsRow): SiteOidc => ({
  issuer: row.issuer,
  clientId: row.client_id,
  displayName: row.display_name,
  emailSignIn: row.email_sign_in,
  updatedAt: new Date(row.updated_at).toISOString(),
});
