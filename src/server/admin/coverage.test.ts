/** The workspace's overview: the site's job list, and the coverage candidates actually get for each job. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPerson, recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { BOOTSTRAP_KEY, openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;
let siteId: number;
const key = BOOTSTRAP_KEY;

before(async () => {
  ws = await openWorkspace();
  siteId = (await createSite(ws.db, { slug: 'hotel', name: 'Hotel' })).id;
  const people: [string, string, string, boolean, boolean][] = [
    // title, team, location, listed, contactable
    ['Head Chef', 'Kitchen', 'Paris', true, true],
    ['Sous Chef', 'Kitchen', 'Paris', true, false],
    ['Chef de cuisine', 'Kitchen', 'Lyon', false, false],
    ['Night Auditor', 'Front Office', 'Paris', true, true],
    ['Spa Therapist', 'Spa', 'Nice', false, false],
  ];
  for (const [i, [jobTitle, team, location, listed, contactable]] of people.entries()) {
    const { id } = await createPerson(ws.db, { siteId, email: `p${i}@hotel.test`, fullName: `Person ${i}`, displayName: `Person ${i}`, jobTitle, team, location });
    const decide = (purpose: 'show_profile' | 'contact', granted: boolean) =>
      recordConsent(ws.db, { personId: id, purpose, granted, textVersion: 'v1', source: 'me', details: granted && purpose === 'contact' ? { channels: ['email'] } : {} });
    if (listed) await decide('show_profile', true);
    if (contactable) await decide('contact', true);
  }
  await ws.db
    .updateTable('people')
    .set({ invited_at: new Date() })
    .where('site_id', '=', siteId)
    .where('email', 'in', ['p0@hotel.test', 'p2@hotel.test', 'p4@hotel.test'])
    .execute();
});
after(() => ws.drop());

const JOBS_CSV = [
  'Title,URL,Team,Location',
  'Head Chef,https://careers.hotel.test/jobs/1,Kitchen,Paris',
  'Spa Manager,https://careers.hotel.test/jobs/2,Spa,Nice',
  'Sommelier,,Kitchen,Lyon',
  'Gardener,,Grounds,Rome',
].join('\n');

describe('the job list', () => {
  test("a CSV list replaces the site's jobs, and the change is in the audit log", async () => {
    const answer = await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { key }, { csv: JOBS_CSV });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { jobs: 4, source: 'upload' });
    const overview = await ws.call('GET', '/v1/admin/sites/hotel/overview', { key });
    assert.deepEqual(
      overview.body.jobs.map((job: { title: string }) => job.title),
      ['Head Chef', 'Spa Manager', 'Sommelier', 'Gardener'],
    );
    assert.equal(overview.body.jobs[2].url, null);
    const [entry] = (await ws.call('GET', '/v1/admin/audit?limit=1', { key })).body.items;
    assert.equal(entry.action, 'jobs.replace');
    assert.equal(entry.site, 'hotel');
    assert.deepEqual(entry.details, { source: 'upload', jobs: 4 });
  });

  test('a JSON list replaces the previous one', async () => {
    const answer = await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { key }, { json: [{ title: 'Night Auditor', team: 'Front Office' }] });
    assert.equal(answer.status, 200);
    const overview = await ws.call('GET', '/v1/admin/sites/hotel/overview', { key });
    assert.deepEqual(
      overview.body.jobs.map((job: { title: string }) => job.title),
      ['Night Auditor'],
    );
    await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { key }, { csv: JOBS_CSV });
  });

  test('a bad list is refused whole, naming the line and the field; the jobs stay as they were', async () => {
    // The English message for API users; the problem's code, line and field for the workspace to say in its language.
    const cases: [{ csv?: string; json?: unknown }, RegExp, [number | undefined, string | undefined, string]][] = [
      [{ csv: 'title,url\nCook,https://careers.hotel.test/1\nWaiter,javascript:alert(1)' }, /^line 3: url: must be a web address/, [3, 'url', 'invalid_value']],
      [{ csv: 'title,salary\nCook,100' }, /^line 1: unknown column "salary"/, [1, 'salary', 'unknown_column']],
      [{ csv: 'url\nhttps://careers.hotel.test/1' }, /no "title" column/, [1, 'title', 'missing_column']],
      [{ csv: 'title,url\nCook' }, /^not valid CSV: /, [undefined, undefined, 'invalid_csv']],
      [{ json: [{ title: 'Cook' }, { title: '' }] }, /^job 2: title: /, [2, 'title', 'invalid_value']],
      [{ json: [{ title: 'Cook', salary: 100 }] }, /^job 1: salary: not a column/, [1, 'salary', 'unknown_column']],
      [{ json: { title: 'Cook' } }, /expected array/, [undefined, 'body', 'invalid_list']],
    ];
    for (const [body, message, [line, field, code]] of cases) {
      const answer = await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { key }, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.code, 'invalid_body');
      assert.match(answer.body.error.message, message);
      const { problem } = answer.body.error;
      assert.deepEqual([problem.line, problem.field, problem.code], [line, field, code], JSON.stringify(body));
    }
    const overview = await ws.call('GET', '/v1/admin/sites/hotel/overview', { key });
    assert.equal(overview.body.jobs.length, 4);
  });

  test('a moderator may not upload jobs nor read the overview; an editor may', async () => {
    const moderator = await ws.signIn('moderator');
    assert.equal((await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { session: moderator }, { csv: JOBS_CSV })).status, 403);
    assert.equal((await ws.call('GET', '/v1/admin/sites/hotel/overview', { session: moderator })).status, 403);
    const editor = await ws.signIn('editor');
    assert.equal((await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { session: editor, csrf: null }, { csv: JOBS_CSV })).status, 403, 'no CSRF header');
    assert.equal((await ws.call('PUT', '/v1/admin/sites/hotel/jobs', { session: editor }, { csv: JOBS_CSV })).status, 200);
    assert.equal((await ws.call('GET', '/v1/admin/sites/hotel/overview', { session: editor })).status, 200);
    assert.equal((await ws.call('GET', '/v1/admin/sites/nowhere/overview', { session: editor })).status, 404);
  });
});

describe('coverage', () => {
  test('each job counts the people the careers page shows in it, and says what the page falls back to', async () => {
    const { body } = await ws.call('GET', '/v1/admin/sites/hotel/overview', { key });
    const byTitle = Object.fromEntries(body.jobs.map((job: { title: string }) => [job.title, job]));
    // "Head Chef" reaches "Head Chef" and "Sous Chef" (trigram similarity), not the unlisted "Chef de cuisine".
    assert.deepEqual([byTitle['Head Chef'].listed, byTitle['Head Chef'].contactable, byTitle['Head Chef'].match], [2, 1, 'job']);
    // Nobody listed in the job, its team or its location: the page shows everyone.
    assert.deepEqual([byTitle['Spa Manager'].listed, byTitle['Spa Manager'].match], [0, 'all']);
    assert.deepEqual([byTitle['Sommelier'].listed, byTitle['Sommelier'].match], [0, 'team']);
    assert.deepEqual([byTitle['Gardener'].listed, byTitle['Gardener'].match], [0, 'all']);
  });

  test('the counts are what the public people list shows a candidate for the same job', async () => {
    const { body } = await ws.call('GET', '/v1/admin/sites/hotel/overview', { key });
    for (const job of body.jobs) {
      const page = await ws.app.request(`/v1/sites/hotel/people?${new URLSearchParams({ job: job.title, team: job.team, location: job.location, limit: '50' })}`);
      const listed = await page.json();
      assert.equal(listed.match, job.match, job.title);
      if (job.match === 'job') assert.equal(listed.items.length, job.listed, job.title);
      if (job.match === 'job') assert.equal(listed.items.filter((person: { channels: string[] }) => person.channels.length > 0).length, job.contactable, job.title);
    }
  });

  test('people by team and location, invitations sent and accepted, testimonials waiting', async () => {
    const { body } = await ws.call('GET', '/v1/admin/sites/hotel/overview', { key });
    assert.deepEqual(body.people, { total: 5, listed: 3, contactable: 2 });
    assert.deepEqual(body.teams, [
      { name: 'Kitchen', people: 3, listed: 2 },
      { name: 'Front Office', people: 1, listed: 1 },
      { name: 'Spa', people: 1, listed: 0 },
    ]);
    assert.deepEqual(body.locations[0], { name: 'Paris', people: 3, listed: 3 });
    assert.deepEqual(body.invitations, { sent: 3, accepted: 1 });
    assert.equal(body.pendingTestimonials, 0);
    assert.equal(body.jobsSource, 'upload');
  });

  test('a site without a job list has no jobs, and its people are still counted', async () => {
    await createSite(ws.db, { slug: 'empty', name: 'Empty' });
    const { status, body } = await ws.call('GET', '/v1/admin/sites/empty/overview', { key });
    assert.equal(status, 200);
    assert.deepEqual([body.jobs, body.jobsSource, body.jobsUpdatedAt, body.people.total], [[], null, null, 0]);
  });
});
