/**
 * Scopes, route by route: every `/v1/admin` route answered for each role and each key scope, 2xx
 * where the role or key has the route's scope and `403 forbidden` where it has not.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AdminScope, ROLE_SCOPES, type AdminRole } from '../../sdk/admin-schemas.js';
import { createPerson } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { createScimToken } from '../scim/tokens.js';
import { saveMyTestimonial } from '../testimonials/testimonials.js';
import { createAdminUser } from './accounts.js';
import { createApiKey } from './api-keys.js';
import { saveOidcSettings } from '../oidc/settings.js';
import { BOOTSTRAP_KEY, openWorkspace, type Credentials, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let testimonialId: string;
let personId: string;
let siteId: number;
let n = 0;
const unique = () => `${Date.now().toString(36)}${n++}`;

interface Route {
  method: string;
  path: string;
  /** null: any signed-in admin. */
  scope: AdminScope | null;
  /** The path and body of one call that succeeds when allowed (each call may need its own target). */
  make?: () => Promise<{ path?: string; json?: unknown; csv?: string }>;
}

const ROUTES: Route[] = [
  { method: 'GET', path: '/sites', scope: null },
  { method: 'POST', path: '/sites', scope: 'settings', make: async () => ({ json: { slug: `s-${unique()}`, name: 'New site' } }) },
  { method: 'PATCH', path: '/sites/acme', scope: 'settings', make: async () => ({ json: { name: `Acme ${unique()}` } }) },
  { method: 'GET', path: '/sites/acme/people', scope: 'people' },
  {
    method: 'POST',
    path: '/sites/acme/people/import',
    scope: 'people',
    make: async () => ({ csv: `email,full_name,job_title\n${unique()}@acme.test,Ada Lovelace,Engineer\n` }),
  },
  { method: 'POST', path: '/sites/acme/invitations', scope: 'people', make: async () => ({ json: { all: true } }) },
  { method: 'POST', path: '/sites/acme/invitations/many', scope: 'people', make: async () => ({ json: { people: [personId] } }) },
  {
    method: 'POST',
    path: '/sites/acme/people/:person/status',
    scope: 'people',
    make: async () => ({ path: `/sites/acme/people/${personId}/status`, json: { status: 'employee' } }),
  },
  { method: 'GET', path: '/sites/acme/testimonials', scope: 'moderation' },
  {
    method: 'POST',
    path: '/sites/acme/testimonials/:id/approve',
    scope: 'moderation',
    make: async () => ({ path: `/sites/acme/testimonials/${testimonialId}/approve`, json: {} }),
  },
  {
    method: 'POST',
    path: '/sites/acme/testimonials/:id/reject',
    scope: 'moderation',
    make: async () => ({ path: `/sites/acme/testimonials/${testimonialId}/reject`, json: { reason: 'Too long.' } }),
  },
  { method: 'GET', path: '/users', scope: 'admins' },
  { method: 'POST', path: '/users', scope: 'admins', make: async () => ({ json: { email: `${unique()}@hr.test`, role: 'moderator' } }) },
  { method: 'PATCH', path: '/users/:id', scope: 'admins', make: async () => ({ path: `/users/${await spareUser()}`, json: { name: 'Renamed' } }) },
  { method: 'DELETE', path: '/users/:id', scope: 'admins', make: async () => ({ path: `/users/${await spareUser()}` }) },
  { method: 'GET', path: '/keys', scope: 'admins' },
  { method: 'POST', path: '/keys', scope: 'admins', make: async () => ({ json: { name: 'Script', scopes: ['admins'] } }) },
  {
    method: 'DELETE',
    path: '/keys/:id',
    scope: 'admins',
    make: async () => ({ path: `/keys/${(await createApiKey(ws.db, { name: 'spare', scopes: ['people'], createdBy: null })).row.public_id}` }),
  },
  { method: 'GET', path: '/audit', scope: 'audit' },
  { method: 'GET', path: '/audit.csv', scope: 'audit' },
  { method: 'GET', path: '/sites/acme/consents', scope: 'audit' },
  { method: 'GET', path: '/sites/acme/consents.csv', scope: 'audit' },
  { method: 'GET', path: '/sites/acme/safety', scope: 'moderation' },
  { method: 'POST', path: '/sites/acme/safety/blocks', scope: 'moderation', make: async () => ({ json: { domain: `${unique()}.example` } }) },
  { method: 'GET', path: '/sites/acme/oidc', scope: 'settings' },
  { method: 'PUT', path: '/sites/acme/oidc', scope: 'settings', make: async () => ({ json: COMPANY_SIGN_IN }) },
  { method: 'DELETE', path: '/sites/acme/oidc', scope: 'settings', make: async () => (await saveOidcSettings(ws.db, await siteIdOf('acme'), COMPANY_SIGN_IN), {}) },
  { method: 'GET', path: '/sites/acme/scim/tokens', scope: 'settings' },
  { method: 'POST', path: '/sites/acme/scim/tokens', scope: 'settings', make: async () => ({ json: { name: `Okta ${unique()}` } }) },
  {
    method: 'DELETE',
    path: '/sites/acme/scim/tokens/:id',
    scope: 'settings',
    make: async () => ({ path: `/sites/acme/scim/tokens/${(await createScimToken(ws.db, siteId, { name: 'spare', createdBy: null })).row.public_id}` }),
  },
];

const COMPANY_SIGN_IN = { issuer: 'https://idp.acme.test', clientId: 'hallway', clientSecret: 'client-secret', displayName: 'Acme' };
const siteIdOf = async (slug: string) => (await ws.db.selectFrom('sites').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

const spareUser = async () => (await createAdminUser(ws.db, { email: `spare-${unique()}@hr.test`, role: 'editor' })).public_id;

interface Caller {
  name: string;
  credentials: Credentials;
  scopes: readonly AdminScope[];
}
const callers: Caller[] = [];

before(async () => {
  ws = await openWorkspace();
  const site = await createSite(ws.db, { slug: 'acme', name: 'Acme' });
  siteId = site.id;
  const person = await createPerson(ws.db, {
    siteId: site.id,
    email: 'ada@acme.test',
    fullName: 'Ada Lovelace',
    displayName: 'Ada',
    jobTitle: 'Engineer',
    status: 'left',
  });
  personId = (await ws.db.selectFrom('people').select('public_id').where('id', '=', person.id).executeTakeFirstOrThrow()).public_id;
  await saveMyTestimonial(ws.db, person.id, {
    quote: 'Great team.',
    roles: ['Engineer'],
    fromYear: 2019,
    toYear: 2023,
    currentRole: null,
    nameStyle: 'full',
    publish: true,
  });
  testimonialId = (await ws.db.selectFrom('testimonials').select('public_id').executeTakeFirstOrThrow()).public_id;
  for (const role of ['owner', 'editor', 'moderator'] as AdminRole[]) {
    callers.push({ name: role, credentials: { session: await ws.signIn(role) }, scopes: ROLE_SCOPES[role] });
  }
  for (const scope of AdminScope.options) {
    const { secret } = await createApiKey(ws.db, { name: `only ${scope}`, scopes: [scope], createdBy: null });
    callers.push({ name: `key with ${scope}`, credentials: { key: secret }, scopes: [scope] });
  }
  callers.push({ name: 'bootstrap key', credentials: { key: BOOTSTRAP_KEY }, scopes: ROLE_SCOPES.owner });
});

after(() => ws.drop());

test('each route answers 2xx to the roles and keys with its scope, 403 forbidden to the others', async () => {
  const table: string[] = [];
  for (const route of ROUTES) {
    for (const caller of callers) {
      const allowed = route.scope === null || caller.scopes.includes(route.scope);
      const made = route.make ? await route.make() : {};
      const { status, body } = await ws.call(route.method, `/v1/admin${made.path ?? route.path}`, caller.credentials, made);
      const line = `${route.method} ${route.path} as ${caller.name}: ${status}`;
      table.push(line);
      if (allowed) {
        assert.ok(status >= 200 && status < 300, `${line} ${JSON.stringify(body)}`);
      } else {
        assert.equal(status, 403, line);
        assert.deepEqual(body, { error: { code: 'forbidden', message: `This needs the "${route.scope}" permission, which your role or key does not have.` } });
      }
    }
  }
  assert.equal(table.length, ROUTES.length * callers.length);
});

test('a moderator reaches neither people nor settings, even of a site that does not exist', async () => {
  const moderator = callers.find((caller) => caller.name === 'moderator')!.credentials;
  for (const [method, path] of [
    ['GET', '/sites/nowhere/people'],
    ['POST', '/sites/nowhere/people/import'],
    ['PATCH', '/sites/nowhere'],
    ['POST', '/sites'],
  ] as const) {
    assert.equal((await ws.call(method, `/v1/admin${path}`, moderator, method === 'GET' ? {} : { json: {} })).status, 403, `${method} ${path}`);
  }
});

test('a key never gets a scope its creator lacks', async () => {
  const editor = callers.find((caller) => caller.name === 'editor')!.credentials;
  const adminsKey = callers.find((caller) => caller.name === 'key with admins')!.credentials;
  const refused = await ws.call('POST', '/v1/admin/keys', adminsKey, { json: { name: 'Escalation', scopes: ['admins', 'people'] } });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, 'forbidden');
  assert.match(refused.body.error.message, /"people"/);
  // An editor has no `admins` scope: it cannot make keys at all.
  assert.equal((await ws.call('POST', '/v1/admin/keys', editor, { json: { name: 'Mine', scopes: ['people'] } })).status, 403);
});

test('a key loses what its creator loses: demoted, its keys shrink at once; removed, they do nothing', async () => {
  const email = `owner-${unique()}@acme.test`;
  const creator = await createAdminUser(ws.db, { email, role: 'owner' });
  const { secret } = await createApiKey(ws.db, { name: `Payroll sync ${unique()}`, scopes: ['people', 'admins'], createdBy: email });
  const key = { key: secret };
  assert.equal((await ws.call('GET', '/v1/admin/keys', key)).status, 200);
  assert.equal((await ws.call('GET', '/v1/admin/sites/acme/people', key)).status, 200);

  await ws.db.updateTable('admin_users').set({ role: 'editor' }).where('id', '=', creator.id).execute();
  assert.equal((await ws.call('GET', '/v1/admin/keys', key)).status, 403, 'an editor has no "admins"');
  assert.equal((await ws.call('GET', '/v1/admin/sites/acme/people', key)).status, 200, 'an editor keeps "people"');

  await ws.db.deleteFrom('admin_users').where('id', '=', creator.id).execute();
  assert.equal((await ws.call('GET', '/v1/admin/sites/acme/people', key)).status, 403);
});
