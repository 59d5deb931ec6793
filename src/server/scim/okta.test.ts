/**
 * What Okta sends, in the order its "SCIM 2.0 Spec Test" and "CRUD" test runs send it, with its bodies:
 * a create carrying `password`, `groups: []` and `locale` and no title; the lookup by userName (in other
 * capitals too); a PUT echoing `id`, `meta` and `groups`; deactivation as a no-path replace. Okta never
 * deletes. Every User and list answered is checked against scimmy's RFC 7643 schema (scim.ts).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { ENTERPRISE, PATCH_OP, USER_SCHEMA, scimClient } from '../../../tests/support/node/scim.js';
import { openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let okta: Awaited<ReturnType<typeof scimClient>>;

before(async () => {
  ws = await openWorkspace();
  const site = await createSite(ws.db, { slug: 'acme', name: 'Acme' });
  okta = await scimClient(ws.app, ws.db, site.id);
});
after(async () => {
  await okta.close();
  await ws.drop();
});

const userName = `Runscope${randomUUID().slice(0, 8)}Test@atko.com`;
const filter = (text: string) => `/Users?filter=${encodeURIComponent(text)}&startIndex=1&count=100`;

/** Okta's create: no title, a password, its groups and locale. */
const oktaCreate = {
  schemas: [USER_SCHEMA],
  userName,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ primary: true, value: userName.toLowerCase(), type: 'work' }],
  displayName: 'Ada Lovelace',
  locale: 'en-US',
  externalId: '00u1abcd2EFGH3ijk4l5',
  groups: [],
  password: '1mz050nq',
  active: true,
};

const listedIds = async () => ((await ws.call('GET', '/v1/sites/acme/people')).body.items as { id: string }[]).map((person) => person.id);

describe("Okta's SCIM 2.0 spec test", () => {
  let id: string;

  test('lists users one at a time, as its first request does', async () => {
    const page = await okta.call('GET', '/Users?count=1&startIndex=1');
    assert.equal(page.status, 200);
    assert.deepEqual([page.body.totalResults, page.body.startIndex, page.body.itemsPerPage, page.body.Resources], [0, 1, 0, []]);
  });

  test('a user not provisioned yet is not found by userName: 200 and an empty list', async () => {
    const found = await okta.call('GET', filter(`userName eq "${userName}"`));
    assert.equal(found.status, 200);
    assert.equal(found.body.totalResults, 0);
  });

  test('creates the user without a title; the password, groups and locale are read past and never returned', async () => {
    const created = await okta.call('POST', '/Users', oktaCreate);
    assert.equal(created.status, 201);
    id = created.body.id;
    assert.equal(created.headers.get('Location'), `${okta.base.replace(/^http:\/\/127\.0\.0\.1:\d+/, 'https://hallway.test')}/Users/${id}`);
    assert.equal(created.body.userName, userName, 'userName comes back with its capitals');
    assert.equal(created.body.active, true);
    assert.equal(created.body.name.formatted, 'Ada Lovelace');
    assert.equal(created.body.title, undefined);
    assert.equal(created.body.password, undefined);
    assert.equal(created.body.externalId, '00u1abcd2EFGH3ijk4l5');
    assert.equal(created.headers.get('ETag'), created.body.meta.version);
    const person = await ws.db.selectFrom('people').selectAll().where('public_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([person.email, person.full_name, person.job_title, person.status], [userName.toLowerCase(), 'Ada Lovelace', '', 'employee']);
    assert.doesNotMatch(JSON.stringify(await ws.db.selectFrom('scim_users').selectAll().execute()), /1mz050nq/);
  });

  test('reads the user back by id', async () => {
    const read = await okta.call('GET', `/Users/${id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.userName, userName);
    assert.deepEqual(read.body.emails, [{ value: userName.toLowerCase(), type: 'work', primary: true }]);
  });

  test('finds the user by userName, and by the same userName in other capitals', async () => {
    for (const spelling of [userName, userName.toUpperCase(), userName.toLowerCase()]) {
      const found = await okta.call('GET', filter(`userName eq "${spelling}"`));
      assert.equal(found.body.totalResults, 1, spelling);
      assert.equal(found.body.Resources[0].id, id);
      assert.equal(found.body.Resources[0].userName, userName);
    }
  });

  test('creating the same userName again is a 409 uniqueness error, in any capitals', async () => {
    for (const spelling of [userName, userName.toUpperCase()]) {
      const again = await okta.call('POST', '/Users', { ...oktaCreate, userName: spelling });
      assert.equal(again.status, 409);
      assert.deepEqual(again.body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
      assert.equal(again.body.scimType, 'uniqueness');
      assert.equal(again.body.status, '409');
    }
  });

  test('an unknown id is a 404 in SCIM JSON', async () => {
    const missing = await okta.call('GET', `/Users/${randomUUID()}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.status, '404');
  });
});

describe("Okta's CRUD test: update, then deactivate", () => {
  let id: string;
  const crudUser = {
    ...oktaCreate,
    userName: 'Grace.Hopper@atko.com',
    name: { givenName: 'Grace', familyName: 'Hopper' },
    emails: [{ primary: true, value: 'grace.hopper@atko.com', type: 'work' }],
  };

  before(async () => {
    id = (await okta.call('POST', '/Users', crudUser)).body.id;
  });

  test('a PUT echoing id, meta and groups replaces the mapped fields', async () => {
    const current = (await okta.call('GET', `/Users/${id}`)).body;
    const replaced = await okta.call('PUT', `/Users/${id}`, {
      ...current,
      groups: [],
      password: 'x7Gq!2pa',
      name: { givenName: 'Grace', familyName: 'Hopper-Murray' },
      title: 'Rear Admiral',
      [ENTERPRISE]: { department: 'Navy' },
      addresses: [{ type: 'work', locality: 'Arlington', primary: true }],
    });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.name.formatted, 'Grace Hopper-Murray');
    assert.equal(replaced.body.title, 'Rear Admiral');
    assert.deepEqual(replaced.body[ENTERPRISE], { department: 'Navy' });
    assert.equal(replaced.body.addresses[0].locality, 'Arlington');
    assert.notEqual(replaced.body.meta.version, current.meta.version, 'the version moves with the change');
    const person = await ws.db.selectFrom('people').selectAll().where('public_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([person.full_name, person.job_title, person.team, person.location], ['Grace Hopper-Murray', 'Rear Admiral', 'Navy', 'Arlington']);
  });

  test('deactivation (a replace without a path) hides the person from the careers site at once; SCIM still reads and finds them', async () => {
    const person = await ws.db.selectFrom('people').select('id').where('public_id', '=', id).executeTakeFirstOrThrow();
    // She opted in herself, on /me: only then is she on the careers site.
    await recordConsent(ws.db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: '2026-11', source: 'me' });
    assert.ok((await listedIds()).includes(id));

    const deactivated = await okta.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    assert.equal(deactivated.status, 200);
    assert.equal(deactivated.body.active, false);
    assert.ok(!(await listedIds()).includes(id), 'hidden from the public list');
    assert.equal((await ws.call('GET', `/v1/sites/acme/people/${id}`)).status, 404, 'and from the person route');
    assert.equal((await ws.db.selectFrom('people').select('status').where('id', '=', person.id).executeTakeFirstOrThrow()).status, 'left');

    assert.equal((await okta.call('GET', `/Users/${id}`)).body.active, false);
    const found = await okta.call('GET', filter('userName eq "grace.hopper@atko.com"'));
    assert.deepEqual([found.body.totalResults, found.body.Resources[0].active], [1, false]);
  });

  test('reactivation makes her an employee again, listed again by her own standing consent', async () => {
    const reactivated = await okta.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    assert.equal(reactivated.body.active, true);
    assert.ok((await listedIds()).includes(id));
  });
});
