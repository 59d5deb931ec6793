/** "Invite" on a selection of people: one request, an outcome per person, an audit line per invitation. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { BULK_INVITE_MAX } from '../../sdk/admin-schemas.js';
import { createPerson, recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { openWorkspace, type Session, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let owner: Session;
const people: Record<string, string> = {};

before(async () => {
  ws = await openWorkspace();
  owner = await ws.signIn('owner');
  const site = await createSite(ws.db, { slug: 'acme', name: 'Acme' });
  for (const name of ['ada', 'ben', 'cleo', 'dan', 'eve']) {
    const person = await createPerson(ws.db, { siteId: site.id, email: `${name}@acme.test`, fullName: name, displayName: name, jobTitle: 'Engineer' });
    people[name] = person.public_id;
  }
  await ws.db.updateTable('people').set({ status: 'left' }).where('public_id', '=', people.ben!).execute();
  const cleo = await ws.db.selectFrom('people').select('id').where('public_id', '=', people.cleo!).executeTakeFirstOrThrow();
  await recordConsent(ws.db, { personId: cleo.id, purpose: 'show_profile', granted: true, textVersion: 'v1', source: 'me' });
  await ws.db
    .updateTable('people')
    .set({ invited_at: new Date(Date.now() - 3600_000) })
    .where('public_id', '=', people.dan!)
    .execute();
});
after(() => ws.drop());

const invite = (refs: string[], session = owner) => ws.call('POST', '/v1/admin/sites/acme/invitations/many', { session }, { json: { people: refs } });
const invitationMails = async () =>
  (await ws.db.selectFrom('outbox').select('to_address').where('template', '=', 'invitation').orderBy('id').execute()).map((row) => row.to_address);
const auditTargets = async () =>
  (await ws.db.selectFrom('admin_audit').select('target').where('action', '=', 'invitation.send').orderBy('id').execute()).map((row) => row.target);

test('one request invites the chosen employees and says what became of each', async () => {
  const { status, body } = await invite([people.ada!, people.ben!, people.cleo!, people.dan!, 'nobody']);
  assert.equal(status, 202);
  assert.deepEqual(body, {
    invited: 1,
    results: [
      { person: people.ada, outcome: 'invited' },
      { person: people.ben, outcome: 'left' },
      { person: people.cleo, outcome: 'already_listed' },
      { person: people.dan, outcome: 'recently_invited' },
      { person: 'nobody', outcome: 'not_found' },
    ],
  });
  assert.deepEqual(await invitationMails(), ['ada@acme.test']);
  assert.deepEqual(await auditTargets(), [people.ada], 'one audit line per invitation sent');

  const again = await invite([people.ada!]);
  assert.deepEqual(again.body.results, [{ person: people.ada, outcome: 'recently_invited' }]);
  assert.deepEqual(await invitationMails(), ['ada@acme.test']);
});

test('the invitations and their audit lines commit together, or not at all', async () => {
  await sql`create function hw_test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'the audit log is unavailable'; end $$`.execute(ws.db);
  await sql`create trigger hw_test_refuse_audit before insert on admin_audit for each row execute function hw_test_refuse_audit()`.execute(ws.db);
  try {
    assert.equal((await invite([people.eve!])).status, 500);
  } finally {
    await sql`drop trigger hw_test_refuse_audit on admin_audit`.execute(ws.db);
    await sql`drop function hw_test_refuse_audit()`.execute(ws.db);
  }
  assert.deepEqual(await invitationMails(), ['ada@acme.test'], 'no mail to Eve');
  const eve = await ws.db.selectFrom('people').select('invited_at').where('public_id', '=', people.eve!).executeTakeFirstOrThrow();
  assert.equal(eve.invited_at, null);
});

test('needs the people scope and a list of 1 to 500 people', async () => {
  const moderator = await ws.signIn('moderator');
  assert.equal((await invite([people.eve!], moderator)).status, 403);
  assert.equal((await invite([])).status, 400);
  assert.equal((await invite(Array.from({ length: BULK_INVITE_MAX + 1 }, (_, i) => `p${i}`))).status, 400);
});
