/**
 * The SDK's admin client, which the CLI speaks through, against the real admin routes: answers come
 * back checked against the contract, and every failure as one of the SDK's typed errors.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { ImportRefusedError, JobListRefusedError, createAdminClient, type AdminClient } from '../sdk/admin-client.js';
import { HttpError, NetworkError, SchemaError } from '../sdk/errors.js';
import { ensureAdminKey } from '../server/admin/keys.js';
import { adminRoutes } from '../server/admin/routes.js';
import { Links } from '../server/auth/links.js';
import type { Db } from '../server/store/database.js';
import { createPerson } from '../server/store/people.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';

const KEY = 'admin-client-test-key-0123456789';

let db: Db;
let drop: () => Promise<void>;
const servers: Server[] = [];
let admin: AdminClient;

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, KEY);
  const app = new Hono().route('/v1/admin', adminRoutes({ db, links: new Links('https://hallway.test', 'secret') }));
  admin = createAdminClient({ baseUrl: await listen(app.fetch), key: KEY });
});

after(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await drop();
});

test('accounts, keys and the audit log, as the contract says; people found by q', async () => {
  const user = await admin.users.create({ email: 'hr@acme.example', role: 'moderator' });
  assert.deepEqual((await admin.users.update(user.id, { role: 'editor' })).role, 'editor');
  assert.ok((await admin.users.list()).items.some((item) => item.id === user.id));
  await admin.users.remove(user.id);
  const { key, secret } = await admin.keys.create({ name: 'Reports', scopes: ['audit'] });
  const reports = createAdminClient({ baseUrl: admin.baseUrl, key: secret });
  const page = await reports.audit({ limit: 1 });
  assert.equal(page.items.length, 1);
  assert.equal(page.items[0]!.action, 'key.create');
  assert.match(await reports.auditCsv(), /^at,actor_kind,actor_id,actor,action,site,target,details\r\n.*,key\.create,/s);
  await assert.rejects(reports.sites.create({ slug: 'nope', name: 'Nope' }), { name: 'HttpError', status: 403, code: 'forbidden' });
  assert.ok((await admin.keys.revoke(key.id)).revokedAt);
  assert.deepEqual(
    (await admin.keys.list()).items.map((item) => item.name),
    ['Reports'],
  );
  // A key has no workspace session.
  await assert.rejects(admin.session.get(), { name: 'HttpError', status: 401, code: 'unauthorized' });
});

test('a site, an import and every page of people, as the contract says', async () => {
  const site = await admin.sites.create({ slug: 'acme', name: ' Acme ', allowedOrigins: ['https://careers.acme.example'] });
  assert.equal(site.name, 'Acme');
  assert.equal(site.defaultLang, 'en');
  assert.deepEqual(
    (await admin.sites.list()).items.map((s) => [s.slug, s.allowedOrigins]),
    [['acme', ['https://careers.acme.example']]],
  );
  const csv = 'email,full_name,job_title,external_id\na@acme.example,Ann Lee,Driver,E1\nb@acme.example,Bo Ek,Driver,E2\nc@acme.example,Cy Ma,Chef,E3\n';
  assert.deepEqual(await admin.people.import('acme', { type: 'text/csv', body: csv }), { created: 3, updated: 0, unchanged: 0, total: 3, emailChanged: 0 });

  const emails: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await admin.people.list('acme', { limit: 2, ...(cursor && { cursor }) });
    emails.push(...page.items.map((person) => person.email));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  assert.deepEqual(emails, ['a@acme.example', 'b@acme.example', 'c@acme.example']);

  const { person, alumniInvited } = await admin.people.setStatus('acme', 'E2', { status: 'left' });
  assert.equal(person.status, 'left');
  assert.equal(alumniInvited, false);
  assert.deepEqual(
    (await admin.people.list('acme', { status: 'left' })).items.map((p) => p.externalId),
    ['E2'],
  );
});

test('a refused import: ImportRefusedError with the first 100 problems and how many there are', async () => {
  const rows = Array.from({ length: 120 }, (_, index) => `not-an-email-${index},X,Driver`);
  const error = await admin.people.import('acme', { type: 'text/csv', body: `email,full_name,job_title\n${rows.join('\n')}\n` }).catch((caught: unknown) => caught);
  assert.ok(error instanceof ImportRefusedError, String(error));
  assert.ok(error instanceof HttpError);
  assert.equal(error.status, 422);
  assert.equal(error.code, 'invalid_import');
  assert.equal(error.problems.length, 100);
  assert.equal(error.problemCount, 120);
  assert.deepEqual(error.problems[0], { line: 2, field: 'email', code: 'invalid_email', reason: 'not an e-mail address' });
});

test('previewImport answers what the import would do, as the contract says, and imports nothing', async () => {
  const csv = 'email,full_name,job_title,external_id\na@acme.example,Ann Lee,Head Driver,E1\nd@acme.example,Di Wu,Chef,E4\nbad,X,Chef,\n';
  const preview = await admin.previewImport('acme', { type: 'text/csv', body: csv });
  assert.deepEqual([preview.created, preview.updated, preview.unchanged, preview.problemCount], [1, 1, 0, 1]);
  assert.deepEqual(preview.rows.updated[0]?.changes, [{ field: 'job_title', from: 'Driver', to: 'Head Driver' }]);
  assert.deepEqual(preview.problems, [{ line: 4, field: 'email', code: 'invalid_email', reason: 'not an e-mail address' }]);
  assert.deepEqual((await admin.people.list('acme', { q: 'Di Wu' })).items, []);
});

test("the server's refusals: HttpError with its code and message", async () => {
  await assert.rejects(admin.invite('acme', { person: 'nobody' }), { name: 'HttpError', status: 404, code: 'person_not_found' });
  await admin.invite('acme', { person: 'E1' });
  await assert.rejects(admin.invite('acme', { person: 'E1' }), (error: HttpError) => error.code === 'invite_cooldown' && /allowed again at/.test(error.message));
  await assert.rejects(admin.testimonials.approve('acme', 'nope'), { status: 404, code: 'not_found' });
  const stranger = createAdminClient({ baseUrl: admin.baseUrl, key: 'not-the-key-0123456789' });
  await assert.rejects(stranger.sites.list(), { name: 'HttpError', status: 401, code: 'unauthorized', message: 'An admin key or a workspace session is required.' });
});

test('a server that is not a Hallway server: SchemaError for answers off the contract, HttpError http_<status> for bare errors', async () => {
  const impostor = await listen((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/v1/admin/sites') return Response.json({ items: [{ slug: 'acme' }] });
    if (path === '/v1/admin/sites/acme/testimonials') return new Response('<h1>Welcome</h1>', { headers: { 'Content-Type': 'text/html' } });
    return new Response('Not here', { status: 404 });
  });
  const client = createAdminClient({ baseUrl: impostor, key: KEY });
  const offContract = await client.sites.list().catch((caught: unknown) => caught);
  assert.ok(offContract instanceof SchemaError, String(offContract));
  assert.ok(
    offContract.issues.some((issue) => issue.path.join('.') === 'items.0.name'),
    offContract.message,
  );
  await assert.rejects(client.testimonials.list('acme'), (error) => error instanceof SchemaError && /not JSON/.test(error.message));
  await assert.rejects(client.people.list('acme'), { name: 'HttpError', status: 404, code: 'http_404' });
});

test('nobody listening: NetworkError, the connection error as its cause', async () => {
  const closed = createServer().listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const error = await createAdminClient({ baseUrl: url, key: KEY })
    .sites.list()
    .catch((caught: unknown) => caught);
  assert.ok(error instanceof NetworkError, String(error));
  assert.equal((error.cause as { cause?: { code?: string } }).cause?.code, 'ECONNREFUSED');
});

test('people.list with q finds people by any word of their name, e-mail, title, team or location', async () => {
  const found = await admin.people.list('acme', { q: 'CHEF' });
  assert.deepEqual(
    found.items.map((person) => person.fullName),
    ['Cy Ma'],
  );
});

test('the audit log by filters, and a consent record, as the contract says', async () => {
  await admin.sites.create({ slug: 'records', name: 'Records' });
  await admin.people.import('records', { type: 'text/csv', body: 'email,full_name,job_title\nrae@records.example,Rae Mo,Chef\n' });
  const page = await admin.audit({ action: 'people', limit: 1 });
  assert.deepEqual(
    page.items.map((item) => [item.action, item.site]),
    [['people.import', 'records']],
  );
  assert.ok(page.nextCursor, 'the other imports are on the next pages');
  assert.match(await admin.auditCsv({ action: 'site.create' }), /^at,.*\r\n[^\r\n]*,site\.create,records,/s);
  assert.deepEqual(await admin.consents('records', { person: 'rae@records.example' }), { items: [], nextCursor: null });
  assert.match(await admin.consentsCsv('records'), /^at,person_id,external_id,email,full_name,erased,purpose,decision,text_version,by,source,details\r\n$/);
  await assert.rejects(admin.consents('records', { person: 'nobody@records.example' }), { name: 'HttpError', status: 404, code: 'person_not_found' });
});

test('analytics: the report and its CSV, by ISO weeks, with a key of the analytics scope', async () => {
  const { secret } = await admin.keys.create({ name: 'Analytics', scopes: ['analytics'] });
  const analytics = createAdminClient({ baseUrl: admin.baseUrl, key: secret });
  const report = await analytics.analytics.report('acme', { from: '2026-W01', to: '2026-W04' });
  assert.deepEqual(
    report.weeks.map((week) => week.week),
    ['2026-W01', '2026-W02', '2026-W03', '2026-W04'],
  );
  assert.deepEqual(report.totals, { lists: 0, asked: 0, confirmed: 0, answered: 0, declined: 0, testimonials: 0, medianAnswerHours: null });
  assert.match(await analytics.analytics.csv('acme', { from: '2026-W01', to: '2026-W01' }), /^week,job,lists,.*\r\n2026-W01,\(all jobs\),0,/s);
  assert.equal(analytics.analytics.csvUrl('acme', { from: '2026-W01' }), `${admin.baseUrl}/v1/admin/sites/acme/analytics.csv?from=2026-W01`);
  await assert.rejects(analytics.analytics.report('acme', { from: 'W1' }), { name: 'HttpError', status: 400, code: 'invalid_query' });
  await assert.rejects(analytics.people.list('acme'), { name: 'HttpError', status: 403, code: 'forbidden' });
});

test('the job list and the overview, as the contract says', async () => {
  await admin.sites.create({ slug: 'jobs-site', name: 'Jobs' });
  const csv = 'title,url,team\nHead Chef,https://careers.jobs.example/1,Kitchen\nSommelier,,Kitchen';
  assert.deepEqual(await admin.replaceJobs('jobs-site', { type: 'text/csv', body: csv }), { jobs: 2, source: 'upload' });
  const overview = await admin.overview('jobs-site');
  assert.deepEqual(
    overview.jobs.map((job) => [job.title, job.url, job.listed, job.match]),
    [
      ['Head Chef', 'https://careers.jobs.example/1', 0, 'all'],
      ['Sommelier', null, 0, 'all'],
    ],
  );
  const json = JSON.stringify([{ title: 'Cook', url: 'ftp://jobs.example/1' }]);
  await assert.rejects(admin.replaceJobs('jobs-site', { type: 'application/json', body: json }), (error: JobListRefusedError) => {
    assert.ok(error instanceof JobListRefusedError);
    assert.deepEqual([error.name, error.status, error.code, error.field], ['HttpError', 400, 'invalid_body', 'url']);
    assert.deepEqual([error.problem.line, error.problem.field, error.problem.code], [1, 'url', 'invalid_value']);
    return true;
  });
});

test('safety: blocks, held questions and the site filter, as the contract says', async () => {
  const site = await admin.sites.create({ slug: 'safe-site', name: 'Safe', holdLinks: true, heldWords: ['crypto'] });
  assert.deepEqual([site.holdLinks, site.holdPhones, site.heldWords], [true, false, ['crypto']]);
  assert.deepEqual(await admin.safety.overview('safe-site'), { reports: [], held: [], blocks: [] });
  await admin.safety.block('safe-site', { domain: 'spam-corp.example' });
  const [block] = (await admin.safety.overview('safe-site')).blocks;
  assert.deepEqual([block?.kind, block?.domain, block?.source], ['domain', 'spam-corp.example', 'moderator']);
  await admin.safety.unblock('safe-site', block!.id);
  assert.deepEqual((await admin.safety.overview('safe-site')).blocks, []);
  await assert.rejects(admin.safety.block('safe-site', { domain: 'gmail.com' }), { name: 'HttpError', status: 422, code: 'invalid_body', field: 'domain' });
  await assert.rejects(admin.safety.release('safe-site', 'nope'), { name: 'HttpError', status: 404, code: 'not_found' });
});

test('published answers: the moderation list, approve and reject, as the contract says', async () => {
  const site = await admin.sites.create({ slug: 'answers-site', name: 'Answers' });
  const { id: siteId } = await db.selectFrom('sites').select('id').where('slug', '=', site.slug).executeTakeFirstOrThrow();
  const person = await createPerson(db, { siteId, email: 'ada@answers.example', fullName: 'Ada Lovelace', displayName: 'Ada', jobTitle: 'Engineer' });
  await db
    .insertInto('published_answers')
    .values({ public_id: 'pa1', person_id: person.id, question: 'A day?', answer: 'Busy.', lang: 'en', candidate: 'agreed' })
    .execute();
  const { items } = await admin.answers.list('answers-site');
  assert.deepEqual(
    items.map((item) => [item.id, item.employee, item.question, item.candidate, item.moderation]),
    [['pa1', 'Ada Lovelace', 'A day?', 'agreed', 'pending']],
  );
  assert.equal((await admin.answers.approve('answers-site', 'pa1')).answer.moderation, 'approved');
  assert.equal((await admin.answers.reject('answers-site', 'pa1')).answer.moderation, 'rejected');
  await assert.rejects(admin.answers.approve('answers-site', 'nope'), { status: 404, code: 'not_found' });
  const audit = await admin.audit({ action: 'answer' });
  assert.deepEqual(
    audit.items.map((entry) => [entry.action, entry.target]),
    [
      ['answer.reject', 'pa1'],
      ['answer.approve', 'pa1'],
    ],
  );
});
