/** The workspace's analytics: what the public routes and the contact flow count, and the admin API that reports it. */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { ContactLinks } from '../contact/links.js';
import { confirmRequest, reachPerson, settleRequest, storeSubmission } from '../contact/requests.js';
import { findLinks, listOutbox } from '../mail/index.js';
import { createPerson, recordConsent } from '../store/people.js';
import type { Site } from '../store/schema.js';
import { createSite } from '../store/sites.js';
import { openWorkspace, PUBLIC_URL, type Session, type Workspace } from '../../../tests/support/node/test-workspace.js';
import { AnalyticsCounter, analyticsCounter } from './counter.js';
import { isoWeekOf, mondayOf, mondayOfIsoWeek } from './weeks.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
let ws: Workspace;
let site: Site;
let editor: Session;
const contactLinks = new ContactLinks(PUBLIC_URL, 'contact-test-key');

before(async () => {
  ws = await openWorkspace();
  site = await createSite(ws.db, { slug: 'acme', name: 'Acme', allowedOrigins: ['https://careers.acme.test'] });
  editor = await ws.signIn('editor');
  for (const [i, jobTitle] of ['Warehouse Operator', 'Warehouse Operator', 'Accountant'].entries()) {
    const person = await createPerson(ws.db, { siteId: site.id, email: `p${i}@acme.test`, fullName: `Person ${i}`, displayName: `Person ${i}`, jobTitle });
    const consent = { personId: person.id, textVersion: 'v1', source: 'me' as const };
    await recordConsent(ws.db, { ...consent, purpose: 'show_profile', granted: true });
    await recordConsent(ws.db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
  }
});
after(() => ws.drop());

const report = (query = '') => ws.call('GET', `/v1/admin/sites/acme/analytics${query}`, { session: editor });
const week = (at: Date) => isoWeekOf(mondayOf(at));

describe('ISO weeks', () => {
  test('a date falls in its ISO week, across a year end', () => {
    assert.equal(week(new Date('2026-12-03T10:00:00Z')), '2026-W49');
    assert.equal(week(new Date('2027-01-01T10:00:00Z')), '2026-W53');
    assert.equal(week(new Date('2025-12-29T00:00:00Z')), '2026-W01');
    assert.equal(mondayOfIsoWeek('2026-W01'), '2025-12-29');
    assert.equal(mondayOfIsoWeek('2025-W53'), undefined);
  });
});

describe('public reads', () => {
  test('each first page of a list served counts for the job it matched, cached answers and 304s too; later pages do not', async () => {
    const get = (path: string, headers: Record<string, string> = {}) => ws.app.request(`/v1/sites/acme/${path}`, { headers });
    const first = await get('people?job=Warehouse%20Operator&limit=1');
    assert.equal((await first.json()).match, 'job');
    const cached = await get('people?job=Warehouse%20Operator&limit=1', { 'If-None-Match': first.headers.get('ETag')! });
    assert.equal(cached.status, 304);
    const { nextCursor } = await (await get('people?job=Warehouse%20Operator&limit=1')).json();
    await get(`people?job=Warehouse%20Operator&limit=1&cursor=${nextCursor}`);
    await get('people?job=Astronaut');
    await get('people');
    await get('testimonials?job=Accountant');

    const { body } = await report();
    assert.deepEqual(
      body.jobs.map(({ job, lists, testimonials }: { job: string; lists: number; testimonials: number }) => ({ job, lists, testimonials })),
      [
        { job: 'Warehouse Operator', lists: 3, testimonials: 0 },
        { job: '', lists: 2, testimonials: 1 },
      ],
    );
    assert.equal(body.weeks.at(-1).week, week(new Date()));
    assert.equal(body.weeks.at(-1).lists, 5);
    assert.equal(body.totals.lists, 5);
  });
});

describe('the contact funnel', () => {
  async function ask(personIndex: number, job: string, at: Date) {
    const person = await ws.db.selectFrom('people').select('public_id').where('email', '=', `p${personIndex}@acme.test`).executeTakeFirstOrThrow();
    const reach = await reachPerson(ws.db, site, person.public_id, PUBLIC_URL, at);
    assert.ok(reach.ok);
    const email = `candidate${Math.random().toString(36).slice(2)}@mail.test`;
    const body = { name: 'Casey', email, message: 'Hello?', job, consent: true as const, lang: 'en' as const, proof: undefined as never };
    const stored = await storeSubmission(ws.db, contactLinks, { site, person: reach.person, body, origin: 'https://careers.acme.test' }, at);
    assert.ok(stored.ok);
    const mail = (await listOutbox(ws.db)).find((m) => m.to === email)!;
    const token = new URL(findLinks(mail.text).find((link) => link.includes('/contact/confirm'))!).searchParams.get('token')!;
    return { token, publicId: stored.id };
  }
  const confirm = (token: string, at: Date) => confirmRequest({ db: ws.db, links: ws.links, contactLinks }, token, at);
  const settle = async (publicId: string, outcome: 'answered' | 'declined', at: Date) => {
    const { id } = await ws.db.selectFrom('contact_requests').select('id').where('public_id', '=', publicId).executeTakeFirstOrThrow();
    return settleRequest(ws.db, id, outcome, at);
  };

  test('asked, confirmed, answered and declined count in the week they happen; the median answer time is to the hour', async () => {
    const monday = new Date(`${mondayOfIsoWeek('2026-W40')}T09:00:00Z`);
    const answers = [
      [0, 30 * 60_000], // half an hour: bucket 0 → within 1 hour
      [0, 5 * HOUR + 10 * 60_000], // bucket 5 → within 6 hours
      [1, 50 * HOUR], // bucket 50 → within 51 hours
    ] as const;
    for (const [person, delay] of answers) {
      const { token, publicId } = await ask(person, 'Warehouse Operator', monday);
      await confirm(token, monday);
      assert.equal(await settle(publicId, 'answered', new Date(monday.getTime() + delay)), 'answered');
    }
    const declined = await ask(2, 'Accountant', monday);
    await confirm(declined.token, monday);
    await settle(declined.publicId, 'declined', new Date(monday.getTime() + DAY));
    // Asked but never confirmed; asked the next week and answered twice (counted once).
    await ask(2, 'Accountant', monday);
    const later = await ask(2, 'Accountant', new Date(monday.getTime() + 7 * DAY));
    await confirm(later.token, new Date(monday.getTime() + 7 * DAY));
    await settle(later.publicId, 'answered', new Date(monday.getTime() + 7 * DAY + 2 * HOUR));
    await settle(later.publicId, 'answered', new Date(monday.getTime() + 7 * DAY + 3 * HOUR));

    const { status, body } = await report('?from=2026-W40&to=2026-W41');
    assert.equal(status, 200);
    assert.equal(body.from, '2026-W40');
    assert.deepEqual(
      body.weeks.map(({ week, asked, confirmed, answered, declined, medianAnswerHours }: Record<string, unknown>) => ({
        week,
        asked,
        confirmed,
        answered,
        declined,
        medianAnswerHours,
      })),
      [
        { week: '2026-W40', asked: 5, confirmed: 4, answered: 3, declined: 1, medianAnswerHours: 6 },
        { week: '2026-W41', asked: 1, confirmed: 1, answered: 1, declined: 0, medianAnswerHours: 3 },
      ],
    );
    const accountant = body.jobs.find((job: { job: string }) => job.job === 'Accountant');
    assert.deepEqual([accountant.asked, accountant.confirmed, accountant.answered, accountant.declined], [3, 2, 1, 1]);
    assert.equal(body.totals.answered, 4);
    // Hours 0, 2, 5 and 50: the middle answers are in the hours 2 and 5; the lower one's bucket is the median.
    assert.equal(body.totals.medianAnswerHours, 3);
  });

  test('the CSV has a line per week and job, then per week, and no cell a spreadsheet would run', async () => {
    analyticsCounter(ws.db).count(site.id, '=HYPERLINK("x")', 'lists', new Date(`${mondayOfIsoWeek('2026-W41')}T12:00:00Z`));
    const csv = await ws.call('GET', '/v1/admin/sites/acme/analytics.csv?from=2026-W40&to=2026-W41', { session: editor });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('Content-Type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('Content-Disposition') ?? '', /attachment; filename="hallway-analytics-acme-2026-W40-2026-W41.csv"/);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'week,job,lists,asked,confirmed,answered,declined,testimonials,median_answer_hours');
    assert.ok(lines.includes('2026-W40,Warehouse Operator,0,3,3,3,0,0,6'));
    assert.ok(lines.includes('2026-W41,"\'=HYPERLINK(""x"")",1,0,0,0,0,0,'));
    assert.ok(lines.includes('2026-W40,(all jobs),0,5,4,3,1,0,6'));
  });
});

describe('the admin API', () => {
  test('by default the last 12 weeks, this one last; at most 104 weeks; weeks that exist, in order', async () => {
    const { body } = await report();
    assert.equal(body.weeks.length, 12);
    assert.equal(body.to, week(new Date()));
    for (const [query, field] of [
      ['?from=2024-W01&to=2026-W10', 'from'],
      ['?from=2026-W10&to=2026-W09', 'from'],
      ['?to=2026-W54', 'to'],
      ['?from=49', 'from'],
    ] as const) {
      const refused = await report(query);
      assert.equal(refused.status, 400, query);
      assert.equal(refused.body.error.code, 'invalid_query');
      assert.equal(refused.body.error.field, field);
    }
  });

  test('needs the analytics scope: an owner and an editor may read, a moderator may not; an unknown site is 404', async () => {
    const owner = await ws.signIn('owner');
    const moderator = await ws.signIn('moderator');
    assert.equal((await ws.call('GET', '/v1/admin/sites/acme/analytics', { session: owner })).status, 200);
    assert.equal((await ws.call('GET', '/v1/admin/sites/acme/analytics', { session: moderator })).status, 403);
    assert.equal((await ws.call('GET', '/v1/admin/sites/acme/analytics.csv', { session: moderator })).status, 403);
    assert.equal((await ws.call('GET', '/v1/admin/sites/acme/analytics')).status, 401);
    assert.equal((await ws.call('GET', '/v1/admin/sites/nowhere/analytics', { session: owner })).status, 404);
  });
});

describe('the counter', () => {
  test('counts a failed flush held are written by the next one', async () => {
    const counter = new AnalyticsCounter(ws.db);
    const at = new Date(`${mondayOfIsoWeek('2025-W10')}T12:00:00Z`);
    counter.count(site.id, 'Flushed later', 'lists', at);
    counter.count(999_999, 'No such site', 'lists', at); // refused by the foreign key
    await assert.rejects(counter.flush());
    await sql`insert into sites (id, slug, name) overriding system value values (999999, 'late', 'Late')`.execute(ws.db);
    counter.count(site.id, 'Flushed later', 'lists', at);
    await counter.flush();
    const rows = await ws.db
      .selectFrom('analytics_weekly')
      .select(['site_id', 'count'])
      .where('job', 'in', ['Flushed later', 'No such site'])
      .orderBy('site_id')
      .execute();
    assert.deepEqual(
      rows.map((row) => [row.site_id, Number(row.count)]),
      [
        [site.id, 2],
        [999_999, 1],
      ],
    );
  });
});
