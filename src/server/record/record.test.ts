import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MyProfile, REPLY_TIME_MIN_ANSWERS } from '../../sdk/me-schemas.js';
import { PATH_MAX_STEPS, PeopleList, type PathStep } from '../../sdk/schemas.js';
import { TESTIMONIAL_LIMITS } from '../../sdk/testimonial-schemas.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { hashToken } from '../auth/tokens.js';
import { settleRequest } from '../contact/requests.js';
import { refreshReplyTimes } from './reply-time.js';
import type { Db } from '../store/database.js';
import { createPerson, newPublicId, recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { signIn as signInAs } from '../../../tests/support/node/sign-in.js';

const PUBLIC_URL = 'https://hallway.test';
const ORIGIN = { Origin: PUBLIC_URL };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let siteId: number;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret'), devOutbox: true });
  siteId = (await createSite(db, { slug: 'acme', name: 'Acme Logistics' })).id;
});
after(() => drop());

let counter = 0;
/** A listed employee who takes messages. */
async function newEmployee() {
  counter++;
  const person = await createPerson(db, {
    siteId,
    email: `p${counter}@acme.example`,
    fullName: `Person ${counter}`,
    displayName: `Person ${counter}`,
    jobTitle: 'Dispatcher',
  });
  for (const purpose of ['show_profile', 'contact'] as const) {
    await recordConsent(db, {
      personId: person.id,
      purpose,
      granted: true,
      textVersion: '1',
      source: 'me',
      details: purpose === 'contact' ? { channels: ['message'] } : {},
    });
  }
  return person;
}

/** A question the candidate confirmed `hoursAgo` hours before `now`, as the relay leaves it; its id. */
async function forwarded(personId: number, confirmedAt: Date, extra: { status?: 'confirmed' | 'declined'; thanked?: boolean; job?: string } = {}) {
  const row = await db
    .insertInto('contact_requests')
    .values({
      public_id: newPublicId(),
      site_id: siteId,
      person_id: personId,
      candidate_name: 'Cand Idate',
      candidate_email: 'candidate@example.com',
      message: 'What is a day like?',
      job: extra.job ?? 'Dispatcher',
      lang: 'en',
      page_origin: 'https://careers.acme.example',
      confirm_token_hash: hashToken(newPublicId()),
      confirm_expires_at: new Date(confirmedAt.getTime() + DAY),
      created_at: new Date(confirmedAt.getTime() - HOUR),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('contact_requests')
    .set({ status: extra.status ?? 'confirmed', confirmed_at: confirmedAt, ...(extra.status === 'declined' ? { declined_at: confirmedAt } : {}) })
    .where('id', '=', row.id)
    .execute();
  if (extra.thanked) await db.updateTable('contact_requests').set({ thanked_at: confirmedAt }).where('id', '=', row.id).execute();
  return row.id;
}

/** The person answers ("I answered") `hours` after the question reached them, at `at`. */
async function answered(personId: number, hours: number, at = new Date()) {
  const id = await forwarded(personId, new Date(at.getTime() - hours * HOUR));
  assert.equal(await settleRequest(db, id, 'answered', at), 'answered');
}

const signIn = (personId: number) => signInAs(app, db, personId, ORIGIN);

async function call(cookie: string, method: string, path: string, json?: unknown) {
  return app.request(path, {
    method,
    headers: { Cookie: cookie, ...ORIGIN, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
}

const saveDetails = (cookie: string, details: { path: unknown; showReplyTime: boolean }) => call(cookie, 'PUT', '/v1/me/details', details);

async function publicCard(publicId: string) {
  const list = PeopleList.parse(await (await app.request('/v1/sites/acme/people?limit=50')).json());
  const card = list.items.find((person) => person.id === publicId);
  assert.ok(card, 'listed');
  return card;
}

describe('reply time', () => {
  test(`shows only from ${REPLY_TIME_MIN_ANSWERS} answers, as their median rounded up to whole days`, async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    assert.equal((await saveDetails(cookie, { path: [], showReplyTime: true })).status, 200);

    await answered(person.id, 10);
    await answered(person.id, 50);
    assert.equal((await publicCard(person.public_id)).replyDays, undefined, 'two answers are not enough');

    await answered(person.id, 30);
    assert.equal((await publicCard(person.public_id)).replyDays, 2, 'median 30 h: within 2 days');

    await answered(person.id, 2);
    await answered(person.id, 3);
    assert.equal((await publicCard(person.public_id)).replyDays, 1, 'median 10 h: within a day');
  });

  test('counts the last 90 days only: older answers drop out with the next answer', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await saveDetails(cookie, { path: [], showReplyTime: true });
    const longAgo = new Date(Date.now() - 100 * DAY);
    for (const hours of [100, 110, 120]) await answered(person.id, hours, longAgo);
    assert.equal((await publicCard(person.public_id)).replyDays, 5, 'as it was then');

    for (const hours of [1, 2]) await answered(person.id, hours);
    assert.equal((await publicCard(person.public_id)).replyDays, undefined, 'two answers in 90 days');
    await answered(person.id, 30);
    assert.equal((await publicCard(person.public_id)).replyDays, 1, 'median of 1, 2, 30 h');
  });

  test('is gone once its answers are older than 90 days, at the daily refresh', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await saveDetails(cookie, { path: [], showReplyTime: true });
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
    for (const hours of [20, 30, 40]) await answered(person.id, hours, daysAgo(95));
    await refreshReplyTimes(db, daysAgo(10));
    assert.equal((await publicCard(person.public_id)).replyDays, 2, '85 days old: still counted');
    await refreshReplyTimes(db);
    assert.equal((await publicCard(person.public_id)).replyDays, undefined, '95 days old: no longer');
  });

  test('stays private until the person allows it, and again once they stop', async () => {
    const person = await newEmployee();
    for (const hours of [20, 40, 60]) await answered(person.id, hours);
    const cookie = await signIn(person.id);
    const me = MyProfile.parse(await (await call(cookie, 'GET', '/v1/me')).json());
    assert.deepEqual(me.details, { path: [], showReplyTime: false, replyDays: 2 }, 'off by default; the person sees what candidates would read');
    assert.equal((await publicCard(person.public_id)).replyDays, undefined);
    assert.equal(me.preview.replyDays, undefined, 'the preview is the card candidates see');

    const allowed = MyProfile.parse(await (await saveDetails(cookie, { path: [], showReplyTime: true })).json());
    assert.equal(allowed.preview.replyDays, 2);
    assert.equal((await publicCard(person.public_id)).replyDays, 2);

    await saveDetails(cookie, { path: [], showReplyTime: false });
    assert.equal((await publicCard(person.public_id)).replyDays, undefined);
  });
});

describe('my path here', () => {
  const step = (role: string, fromYear: number, toYear: number | null = null): PathStep => ({ role, fromYear, toYear });

  test('is saved in order and shown on the public card; an empty path shows none', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const path = [step('Warehouse Operative', 2015, 2018), step('Team Lead', 2018, 2021), step('Dispatcher', 2021)];
    const response = await saveDetails(cookie, { path, showReplyTime: false });
    assert.equal(response.status, 200);
    assert.deepEqual(MyProfile.parse(await response.json()).details?.path, path);
    assert.deepEqual((await publicCard(person.public_id)).path, path);

    await saveDetails(cookie, { path: [], showReplyTime: false });
    assert.equal((await publicCard(person.public_id)).path, undefined);
  });

  test('is refused beyond its limits, and nothing of it is saved', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const refused = [
      ['too many roles', Array.from({ length: PATH_MAX_STEPS + 1 }, (_, i) => step(`Role ${i}`, 2000 + i))],
      ['a role too long', [step('x'.repeat(TESTIMONIAL_LIMITS.role + 1), 2020)]],
      ['an empty role', [step('   ', 2020)]],
      ['ending before it starts', [step('Dispatcher', 2020, 2019)]],
      ['a year out of range', [step('Dispatcher', TESTIMONIAL_LIMITS.firstYear - 1)]],
      ['a year that is no integer', [step('Dispatcher', 2020.5)]],
    ] as const;
    for (const [why, path] of refused) {
      const response = await saveDetails(cookie, { path, showReplyTime: true });
      assert.equal(response.status, 400, why);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_body', why);
    }
    const most = Array.from({ length: PATH_MAX_STEPS }, (_, i) => step(`Role ${i}`, 2000 + i, 2001 + i));
    assert.equal((await saveDetails(cookie, { path: most, showReplyTime: false })).status, 200, `${PATH_MAX_STEPS} roles are fine`);
    const me = MyProfile.parse(await (await call(cookie, 'GET', '/v1/me')).json());
    assert.equal(me.details?.path.length, PATH_MAX_STEPS);
  });

  test('only the signed-in person changes it, from the Hallway pages', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const body = JSON.stringify({ path: [step('Dispatcher', 2020)], showReplyTime: true });
    const anonymous = await app.request('/v1/me/details', { method: 'PUT', headers: { ...ORIGIN, 'Content-Type': 'application/json' }, body });
    assert.equal(anonymous.status, 401);
    const foreign = await app.request('/v1/me/details', {
      method: 'PUT',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body,
    });
    assert.equal(foreign.status, 403);
    assert.equal((await publicCard(person.public_id)).path, undefined);
  });

  test('is erased with the rest of the profile', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await saveDetails(cookie, { path: [step('Dispatcher', 2020)], showReplyTime: true });
    assert.equal((await call(cookie, 'DELETE', '/v1/me')).status, 204);
    const row = await db.selectFrom('people').select(['career_path', 'show_reply_time']).where('id', '=', person.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { career_path: [], show_reply_time: false });
  });
});

describe('my record', () => {
  test('counts what reached the person, what they did and the thanks, and downloads as JSON and CSV', async () => {
    const person = await newEmployee();
    const other = await newEmployee();
    const now = new Date();
    await answered(person.id, 5, now);
    const thankedId = await forwarded(person.id, new Date(now.getTime() - 2 * DAY), { job: '=HYPERLINK("x")' });
    await settleRequest(db, thankedId, 'answered', now);
    await db.updateTable('contact_requests').set({ thanked_at: now }).where('id', '=', thankedId).execute();
    await forwarded(person.id, new Date(now.getTime() - DAY), { status: 'declined' });
    await forwarded(person.id, new Date(now.getTime() - HOUR));
    await answered(other.id, 1, now);
    // Only what candidates can read counts as published: agreed, approved, not withdrawn.
    const publication = (candidate: 'pending' | 'agreed', moderation: 'pending' | 'approved', withdrawn_at: Date | null = null) => ({
      public_id: newPublicId(),
      person_id: person.id,
      question: 'What is a day like?',
      answer: 'Busy and kind.',
      lang: 'en',
      candidate,
      moderation,
      withdrawn_at,
    });
    await db
      .insertInto('published_answers')
      .values([publication('agreed', 'approved'), publication('agreed', 'approved', now), publication('pending', 'approved'), publication('agreed', 'pending')])
      .execute();

    const cookie = await signIn(person.id);
    const me = MyProfile.parse(await (await call(cookie, 'GET', '/v1/me')).json());
    assert.deepEqual(me.record, { received: 4, answered: 2, declined: 1, thanks: 1, publishedAnswers: 1 });

    const json = await call(cookie, 'GET', '/v1/me/record.json');
    assert.match(json.headers.get('content-disposition') ?? '', /attachment; filename="hallway-my-record\.json"/);
    const record = (await json.json()) as { received: number; questions: { status: string; job: string | null; thankedAt: string | null }[] };
    assert.equal(record.received, 4);
    assert.deepEqual(
      record.questions.map((q) => q.status),
      ['answered', 'declined', 'answered', 'confirmed'],
      'oldest first',
    );
    assert.ok(!JSON.stringify(record).includes('candidate@example.com'), 'nothing of the candidate');

    const csv = await call(cookie, 'GET', '/v1/me/record.csv');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    assert.equal(lines[0], 'receivedAt,job,status,answeredAt,declinedAt,thankedAt');
    assert.equal(lines.length, 5);
    assert.ok(
      lines.some((line) => line.includes(`"'=HYPERLINK(""x"")"`)),
      'a formula is defused',
    );
    assert.ok(!lines.join('').includes('candidate@example.com'));
  });

  test('is the signed-in person’s alone', async () => {
    for (const path of ['/v1/me/record.json', '/v1/me/record.csv']) assert.equal((await app.request(path)).status, 401, path);
  });
});
