import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'hw_session';
/** Sessions are short: a magic link away from a new one. */
export const SESSION_LIFETIME_MS = 2 * 3600_000;

export type SessionEnv = { Variables: { personId: number } };

export async function startSession(c: Context, db: Db, personId: number, secure: boolean) {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), person_id: personId, expires_at: expires })
    .execute();
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires,
  });
}

export async function endSession(c: Context, db: Db) {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The signed-in person, or undefined: an unknown, expired or erased person's cookie counts for nothing. */
export async function sessionPerson(c: Context, db: Db): Promise<number | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const session = await db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select('s.person_id')
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', new Date())
    .where('p.erased_at', 'is', null)
    .executeTakeFirst();
  return session?.person_id;
}

/**
 * /v1/me routes: a valid session, and for writes a same-origin request (the cookie is SameSite=Lax,
 * the Origin check closes what Lax leaves open).
 */
export function requireSession(db: Db, publicOrigin: string): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('Origin') !== publicOrigin) {
      return apiError(c, 403, 'forbidden', 'Requests that change your profile must come from the Hallway pages.');
    }
    const personId = await sessionPerson(c, db);
    if (personId === undefined) return apiError(c, 401, 'unauthorized', 'Your session has ended: ask for a new sign-in link.');
    c.set('personId', personId);
    await next();
  };
}
