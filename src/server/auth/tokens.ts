import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/database.js';
import type { TokenPurpose } from '../store/schema.js';

/** How long each kind of magic link works. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invitation: 14 * 24 * 3600_000,
  alumni_invitation: 14 * 24 * 3600_000,
  sign_in: 30 * 60_000,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 32 random bytes, base64url: the only copy of the token is the one returned (for the e-mail). */
export const newToken = () => randomBytes(32).toString('base64url');

export async function issueToken(db: Db, personId: number, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = newToken();
  await db
    .insertInto('tokens')
    .values({
      token_hash: hashToken(token),
      person_id: personId,
      purpose,
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    })
    .execute();
  return token;
}

export type TokenProblem = 'token_invalid' | 'token_expired' | 'token_used';

export class TokenError extends Error {
  constructor(readonly code: TokenProblem) {
    super(code);
  }
}

/**
 * Uses a token once: marks it used in the same statement that checks it, so two clicks racing each
 * other cannot both succeed. Throws `TokenError` saying why a token is refused.
 */
export async function consumeToken(db: Db, token: string, now = new Date()) {
  const hash = hashToken(token);
  const used = await db
    .updateTable('tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['person_id', 'purpose'])
    .executeTakeFirst();
  if (used) return { personId: used.person_id, purpose: used.purpose };
  const found = await db.selectFrom('tokens').select(['used_at']).where('token_hash', '=', hash).executeTakeFirst();
  throw new TokenError(!found ? 'token_invalid' : found.used_at ? 'token_used' : 'token_expired');
}
