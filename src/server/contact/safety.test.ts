import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Challenge } from '../../sdk/contact-schemas.js';
import { createAdminUser } from '../admin/accounts.js';
import { createApiKey } from '../admin/api-keys.js';
import { ensureAdminKey } from '../admin/keys.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { findLinks } from '../mail/index.js';
import type { Db } from '../store/database.js';
import { createPerson, newPublicId, recordConsent } from '../store/people.js';
import type { Site } from '../store/schema.js';
import { createSite } from '../store/sites.js';
import { testClock } from '../../../tests/support/clock.js';
import { solve } from '../../../tests/support/node/soak.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { landingPageParts } from '../../../tests/support/node/test-http.js';
import { MIN_FILL_MS } from './challenge.js';
import { DOMAIN_REPORTS_WINDOW_MS } from './safety.js';

const PUBLIC_URL = 'https://hallway.test';
const CAREERS = 'https://careers.acme.example';
const ADMIN_KEY = 'safety-admin-key-0123456789abcdef';
const DAY = 24 * 3600_000;
/** These tests ask many questions from one client: rate limits are contact.test.ts's subject, not theirs. */
const PLENTY = { perIp: [{ max: 1000, windowMs: DAY }], perEmail: [{ max: 1000, windowMs: DAY }] };

let db: Db;
let drop: () => Promise<void>;
let site: Site;
let app: ReturnType<typeof createApp>;
const clock = testClock();

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, ADMIN_KEY);
  site = await createSite(db, { slug: 'acme', name: 'Acme Logistics', allowedOrigins: [CAREERS] });
  app = createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'secret'), contact: { now: clock.now, challengeMaxNumber: 1000, limits: PLENTY } });
  await createAdminUser(db, { email: 'moderator@hr.test', role: 'moderator' });
  await createAdminUser(db, { email: 'owner@hr.test', role: 'owner' });
  await createAdminUser(db, { email: 'editor@hr.test', role: 'editor' });
});
after(() => drop());

let people = 0;
async function newPerson(locale: string | null = null) {
  people++;
  const email = `employee${people}@acme.example`;
  const person = await createPerson(db, { siteId: site.id, email, fullName: `Ana Lopez${people}`, displayName: `Ana L${people}.`, jobTitle: 'Logistics Manager' });
  const consent = { personId: person.id, textVersion: 'v1', source: 'me' as const };
  await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
  await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
  await db.updateTable('people').set({ locale, weekly_cap: 10 }).where('id', '=', person.id).execute();
  return { ...person, email };
}

/** A question already forwarded to the person, as the relay leaves it (set in the database directly). */
async function forwardedQuestion(personId: number, candidateEmail: string, message = 'What is a day like?') {
  const publicId = newPublicId();
  const row = await db
    .insertInto('contact_requests')
    .values({
      public_id: publicId,
      site_id: site.id,
      person_id: personId,
      candidate_name: 'Casey Doe',
      candidate_email: candidateEmail,
      message,
      job: null,
      lang: 'en',
      page_origin: CAREERS,
      status: 'confirmed',
      confirm_token_hash: `hash-${publicId}`,
      confirm_expires_at: clock.now(),
      confirmed_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, publicId };
}

/** The one-click link of `action` in the mail the employee would get, built as the server builds it. */
async function actionLink(action: 'report' | 'block', publicId: string) {
  const { contactKeys } = await import('./links.js');
  return (await contactKeys(db, PUBLIC_URL)()).contactLinks.action(action, publicId).slice(PUBLIC_URL.length);
}

async function click(path: string, extra: Record<string, string> = {}, lang = 'en') {
  const url = new URL(path, PUBLIC_URL);
  const form = new URLSearchParams({ request: url.searchParams.get('request') ?? '', sig: url.searchParams.get('sig') ?? '', ...extra });
  const response = await app.request(url.pathname, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': lang },
    body: form.toString(),
  });
  return { status: response.status, text: await response.text() };
}

const mailsTo = (to: string) => db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('id').execute();
const mailsOf = (template: string) => db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('id').execute();

/** A candidate sends a question from the careers page, with a solved proof of work old enough to count. */
async function ask(personPublicId: string, email: string, message = 'Hello, what is the team like?') {
  clock.advance(-(MIN_FILL_MS + 1000));
  const challenge = Challenge.parse(await (await app.request('/v1/sites/acme/challenge')).json());
  clock.advance(MIN_FILL_MS + 1000);
  const response = await app.request(`/v1/sites/acme/people/${personPublicId}/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: CAREERS },
    body: JSON.stringify({ name: 'Casey Doe', email, message, consent: true, lang: 'en', proof: solve(challenge) }),
  });
  return { status: response.status, body: (await response.json()) as { id: string; status: string } };
}

/** The candidate follows the confirmation link of their latest mail, and clicks. */
async function confirmLatest(email: string) {
  const mails = await mailsTo(email);
  const link = findLinks(mails.at(-1)!.text_body).find((url) => url.includes('/contact/confirm'))!;
  const token = new URL(link).searchParams.get('token')!;
  const response = await app.request('/contact/confirm', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  return response.text();
}

const admin = (method: string, path: string, json?: unknown, key = ADMIN_KEY) =>
  app.request(`/v1/admin/sites/acme${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });

describe('the question mail', () => {
  test('carries "Report this question" and "Block this sender", in English and French', async () => {
    const person = await newPerson('fr');
    const candidate = 'mail-links@acme-recruit.example';
    await ask(person.public_id, candidate);
    await confirmLatest(candidate);
    const [mail] = await mailsTo(person.email);
    assert.ok(mail, 'the question reached the employee');
    assert.match(mail.text_body, /Signaler cette question\u00a0:\n.*\/contact\/report\?request=/);
    assert.match(mail.text_body, /Bloquer cet expéditeur\u00a0:\n.*\/contact\/block\?request=/);
  });
});

describe('report', () => {
  test('the link shows the three reasons to choose from, and changes nothing until the click', async () => {
    const person = await newPerson();
    const { publicId } = await forwardedQuestion(person.id, 'look@acme-recruit.example');
    for (const [lang, legend] of [
      ['en', 'What is wrong with it?'],
      ['fr', 'Quel est le problème'],
    ] as const) {
      await db.updateTable('people').set({ locale: lang }).where('id', '=', person.id).execute();
      const page = await (await app.request(await actionLink('report', publicId))).text();
      assert.equal(landingPageParts(page).lang, lang);
      assert.ok(page.includes(legend), legend);
      assert.equal(page.match(/type="radio" name="reason"/g)?.length, 3);
    }
    assert.equal((await db.selectFrom('contact_reports').select('id').execute()).length, 0);
  });

  test("the report reaches every moderator with the question quoted, never the employee's address, and counts once", async () => {
    const person = await newPerson();
    const { publicId } = await forwardedQuestion(person.id, 'rude@acme-recruit.example', 'You people are <b>useless</b>');
    const before = (await mailsOf('contact_reported')).length;
    const page = await click(await actionLink('report', publicId), { reason: 'abusive' });
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('Question reported'));
    const mails = (await mailsOf('contact_reported')).slice(before);
    assert.deepEqual(mails.map((mail) => mail.to_address).sort(), ['moderator@hr.test', 'owner@hr.test']);
    for (const mail of mails) {
      assert.match(mail.subject, /abusive/);
      assert.ok(mail.text_body.includes('> You people are <b>useless</b>'));
      assert.ok(mail.html_body.includes('&lt;b&gt;useless'));
      assert.ok(mail.text_body.includes(`${PUBLIC_URL}/admin/reports?site=acme`));
      assert.ok(!mail.text_body.includes(person.email) && !mail.text_body.includes('rude@'));
    }
    const again = await click(await actionLink('report', publicId), { reason: 'spam' });
    assert.ok(again.text.includes('already reported'));
    assert.equal((await mailsOf('contact_reported')).length, before + 2);
  });

  test('a made-up reason or a forged signature reports nothing', async () => {
    const person = await newPerson();
    const { id, publicId } = await forwardedQuestion(person.id, 'x@acme-recruit.example');
    const link = await actionLink('report', publicId);
    assert.ok((await click(link, { reason: 'ugly' })).text.includes('not valid'));
    assert.equal((await click(link.replace(/sig=[^&]+/, 'sig=forged'), { reason: 'spam' })).status, 403);
    assert.equal((await db.selectFrom('contact_reports').select('id').where('request_id', '=', id).execute()).length, 0);
  });
});

describe('block', () => {
  test('a blocked address gets the usual answer, and nothing is stored or sent', async () => {
    const person = await newPerson();
    const other = await newPerson();
    const candidate = 'Pest@Mail.example';
    const { publicId } = await forwardedQuestion(person.id, candidate);
    const page = await click(await actionLink('block', publicId));
    assert.ok(page.text.includes('Sender blocked'));
    const [block] = await db.selectFrom('contact_blocks').selectAll().execute();
    assert.ok(block && block.kind === 'address' && block.domain === null && !JSON.stringify(block).toLowerCase().includes('pest'), 'only a keyed hash');

    const requestsBefore = (await db.selectFrom('contact_requests').select('id').execute()).length;
    const mailsBefore = (await db.selectFrom('outbox').select('id').execute()).length;
    for (const to of [person, other]) {
      const answer = await ask(to.public_id, 'pest@mail.example');
      assert.equal(answer.status, 202);
      assert.equal(answer.body.status, 'pending_confirmation');
    }
    assert.equal((await db.selectFrom('contact_requests').select('id').execute()).length, requestsBefore);
    assert.equal((await db.selectFrom('outbox').select('id').execute()).length, mailsBefore);
    // Someone else at the same (webmail) domain still asks as before.
    assert.equal((await ask(other.public_id, 'friend@mail.example')).status, 202);
    assert.equal((await mailsTo('friend@mail.example')).length, 1);
  });

  test('a sender blocked after asking is refused at confirmation like an unavailable person', async () => {
    const person = await newPerson();
    const candidate = 'late@pest.example';
    await ask(person.public_id, candidate);
    const earlier = await forwardedQuestion(person.id, candidate);
    await click(await actionLink('block', earlier.publicId));
    const page = await confirmLatest(candidate);
    assert.ok(page.includes('is not available for questions'));
    assert.equal((await mailsTo(person.email)).length, 0);
    assert.equal((await mailsTo(candidate)).at(-1)!.template, 'contact_declined');
  });
});

describe('a domain', () => {
  async function reportFrom(domain: string, reporters: number, reportsEach = 1) {
    for (let i = 0; i < reporters; i++) {
      const person = await newPerson();
      for (let j = 0; j < reportsEach; j++) {
        const { publicId } = await forwardedQuestion(person.id, `r${i}-${j}-${Math.random()}@${domain}`);
        await click(await actionLink('report', publicId), { reason: 'recruiter' });
      }
    }
  }
  const domainBlocks = (domain: string) => db.selectFrom('contact_blocks').selectAll().where('domain', '=', domain).execute();

  test('is blocked after reports from three different employees within 30 days, and the moderators are told', async () => {
    await reportFrom('fishing-agency.example', 2);
    assert.equal((await domainBlocks('fishing-agency.example')).length, 0);
    await reportFrom('fishing-agency.example', 1);
    assert.equal((await domainBlocks('fishing-agency.example'))[0]?.source, 'reports');
    assert.ok((await mailsOf('contact_reported')).some((mail) => mail.text_body.includes('fishing-agency.example: it is now blocked')));
    const person = await newPerson();
    assert.equal((await ask(person.public_id, 'new-address@fishing-agency.example')).status, 202);
    assert.equal((await mailsTo('new-address@fishing-agency.example')).length, 0);
  });

  test('is not blocked by one employee reporting three times, by old reports, or when it is public webmail', async () => {
    await reportFrom('one-reporter.example', 1, 3);
    assert.equal((await domainBlocks('one-reporter.example')).length, 0);
    await reportFrom('gmail.com', 3);
    assert.equal((await db.selectFrom('contact_blocks').select('id').where('kind', '=', 'domain').where('domain', '=', 'gmail.com').execute()).length, 0);
    await reportFrom('slow.example', 2);
    clock.advance(DOMAIN_REPORTS_WINDOW_MS + DAY);
    await reportFrom('slow.example', 1);
    assert.equal((await domainBlocks('slow.example')).length, 0);
  });
});

describe('the site filter and the moderators', () => {
  test('holds a question with a link until a moderator releases it; the candidate sees nothing different', async () => {
    const patched = await admin('PATCH', '', { holdLinks: true, holdPhones: true, heldWords: ['Crypto'] });
    assert.deepEqual(((await patched.json()) as { heldWords: string[] }).heldWords, ['Crypto']);

    const person = await newPerson();
    const candidate = 'linky@people.example';
    await ask(person.public_id, candidate, 'My portfolio is at www.casey.example, what do you think?');
    const page = await confirmLatest(candidate);
    assert.ok(page.includes('Your question is on its way'), 'the candidate is told what every candidate is told');
    assert.equal((await mailsTo(person.email)).length, 0);

    const overview = (await (await admin('GET', '/safety')).json()) as { held: { question: { id: string; senderDomain: string }; holdReasons: string[] }[] };
    const held = overview.held.find((item) => item.question.senderDomain === 'people.example')!;
    assert.deepEqual(held.holdReasons, ['link']);
    assert.ok(!JSON.stringify(overview).includes(candidate), 'moderators see the domain, not the address');

    const released = await admin('POST', `/safety/held/${held.question.id}/release`);
    assert.deepEqual(await released.json(), { status: 'confirmed' });
    assert.equal((await mailsTo(person.email))[0]?.template, 'contact_request');
    assert.equal((await admin('POST', `/safety/held/${held.question.id}/release`)).status, 404, 'released once');
    const audit = await db.selectFrom('admin_audit').selectAll().where('action', '=', 'question.release').execute();
    assert.equal(audit[0]?.target, held.question.id);
  });

  test('a rejected held question gets the candidate the note of an unavailable person', async () => {
    const person = await newPerson();
    const candidate = 'caller@people.example';
    await ask(person.public_id, candidate, 'Call me on 06 12 34 56 78 about crypto');
    await confirmLatest(candidate);
    const { publicId } = await db.selectFrom('contact_requests').select('public_id as publicId').where('candidate_email', '=', candidate).executeTakeFirstOrThrow();
    assert.deepEqual(await (await admin('POST', `/safety/held/${publicId}/reject`)).json(), { status: 'refused_unavailable' });
    assert.equal((await mailsTo(candidate)).at(-1)!.template, 'contact_declined');
    assert.equal((await mailsTo(person.email)).length, 0);
    assert.equal((await db.selectFrom('admin_audit').select('id').where('action', '=', 'question.reject').execute()).length, 1);
  });

  test('moderators block and unblock a domain, never public webmail; each action audited; other scopes refused', async () => {
    assert.equal((await admin('POST', '/safety/blocks', { domain: 'Spam-Corp.example' })).status, 201);
    const { blocks } = (await (await admin('GET', '/safety')).json()) as { blocks: { id: string; domain: string | null }[] };
    const block = blocks.find((each) => each.domain === 'spam-corp.example')!;
    const person = await newPerson();
    await ask(person.public_id, 'anyone@spam-corp.example');
    assert.equal((await mailsTo('anyone@spam-corp.example')).length, 0);
    assert.equal((await admin('DELETE', `/safety/blocks/${block.id}`)).status, 204);
    await ask(person.public_id, 'anyone@spam-corp.example');
    assert.equal((await mailsTo('anyone@spam-corp.example')).length, 1);

    assert.equal((await admin('POST', '/safety/blocks', { domain: 'hotmail.fr' })).status, 422);
    assert.equal((await admin('POST', '/safety/blocks', { domain: 'a.example', request: 'x' })).status, 400);
    const actions = (await db.selectFrom('admin_audit').select(['action', 'target']).where('action', 'like', 'sender.%').execute()).map(
      (row) => `${row.action} ${row.target}`,
    );
    assert.deepEqual(actions, ['sender.block spam-corp.example', 'sender.unblock spam-corp.example']);

    const { secret } = await createApiKey(db, { name: 'people only', scopes: ['people'], createdBy: null });
    assert.equal((await admin('GET', '/safety', undefined, secret)).status, 403);
  });
});
