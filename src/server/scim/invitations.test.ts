/**
 * The invitations SCIM provisioning leads to, as the site's settings say: a newcomer N days after they
 * were provisioned, a deactivated user as alumni. Each is sent once, whatever the number of runs
 * (a restart is just another run: the marks are in the database). Time moves on a test clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { testClock } from '../../../tests/support/clock.js';
import { PATCH_OP, USER_SCHEMA, scimClient } from '../../../tests/support/node/scim.js';
import { BOOTSTRAP_KEY, openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';
import { sendScimInvitations } from './invitations.js';

const DAY = 24 * 3600_000;
let ws: Workspace;
let acme: Awaited<ReturnType<typeof scimClient>>;
let globex: Awaited<ReturnType<typeof scimClient>>;
const clock = testClock();

const provision = async (client: typeof acme, email: string) =>
  (await client.call('POST', '/Users', { schemas: [USER_SCHEMA], userName: email, name: { givenName: 'New', familyName: 'Hire' }, active: 'True' })).body.id as string;
const mailsTo = (address: string) => ws.db.selectFrom('outbox').select(['template', 'locale']).where('to_address', '=', address).orderBy('id').execute();
const run = () => sendScimInvitations(ws.db, ws.links, clock.now());

before(async () => {
  ws = await openWorkspace();
  acme = await scimClient(ws.app, ws.db, (await createSite(ws.db, { slug: 'acme', name: 'Acme', defaultLang: 'fr' })).id);
  globex = await scimClient(ws.app, ws.db, (await createSite(ws.db, { slug: 'globex', name: 'Globex' })).id);
});
after(async () => {
  await acme.close();
  await globex.close();
  await ws.drop();
});

describe('automatic invitations', () => {
  test('the settings are part of the site, changed by HR (audited) and read back', async () => {
    const changed = await ws.call('PATCH', '/v1/admin/sites/acme', { key: BOOTSTRAP_KEY }, { json: { scimInviteAfterDays: 14, scimInviteAlumni: true } });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual([changed.body.scimInviteAfterDays, changed.body.scimInviteAlumni], [14, true]);
    assert.equal(
      (await ws.call('GET', '/v1/admin/sites', { key: BOOTSTRAP_KEY })).body.items.find((site: { slug: string }) => site.slug === 'globex').scimInviteAfterDays,
      null,
    );
    const [entry] = (await ws.call('GET', '/v1/admin/audit?limit=1', { key: BOOTSTRAP_KEY })).body.items;
    assert.deepEqual([entry.action, entry.details], ['site.update', { scimInviteAfterDays: 14, scimInviteAlumni: true }]);
    for (const wrong of [-1, 1.5, 366, '14']) {
      assert.equal((await ws.call('PATCH', '/v1/admin/sites/acme', { key: BOOTSTRAP_KEY }, { json: { scimInviteAfterDays: wrong } })).status, 400, String(wrong));
    }
  });

  test('a newcomer is invited once, the day the delay is over, with the existing invitation mail', async () => {
    await provision(acme, 'newcomer@acme.test');
    const optedIn = await provision(acme, 'already.in@acme.test');
    const person = await ws.db.selectFrom('people').select('id').where('public_id', '=', optedIn).executeTakeFirstOrThrow();
    await recordConsent(ws.db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: '2026-11', source: 'me' });
    await provision(globex, 'newcomer@globex.test');

    await run();
    clock.advance(13 * DAY);
    await run();
    assert.deepEqual(await mailsTo('newcomer@acme.test'), [], 'not before 14 days');

    clock.advance(DAY + 60_000);
    assert.equal((await run()).newcomers, 1);
    assert.deepEqual(await mailsTo('newcomer@acme.test'), [{ template: 'invitation', locale: 'fr' }]);
    assert.deepEqual(await mailsTo('already.in@acme.test'), [], 'who decided already is not invited');

    clock.advance(30 * DAY);
    assert.deepEqual(await run(), { newcomers: 0, alumni: 0 });
    assert.equal((await mailsTo('newcomer@acme.test')).length, 1, 'never twice, even past the invitation cooldown');
    assert.deepEqual(await mailsTo('newcomer@globex.test'), [], 'a site without the setting never invites');
  });

  test('a deactivated user is invited once as alumni where the site asks for it; never where it does not', async () => {
    const leaver = await provision(acme, 'leaver@acme.test');
    const other = await provision(globex, 'leaver@globex.test');
    for (const [client, id] of [
      [acme, leaver],
      [globex, other],
    ] as const) {
      await client.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    }
    assert.equal((await run()).alumni, 1);
    await run();
    assert.deepEqual(await mailsTo('leaver@acme.test'), [{ template: 'alumni_invitation', locale: 'fr' }]);
    assert.deepEqual(await mailsTo('leaver@globex.test'), []);
  });

  test('two runs at once (two instances) send one invitation', async () => {
    await provision(acme, 'twin@acme.test');
    clock.advance(15 * DAY);
    await Promise.all([run(), run()]);
    assert.equal((await mailsTo('twin@acme.test')).length, 1);
  });
});
