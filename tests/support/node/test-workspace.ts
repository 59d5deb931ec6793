/** What the workspace's server tests share: the real app on a test database, accounts and their sessions. */
import type { AdminRole } from '../../../src/sdk/admin-schemas.js';
import { createApp } from '../../../src/server/app.js';
import { issueAdminToken } from '../../../src/server/auth/admin-sessions.js';
import { Links } from '../../../src/server/auth/links.js';
import type { RateLimit } from '../../../src/server/rate-limit.js';
import type { Db } from '../../../src/server/store/database.js';
import { openTestDatabase } from './test-database.js';
import { createAdminUser } from '../../../src/server/admin/accounts.js';
import { ensureAdminKey } from '../../../src/server/admin/keys.js';

export const BOOTSTRAP_KEY = 'workspace-bootstrap-key-0123456789';
export const PUBLIC_URL = 'https://hallway.test';
export const COOKIE = '__Host-hw_admin';

/** A signed-in account: its cookie and the CSRF token its writes carry. */
export interface Session {
  cookie: string;
  csrf: string;
  id: string;
}

export interface Credentials {
  session?: Session | undefined;
  /** A bearer key (the bootstrap key or an API key). */
  key?: string | undefined;
  /** Leave the session's CSRF header out (or send this one instead). */
  csrf?: string | null;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function openWorkspace({ signInLimits = [{ max: 1000, windowMs: 60_000 }] }: { signInLimits?: RateLimit[] } = {}) {
  const { db, drop } = await openTestDatabase();
  await ensureAdminKey(db, BOOTSTRAP_KEY);
  const links = new Links(PUBLIC_URL, 'secret');
  const app = createApp({ db, publicUrl: PUBLIC_URL, links, signInLimits });

  async function call(method: string, path: string, credentials: Credentials = {}, body?: { json?: unknown; csv?: string }): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (credentials.key) headers.Authorization = `Bearer ${credentials.key}`;
    if (credentials.session) {
      headers.Cookie = `${COOKIE}=${credentials.session.cookie}`;
      const csrf = credentials.csrf === undefined ? credentials.session.csrf : credentials.csrf;
      if (csrf !== null) headers['X-Hallway-CSRF'] = csrf;
    }
    let payload: string | undefined;
    if (body?.json !== undefined) [headers['Content-Type'], payload] = ['application/json', JSON.stringify(body.json)];
    if (body?.csv !== undefined) [headers['Content-Type'], payload] = ['text/csv', body.csv];
    const response = await app.request(path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: json };
  }

  /** Follows a sign-in link as a browser does: the link's page, then its button, which sets the cookie. */
  async function followLink(token: string): Promise<{ status: number; location: string | null; cookie: string | undefined }> {
    const response = await app.request('/admin/link', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', Origin: 'null' },
      body: new URLSearchParams({ token }).toString(),
    });
    const cookie = new RegExp(`${COOKIE}=([^;]+)`).exec(response.headers.get('Set-Cookie') ?? '')?.[1];
    return { status: response.status, location: response.headers.get('Location'), cookie };
  }

  /** A new account with this role, signed in. */
  async function signIn(role: AdminRole, email = `${role}-${Math.random().toString(36).slice(2)}@hr.test`): Promise<Session> {
    const user = await createAdminUser(db, { email, role });
    return sessionOf(user.id);
  }

  async function sessionOf(adminId: number): Promise<Session> {
    const { cookie } = await followLink(await issueAdminToken(db, adminId));
    if (!cookie) throw new Error('no session cookie');
    const session = await call('GET', '/v1/admin/session', { session: { cookie, csrf: '', id: '' } });
    return { cookie, csrf: session.body.csrfToken, id: session.body.user.id };
  }

  return { db: db as Db, app, links, drop, call, followLink, signIn, sessionOf };
}

export type Workspace = Awaited<ReturnType<typeof openWorkspace>>;
