/**
 * Who calls the admin API and what they may do. A bearer key (the bootstrap key, which may do
 * everything, or a named API key with its scopes), else the workspace's session cookie, whose writes
 * must also carry `X-Hallway-CSRF`. Each route then names the scope it needs (`need`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { ROLE_SCOPES, type AdminRole, type AdminScope } from '../../sdk/admin-schemas.js';
import { CSRF_HEADER, adminSession, csrfMatches } from '../auth/admin-sessions.js';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';
import { findAdminUserById } from './accounts.js';
import { findLiveKey, noteKeyUse } from './api-keys.js';
import type { Actor } from './audit.js';
import { isBootstrapKey } from './keys.js';

export type ActorEnv = {
  Variables: {
    actor: Actor;
    /** Set for a workspace session: the account's database id and the session's CSRF token. */
    session?: { adminId: number; csrfToken: string };
  };
};

const ALL_SCOPES = ROLE_SCOPES.owner;
/** The same answer for no key, a wrong one and no session: it says nothing more. */
const UNAUTHORIZED = 'An admin key or a workspace session is required.';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(db: Db, secure: boolean): MiddlewareHandler<ActorEnv> {
  return async (c, next) => {
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const actor = await keyActor(db, /^Bearer +(\S+) *$/i.exec(authorization)?.[1]);
      if (!actor) return unauthorized(c, UNAUTHORIZED);
      c.set('actor', actor);
      return next();
    }
    const session = await adminSession(c, db, secure);
    const user = session && (await findAdminUserById(db, session.adminId));
    if (!session || !user) return unauthorized(c, UNAUTHORIZED);
    if (!READS.has(c.req.method) && !csrfMatches(c.req.header(CSRF_HEADER), session.csrfToken)) {
      return apiError(c, 403, 'forbidden', `A change made with the workspace's session needs its ${CSRF_HEADER} header.`);
    }
    c.set('actor', { kind: 'user', id: user.public_id, label: user.email, scopes: ROLE_SCOPES[user.role as AdminRole] });
    c.set('session', session);
    await next();
  };
}

async function keyActor(db: Db, secret: string | undefined): Promise<Actor | undefined> {
  if (!secret) return undefined;
  if (await isBootstrapKey(db, secret)) return { kind: 'bootstrap', id: null, label: 'bootstrap key', scopes: ALL_SCOPES };
  const key = await findLiveKey(db, secret);
  if (!key) return undefined;
  await noteKeyUse(db, key);
  const creatorScopes = await keyCreatorScopes(db, key.created_by);
  const scopes = (key.scopes as AdminScope[]).filter((scope) => creatorScopes.includes(scope));
  return { kind: 'key', id: key.public_id, label: key.name, scopes };
}

/**
 * What a key's creator may do today: a key never does more than the account that made it, so demoting
 * or removing that account shrinks its keys at once. Keys made by the bootstrap key (`null`) keep theirs;
 * a key made by another key is capped by that key's own scopes, as far as the chain goes.
 */
async function keyCreatorScopes(db: Db, createdBy: string | null, depth = 0): Promise<readonly AdminScope[]> {
  if (createdBy === null) return ALL_SCOPES;
  const account = await db
    .selectFrom('admin_users')
    .select('role')
    .where(sql`lower(email)`, '=', createdBy.toLowerCase())
    .executeTakeFirst();
  if (account) return ROLE_SCOPES[account.role];
  const key = await db.selectFrom('admin_api_keys').select(['scopes', 'created_by']).where('name', '=', createdBy).where('revoked_at', 'is', null).executeTakeFirst();
  if (!key || depth >= MAX_KEY_CHAIN) return [];
  const above = await keyCreatorScopes(db, key.created_by, depth + 1);
  return (key.scopes as AdminScope[]).filter((scope) => above.includes(scope));
}

const MAX_KEY_CHAIN = 5;

function unauthorized(c: Context, message: string) {
  c.header('WWW-Authenticate', 'Bearer');
  return apiError(c, 401, 'unauthorized', message);
}

/** The route needs `scope`: 403 `forbidden` otherwise, before anything else is read. */
export function need(scope: AdminScope): MiddlewareHandler<ActorEnv> {
  return async (c, next) => {
    if (!c.var.actor.scopes.includes(scope)) return forbidden(c, scope);
    await next();
  };
}

export const forbidden = (c: Context, scope: AdminScope) => apiError(c, 403, 'forbidden', `This needs the "${scope}" permission, which your role or key does not have.`);
