/**
 * What Microsoft Entra ID sends, in the order its SCIM validator and provisioning service send it, with
 * the bodies of Microsoft's "Develop a SCIM endpoint" tutorial and its known compatibility issues:
 * `Test_User_<guid>` userNames that are no e-mail address, string booleans (`"True"`, `"False"`), ops
 * in capitals (`Replace`, `Add`), value-filtered paths, a no-path replace whose keys are paths, the
 * default mappings' phones, addresses, manager and roles, `null` for unassigned values, then DELETE.
 * Every User and list answered is checked against scimmy's RFC 7643 schema (scim.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { ENTERPRISE, PATCH_OP, USER_SCHEMA, scimClient } from '../../../tests/support/node/scim.js';
import { openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let entra: Awaited<ReturnType<typeof scimClient>>;

before(async () => {
  ws = await openWorkspace();
  const site = await createSite(ws.db, { slug: 'contoso', name: 'Contoso' });
  entra = await scimClient(ws.app, ws.db, site.id);
});
after(async () => {
  await entra.close();
  await ws.drop();
});

const USER_NAME = 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1';
const EMAIL = 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com';
const EXTERNAL_ID = '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef';

/** Microsoft's create, with the default mappings' extras and Entra's string booleans. */
const entraCreate = {
  schemas: [USER_SCHEMA, ENTERPRISE],
  externalId: EXTERNAL_ID,
  userName: USER_NAME,
  active: 'True',
  displayName: 'givenName familyName',
  title: null,
  preferredLanguage: 'fr-FR',
  timezone: 'Europe/Paris',
  emails: [{ primary: 'True', type: 'work', value: EMAIL }],
  phoneNumbers: [
    { type: 'work', value: '+33 1 23 45 67 89', primary: 'True' },
    { type: 'mobile', value: null },
  ],
  addresses: [
    {
      type: 'work',
      formatted: '1 rue de la Paix, 75002 Paris',
      streetAddress: '1 rue de la Paix',
      locality: 'Paris',
      region: null,
      postalCode: '75002',
      country: 'FR',
      primary: 'False',
    },
  ],
  meta: { resourceType: 'User' },
  name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
  roles: [{ primary: 'False', type: 'WindowsAzureActiveDirectoryRole', value: 'User' }],
  [ENTERPRISE]: { department: null, employeeNumber: '701984', manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d' } },
};

const personOf = (id: string) => ws.db.selectFrom('people').selectAll().where('public_id', '=', id).executeTakeFirstOrThrow();
const patch = (id: string, ...Operations: unknown[]) => entra.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations });
const listedIds = async () => ((await ws.call('GET', '/v1/sites/contoso/people')).body.items as { id: string }[]).map((person) => person.id);

describe("Entra ID's validator: create, get by filter, patch, deactivate, delete", () => {
  let id: string;

  test('Test Connection: a random userName is not found, 200 and an empty ListResponse', async () => {
    const found = await entra.call('GET', '/Users?filter=userName+eq+%22dfeef4c5-5681-4387-b016-bdf221e82081%22');
    assert.equal(found.status, 200);
    assert.deepEqual(found.body.Resources, []);
    assert.equal(found.body.totalResults, 0);
  });

  test('creates the user: the e-mail from emails (userName is no address), "True" as true, no title, the extras read past', async () => {
    const created = await entra.call('POST', '/Users', entraCreate);
    assert.equal(created.status, 201);
    id = created.body.id;
    assert.equal(created.body.userName, USER_NAME);
    assert.equal(created.body.active, true);
    assert.equal(created.body.externalId, EXTERNAL_ID);
    assert.equal(created.body.phoneNumbers, undefined);
    assert.equal(created.body.roles, undefined);
    const person = await personOf(id);
    assert.deepEqual(
      [person.email, person.full_name, person.job_title, person.team, person.location, person.status],
      [EMAIL.toLowerCase(), 'givenName familyName', '', null, 'Paris', 'employee'],
    );
  });

  test('no consent is set: the provisioned person is not on the careers site until they opt in themselves', async () => {
    assert.deepEqual(await ws.db.selectFrom('consents').selectAll().execute(), []);
    assert.ok(!(await listedIds()).includes(id));
    await recordConsent(ws.db, { personId: (await personOf(id)).id, purpose: 'show_profile', granted: true, textVersion: '2026-11', source: 'me' });
    assert.ok((await listedIds()).includes(id));
  });

  test('gets the user by userName and by externalId, filters encoded with + and with %20', async () => {
    for (const query of [
      `filter=userName+eq+%22${USER_NAME}%22`,
      `filter=userName%20eq%20%22${USER_NAME.toLowerCase()}%22`,
      `filter=externalId+eq+%22${EXTERNAL_ID}%22`,
    ]) {
      const found = await entra.call('GET', `/Users?${query}&startIndex=1&count=100`);
      assert.equal(found.status, 200, query);
      assert.deepEqual([found.body.totalResults, found.body.Resources[0]?.id], [1, id], query);
    }
  });

  test('patches attributes: Replace on userName and a filtered e-mail, Add on a first title, locality and department, the manager read past', async () => {
    const patched = await patch(
      id,
      { op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@contoso.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      { op: 'Add', path: 'title', value: 'Night Manager' },
      { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Lyon' },
      { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Front Office' },
      { op: 'Add', path: `${ENTERPRISE}:manager`, value: '2819c223-7f76-453a-919d-413861904646' },
    );
    assert.equal(patched.status, 200);
    assert.equal(patched.body.userName, '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');
    const person = await personOf(id);
    assert.deepEqual([person.email, person.job_title, person.location, person.team], ['updatedemail@contoso.com', 'Night Manager', 'Lyon', 'Front Office']);
    // name.formatted is what the person is called: the provider's formatted name, kept as sent.
    assert.equal(person.full_name, 'givenName familyName');
  });

  test('a Replace without path whose keys are paths, in other capitals; a Remove of the manager', async () => {
    const patched = await patch(
      id,
      { op: 'replace', value: { 'name.givenName': 'Anna', 'name.formatted': 'Anna Schmidt', [`${ENTERPRISE}:department`]: 'Housekeeping', Title: 'Housekeeper' } },
      { op: 'Remove', path: `${ENTERPRISE}:manager` },
    );
    assert.equal(patched.status, 200);
    assert.deepEqual([patched.body.name.givenName, patched.body.name.formatted, patched.body.title], ['Anna', 'Anna Schmidt', 'Housekeeper']);
    assert.deepEqual(patched.body[ENTERPRISE], { department: 'Housekeeping' });
  });

  test('deactivates with {"op":"Replace","path":"active","value":"False"}: hidden at once, still read and found', async () => {
    const deactivated = await patch(id, { op: 'Replace', path: 'active', value: 'False' });
    assert.equal(deactivated.status, 200);
    assert.equal(deactivated.body.active, false);
    assert.equal((await personOf(id)).status, 'left');
    assert.ok(!(await listedIds()).includes(id));
    assert.equal((await ws.call('GET', `/v1/sites/contoso/people/${id}`)).status, 404);
    const found = await entra.call('GET', `/Users?filter=externalId+eq+%22${EXTERNAL_ID}%22`);
    assert.deepEqual([found.body.totalResults, found.body.Resources[0].active], [1, false]);
  });

  test('deletes the user: 204, then 404; the person stays as left, consent record untouched', async () => {
    const consentsBefore = await ws.db.selectFrom('consents').selectAll().execute();
    assert.equal((await entra.call('DELETE', `/Users/${id}`)).status, 204);
    assert.equal((await entra.call('GET', `/Users/${id}`)).status, 404);
    assert.equal((await entra.call('GET', `/Users?filter=externalId+eq+%22${EXTERNAL_ID}%22`)).body.totalResults, 0);
    assert.equal((await personOf(id)).status, 'left');
    assert.deepEqual(await ws.db.selectFrom('consents').selectAll().execute(), consentsBefore);
  });

  test('after its soft delete, the same userName and e-mail are created again (a rehire): the same person, an employee again', async () => {
    const again = await entra.call('POST', '/Users', {
      ...entraCreate,
      userName: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com',
      emails: [{ primary: 'True', type: 'work', value: 'updatedEmail@contoso.com' }],
    });
    assert.equal(again.status, 201);
    assert.equal(again.body.id, id);
    assert.equal((await personOf(id)).status, 'employee');
  });

  test('creating a user whose userName exists in other capitals is a 409 uniqueness error', async () => {
    const duplicate = await entra.call('POST', '/Users', { ...entraCreate, userName: '5B50642D-79FC-4410-9E90-4C077CDD1A59@TESTUSER.COM', emails: [] });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.scimType, 'uniqueness');
  });
});
