import assert from 'node:assert/strict';
import { issueToken } from '../../../src/server/auth/tokens.js';
import type { Db } from '../../../src/server/store/database.js';

/** Whatever answers a request by path: the app itself (a Hono app's `request`) or a running server (`overHttp`). */
export interface Requester {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** A server over loopback HTTP, redirects not followed, as `app.request` does. */
export const overHttp = (url: string): Requester => ({ request: (path, init) => fetch(`${url}${path}`, { ...init, redirect: 'manual' }) });

/** Follows magic link `token` as its page's button does (POST /me/link) and answers the session cookie, `hw_session=…`. */
export async function followMagicLink(to: Requester, token: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await to.request('/me/link', { method: 'POST', body: new URLSearchParams({ token }), headers });
  assert.equal(response.status, 303, `signing in: ${response.status} ${await response.text()}`);
  assert.equal(new URL(response.headers.get('location')!, 'http://x').pathname, '/me');
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Signs `personId` in, as from their invitation mail: a fresh link, followed. Answers the session cookie. */
export async function signIn(to: Requester, db: Db, personId: number, headers: Record<string, string> = {}): Promise<string> {
  return followMagicLink(to, await issueToken(db, personId, 'invitation'), headers);
}
