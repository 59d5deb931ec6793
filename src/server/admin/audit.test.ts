/** The audit log (append-only, written by every admin write), API keys, and the workspace's people search. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createSite } from '../store/sites.js';
import { openWorkspace, BOOTSTRAP_KEY, type Session, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let owner: Session;

before(async () => {
  ws = await openWorkspace();
  owner = await ws.signIn('owner', 'olga@hr.test');
});
after(() => ws.drop());

const newKey = async (name: string, scopes: string[]) => {
  const { status, body } = await ws.call('POST', '/v1/admin/keys', { session: owner }, { json: { name, scopes } });
  assert.equal(status, 201);
  return body as { key: { id: string; prefix: string; createdBy: string | null }; secret: string };
};
const auditLines = async () => (await ws.call('GET', '/v1/admin/audit?limit=500', { session: owner })).body.items as any[];

describe('API keys', () => {
  test('a key is shown once as hw_live_…, stored only as its SHA-256, listed by its prefix, and revocable', async () => {
    const { key, secret } = await newKey('Nightly import', ['people']);
    assert.match(secret, /^hw_live_[A-Za-z0-9_-]{43}$/);
    assert.ok(secret.startsWith(key.prefix));
    assert.equal(key.createdBy, 'olga@hr.test');
    const stored = await ws.db.selectFrom('admin_api_keys').selectAll().where('public_id', '=', key.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(secret.slice(key.prefix.length)), 'the secret is not stored');
    const listed = await ws.call('GET', '/v1/admin/keys', { session: owner });
    assert.ok(!listed.text.includes(secret));
    assert.equal((await ws.call('GET', '/v1/admin/sites', { key: secret })).status, 200);
    const revoked = await ws.call('DELETE', `/v1/admin/keys/${key.id}`, { session: owner });
    assert.ok(revoked.body.revokedAt);
    assert.equal((await ws.call('GET', '/v1/admin/sites', { key: secret })).status, 401);
  });

  test('last use is noted, at most once a minute', async () => {
    const { key, secret } = await newKey('Reporting', ['audit']);
    const lastUsed = async () => (await ws.call('GET', '/v1/admin/keys', { session: owner })).body.items.find((k: { id: string }) => k.id === key.id).lastUsedAt;
    assert.equal(await lastUsed(), null);
    await ws.call('GET', '/v1/admin/audit', { key: secret });
    const first = await lastUsed();
    assert.ok(first);
    await ws.call('GET', '/v1/admin/audit', { key: secret });
    assert.equal(await lastUsed(), first);
    await ws.db
      .updateTable('admin_api_keys')
      .set({ last_used_at: new Date(Date.now() - 61_000) })
      .where('public_id', '=', key.id)
      .execute();
    await ws.call('GET', '/v1/admin/audit', { key: secret });
    assert.ok(new Date(await lastUsed()) > new Date(first));
  });
});

describe('audit log', () => {
  test('every write is a line: who (account, key, bootstrap), what, on which site and whom; never an employee e-mail', async () => {
    const { secret } = await newKey('HRIS sync', ['people', 'settings']);
    await ws.call('POST', '/v1/admin/sites', { key: BOOTSTRAP_KEY }, { json: { slug: 'audited', name: 'Audited' } });
    const csv = 'email,full_name,job_title\nzoe.martin@audited.test,Zoé Martin,Chef\n';
    await ws.call('POST', '/v1/admin/sites/audited/people/import', { key: secret }, { csv });
    await ws.call('POST', '/v1/admin/sites/audited/invitations', { session: owner }, { json: { person: 'zoe.martin@audited.test' } });
    await ws.call('POST', '/v1/admin/sites/audited/people/zoe.martin@audited.test/status', { session: owner }, { json: { status: 'left' } });
    const person = await ws.db.selectFrom('people').select('public_id').where('email', '=', 'zoe.martin@audited.test').executeTakeFirstOrThrow();

    const lines = (await auditLines()).filter((line) => line.site === 'audited');
    const summary = lines.map((line) => [line.actor.kind, line.actor.label, line.action, line.target]).reverse();
    assert.deepEqual(summary, [
      ['bootstrap', 'bootstrap key', 'site.create', null],
      ['key', 'HRIS sync', 'people.import', null],
      ['user', 'olga@hr.test', 'invitation.send', person.public_id],
      ['user', 'olga@hr.test', 'person.status', person.public_id],
    ]);
    assert.deepEqual(lines.find((line) => line.action === 'people.import').details, { created: 1, updated: 0, unchanged: 0, total: 1, emailChanged: 0 });
    const everything = JSON.stringify(await ws.db.selectFrom('admin_audit').selectAll().execute());
    assert.ok(!everything.includes('audited.test'), 'no employee e-mail in the log');
  });

  test('sign-ins, accounts and keys are in it too', async () => {
    const created = await ws.call('POST', '/v1/admin/users', { session: owner }, { json: { email: 'newbie@hr.test', role: 'moderator' } });
    const { key } = await newKey('Throwaway', ['audit']);
    await ws.call('DELETE', `/v1/admin/keys/${key.id}`, { session: owner });
    const actions = (await auditLines()).map((line) => `${line.action} ${line.target ?? ''}`.trim());
    for (const action of ['session.sign_in', `user.create ${created.body.id}`, `key.create ${key.id}`, `key.revoke ${key.id}`]) {
      assert.ok(actions.includes(action), action);
    }
  });

  test('pages go newest first and follow each other by cursor', async () => {
    const all = await auditLines();
    assert.ok(all.length >= 5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ws.call('GET', `/v1/admin/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { session: owner });
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((line: { id: string }) => line.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.map((line) => line.id),
    );
    const bad = await ws.call('GET', '/v1/admin/audit?cursor=abc', { session: owner });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'cursor']);
  });

  test('the CSV export has every line, and no cell a spreadsheet would run as a formula', async () => {
    const { secret } = await newKey('=HYPERLINK("https://evil.test")', ['settings']);
    await ws.call('POST', '/v1/admin/sites', { key: secret }, { json: { slug: 'csv-site', name: 'CSV' } });
    const response = await ws.call('GET', '/v1/admin/audit.csv', { session: owner });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('Content-Disposition') ?? '', /attachment; filename="hallway-audit.csv"/);
    const lines = response.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'at,actor_kind,actor_id,actor,action,site,target,details');
    assert.equal(lines.length - 1, (await auditLines()).length);
    assert.match(lines[1]!, /^[^,]+,key,[^,]+,"'=HYPERLINK\(""https:\/\/evil.test""\)",site.create,csv-site,,/);
  });

  test('the database refuses to change or remove a line', async () => {
    await assert.rejects(ws.db.updateTable('admin_audit').set({ action: 'forged' }).execute(), /append-only/);
    await assert.rejects(ws.db.deleteFrom('admin_audit').execute(), /append-only/);
    assert.ok((await auditLines()).length > 0);
  });
});

describe('people search', () => {
  test('q finds words in the name, e-mail, title, team and location, whatever their case and accents', async () => {
    await createSite(ws.db, { slug: 'search', name: 'Search' });
    const csv = [
      'email,full_name,job_title,team,location',
      'helene.dubois@search.test,Hélène Dubois,Réceptionniste,Front Office,Lyon',
      'sam.okafor@search.test,Sam Okafor,Head Chef,Kitchen,London',
      'ann.lee@search.test,Ann Lee,Revenue Manager,Finance,Paris 100%',
    ].join('\n');
    await ws.call('POST', '/v1/admin/sites/search/people/import', { session: owner }, { csv });
    const search = async (q: string) =>
      (await ws.call('GET', `/v1/admin/sites/search/people?q=${encodeURIComponent(q)}`, { session: owner })).body.items
        .map((p: { fullName: string }) => p.fullName)
        .sort();
    assert.deepEqual(await search('helene'), ['Hélène Dubois']);
    assert.deepEqual(await search('RECEPTION lyon'), ['Hélène Dubois']);
    assert.deepEqual(await search('kitchen'), ['Sam Okafor']);
    assert.deepEqual(await search('okafor@search'), ['Sam Okafor']);
    assert.deepEqual(await search('london chef'), ['Sam Okafor']);
    assert.deepEqual(await search('london finance'), []);
    assert.deepEqual(await search('100%'), ['Ann Lee']);
    assert.deepEqual(await search('%'), ['Ann Lee'], 'a % is a character, not a wildcard');
    assert.deepEqual(await search('   '), ['Ann Lee', 'Hélène Dubois', 'Sam Okafor']);
  });
});

describe('audit rows commit with their change', () => {
  test('when the audit row cannot be written, the change it records is not made either', async () => {
    const site = await createSite(ws.db, { slug: 'atomic', name: 'Atomic' });
    const person = await ws.db
      .insertInto('people')
      .values({
        public_id: 'atomic-ada',
        site_id: site.id,
        email: 'ada@atomic.test',
        full_name: 'Ada',
        display_name: 'Ada',
        job_title: 'Engineer',
        languages: [],
        status: 'employee',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(ws.db)).rows[0]!.n);
    const counts = async () => ({
      keys: await count('admin_api_keys'),
      users: await count('admin_users'),
      jobs: await count('site_jobs'),
      outbox: await count('outbox'),
    });
    const before = await counts();
    await sql`create function hw_test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'the audit log is unavailable'; end $$`.execute(ws.db);
    await sql`create trigger hw_test_refuse_audit before insert on admin_audit for each row execute function hw_test_refuse_audit()`.execute(ws.db);
    try {
      const writes: [string, string, { json?: unknown; csv?: string }][] = [
        ['PATCH', '/v1/admin/sites/atomic', { json: { name: 'Renamed' } }],
        ['POST', '/v1/admin/keys', { json: { name: 'Lost key', scopes: ['people'] } }],
        ['POST', '/v1/admin/users', { json: { email: 'lost@hr.test', role: 'editor' } }],
        ['POST', '/v1/admin/sites/atomic/invitations', { json: { person: 'atomic-ada' } }],
        ['POST', '/v1/admin/sites/atomic/people/atomic-ada/status', { json: { status: 'left', inviteAlumni: true } }],
        ['PUT', '/v1/admin/sites/atomic/jobs', { json: [{ title: 'Engineer' }] }],
      ];
      for (const [method, path, body] of writes) assert.equal((await ws.call(method, path, { session: owner }, body)).status, 500, `${method} ${path}`);
    } finally {
      await sql`drop trigger hw_test_refuse_audit on admin_audit`.execute(ws.db);
      await sql`drop function hw_test_refuse_audit()`.execute(ws.db);
    }
    assert.deepEqual(await counts(), before, 'no key, account, job or mail');
    const after = await ws.db.selectFrom('people').select(['status', 'invited_at']).where('id', '=', person.id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { status: 'employee', invited_at: null });
    assert.equal((await ws.db.selectFrom('sites').select('name').where('id', '=', site.id).executeTakeFirstOrThrow()).name, 'Atomic');
  });
});
