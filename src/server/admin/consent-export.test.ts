/** The consent record export (a compliance request) and the audit log's filters, scope `audit`. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decideConsent, eraseMyData, withdrawAll } from '../me/profile.js';
import { createPerson } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { openWorkspace, BOOTSTRAP_KEY, type Session, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let owner: Session;
let ada: { id: number; public_id: string };
let bob: { id: number; public_id: string };

const contact = (granted: boolean) => ({ granted, settings: { channels: ['message' as const], weeklyCap: 3, pausedUntil: null, bookingUrl: null } });

before(async () => {
  ws = await openWorkspace();
  owner = await ws.signIn('owner', 'olga@hr.test');
  const site = await createSite(ws.db, { slug: 'acme', name: 'Acme' });
  ada = await createPerson(ws.db, { siteId: site.id, email: 'ada@acme.test', fullName: 'Ada Lovelace', displayName: 'Ada', jobTitle: 'Engineer', externalId: 'E-1' });
  bob = await createPerson(ws.db, { siteId: site.id, email: 'bob@acme.test', fullName: 'Bob Ek', displayName: 'Bob', jobTitle: 'Chef' });
  // Ada decides on her page, then withdraws everything from an e-mail's link.
  await decideConsent(ws.db, ada.id, { showProfile: true, contact: contact(true) }, 'me');
  await ws.db.updateTable('sites').set({ consent_text_version: '2027-01' }).where('id', '=', site.id).execute();
  await withdrawAll(ws.db, ada.id, 'email_link');
  await decideConsent(ws.db, bob.id, { showProfile: true }, 'me');
});
after(() => ws.drop());

const record = (query: string, who: { session?: Session; key?: string } = { session: owner }) => ws.call('GET', `/v1/admin/sites/acme/consents${query}`, who);
const lastAudit = async () => (await ws.call('GET', '/v1/admin/audit?limit=1', { session: owner })).body.items[0];

describe('consent record export', () => {
  test("a person's every grant and withdrawal: purpose, when, which text version, by the employee", async () => {
    for (const ref of ['ada@acme.test', 'E-1', ada.public_id]) {
      const { status, body } = await record(`?person=${encodeURIComponent(ref)}`);
      assert.equal(status, 200, ref);
      const lines = body.items.map((e: any) => [e.purpose, e.granted, e.textVersion, e.by, e.source]);
      // The two withdrawals are one click: their order between them says nothing.
      assert.deepEqual(
        [...lines.slice(0, 2), ...lines.slice(2).sort()],
        [
          ['show_profile', true, '2026-11', 'employee', 'me'],
          ['contact', true, '2026-11', 'employee', 'me'],
          ['contact', false, '2027-01', 'employee', 'email_link'],
          ['show_profile', false, '2027-01', 'employee', 'email_link'],
        ],
        ref,
      );
      assert.deepEqual(body.items[1].details, { channels: ['message'] });
      assert.deepEqual(body.items[0].person, { id: ada.public_id, externalId: 'E-1', email: 'ada@acme.test', fullName: 'Ada Lovelace', erased: false });
      assert.ok(body.items.every((e: any) => !Number.isNaN(Date.parse(e.at))));
    }
  });

  test('the CSV has the same lines; the whole site pages by cursor', async () => {
    const csv = await record(`.csv?person=${ada.public_id}`);
    assert.match(csv.headers.get('Content-Type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('Content-Disposition') ?? '', new RegExp(`attachment; filename="hallway-consents-acme-${ada.public_id}.csv"`));
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'at,person_id,external_id,email,full_name,erased,purpose,decision,text_version,by,source,details');
    const cells = lines.slice(1).map((line) => line.split(',').slice(6, 11).join(' '));
    assert.deepEqual(
      [...cells.slice(0, 2), ...cells.slice(2).sort()],
      [
        'show_profile granted 2026-11 employee me',
        'contact granted 2026-11 employee me',
        'contact withdrawn 2027-01 employee email_link',
        'show_profile withdrawn 2027-01 employee email_link',
      ],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await record(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((e: any) => `${e.person.id} ${e.purpose}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen.map((line) => line.split(' ')[0]),
      [...Array(4).fill(ada.public_id), bob.public_id],
    );
    assert.equal((await record('.csv')).text.trimEnd().split('\r\n').length, 1 + 5);
  });

  test('each export is in the audit log, by public id, never by e-mail', async () => {
    await record('.csv?person=ada@acme.test');
    const line = await lastAudit();
    assert.deepEqual([line.action, line.site, line.target, line.details], ['consents.export', 'acme', ada.public_id, { format: 'csv', all: false }]);
    await record('');
    assert.deepEqual((await lastAudit()).details, { format: 'json', all: true });
    const everything = JSON.stringify(await ws.db.selectFrom('admin_audit').selectAll().execute());
    assert.ok(!everything.includes('acme.test'));
  });

  test('after an erasure the record stays, under the public id alone', async () => {
    const site = await createSite(ws.db, { slug: 'erased', name: 'Erased' });
    const eve = await createPerson(ws.db, { siteId: site.id, email: 'eve@erased.test', fullName: 'Eve Moss', displayName: 'Eve', jobTitle: 'Chef' });
    await decideConsent(ws.db, eve.id, { showProfile: true }, 'me');
    await eraseMyData(ws.db, eve.id, async () => undefined);
    const { body } = await ws.call('GET', `/v1/admin/sites/erased/consents?person=${eve.public_id}`, { session: owner });
    const erased = { id: eve.public_id, externalId: null, email: null, fullName: null, erased: true };
    // Erasing withdraws first: the record ends with that withdrawal.
    assert.deepEqual(
      body.items.map((e: any) => [e.person, e.purpose, e.granted]),
      [
        [erased, 'show_profile', true],
        [erased, 'show_profile', false],
      ],
    );
    assert.equal((await ws.call('GET', '/v1/admin/sites/erased/consents?person=eve@erased.test', { session: owner })).status, 404);
  });

  test('only the audit scope reads it; unknown people and sites are 404, bad queries 400', async () => {
    for (const role of ['editor', 'moderator'] as const) {
      const session = await ws.signIn(role);
      assert.equal((await record('', { session })).status, 403, role);
      assert.equal((await record('.csv', { session })).status, 403, role);
    }
    const key = await ws.call('POST', '/v1/admin/keys', { session: owner }, { json: { name: 'Compliance', scopes: ['audit'] } });
    assert.equal((await record(`?person=${ada.public_id}`, { key: key.body.secret })).status, 200);
    assert.equal((await record('?person=nobody@acme.test')).body.error.code, 'person_not_found');
    assert.equal((await ws.call('GET', '/v1/admin/sites/nope/consents', { key: BOOTSTRAP_KEY })).body.error.code, 'site_not_found');
    const bad = await record('?cursor=abc');
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'cursor']);
    assert.equal((await record('?purpose=contact')).status, 400);
  });
});

describe('audit log filters', () => {
  const actions = async (query: string) => (await ws.call('GET', `/v1/admin/audit?${query}`, { session: owner })).body.items.map((line: any) => line.action);

  test('by action or family of actions, by actor, by day; the CSV takes the same filters', async () => {
    const { secret } = (await ws.call('POST', '/v1/admin/keys', { session: owner }, { json: { name: 'HRIS Sync', scopes: ['settings'] } })).body;
    await ws.call('POST', '/v1/admin/sites', { key: secret }, { json: { slug: 'filtered', name: 'Filtered' } });
    await ws.call('PATCH', '/v1/admin/sites/filtered', { key: secret }, { json: { name: 'Filtered too' } });

    assert.deepEqual(await actions('actor=hris%20sync'), ['site.update', 'site.create']);
    assert.deepEqual(await actions('action=site.create'), ['site.create']);
    assert.deepEqual(await actions('action=site'), ['site.update', 'site.create']);
    assert.deepEqual(await actions('action=sit'), []);
    assert.ok((await actions('actor=olga@hr.test&action=key')).every((action: string) => action === 'key.create'));
    const today = new Date().toISOString().slice(0, 10);
    assert.ok((await actions(`from=${today}&to=${today}`)).length > 0);
    assert.deepEqual(await actions('to=2020-01-01'), []);
    assert.deepEqual(await actions('from=2999-01-01'), []);

    const csv = await ws.call('GET', '/v1/admin/audit.csv?action=site&actor=HRIS%20Sync', { session: owner });
    assert.deepEqual(
      csv.text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[4]),
      ['site.update', 'site.create'],
    );
  });

  test('a filter that is not one is refused with its field', async () => {
    for (const [query, field] of [
      ['action=DROP%20TABLE', 'action'],
      ['from=2026-13-45', 'from'],
      ['to=yesterday', 'to'],
      ['actor=', 'actor'],
    ] as const) {
      const answer = await ws.call('GET', `/v1/admin/audit?${query}`, { session: owner });
      assert.deepEqual([answer.status, answer.body.error.field], [400, field], query);
      assert.equal((await ws.call('GET', `/v1/admin/audit.csv?${query}`, { session: owner })).status, 400, query);
    }
  });
});
