import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SiteUpdate } from '../../sdk/admin-schemas.js';
import { toAdminSite, updateSite } from '../admin/sites.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Db } from '../store/database.js';
import { createPerson, recordConsent } from '../store/people.js';
import type { Site } from '../store/schema.js';
import { createSite } from '../store/sites.js';
import { testClock } from '../../../tests/support/clock.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { serveOnLoopback, type Served } from '../../../tests/support/node/test-http.js';
import { isWorkingTime, runFollowUps } from './follow-ups.js';
import { newRequestId } from './requests.js';

const PUBLIC_URL = 'https://hallway.test';
const CAREERS = 'https://careers.acme.example';
const HOUR = 3600_000;
const links = new Links(PUBLIC_URL, 'test-secret');
const clock = testClock();
/** Moves the test clock to a given instant (the real time plus an offset, as the server's clock option is). */
const at = (iso: string) => {
  clock.advance(new Date(iso).getTime() - clock.now().getTime());
  return clock.now();
};
const run = () => runFollowUps({ db, links }, clock.now());

let db: Db;
let drop: () => Promise<void>;
let site: Site;
let served: Served;
let ana: Employee;
let ben: Employee;
let cleo: Employee;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  site = await createSite(db, { slug: 'acme', name: 'Acme Logistics', allowedOrigins: [CAREERS], careersUrl: `${CAREERS}/jobs` });
  served = await serveOnLoopback(createApp({ db, publicUrl: PUBLIC_URL, links, contact: { now: clock.now } }));
  ana = await newPerson();
  ben = await newPerson();
  cleo = await newPerson();
  await newPerson('Accountant');
});
after(async () => {
  await served.close();
  await drop();
});
beforeEach(async () => {
  await db.deleteFrom('outbox').execute();
  await db.deleteFrom('contact_requests').execute();
  await db.updateTable('people').set({ paused_until: null }).execute();
});

let counter = 0;
type Employee = Awaited<ReturnType<typeof newPerson>>;
async function newPerson(jobTitle = 'Logistics Manager') {
  counter++;
  const email = `employee${counter}@acme.example`;
  const person = await createPerson(db, { siteId: site.id, email, fullName: `Person ${counter}`, displayName: `Person ${counter}`, jobTitle });
  const consent = { personId: person.id, textVersion: 'v1', source: 'me' as const };
  await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
  await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
  return { ...person, email, displayName: `Person ${counter}` };
}

/** A question the candidate confirmed at `confirmedAt`, set straight in the database as the flow leaves it. */
async function confirmedQuestion(personId: number, confirmedAt: Date, lang = 'en') {
  const publicId = newRequestId();
  await db
    .insertInto('contact_requests')
    .values({
      public_id: publicId,
      site_id: site.id,
      person_id: personId,
      candidate_name: 'Casey',
      candidate_email: 'casey@mail.example',
      message: 'What is a usual week like?',
      job: 'Logistics Manager',
      lang,
      page_origin: CAREERS,
      status: 'confirmed',
      confirm_token_hash: hashToken(newToken()),
      confirm_expires_at: confirmedAt,
      created_at: new Date(confirmedAt.getTime() - HOUR),
      confirmed_at: confirmedAt,
    })
    .execute();
  return publicId;
}

const mails = (template: string) => db.selectFrom('outbox').selectAll().where('template', '=', template).orderBy('id').execute();

describe('working time', () => {
  test('Monday to Friday, 9:00 to 17:00 in the site’s time zone', () => {
    assert.equal(isWorkingTime(new Date('2026-12-07T08:00:00Z'), 'Europe/Paris'), true, 'Monday 9:00 in Paris');
    assert.equal(isWorkingTime(new Date('2026-12-07T07:59:00Z'), 'Europe/Paris'), false, 'Monday 8:59 in Paris');
    assert.equal(isWorkingTime(new Date('2026-12-07T16:00:00Z'), 'Europe/Paris'), false, 'Monday 17:00 in Paris');
    assert.equal(isWorkingTime(new Date('2026-12-05T11:00:00Z'), 'Europe/Paris'), false, 'Saturday noon');
    assert.equal(isWorkingTime(new Date('2026-12-07T08:00:00Z'), 'America/New_York'), false, '3:00 in New York');
  });

  test('the settings take a known time zone and an answer window of 1 to 30 days', () => {
    assert.equal(SiteUpdate.safeParse({ timeZone: 'America/New_York', answerWindowDays: 7 }).success, true);
    assert.equal(SiteUpdate.safeParse({ timeZone: 'Mars/Olympus_Mons' }).success, false);
    assert.equal(SiteUpdate.safeParse({ answerWindowDays: 0 }).success, false);
    assert.equal(SiteUpdate.safeParse({ answerWindowDays: 31 }).success, false);
  });

  test('a site starts with 5 days in Europe/Paris; the settings change both', async () => {
    const other = await createSite(db, { slug: 'other', name: 'Other' });
    assert.deepEqual([other.answer_window_days, other.time_zone], [5, 'Europe/Paris']);
    const updated = toAdminSite((await updateSite(db, 'other', { answerWindowDays: 7, timeZone: 'America/New_York' }))!);
    assert.deepEqual([updated.answerWindowDays, updated.timeZone], [7, 'America/New_York']);
  });
});

describe('the one gentle reminder', () => {
  test('halfway through the window, on no weekend day: it waits for Monday 9:00, then never comes again', async () => {
    // Thursday 16:00 in Paris; half of 5 days is Sunday 4:00.
    await confirmedQuestion(ana.id, new Date('2026-12-03T15:00:00Z'));
    for (const when of ['2026-12-04T15:00:00Z', '2026-12-05T10:00:00Z', '2026-12-06T12:00:00Z', '2026-12-07T07:30:00Z']) {
      at(when);
      assert.deepEqual(await run(), { reminders: 0, secondChances: 0 }, when);
    }
    at('2026-12-07T08:15:00Z'); // Monday 9:15 in Paris
    assert.deepEqual(await run(), { reminders: 1, secondChances: 0 });
    at('2026-12-07T13:00:00Z');
    assert.deepEqual(await run(), { reminders: 0, secondChances: 0 });

    const [reminder, ...more] = await mails('contact_reminder');
    assert.equal(more.length, 0);
    assert.equal(reminder!.to_address, ana.email);
    assert.match(reminder!.text_body, /What is a usual week like\?/);
    assert.match(reminder!.text_body, /the only reminder/);
    assert.match(reminder!.text_body, new RegExp(`${PUBLIC_URL}/contact/decline\\?request=`));
  });

  test('none to a person who paused questions, or who withdrew since', async () => {
    await db
      .updateTable('people')
      .set({ paused_until: new Date('2026-12-20T00:00:00Z') })
      .where('id', '=', cleo.id)
      .execute();
    await confirmedQuestion(cleo.id, new Date('2026-11-30T09:00:00Z'));
    const dora = await newPerson();
    await confirmedQuestion(dora.id, new Date('2026-11-30T09:00:00Z'));
    await recordConsent(db, { personId: dora.id, purpose: 'contact', granted: false, textVersion: 'v1', source: 'me' });

    at('2026-12-03T09:00:00Z'); // Thursday 10:00 in Paris, past half the window
    await run();
    assert.deepEqual(await mails('contact_reminder'), []);
  });

  test('an answered or declined question gets nothing at all, ever', async () => {
    const answered = await confirmedQuestion(ana.id, new Date('2026-11-30T09:00:00Z'));
    const declined = await confirmedQuestion(ben.id, new Date('2026-11-30T09:00:00Z'));
    await db
      .updateTable('contact_requests')
      .set({ status: 'answered', answered_at: new Date('2026-12-01T09:00:00Z'), answer_via: 'mail' })
      .where('public_id', '=', answered)
      .execute();
    await db
      .updateTable('contact_requests')
      .set({ status: 'declined', declined_at: new Date('2026-12-01T09:00:00Z') })
      .where('public_id', '=', declined)
      .execute();

    for (const when of ['2026-12-03T09:00:00Z', '2026-12-07T09:00:00Z', '2026-12-10T09:00:00Z']) {
      at(when);
      assert.deepEqual(await run(), { reminders: 0, secondChances: 0 }, when);
    }
    assert.equal((await db.selectFrom('outbox').select('id').execute()).length, 0);
  });
});

describe('the second chance', () => {
  test('after the window, one kind note offering someone else in the job who takes questions, in the candidate’s language', async () => {
    await db
      .updateTable('people')
      .set({ paused_until: new Date('2026-12-20T00:00:00Z') })
      .where('id', '=', cleo.id)
      .execute();
    await confirmedQuestion(ana.id, new Date('2026-11-30T09:00:00Z'), 'fr');
    at('2026-12-05T09:30:00Z'); // Saturday: the candidate's note is no employee's working time
    assert.deepEqual(await run(), { reminders: 0, secondChances: 1 });
    at('2026-12-06T09:30:00Z');
    assert.deepEqual(await run(), { reminders: 0, secondChances: 0 });

    const [note, ...more] = await mails('contact_second_chance');
    assert.equal(more.length, 0);
    assert.equal(note!.to_address, 'casey@mail.example');
    assert.equal(note!.locale, 'fr');
    assert.match(note!.subject, new RegExp(`${ben.displayName} pourrait y répondre`));
    assert.match(note!.text_body, new RegExp(`Demander plutôt à ${ben.displayName}`));
    assert.doesNotMatch(note!.text_body, new RegExp(`${cleo.displayName}\\b`), 'not the paused person');
    assert.doesNotMatch(note!.text_body, /@acme\.example/, 'no employee address');
  });

  test('when nobody else in the job can take it, the note points to the careers site without an offer', async () => {
    await db
      .updateTable('people')
      .set({ paused_until: new Date('2026-12-20T00:00:00Z') })
      .where('id', 'in', [ben.id, cleo.id])
      .execute();
    await confirmedQuestion(ana.id, new Date('2026-11-30T09:00:00Z'));
    at('2026-12-05T09:30:00Z');
    await run();
    const [note] = await mails('contact_second_chance');
    assert.match(note!.text_body, /Back to the careers site:\nhttps:\/\/careers\.acme\.example\/jobs/);
    assert.doesNotMatch(note!.text_body, /ask-instead|instead/);
  });

  test('runs that overlap, and a restarted server, send each reminder and note once', async () => {
    await confirmedQuestion(ana.id, new Date('2026-11-30T09:00:00Z'));
    await confirmedQuestion(ben.id, new Date('2026-11-30T09:00:00Z'));
    at('2026-12-03T09:00:00Z');
    const [first, second] = await Promise.all([run(), run()]);
    assert.equal(first.reminders + second.reminders, 2);
    // "Restarted": a new job with its own keys over the same database.
    assert.deepEqual(await runFollowUps({ db, links: new Links(PUBLIC_URL, 'test-secret') }, clock.now()), { reminders: 0, secondChances: 0 });
    at('2026-12-05T09:30:00Z');
    const again = await Promise.all([run(), run(), run()]);
    assert.equal(
      again.reduce((sum, ran) => sum + ran.secondChances, 0),
      2,
    );
    assert.equal((await mails('contact_reminder')).length, 2);
    assert.equal((await mails('contact_second_chance')).length, 2);
  });
});

describe('"Ask <name> instead"', () => {
  const offerLink = async () => {
    await confirmedQuestion(ana.id, new Date('2026-11-30T09:00:00Z'));
    at('2026-12-05T09:30:00Z');
    await run();
    const [note] = await mails('contact_second_chance');
    const link = /https:\/\/hallway\.test\/contact\/ask-instead\?[^\s]+/.exec(note!.text_body)![0];
    return new URL(link);
  };
  const forwardedTo = (personId: number) => db.selectFrom('contact_requests').selectAll().where('person_id', '=', personId).execute();
  const post = (fields: URLSearchParams) => fetch(`${served.url}/contact/ask-instead`, { method: 'POST', body: fields });

  test('opening the link sends nothing; the candidate’s click sends the question to that person once', async () => {
    const link = await offerLink();
    const page = await fetch(`${served.url}${link.pathname}${link.search}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(`Send my question to ${ben.displayName}`));
    assert.deepEqual(await forwardedTo(ben.id), [], 'nothing sent on opening');

    const fields = new URLSearchParams([...link.searchParams]);
    const sent = await post(fields);
    assert.equal(sent.status, 200);
    assert.match(await sent.text(), /Your question is on its way/);
    const [question, ...others] = await forwardedTo(ben.id);
    assert.equal(others.length, 0);
    assert.equal(question!.status, 'confirmed');
    assert.equal(question!.message, 'What is a usual week like?');
    const [forwarded] = await db.selectFrom('outbox').selectAll().where('template', '=', 'contact_request').execute();
    assert.equal(forwarded!.to_address, ben.email);
    assert.equal(forwarded!.headers['Reply-To'], 'casey@mail.example');

    const twice = await post(fields);
    assert.match(await twice.text(), /already sent this question again/);
    assert.equal((await forwardedTo(ben.id)).length, 1);
    assert.equal((await db.selectFrom('outbox').select('id').where('template', '=', 'contact_request').execute()).length, 1);
  });

  test('a link signed for someone else, or a person paused since, sends nothing', async () => {
    const link = await offerLink();
    const forged = new URLSearchParams([...link.searchParams]);
    forged.set('person', cleo.public_id);
    assert.equal((await post(forged)).status, 403);

    await db
      .updateTable('people')
      .set({ paused_until: new Date('2026-12-20T00:00:00Z') })
      .where('id', '=', ben.id)
      .execute();
    const refused = await post(new URLSearchParams([...link.searchParams]));
    assert.match(await refused.text(), /cannot take questions at the moment/);
    assert.deepEqual(await forwardedTo(ben.id), []);
    assert.deepEqual(await forwardedTo(cleo.id), []);
  });
});

test('a longer answer window moves both follow-ups later', async () => {
  await db.updateTable('sites').set({ answer_window_days: 10 }).where('id', '=', site.id).execute();
  try {
    await confirmedQuestion(ana.id, new Date('2026-11-30T09:00:00Z'));
    at('2026-12-03T09:00:00Z'); // day 3: not halfway through 10 days
    assert.deepEqual(await run(), { reminders: 0, secondChances: 0 });
    at('2026-12-07T09:00:00Z'); // day 7, Monday
    assert.deepEqual(await run(), { reminders: 1, secondChances: 0 });
    at('2026-12-10T10:00:00Z'); // past 10 days
    assert.deepEqual(await run(), { reminders: 0, secondChances: 1 });
  } finally {
    await db.updateTable('sites').set({ answer_window_days: 5 }).where('id', '=', site.id).execute();
  }
});
