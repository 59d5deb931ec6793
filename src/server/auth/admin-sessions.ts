/**
 * The HR workspace's sign-in links and sessions (issue 16): the same rules as the employees' (random
 * tokens, stored hashed, single-use, expiring), in tables of their own so an employee's link never
 * opens the workspace. The cookie is `__Host-` prefixed and Secure behind https, httpOnly and
 * SameSite=Strict; every write made with it also carries the session's CSRF token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../store/database.js';
import { deriveKey } from './links.js';
import { TokenError, hashToken, newToken } from './tokens.js';

/** A workspace sign-in link works this long, as an employee's. */
export const ADMIN_LINK_LIFETIME_MS = 30 * 60_000;
/** A working day: the workspace is used for longer stretches than /me, and is a link away from a new session. */
export const ADMIN_SESSION_LIFETIME_MS = 8 * 3600_000;
/** The header every cookie-authenticated write carries. */
export const CSRF_HEADER = 'X-Hallway-CSRF';

/** `__Host-` requires Secure, which browsers refuse over plain http (a local server). */
export const adminCookieName = (secure: boolean) => (secure ? '__Host-hw_admin' : 'hw_admin');

export async function issueAdminToken(db: Db, adminId: number, now = new Date()): Promise<string> {
  const token = newToken();
  const expires = new Date(now.getTime() + ADMIN_LINK_LIFETIME_MS);
  await db
    .insertInto('admin_tokens')
    .values({ token_hash: hashToken(token), admin_id: adminId, expires_at: expires })
    .execute();
  return token;
}

/** Uses a link once (checked and marked in one statement); throws `TokenError` saying why not. */
export async function consumeAdminToken(db: Db, token: string, now = new Date()): Promise<number> {
  const hash = hashToken(token);
  const used = await db
    .updateTable('admin_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('admin_id')
    .executeTakeFirst();
  if (used) return used.admin_id;
  const found = await db.selectFrom('admin_tokens').select('used_at').where('token_hash', '=', hash).executeTakeFirst();
  throw new TokenError(!found ? 'token_invalid' : found.used_at ? 'token_used' : 'token_expired');
}

export async function startAdminSession(c: Context, db: Db, adminId: number, secure: boolean) {
  const token = newToken();
  const expires = new Date(Date.now() + ADMIN_SESSION_LIFETIME_MS);
  await db
    .insertInto('admin_sessions')
    .values({ token_hash: hashToken(token), admin_id: adminId, expires_at: expires })
    .execute();
  setCookie(c, adminCookieName(secure), token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', expires });
}

export async function endAdminSession(c: Context, db: Db, secure: boolean) {
  const token = getCookie(c, adminCookieName(secure));
  if (token) await db.deleteFrom('admin_sessions').where('token_hash', '=', hashToken(token)).execute();
  deleteCookie(c, adminCookieName(secure), { path: '/', secure });
}

export interface AdminSessionFound {
  adminId: number;
  /** The session's CSRF token: derived from the cookie's secret, so it needs no storage and dies with it. */
  csrfToken: string;
}

/** The signed-in account, or undefined for no, an unknown or an expired cookie (or a removed account). */
export async function adminSession(c: Context, db: Db, secure: boolean): Promise<AdminSessionFound | undefined> {
  const token = getCookie(c, adminCookieName(secure));
  if (!token) return undefined;
  const session = await db
    .selectFrom('admin_sessions')
    .select('admin_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return session && { adminId: session.admin_id, csrfToken: deriveKey(token, 'admin-csrf') };
}

/** Constant-time: the header is compared without telling, by timing, how much of it was right. */
export function csrfMatches(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
