/**
 * SCIM 2.0 (RFC 7644) at `/scim/v2`, for identity providers (Okta, Entra ID) to provision a site's
 * people. The bearer token names the site: a token never sees another site's users. Every answer,
 * errors included, is `application/scim+json`; a malformed request gets a SCIM error, never a 500.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AuditAction } from '../../sdk/admin-schemas.js';
import { audited, type Actor } from '../admin/audit.js';
import { isDatabaseUnavailable } from '../errors.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import { PAGE_MAX, SCIM_MAX_BYTES, listOf, schemas, serviceProviderConfig, userResourceType } from './discovery.js';
import { ScimError, invalidSyntax, scimError, scimJson } from './errors.js';
import { parseFilter } from './filter.js';
import { readUser, toUser, type Json, type UserFields } from './mapping.js';
import { applyPatch } from './patch.js';
import { findLiveScimToken } from './tokens.js';
import { createUser, deleteUser, findUser, listUsers, replaceUser, type UserRow } from './users.js';

type Env = { Variables: { siteId: number; siteSlug: string; actor: Actor } };

export interface ScimDeps {
  db: Db;
  publicUrl: string;
}

/** The largest `startIndex` read; beyond it every page is past the end anyway. */
const START_INDEX_MAX = 2_147_483_647;
const DEFAULT_COUNT = 100;

export function scimRoutes({ db, publicUrl }: ScimDeps) {
  const baseUrl = `${publicUrl}/scim/v2`;
  const scim = new Hono<Env>();
  scim.use('*', noStore, authenticate(db));
  scim.onError((error, c) => scimError(c, asScimError(error)));

  scim.get('/ServiceProviderConfig', (c) => scimJson(c, serviceProviderConfig(baseUrl)));
  scim.get('/ResourceTypes', (c) => scimJson(c, listOf([userResourceType(baseUrl)])));
  scim.get('/ResourceTypes/User', (c) => scimJson(c, userResourceType(baseUrl)));
  scim.get('/Schemas', (c) => scimJson(c, listOf(schemas(baseUrl))));
  scim.get('/Schemas/:id', (c) => {
    const schema = schemas(baseUrl).find((item) => item.id === c.req.param('id'));
    return schema ? scimJson(c, schema) : scimError(c, notFound('schema'));
  });
  // Groups are not provisioned; providers that ask still get a valid, empty answer.
  scim.get('/Groups', (c) => scimJson(c, listOf([], paging(c).startIndex, 0)));

  scim.get('/Users', async (c) => {
    const filterText = c.req.query('filter');
    const filter = filterText === undefined || filterText.trim() === '' ? undefined : parseFilter(filterText);
    const { startIndex, count } = paging(c);
    const { total, rows } = await listUsers(db, c.var.siteId, filter, startIndex - 1, count);
    return scimJson(
      c,
      listOf(
        rows.map((row) => resource(row, baseUrl)),
        startIndex,
        total,
      ),
    );
  });

  scim.post('/Users', limit, async (c) => {
    const fields = readUser(await readJson(c));
    const id = await auditedWrite(
      c,
      (trx) => createUser(trx, c.var.siteId, fields, new Date()),
      (created) => ['scim_user.create', created],
    );
    const user = resource((await findUser(db, c.var.siteId, id))!, baseUrl);
    c.header('Location', user.meta.location);
    return answer(c, user, 201);
  });

  scim.get('/Users/:id', async (c) => {
    const user = resource(await existing(c), baseUrl);
    if (c.req.header('If-None-Match') === user.meta.version) return c.body(null, 304, { ETag: user.meta.version });
    return answer(c, user);
  });

  scim.put('/Users/:id', limit, async (c) => {
    const current = await existing(c);
    checkIfMatch(c, current);
    const fields = readUser(await readJson(c));
    await replaceAudited(c, current, fields);
    return answer(c, resource((await findUser(db, c.var.siteId, current.public_id))!, baseUrl));
  });

  scim.patch('/Users/:id', limit, async (c) => {
    const current = await existing(c);
    checkIfMatch(c, current);
    const fields = readUser(applyPatch(toUser(current), await readJson(c)));
    await replaceAudited(c, current, fields);
    return answer(c, resource((await findUser(db, c.var.siteId, current.public_id))!, baseUrl));
  });

  scim.delete('/Users/:id', async (c) => {
    const current = await existing(c);
    checkIfMatch(c, current);
    await auditedWrite(
      c,
      (trx) => deleteUser(trx, current),
      () => ['scim_user.delete', current.public_id],
    );
    return c.body(null, 204);
  });

  scim.all('*', (c) => scimError(c, new ScimError(404, `No SCIM endpoint ${c.req.method} ${c.req.path}.`)));

  /** A write by the token and its audit line (the person by public id), in one transaction. */
  function auditedWrite<T>(c: Context<Env>, write: (trx: Db) => Promise<T>, event: (result: T) => [AuditAction, string]) {
    return audited(db, c.var.actor, write, (result) => {
      const [action, target] = event(result);
      return { action, site: c.var.siteSlug, target };
    });
  }

  const replaceAudited = (c: Context<Env>, current: UserRow, fields: UserFields) =>
    auditedWrite(
      c,
      (trx) => replaceUser(trx, c.var.siteId, current, fields, new Date()),
      () => [current.active && !fields.active ? 'scim_user.deactivate' : 'scim_user.update', current.public_id],
    );

  async function existing(c: Context<Env>): Promise<UserRow> {
    const id = c.req.param('id') ?? '';
    const user = hasNul(id) ? undefined : await findUser(db, c.var.siteId, id);
    if (!user) throw notFound('user');
    return user;
  }

  return scim;
}

function authenticate(db: Db): MiddlewareHandler<Env> {
  return async (c, next) => {
    const secret = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    const token = secret && !hasNul(secret) ? await findLiveScimToken(db, secret) : undefined;
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="SCIM"');
      return scimError(c, new ScimError(401, 'A valid SCIM token of the site is required (Authorization: Bearer …).'));
    }
    const site = await db.selectFrom('sites').select('slug').where('id', '=', token.site_id).executeTakeFirstOrThrow();
    c.set('siteId', token.site_id);
    c.set('siteSlug', site.slug);
    c.set('actor', { kind: 'scim', id: token.public_id, label: token.name, scopes: [] });
    await next();
  };
}

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

const limit = bodyLimit({
  maxSize: SCIM_MAX_BYTES,
  onError: (c) => scimError(c, new ScimError(413, `The body is limited to ${SCIM_MAX_BYTES / 1024} KB.`)),
});

const notFound = (what: string) => new ScimError(404, `No ${what} with this id.`);

function asScimError(error: Error): ScimError {
  if (error instanceof ScimError) return error;
  if (isDatabaseUnavailable(error)) return new ScimError(503, 'The database is unavailable; try again shortly.');
  const code = (error as { code?: unknown }).code;
  if (code === '22021' || code === '22P05') return new ScimError(400, 'The request holds text that cannot be stored.', 'invalidValue');
  console.error(error);
  return new ScimError(500, 'Something went wrong on our side.');
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw invalidSyntax('The body is not JSON.');
  }
}

/** 1-based `startIndex` and `count`, clamped to what can be served rather than refused (RFC 7644 §3.4.2.4). */
function paging(c: Context) {
  const read = (name: string, fallback: number) => {
    const value = Number.parseInt(c.req.query(name) ?? '', 10);
    return Number.isFinite(value) ? value : fallback;
  };
  return {
    startIndex: Math.min(START_INDEX_MAX, Math.max(1, read('startIndex', 1))),
    count: Math.min(PAGE_MAX, Math.max(0, read('count', DEFAULT_COUNT))),
  };
}

/** A weak ETag of what SCIM shows of the user: it moves with any change, from SCIM or from the person. */
function resource(row: UserRow, baseUrl: string) {
  const user = toUser(row);
  const version = `W/"${createHash('sha256').update(JSON.stringify(user)).digest('base64url').slice(0, 22)}"`;
  const meta = { resourceType: 'User', created: iso(row.created_at), lastModified: iso(row.updated_at), location: `${baseUrl}/Users/${row.public_id}`, version };
  return { ...user, meta };
}

const iso = (date: Date | string) => new Date(date).toISOString();

function answer(c: Context, user: Json & { meta: { version: string } }, status: 200 | 201 = 200) {
  c.header('ETag', user.meta.version);
  return scimJson(c, user, status);
}

/** `If-Match` with a version that is no longer the user's: 412, nothing written. */
function checkIfMatch(c: Context, current: UserRow) {
  const wanted = c.req.header('If-Match');
  if (wanted === undefined || wanted.trim() === '*') return;
  const version = resource(current, '').meta.version;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  if (!wanted.split(',').some((tag) => strip(tag) === strip(version))) throw new ScimError(412, 'The user changed since this version was read; read it again.');
}
