import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AnswerList, MyAnswers } from '../../sdk/answer-schemas.js';
import { ensureAdminKey } from '../admin/keys.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { purgeOldData } from '../contact/retention.js';
import type { Db } from '../store/database.js';
import { createPerson, newPublicId, recordConsent, setStatus } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { signIn } from '../../../tests/support/node/sign-in.js';
import { landingPageParts } from '../../../tests/support/node/test-http.js';

const PUBLIC_URL = 'https://hallway.test';
const ORIGIN = { Origin: PUBLIC_URL };
const KEY = 'answers-admin-key-0123456789abcdef';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret') });
  await ensureAdminKey(db, KEY);
});
after(() => drop());

let counter = 0;

async function newSite() {
  counter++;
  const site = await createSite(db, { slug: `answers-${counter}`, name: `Company ${counter}` });
  return { slug: `answers-${counter}`, id: site.id };
}

async function newPerson(site: { id: number }, { jobTitle = 'Data Engineer', team = 'Data', location = 'Paris' } = {}) {
  counter++;
  const person = await createPerson(db, {
    siteId: site.id,
    email: `employee${counter}@example.test`,
    fullName: `Sam Worker${counter}`,
    displayName: `Sam ${counter}`,
    jobTitle,
    team,
    location,
  });
  await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: 'v1', source: 'me' });
  return { ...person, cookie: await signIn(app, db, person.id, ORIGIN) };
}

/** A question the person answered on /me, as the relay stores it (the columns of migration 0014). */
async function answeredQuestion(
  site: { id: number },
  person: { id: number },
  { candidate = 'Jane Candidate', message = 'Hi, I am Jane. What is a normal day like?', lang = 'en' } = {},
) {
  const publicId = newPublicId();
  const email = `${publicId}@candidate.test`;
  await db
    .insertInto('contact_requests')
    .values({
      public_id: publicId,
      site_id: site.id,
      person_id: person.id,
      candidate_name: candidate,
      candidate_email: email,
      message,
      job: null,
      lang,
      page_origin: 'https://careers.example.test',
      status: 'answered',
      confirm_token_hash: publicId,
      confirm_expires_at: new Date(),
      confirmed_at: new Date(),
      answered_at: new Date(),
      answer_text: 'Mornings with the team, afternoons building pipelines.',
      answer_via: 'me',
    })
    .execute();
  return { publicId, email };
}

async function me(cookie: string, method: string, path: string, json?: unknown, expected = 200) {
  const response = await app.request(`/v1/me${path}`, {
    method,
    headers: { Cookie: cookie, ...ORIGIN, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  assert.equal(response.status, expected, await response.clone().text());
  return expected === 200 ? MyAnswers.parse(await response.json()) : undefined;
}

async function admin(method: string, path: string, key = KEY) {
  const response = await app.request(`/v1/admin${path}`, { method, headers: { Authorization: `Bearer ${key}` } });
  return { status: response.status, body: await response.json() };
}

async function questions(slug: string, query = '') {
  const response = await app.request(`/v1/sites/${slug}/questions${query}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
  const text = await response.text();
  return { text, ...AnswerList.parse(JSON.parse(text)) };
}

/** The candidate's link from their mail, followed as a person does: the page, then its button. */
async function candidateClicks(email: string, decision: 'agree' | 'decline') {
  const mail = await db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .where('template', '=', 'answer_publish_request')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const url = new URL(mail.text_body.match(new RegExp(`https://\\S+/answers/${decision}\\?\\S+`))![0]);
  const page = await app.request(url.pathname + url.search);
  assert.equal(page.status, 200);
  const form = new URLSearchParams(url.search);
  const posted = await app.request(url.pathname, { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  assert.equal(posted.status, 200);
  const text = await posted.text();
  return { ...landingPageParts(text), title: text.match(/<h1>([^<]*)</)?.[1] };
}

const WORDING = { question: 'What is a normal day like?', answer: 'Mornings with the team, afternoons building pipelines.' };

/** Published, agreed by the candidate and approved: public. */
async function publishedAnswer(site: { id: number; slug: string }, person: { id: number; cookie: string }, wording = WORDING) {
  const question = await answeredQuestion(site, person);
  const mine = await me(person.cookie, 'POST', `/answers/${question.publicId}/publish`, wording);
  const publication = mine!.items.find((item) => item.request === question.publicId)!.publication!;
  await candidateClicks(question.email, 'agree');
  assert.equal((await admin('POST', `/sites/${site.slug}/answers/${publication.id}/approve`)).status, 200);
  return { ...question, publication };
}

describe('publishing an answer', () => {
  test('is public only once the employee, the candidate and a moderator agreed', async () => {
    const site = await newSite();
    const person = await newPerson(site);
    const question = await answeredQuestion(site, person);

    const before = await me(person.cookie, 'GET', '/answers');
    assert.deepEqual(
      before!.items.map((item) => [item.question, item.publication]),
      [['Hi, I am Jane. What is a normal day like?', null]],
    );
    const mine = await me(person.cookie, 'POST', `/answers/${question.publicId}/publish`, WORDING);
    const publication = mine!.items[0]!.publication!;
    assert.deepEqual([publication.candidate, publication.moderation, publication.public], ['pending', 'pending', false]);
    assert.equal((await questions(site.slug)).items.length, 0, 'the employee alone');

    // The candidate reads the wording to be published, and that they are "a candidate".
    const mail = await db.selectFrom('outbox').selectAll().where('to_address', '=', question.email).executeTakeFirstOrThrow();
    assert.match(mail.subject, /would like to publish your question/);
    assert.match(mail.text_body, /> What is a normal day like\?/);
    assert.match(mail.text_body, /"a candidate"/);
    assert.doesNotMatch(mail.text_body, /I am Jane/);

    const agreed = await candidateClicks(question.email, 'agree');
    assert.equal(agreed.title, 'Thank you');
    assert.equal((await questions(site.slug)).items.length, 0, 'the employee and the candidate, not yet a moderator');

    const approved = await admin('POST', `/sites/${site.slug}/answers/${publication.id}/approve`);
    assert.equal(approved.body.answer.moderation, 'approved');
    const list = await questions(site.slug);
    assert.deepEqual(
      list.items.map((item) => [item.question, item.answer, item.person.displayName, item.person.jobTitle]),
      [[WORDING.question, WORDING.answer, `Sam ${counter}`, 'Data Engineer']],
    );
    assert.match(list.items[0]!.person.photoUrl, /\/avatar\.svg$/);
    assert.match(list.items[0]!.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal((await me(person.cookie, 'GET', '/answers'))!.items[0]!.publication!.public, true);

    const audit = await db.selectFrom('admin_audit').select(['action', 'target']).where('action', 'like', 'answer.%').execute();
    assert.deepEqual(audit.at(-1), { action: 'answer.approve', target: publication.id });
  });

  test('a moderator approving first, then the candidate saying no thanks, publishes nothing', async () => {
    const site = await newSite();
    const person = await newPerson(site);
    const question = await answeredQuestion(site, person);
    const mine = await me(person.cookie, 'POST', `/answers/${question.publicId}/publish`, WORDING);
    await admin('POST', `/sites/${site.slug}/answers/${mine!.items[0]!.publication!.id}/approve`);
    const declined = await candidateClicks(question.email, 'decline');
    assert.equal(declined.title, 'Your question stays private');
    assert.equal((await questions(site.slug)).items.length, 0);
    // Proposing it again, even withdrawn first, is refused: the candidate said no.
    await me(person.cookie, 'POST', `/answers/published/${mine!.items[0]!.publication!.id}/withdraw`);
    await me(person.cookie, 'POST', `/answers/${question.publicId}/publish`, WORDING, 409);
    assert.equal(
      await db
        .selectFrom('outbox')
        .select('id')
        .where('to_address', '=', question.email)
        .execute()
        .then((rows) => rows.length),
      1,
      'one mail only',
    );
  });

  test("the candidate's name and address never reach the public list", async () => {
    const site = await newSite();
    const person = await newPerson(site);
    const { email } = await publishedAnswer(site, person);
    const { text, items } = await questions(site.slug);
    assert.equal(items.length, 1);
    assert.doesNotMatch(text, /Jane/);
    assert.ok(!text.includes(email));
    assert.ok(!text.includes('candidate.test'));
  });

  test('opening a link changes nothing, and a forged one is refused', async () => {
    const site = await newSite();
    const person = await newPerson(site);
    const question = await answeredQuestion(site, person);
    const mine = await me(person.cookie, 'POST', `/answers/${question.publicId}/publish`, WORDING);
    const id = mine!.items[0]!.publication!.id;
    const forged = await app.request(`/answers/agree?answer=${id}&sig=forged`);
    assert.equal(forged.status, 403);
    const mail = await db.selectFrom('outbox').select('text_body').where('to_address', '=', question.email).executeTakeFirstOrThrow();
    const url = new URL(mail.text_body.match(/https:\/\/\S+\/answers\/agree\?\S+/)![0]);
    await app.request(url.pathname + url.search);
    assert.equal((await me(person.cookie, 'GET', '/answers'))!.items[0]!.publication!.candidate, 'pending');
  });

  test("publishing someone else's question is not found, and needs a session", async () => {
    const site = await newSite();
    const person = await newPerson(site);
    const other = await newPerson(site);
    const question = await answeredQuestion(site, person);
    await me(other.cookie, 'POST', `/answers/${question.publicId}/publish`, WORDING, 404);
    const anonymous = await app.request(`/v1/me/answers/${question.publicId}/publish`, {
      method: 'POST',
      headers: { ...ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(WORDING),
    });
    assert.equal(anonymous.status, 401);
    await me(person.cookie, 'POST', `/answers/${question.publicId}/publish`, { question: '', answer: 'x' }, 400);
  });
});

describe('a published answer is hidden', () => {
  test('at once when the employee withdraws it, cached list included', async () => {
    const site = await newSite();
    const person = await newPerson(site);
    const { publication } = await publishedAnswer(site, person);
    const first = await app.request(`/v1/sites/${site.slug}/questions`);
    const etag = first.headers.get('ETag')!;
    assert.equal(AnswerList.parse(await first.json()).items.length, 1);

    await me(person.cookie, 'POST', `/answers/published/${publication.id}/withdraw`);
    const again = await app.request(`/v1/sites/${site.slug}/questions`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 200, 'not a 304: the list changed');
    assert.equal(AnswerList.parse(await again.json()).items.length, 0);
    assert.equal((await admin('GET', `/sites/${site.slug}/answers`)).body.items.length, 0, 'nothing left to moderate');
  });

  test('when the employee leaves, or withdraws their consent to be listed', async () => {
    const site = await newSite();
    const leaving = await newPerson(site);
    const withdrawing = await newPerson(site);
    await publishedAnswer(site, leaving);
    await publishedAnswer(site, withdrawing);
    assert.equal((await questions(site.slug)).items.length, 2);
    await setStatus(db, leaving.id, 'left');
    await recordConsent(db, { personId: withdrawing.id, purpose: 'show_profile', granted: false, textVersion: 'v1', source: 'me' });
    assert.equal((await questions(site.slug)).items.length, 0);
  });
});

test('a published answer outlives the retention purge of its question, and can still be withdrawn', async () => {
  const site = await newSite();
  const person = await newPerson(site);
  const { publication } = await publishedAnswer(site, person);
  await purgeOldData(db, 1, new Date(Date.now() + 2 * 86_400_000));
  assert.equal(await db.selectFrom('contact_requests').select('id').where('person_id', '=', person.id).executeTakeFirst(), undefined);
  assert.equal((await questions(site.slug)).items[0]?.question, WORDING.question);
  person.cookie = await signIn(app, db, person.id, ORIGIN); // the purge, two days ahead, ended the session too
  const mine = await me(person.cookie, 'GET', '/answers');
  assert.deepEqual(
    mine!.items.map((item) => [item.request, item.question, item.publication?.public]),
    [[null, WORDING.question, true]],
  );
  await me(person.cookie, 'POST', `/answers/published/${publication.id}/withdraw`);
  assert.equal((await questions(site.slug)).items.length, 0);
  // Still the employee's own words: in the export of their data, until they erase it.
  const exported = await app.request('/v1/me/export', { headers: { Cookie: person.cookie, ...ORIGIN } });
  const { publishedAnswers } = (await exported.json()) as { publishedAnswers: { question: string; withdrawnAt: string | null }[] };
  assert.deepEqual(
    publishedAnswers.map((each) => [each.question, each.withdrawnAt !== null]),
    [[WORDING.question, true]],
  );
  await app.request('/v1/me', { method: 'DELETE', headers: { Cookie: person.cookie, ...ORIGIN } });
  assert.equal(await db.selectFrom('published_answers').select('id').where('person_id', '=', person.id).executeTakeFirst(), undefined, 'erased with the person');
});

test('answers are matched to the job as the people grid: title, then team, then location, else all', async () => {
  const site = await newSite();
  const engineer = await newPerson(site, { jobTitle: 'Data Engineer', team: 'Data', location: 'Paris' });
  const nurse = await newPerson(site, { jobTitle: 'Night Nurse', team: 'Care', location: 'Lyon' });
  await publishedAnswer(site, engineer, { question: 'Which tools?', answer: 'SQL, mostly.' });
  await publishedAnswer(site, nurse, { question: 'Night shifts?', answer: 'Two a week.' });
  const shown = async (query: string) => {
    const { items, match } = await questions(site.slug, query);
    return [match, items.map((item) => item.question)];
  };
  assert.deepEqual(await shown('?job=Senior%20Data%20Engineer'), ['job', ['Which tools?']]);
  assert.deepEqual(await shown('?job=Pilot&team=care'), ['team', ['Night shifts?']]);
  assert.deepEqual(await shown('?job=Pilot&team=Sales&location=L%C3%BDon'), ['location', ['Night shifts?']]);
  assert.deepEqual((await shown('?job=Pilot'))[0], 'all');
  assert.equal((await questions(site.slug, '?limit=1')).items.length, 1);
  const invalid = await app.request(`/v1/sites/${site.slug}/questions?limit=0`);
  assert.equal(invalid.status, 400);
});

test('moderation needs the moderation scope', async () => {
  const site = await newSite();
  const refused = await app.request(`/v1/admin/sites/${site.slug}/answers`);
  assert.equal(refused.status, 401);
  assert.equal((await admin('POST', `/sites/${site.slug}/answers/nope/approve`)).status, 404);
});
