/** The people import's preview (`?preview=1`): what an import would do, with nothing written. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSite } from '../store/sites.js';
import { openWorkspace, type Session, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let editor: Session;

before(async () => {
  ws = await openWorkspace();
  editor = await ws.signIn('editor');
});
after(() => ws.drop());

const HEADER = 'email,full_name,job_title,team,external_id';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
const importInto = (site: string, file: string, query = '') => ws.call('POST', `/v1/admin/sites/${site}/people/import${query}`, { session: editor }, { csv: file });

/** Everything an import could write or log: the site's people and the audit log. */
const snapshot = async () => ({
  people: await ws.db.selectFrom('people').selectAll().orderBy('id').execute(),
  audit: await ws.db.selectFrom('admin_audit').select(['id']).orderBy('id').execute(),
});

describe('import preview', () => {
  before(async () => {
    await createSite(ws.db, { slug: 'bistro', name: 'Bistro' });
    const first = await importInto(
      'bistro',
      csv('ana@bistro.example,Ana Diaz,Cook,Kitchen,B1', 'ben@bistro.example,Ben Ott,Waiter,Floor,B2', 'cy@bistro.example,Cy Park,Chef,Kitchen,B3'),
    );
    assert.equal(first.status, 200);
  });

  test('counts and lists created, updated (old → new), unchanged and missing people, and writes nothing', async () => {
    const before = await snapshot();
    const { status, body } = await importInto(
      'bistro',
      csv('ana@bistro.example,Ana Diaz,Head Cook,Kitchen,B1', 'ben@bistro.example,Ben Ott,Waiter,Floor,B2', 'dee@bistro.example,Dee Roy,Cook,Kitchen,B4'),
      '?preview=1',
    );
    assert.equal(status, 200);
    assert.deepEqual(
      { total: body.total, created: body.created, updated: body.updated, unchanged: body.unchanged, missing: body.missing, problemCount: body.problemCount },
      { total: 3, created: 1, updated: 1, unchanged: 1, missing: 1, problemCount: 0 },
    );
    assert.deepEqual(body.rows.created, [{ line: 4, email: 'dee@bistro.example', fullName: 'Dee Roy', jobTitle: 'Cook' }]);
    const [update] = body.rows.updated;
    assert.equal(update.line, 2);
    assert.equal(update.fullName, 'Ana Diaz');
    assert.deepEqual(update.changes, [{ field: 'job_title', from: 'Cook', to: 'Head Cook' }]);
    assert.deepEqual(
      body.rows.unchanged.map((row: { line: number; fullName: string }) => [row.line, row.fullName]),
      [[3, 'Ben Ott']],
    );
    assert.deepEqual(
      body.rows.missing.map((row: { fullName: string }) => row.fullName),
      ['Cy Park'],
    );
    assert.deepEqual(await snapshot(), before, 'no person and no audit entry was written');
  });

  test('lists every problem by line and field, and still plans the rows without one', async () => {
    const { status, body } = await importInto(
      'bistro',
      csv('ana@bistro.example,Ana Diaz,Cook,Kitchen,B1', 'not-an-address,Zed,Cook,,', 'eve@bistro.example,Eve Moss,,Floor,', 'ana@bistro.example,Ana Again,Cook,,'),
      '?preview=1',
    );
    assert.equal(status, 200);
    assert.deepEqual(body.problems, [
      { line: 3, field: 'email', code: 'invalid_email', reason: 'not an e-mail address' },
      { line: 4, field: 'job_title', code: 'required', reason: 'required' },
      { line: 5, field: 'email', code: 'same_email_as_line', params: { other: 2 }, reason: 'same e-mail as line 2' },
    ]);
    assert.equal(body.problemCount, 3);
    assert.equal(body.unchanged, 1, 'line 2 is planned');
  });

  test('a file that cannot be read is previewed as its problems', async () => {
    const { status, body } = await importInto('bistro', 'email,full_name\nx@bistro.example,X', '?preview=1');
    assert.equal(status, 200);
    assert.equal(body.total, 0);
    assert.deepEqual(body.problems, [{ line: 1, field: 'job_title', code: 'missing_column', reason: 'missing required column' }]);
  });

  test('the import itself, after a preview, does what the preview said and is written to the audit log', async () => {
    const file = csv('ana@bistro.example,Ana Diaz,Cook,Kitchen,B1', 'ben@bistro.example,Ben Ott,Head Waiter,Floor,B2', 'fay@bistro.example,Fay Lim,Cook,,B5');
    const { body: preview } = await importInto('bistro', file, '?preview=1');
    const { status, body: report } = await importInto('bistro', file);
    assert.equal(status, 200);
    assert.deepEqual([report.created, report.updated, report.unchanged], [preview.created, preview.updated, preview.unchanged]);
    const last = await ws.db.selectFrom('admin_audit').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(last.action, 'people.import');
  });

  test('only a role with the people scope may preview', async () => {
    const moderator = await ws.signIn('moderator');
    const { status } = await ws.call('POST', '/v1/admin/sites/bistro/people/import?preview=1', { session: moderator }, { csv: csv() });
    assert.equal(status, 403);
  });
});
