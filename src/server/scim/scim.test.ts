/**
 * SCIM beyond the providers' sequences: paging, ETags, discovery, errors, a token per site, the tokens
 * HR makes in the workspace, and malformed requests (a fuzz run), none of which may answer a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { eraseMyData } from '../me/profile.js';
import { createSite } from '../store/sites.js';
import { ENTERPRISE, ERROR, PATCH_OP, USER_SCHEMA, scimClient } from '../../../tests/support/node/scim.js';
import { BOOTSTRAP_KEY, openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let acme: Awaited<ReturnType<typeof scimClient>>;
let globex: Awaited<ReturnType<typeof scimClient>>;
const ids: string[] = [];

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA],
  userName,
  name: { givenName: 'Test', familyName: userName },
  ...extra,
});

before(async () => {
  ws = await openWorkspace();
  acme = await scimClient(ws.app, ws.db, (await createSite(ws.db, { slug: 'acme', name: 'Acme' })).id);
  globex = await scimClient(ws.app, ws.db, (await createSite(ws.db, { slug: 'globex', name: 'Globex' })).id);
  for (let i = 1; i <= 7; i++) ids.push((await acme.call('POST', '/Users', user(`user${i}@acme.test`))).body.id);
});
after(async () => {
  await acme.close();
  await globex.close();
  await ws.drop();
});

const idsOf = (answer: { body: { Resources: { id: string }[] } }) => answer.body.Resources.map((resource) => resource.id);

describe('paging', () => {
  test('pages follow one stable order whatever their size; a page past the end is empty', async () => {
    const whole = await acme.call('GET', '/Users?startIndex=1&count=100');
    assert.deepEqual(idsOf(whole), ids);
    const byThree = [];
    for (const start of [1, 4, 7]) byThree.push(...idsOf(await acme.call('GET', `/Users?startIndex=${start}&count=3`)));
    assert.deepEqual(byThree, ids);
    const past = await acme.call('GET', '/Users?startIndex=50&count=10');
    assert.deepEqual([past.body.totalResults, past.body.startIndex, past.body.itemsPerPage, past.body.Resources], [7, 50, 0, []]);
  });

  test('out-of-range startIndex and count are clamped, not refused', async () => {
    const low = await acme.call('GET', '/Users?startIndex=-4&count=-1');
    assert.deepEqual([low.status, low.body.startIndex, low.body.itemsPerPage, low.body.totalResults], [200, 1, 0, 7]);
    const huge = await acme.call('GET', '/Users?startIndex=99999999999999999999&count=100000');
    assert.deepEqual([huge.status, huge.body.itemsPerPage], [200, 0]);
    const words = await acme.call('GET', '/Users?startIndex=first&count=many');
    assert.deepEqual([words.status, words.body.startIndex, words.body.itemsPerPage], [200, 1, 7]);
  });
});

describe('versions', () => {
  test('GET carries the ETag of meta.version; If-None-Match with it is a 304', async () => {
    const read = await acme.call('GET', `/Users/${ids[0]}`);
    assert.match(read.body.meta.version, /^W\/".+"$/);
    assert.equal(read.headers.get('ETag'), read.body.meta.version);
    assert.equal((await acme.call('GET', `/Users/${ids[0]}`, undefined, { 'If-None-Match': read.body.meta.version })).status, 304);
  });

  test('a write with a stale If-Match is refused with 412 and changes nothing; the current one goes through', async () => {
    const before = (await acme.call('GET', `/Users/${ids[1]}`)).body;
    const replace = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Chef' }] };
    const changed = await acme.call('PATCH', `/Users/${ids[1]}`, replace, { 'If-Match': before.meta.version });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.body.meta.version, before.meta.version);
    const stale = await acme.call(
      'PATCH',
      `/Users/${ids[1]}`,
      { ...replace, Operations: [{ op: 'replace', path: 'title', value: 'Cook' }] },
      { 'If-Match': before.meta.version },
    );
    assert.equal(stale.status, 412);
    assert.deepEqual(stale.body.schemas, [ERROR]);
    assert.equal((await acme.call('DELETE', `/Users/${ids[1]}`, undefined, { 'If-Match': before.meta.version })).status, 412);
    assert.equal((await acme.call('GET', `/Users/${ids[1]}`)).body.title, 'Chef');
  });
});

describe('discovery', () => {
  test('ServiceProviderConfig names every capability, bulk limits and etag included', async () => {
    const config = (await acme.call('GET', '/ServiceProviderConfig')).body;
    assert.deepEqual(config.schemas, ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    assert.equal(config.patch.supported, true);
    assert.equal(config.filter.supported, true);
    assert.ok(Number.isInteger(config.filter.maxResults));
    assert.equal(config.bulk.supported, false);
    assert.ok(Number.isInteger(config.bulk.maxOperations) && Number.isInteger(config.bulk.maxPayloadSize));
    assert.equal(config.etag.supported, true);
    assert.equal(config.changePassword.supported, false);
    assert.equal(config.sort.supported, false);
    assert.equal(config.authenticationSchemes[0].type, 'oauthbearertoken');
  });

  test('ResourceTypes and Schemas describe the User and its enterprise extension', async () => {
    const types = (await acme.call('GET', '/ResourceTypes')).body;
    assert.deepEqual([types.totalResults, types.Resources[0].endpoint, types.Resources[0].schemaExtensions[0].schema], [1, '/Users', ENTERPRISE]);
    const schemas = (await acme.call('GET', '/Schemas')).body;
    assert.deepEqual(
      schemas.Resources.map((schema: { id: string }) => schema.id),
      [USER_SCHEMA, ENTERPRISE],
    );
    assert.equal((await acme.call('GET', `/Schemas/${USER_SCHEMA}`)).body.id, USER_SCHEMA);
  });

  test('/Groups answers an empty ListResponse; other Group requests a SCIM 404, never a 5xx', async () => {
    const groups = await acme.call('GET', '/Groups?startIndex=1&count=100');
    assert.deepEqual([groups.status, groups.body.totalResults, groups.body.Resources], [200, 0, []]);
    for (const [method, path] of [
      ['GET', '/Groups/abc'],
      ['POST', '/Groups'],
      ['POST', '/Bulk'],
    ]) {
      const answer = await acme.call(method!, path!, method === 'POST' ? { schemas: [] } : undefined);
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.deepEqual(answer.body.schemas, [ERROR]);
    }
  });
});

describe('errors', () => {
  test('no token, a wrong one or a revoked one: 401 in SCIM JSON', async () => {
    for (const authorization of [undefined, 'Bearer hw_scim_wrong', 'Basic dXNlcjpwYXNz', `Bearer ${BOOTSTRAP_KEY}`]) {
      const response = await fetch(`${acme.base}/Users`, { headers: authorization ? { Authorization: authorization } : {} });
      assert.equal(response.status, 401, authorization ?? 'no header');
      assert.equal(response.headers.get('Content-Type'), 'application/scim+json');
      assert.deepEqual(await response.json(), { schemas: [ERROR], status: '401', detail: 'A valid SCIM token of the site is required (Authorization: Bearer …).' });
    }
  });

  test('each malformed request names its scimType', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/Users', '{"userName": ', 400, 'invalidSyntax'],
      ['POST', '/Users', { schemas: [USER_SCHEMA] }, 400, 'invalidValue'],
      ['POST', '/Users', user('x@acme.test', { active: 'maybe' }), 400, 'invalidValue'],
      ['POST', '/Users', user('Test_User_without_address'), 400, 'invalidValue'],
      ['POST', '/Users', user('nul@acme.test', { title: 'a\u0000b' }), 400, 'invalidValue'],
      ['PATCH', `/Users/${ids[2]}`, { schemas: [PATCH_OP], Operations: [{ op: 'move', path: 'title', value: 'x' }] }, 400, 'invalidSyntax'],
      ['PATCH', `/Users/${ids[2]}`, { schemas: [PATCH_OP], Operations: [] }, 400, 'invalidSyntax'],
      ['PATCH', `/Users/${ids[2]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails[type sw "w"].value', value: 'x' }] }, 400, 'invalidPath'],
      ['PATCH', `/Users/${ids[2]}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }, 400, 'noTarget'],
      ['PATCH', `/Users/${ids[2]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: 'nope' }] }, 400, 'invalidValue'],
      ['GET', `/Users?filter=${encodeURIComponent('userName co "x"')}`, undefined, 400, 'invalidFilter'],
      ['GET', `/Users?filter=${encodeURIComponent('phoneNumbers eq "1"')}`, undefined, 400, 'invalidFilter'],
    ];
    for (const [method, path, body, status, scimType] of cases) {
      const answer = await acme.call(method, path, body);
      assert.deepEqual([answer.status, answer.body.status, answer.body.scimType], [status, String(status), scimType], `${method} ${path} ${JSON.stringify(body)}`);
    }
  });

  test('a body over 64 KB is refused with a SCIM 413', async () => {
    const answer = await acme.call('POST', '/Users', user('big@acme.test', { title: 'x'.repeat(70_000) }));
    assert.deepEqual([answer.status, answer.body.status], [413, '413']);
  });

  test('malformed bodies, paths and filters never get a 500 (fuzz)', async () => {
    const target = `/scim/v2/Users/${ids[3]}`;
    const headers = { Authorization: `Bearer ${acme.secret}`, 'Content-Type': 'application/scim+json' };
    const operation = fc.record(
      {
        op: fc.oneof(fc.constantFrom('add', 'Replace', 'REMOVE', 'copy'), fc.anything()),
        path: fc.oneof(fc.string(), fc.constantFrom('emails[type eq "work"].value', 'name.', 'a[b eq "c"]', `${ENTERPRISE}:department`, '[')),
        value: fc.anything(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.record({ schemas: fc.constant([PATCH_OP]), Operations: fc.oneof(fc.array(operation, { maxLength: 4 }), fc.anything()) })),
        fc.oneof(
          fc.jsonValue(),
          fc.record({ userName: fc.oneof(fc.string(), fc.anything()), emails: fc.anything(), active: fc.anything(), name: fc.anything() }, { requiredKeys: [] }),
        ),
        fc.string(),
        async (patch, replacement, filter) => {
          for (const [method, path, body] of [
            ['PATCH', target, JSON.stringify(patch) ?? 'undefined'],
            ['PUT', target, JSON.stringify(replacement) ?? 'null'],
            ['POST', '/scim/v2/Users', JSON.stringify(replacement) ?? 'null'],
            ['GET', `/scim/v2/Users?filter=${encodeURIComponent(filter)}&startIndex=${encodeURIComponent(filter)}`, undefined],
          ] as const) {
            const response = await ws.app.request(path, { method, headers, ...(body !== undefined && { body }) });
            assert.ok(response.status < 500, `${method} ${path} ${body}: ${response.status} ${await response.text()}`);
            assert.equal(response.headers.get('Content-Type'), 'application/scim+json');
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), ...(process.env.FUZZ_SEED && { seed: Number(process.env.FUZZ_SEED) }) },
    );
  });
});

describe('a token per site', () => {
  test("another site's token does not see this site's users: 404, empty filters, and the same userName is free there", async () => {
    assert.equal((await globex.call('GET', `/Users/${ids[0]}`)).status, 404);
    assert.equal((await globex.call('PATCH', `/Users/${ids[0]}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] })).status, 404);
    assert.equal((await globex.call('DELETE', `/Users/${ids[0]}`)).status, 404);
    assert.equal((await globex.call('GET', '/Users?filter=userName+eq+%22user1@acme.test%22')).body.totalResults, 0);
    const same = await globex.call('POST', '/Users', user('user1@acme.test'));
    assert.equal(same.status, 201, 'no cross-site conflict');
    assert.notEqual(same.body.id, ids[0]);
    assert.equal((await acme.call('GET', `/Users/${ids[0]}`)).body.active, true);
  });

  test('what SCIM cannot set: consent and listing fields in a body are read past', async () => {
    const created = await acme.call('POST', '/Users', user('eager@acme.test', { consent: true, showProfile: true, listed: true, status: 'alumni' }));
    assert.equal(created.status, 201);
    const person = await ws.db.selectFrom('people').select(['id', 'listed', 'status']).where('public_id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.deepEqual([person.listed, person.status], [false, 'employee']);
    assert.equal((await ws.db.selectFrom('consents').select('id').where('person_id', '=', person.id).execute()).length, 0);
  });
});

describe('erasure', () => {
  test("a person who erased their data leaves nothing of the provider's user; the provider may create it anew", async () => {
    const created = await acme.call('POST', '/Users', user('Erin.Erased@acme.test', { externalId: 'okta-erin' }));
    const person = await ws.db.selectFrom('people').select('id').where('public_id', '=', created.body.id).executeTakeFirstOrThrow();
    await eraseMyData(ws.db, person.id, async () => {});
    assert.deepEqual(await ws.db.selectFrom('scim_users').selectAll().where('person_id', '=', person.id).execute(), []);
    assert.equal((await acme.call('GET', `/Users/${created.body.id}`)).status, 404);
    assert.equal((await acme.call('GET', '/Users?filter=externalId+eq+%22okta-erin%22')).body.totalResults, 0);
    const again = await acme.call('POST', '/Users', user('Erin.Erased@acme.test'));
    assert.equal(again.status, 201);
    assert.notEqual(again.body.id, created.body.id);
  });
});

describe('tokens in the admin API', () => {
  test('made with the settings scope, shown once, listed by prefix, several live at once, revoked at once, each audited', async () => {
    const owner = await ws.signIn('owner');
    const made = await ws.call('POST', '/v1/admin/sites/acme/scim/tokens', { session: owner }, { json: { name: 'Okta' } });
    assert.equal(made.status, 201, made.text);
    assert.match(made.body.secret, /^hw_scim_[\w-]{43}$/);
    assert.equal(made.body.baseUrl, 'https://hallway.test/scim/v2');
    const second = await ws.call('POST', '/v1/admin/sites/acme/scim/tokens', { session: owner }, { json: { name: 'Okta (rotation)' } });

    const list = await ws.call('GET', '/v1/admin/sites/acme/scim/tokens', { session: owner });
    assert.doesNotMatch(list.text, new RegExp(made.body.secret.slice(12)));
    assert.deepEqual(
      list.body.items.slice(0, 2).map((token: { name: string; prefix: string }) => [token.name, token.prefix]),
      [
        ['Okta (rotation)', second.body.secret.slice(0, 12)],
        ['Okta', made.body.secret.slice(0, 12)],
      ],
    );
    const stored = await ws.db.selectFrom('scim_tokens').select('token_hash').execute();
    assert.ok(stored.every((row) => !row.token_hash.includes(made.body.secret)));

    const read = (secret: string) => fetch(`${acme.base}/Users?count=1`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.deepEqual([(await read(made.body.secret)).status, (await read(second.body.secret)).status], [200, 200]);
    const revoked = await ws.call('DELETE', `/v1/admin/sites/acme/scim/tokens/${made.body.token.id}`, { session: owner });
    assert.ok(revoked.body.revokedAt);
    assert.deepEqual([(await read(made.body.secret)).status, (await read(second.body.secret)).status], [401, 200]);

    const audit = (await ws.call('GET', '/v1/admin/audit?action=scim_token', { key: BOOTSTRAP_KEY })).body.items;
    assert.deepEqual(
      audit.map((entry: { action: string; target: string }) => [entry.action, entry.target]),
      [
        ['scim_token.revoke', made.body.token.id],
        ['scim_token.create', second.body.token.id],
        ['scim_token.create', made.body.token.id],
      ],
    );
    assert.doesNotMatch(JSON.stringify(audit), /hw_scim_/);
  });

  test("without the settings scope, or with another site's token id, nothing is made or revoked", async () => {
    const moderator = await ws.signIn('moderator');
    assert.equal((await ws.call('POST', '/v1/admin/sites/acme/scim/tokens', { session: moderator }, { json: { name: 'x' } })).status, 403);
    assert.equal((await ws.call('GET', '/v1/admin/sites/acme/scim/tokens', { session: moderator })).status, 403);
    const globexToken = await ws.call('POST', '/v1/admin/sites/globex/scim/tokens', { key: BOOTSTRAP_KEY }, { json: { name: 'Entra' } });
    assert.equal((await ws.call('DELETE', `/v1/admin/sites/acme/scim/tokens/${globexToken.body.token.id}`, { key: BOOTSTRAP_KEY })).status, 404);
    assert.equal((await globex.call('GET', '/Users')).status, 200);
  });
});

describe('the audit log', () => {
  test("a provider's create, update, deactivation and delete are each audited, by the token, naming the person by id only", async () => {
    const created = await globex.call('POST', '/Users', user('audited@globex.test'));
    const { id } = created.body;
    await globex.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Chef' }] });
    await globex.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] });
    await globex.call('PUT', `/Users/${id}`, user('audited@globex.test', { active: true }));
    assert.equal((await globex.call('DELETE', `/Users/${id}`)).status, 204);
    assert.equal((await globex.call('DELETE', `/Users/${id}`)).status, 404);

    const token = await ws.db
      .selectFrom('scim_tokens as t')
      .innerJoin('sites as s', 's.id', 't.site_id')
      .select('t.public_id')
      .where('s.slug', '=', 'globex')
      .executeTakeFirstOrThrow();
    const audit = (await ws.call('GET', '/v1/admin/audit?action=scim_user', { key: BOOTSTRAP_KEY })).body.items.filter(
      (entry: { target: string }) => entry.target === id,
    );
    assert.deepEqual(
      audit.map((entry: { action: string; site: string; actor: unknown }) => [entry.action, entry.site, entry.actor]),
      ['delete', 'update', 'deactivate', 'update', 'create'].map((action) => [`scim_user.${action}`, 'globex', { kind: 'scim', id: token.public_id, label: 'provider' }]),
    );
    assert.doesNotMatch(JSON.stringify(audit), /audited@globex/);
  });

  test('a refused write leaves no line', async () => {
    const before = (await ws.call('GET', '/v1/admin/audit?action=scim_user', { key: BOOTSTRAP_KEY })).body.items.length;
    assert.equal((await acme.call('POST', '/Users', user('user1@acme.test'))).status, 409);
    assert.equal((await ws.call('GET', '/v1/admin/audit?action=scim_user', { key: BOOTSTRAP_KEY })).body.items.length, before);
  });
});
