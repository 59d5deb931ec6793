/**
 * A SCIM client as an identity provider is one: real HTTP to the app, a site's bearer token, and every
 * User and ListResponse the server answers checked against scimmy's RFC 7643 User schema (with the
 * enterprise extension), an implementation of the RFC written by others.
 */
import assert from 'node:assert/strict';
import SCIMMY from 'scimmy';
import { createScimToken } from '../../../src/server/scim/tokens.js';
import type { Db } from '../../../src/server/store/database.js';
import { serveOnLoopback } from './test-http.js';

// scimmy's documented call; its type declaration asks for a Schema instance where the class is meant.
SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as unknown as SCIMMY.Types.Schema, false);

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface ScimAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** Throws unless `user` is a valid RFC 7643 User (types, required attributes, the extension's shape). */
export function assertValidUser(user: unknown) {
  assert.doesNotThrow(() => SCIMMY.Schemas.User.definition.coerce(user as Record<string, unknown>), `not a valid SCIM User: ${JSON.stringify(user)}`);
}

export function assertValidList(list: any) {
  assert.deepEqual(list.schemas, [LIST_RESPONSE]);
  for (const key of ['totalResults', 'startIndex', 'itemsPerPage']) assert.ok(Number.isInteger(list[key]), `${key} is an integer`);
  assert.equal(list.itemsPerPage, list.Resources.length);
  for (const user of list.Resources) assertValidUser(user);
}

/** The site's SCIM endpoint as a provider calls it, with a token made for `siteId`. */
export async function scimClient(app: { fetch: (request: Request) => Response | Promise<Response> }, db: Db, siteId: number) {
  const served = await serveOnLoopback(app);
  const { secret } = await createScimToken(db, siteId, { name: 'provider', createdBy: null });
  const base = `${served.url}/scim/v2`;

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ScimAnswer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${secret}`, Accept: 'application/scim+json', ...(body !== undefined && { 'Content-Type': 'application/scim+json' }), ...headers },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    const answer = { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    if (text) assert.equal(response.headers.get('Content-Type'), 'application/scim+json', `${method} ${path}: content type`);
    if (answer.body?.schemas?.includes(USER_SCHEMA)) assertValidUser(answer.body);
    if (answer.body?.schemas?.includes(LIST_RESPONSE) && path.startsWith('/Users')) assertValidList(answer.body);
    return answer;
  }

  return { base, secret, call, close: served.close };
}
