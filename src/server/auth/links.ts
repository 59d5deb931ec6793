import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/database.js';

/**
 * The secret that signs withdraw links, made once and kept in the database so every instance of the
 * server (and every restart) accepts the links already sent.
 */
export async function loadLinkSecret(db: Db): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key: 'link_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'link_secret').executeTakeFirstOrThrow();
  return row.value;
}

/** A key for one use of the server secret, so that no signature made for one purpose is valid for another. */
export const deriveKey = (secret: string, purpose: string) => createHmac('sha256', secret).update(`hallway:${purpose}`).digest('base64url');

/**
 * Keys derived from the link secret (shared by every instance), read from the database on first use
 * and kept; a failed read is tried again on the next use.
 */
export function derivedKeys<T>(db: Db, derive: (secret: string) => T): () => Promise<T> {
  let keys: Promise<T> | undefined;
  return () =>
    (keys ??= loadLinkSecret(db)
      .then(derive)
      .catch((error: unknown) => {
        keys = undefined;
        throw error;
      }));
}

/** Builds the absolute links put in e-mails: always from PUBLIC_URL, never from a request's Host. */
export class Links {
  constructor(
    readonly publicUrl: string,
    private readonly secret: string,
  ) {}

  /** The page that turns a magic-link token into a session. */
  signIn(token: string) {
    return `${this.publicUrl}/me/link?token=${encodeURIComponent(token)}`;
  }

  /** The HR workspace's sign-in link: its own page, so an employee's token never opens the workspace. */
  adminSignIn(token: string) {
    return `${this.publicUrl}/admin/link?token=${encodeURIComponent(token)}`;
  }

  /**
   * One-click withdrawal of every consent, without signing in: signed, good for this person only, and
   * only while their e-mail address is the one it was sent to (a changed address revokes it).
   */
  withdraw(personPublicId: string, email: string) {
    return `${this.publicUrl}/me/withdraw?person=${encodeURIComponent(personPublicId)}&sig=${this.sign(`withdraw:${personPublicId}:${email}`)}`;
  }

  verifyWithdraw(personPublicId: string, email: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(`withdraw:${personPublicId}:${email}`));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(message: string) {
    return createHmac('sha256', this.secret).update(message).digest('base64url');
  }
}
