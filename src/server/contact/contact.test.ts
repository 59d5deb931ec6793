import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { Challenge, ContactAccepted, type ChallengeSolution } from '../../sdk/contact-schemas.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { hashToken, issueToken } from '../auth/tokens.js';
import { findLinks, renderMail, type MailTemplate, type MailTemplates } from '../mail/index.js';
import { withdrawAll } from '../me/profile.js';
import type { Db } from '../store/database.js';
import { createPerson, recordConsent } from '../store/people.js';
import type { Site } from '../store/schema.js';
import { createSite } from '../store/sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { testClock } from '../../../tests/support/clock.js';
import { overHttp, signIn } from '../../../tests/support/node/sign-in.js';
import { landingPageParts, serveOnLoopback, type Served } from '../../../tests/support/node/test-http.js';
import { CHALLENGE_MAX_NUMBER, MIN_FILL_MS } from './challenge.js';
import { MAX_PENDING_PER_DAY } from './requests.js';
import { purgeOldData } from './retention.js';

const PUBLIC_URL = 'https://hallway.test';
const CAREERS = 'https://careers.acme.example';
const DAY = 24 * 3600_000;
const HOUR = 3600_000;

let db: Db;
let drop: () => Promise<void>;
let site: Site;
/** The server's clock runs this far from the real one: tests move it instead of waiting. */
const clock = testClock();
const now = clock.now;

/** Behind a proxy (TRUST_PROXY): each test sends from its own X-Forwarded-For address. */
let proxied: Served;
/** Reached directly: the socket's address counts, whatever X-Forwarded-For says. */
let direct: Served;
/** Every response body the tests saw, to check that no employee address ever leaks. */
const responseBodies: string[] = [];
const employeeEmails: string[] = [];

const listen = (trustProxy: boolean) =>
  serveOnLoopback(createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret'), contact: { trustProxy, now } }));

before(async () => {
  ({ db, drop } = await openTestDatabase());
  site = await createSite(db, { slug: 'acme', name: 'Acme Logistics', allowedOrigins: [CAREERS] });
  proxied = await listen(true);
  direct = await listen(false);
});
after(async () => {
  for (const served of [proxied, direct]) await served.close();
  await drop();
});

// ---- people ----

let counter = 0;
interface PersonSetup {
  channels?: ('message' | 'booking')[] | null;
  shown?: boolean;
  cap?: number;
  locale?: string;
}

async function newPerson({ channels = ['message'], shown = true, cap = 3, locale }: PersonSetup = {}) {
  counter++;
  const email = `employee${counter}@acme.example`;
  employeeEmails.push(email);
  const person = await createPerson(db, {
    siteId: site.id,
    email,
    fullName: `Ana Lopez${counter}`,
    displayName: `Ana L${counter}.`,
    jobTitle: 'Logistics Manager',
  });
  const consent = { personId: person.id, textVersion: 'v1', source: 'me' as const };
  if (shown) await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
  if (channels) await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels } });
  await db
    .updateTable('people')
    .set({ weekly_cap: cap, locale: locale ?? null })
    .where('id', '=', person.id)
    .execute();
  return { ...person, email, displayName: `Ana L${counter}.` };
}

// ---- the candidate's side: challenges, proofs, requests ----

/** The brute force a browser does: the first number whose salted hash is the challenge. */
function solve(challenge: Challenge): ChallengeSolution {
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (
      createHash('sha256')
        .update(challenge.salt + number)
        .digest('hex') === challenge.challenge
    ) {
      return { algorithm: 'SHA-256', challenge: challenge.challenge, salt: challenge.salt, number, signature: challenge.signature };
    }
  }
  throw new Error('no solution');
}

async function fetchChallenge(server = proxied): Promise<Challenge> {
  const response = await fetch(`${server.url}/v1/sites/acme/challenge`);
  assert.equal(response.status, 200);
  return Challenge.parse(await response.json());
}

/** A solved challenge issued `ageMs` ago (by the server's clock): old enough to pass the minimum fill time. */
async function proof(ageMs = MIN_FILL_MS + 1000, server = proxied) {
  clock.advance(-ageMs);
  const challenge = await fetchChallenge(server);
  clock.advance(ageMs);
  return solve(challenge);
}

let ips = 0;
/** What the client wrote, then the address the proxy appended: only the last one counts. */
const freshIp = () => (ips++, `10.0.0.1, 198.18.${Math.floor(ips / 250)}.${(ips % 250) + 1}`);
let candidates = 0;
const freshEmail = () => `casey${++candidates}@mail.example`;

interface SendOptions {
  origin?: string | null;
  ip?: string;
  server?: Served;
}

async function send(personId: string, body: Record<string, unknown>, { origin = CAREERS, ip = freshIp(), server = proxied }: SendOptions = {}) {
  const response = await fetch(`${server.url}/v1/sites/acme/people/${personId}/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip, ...(origin ? { Origin: origin } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  responseBodies.push(text);
  return { response, text, body: text ? JSON.parse(text) : undefined };
}

async function question(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Casey Candidate',
    email: freshEmail(),
    message: 'What does a typical day look like?\nAnd the team?',
    job: 'Logistics Manager',
    consent: true,
    lang: 'en',
    proof: 'proof' in overrides ? undefined : await proof(),
    ...overrides,
  };
}

/** Well-formed, but solves nothing this server issued. */
const MADE_UP: ChallengeSolution = { algorithm: 'SHA-256', challenge: '0'.repeat(64), salt: 'x?expires=9999999999&', number: 1, signature: '0'.repeat(64) };

/** A question to someone new, as another candidate would ask. */
const newPersonAsked = async () => send((await newPerson()).public_id, await question());

/** Sends a valid question and expects it accepted. */
async function ask(personId: string, overrides: Record<string, unknown> = {}) {
  const body = await question(overrides);
  const sent = await send(personId, body);
  assert.equal(sent.response.status, 202, sent.text);
  return { id: ContactAccepted.parse(sent.body).id, email: body.email as string };
}

function expectError(sent: { response: Response; body: any; text: string }, status: number, code: string) {
  assert.equal(sent.response.status, status, sent.text);
  assert.equal(sent.body.error.code, code, sent.text);
  return sent.body.error as { code: string; message: string; field?: string };
}

// ---- pages and mails ----

async function page(path: string, form?: Record<string, string>) {
  const response = await fetch(`${proxied.url}${path}`, form ? { method: 'POST', body: new URLSearchParams(form) } : {});
  const text = await response.text();
  responseBodies.push(text);
  return { status: response.status, text };
}

const mailsTo = (address: string) => db.selectFrom('outbox').selectAll().where('to_address', '=', address).orderBy('id').execute();
const requestRow = (id: string) => db.selectFrom('contact_requests').selectAll().where('public_id', '=', id).executeTakeFirstOrThrow();

/** A link of a mail, as a path on the test server (the mail has PUBLIC_URL's). */
function linkIn(text: string, path: string) {
  const link = findLinks(text).find((url) => url.startsWith(`${PUBLIC_URL}${path}?`));
  assert.ok(link, `a ${path} link in:\n${text}`);
  return link.slice(PUBLIC_URL.length);
}

const query = (path: string) => Object.fromEntries(new URL(path, PUBLIC_URL).searchParams);

async function confirm(candidateEmail: string) {
  const [mail] = await mailsTo(candidateEmail);
  assert.equal(mail?.template, 'contact_confirm');
  const link = linkIn(mail.text_body, '/contact/confirm');
  return page('/contact/confirm', query(link));
}

async function employeeMail(employeeEmail: string, requestId: string) {
  const mails = (await mailsTo(employeeEmail)).filter((mail) => mail.template === 'contact_request' && mail.text_body.includes(requestId));
  assert.equal(mails.length, 1, 'exactly one mail to the employee for the request');
  return mails[0]!;
}

// ---- tests ----

describe('challenge', () => {
  test('is ALTCHA-shaped, signed, with its expiry and issue time in the salt, never cached, readable from any page', async () => {
    const response = await fetch(`${proxied.url}/v1/sites/acme/challenge`, { headers: { Origin: 'https://anywhere.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const challenge = Challenge.parse(await response.json());
    assert.equal(challenge.algorithm, 'SHA-256');
    assert.equal(challenge.maxnumber, CHALLENGE_MAX_NUMBER);
    assert.match(challenge.challenge, /^[0-9a-f]{64}$/);
    assert.match(challenge.signature, /^[0-9a-f]{64}$/);
    const params = new URLSearchParams(challenge.salt.split('?')[1]);
    const expires = Number(params.get('expires')) * 1000;
    assert.ok(Math.abs(expires - (now().getTime() + 10 * 60_000)) < 2000, 'expires in 10 minutes');
    assert.ok(Math.abs(Number(params.get('issued')) - now().getTime()) < 2000);
    assert.ok(solve(challenge).number <= CHALLENGE_MAX_NUMBER);
    assert.equal((await fetch(`${proxied.url}/v1/sites/nope/challenge`)).status, 404);
  });

  test('a forged signature, a wrong number, an expired or too quick proof, and a replayed one are refused', async () => {
    const ana = await newPerson();
    const good = await proof();
    const cases: [string, ChallengeSolution, RegExp][] = [
      ['forged signature', { ...good, signature: 'f'.repeat(64) }, /not valid/],
      ['wrong number', { ...good, number: good.number + 1 }, /not valid/],
      ['moved issue time', { ...good, salt: good.salt.replace(/issued=\d+/, 'issued=1') }, /not valid/],
      ['expired', await proof(11 * 60_000), /open for too long/],
      ['too fast', await proof(1000), /very quick/],
    ];
    for (const [name, solution, message] of cases) {
      const error = expectError(await send(ana.public_id, await question({ proof: solution })), 400, 'challenge_failed');
      assert.equal(error.field, 'proof', name);
      assert.match(error.message, message, name);
    }
    await ask(ana.public_id, { proof: good });
    const replayed = expectError(await send(ana.public_id, await question({ proof: good })), 400, 'challenge_failed');
    assert.match(replayed.message, /already used/);
  });
});

describe('origins', () => {
  const preflight = (origin: string) =>
    fetch(`${proxied.url}/v1/sites/acme/people/x/contact`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });

  test('the preflight passes for the site’s origins and this server’s own, and fails for any other', async () => {
    for (const origin of [CAREERS, PUBLIC_URL]) {
      const allowed = await preflight(origin);
      assert.equal(allowed.status, 204, origin);
      assert.equal(allowed.headers.get('access-control-allow-origin'), origin);
      assert.equal(allowed.headers.get('access-control-allow-methods'), 'POST');
      assert.equal(allowed.headers.get('access-control-allow-headers'), 'content-type');
      assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    }
    const refused = await preflight('https://evil.example');
    assert.equal(refused.status, 403);
    for (const [name] of refused.headers) assert.ok(!name.startsWith('access-control-'), name);
  });

  test('a request from another origin, or without one, is refused without CORS headers', async () => {
    const ana = await newPerson();
    for (const origin of ['https://evil.example', null]) {
      const sent = await send(ana.public_id, await question(), { origin });
      expectError(sent, 403, 'origin_not_allowed');
      assert.equal(sent.response.headers.get('access-control-allow-origin'), null);
    }
    const allowed = await send(ana.public_id, await question());
    assert.equal(allowed.response.headers.get('access-control-allow-origin'), CAREERS);
    assert.match(allowed.response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });
});

describe('validation', () => {
  test('each invalid field is named; a body over 16 KB is refused', async () => {
    const ana = await newPerson();
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-address' }, 'email'],
      [{ name: '   ' }, 'name'],
      [{ message: 'x'.repeat(1001) }, 'message'],
      [{ consent: false }, 'consent'],
      [{ lang: 'de' }, 'lang'],
      [{ proof: { ...MADE_UP, number: 'one' } }, 'proof.number'],
    ];
    for (const [overrides, field] of cases) {
      const error = expectError(await send(ana.public_id, await question(overrides)), 400, 'invalid_body');
      assert.equal(error.field, field);
    }
    const notJson = await fetch(`${proxied.url}/v1/sites/acme/people/${ana.public_id}/contact`, {
      method: 'POST',
      headers: { Origin: CAREERS, 'Content-Type': 'application/json' },
      body: '{',
    });
    assert.equal(((await notJson.json()) as any).error.field, 'body');
    const huge = await send(ana.public_id, await question({ job: 'x'.repeat(17_000) }));
    expectError(huge, 413, 'payload_too_large');
  });

  test('the honeypot gets the answer a person gets, and nothing is stored or sent', async () => {
    const ana = await newPerson();
    const before = await db.selectFrom('contact_requests').select('id').execute();
    const outbox = await db.selectFrom('outbox').select('id').execute();
    const body = await question({ website: 'https://cheap-pills.example' });
    const sent = await send(ana.public_id, body);
    assert.equal(sent.response.status, 202);
    assert.deepEqual(Object.keys(ContactAccepted.parse(sent.body)), ['id', 'status']);
    assert.equal(sent.body.id.length, 16);
    assert.equal((await db.selectFrom('contact_requests').select('id').execute()).length, before.length);
    assert.equal((await db.selectFrom('outbox').select('id').execute()).length, outbox.length);
    assert.deepEqual(await mailsTo(body.email as string), []);
  });
});

describe('who can be asked', () => {
  test('unknown and hidden people are not found; people who did not opt into messages or are away cannot be asked', async () => {
    expectError(await send('nobody', await question()), 404, 'person_not_found');
    const hidden = await newPerson({ shown: false });
    expectError(await send(hidden.public_id, await question()), 404, 'person_not_found');

    const noContact = await newPerson({ channels: null });
    expectError(await send(noContact.public_id, await question()), 409, 'not_contactable');
    const bookingOnly = await newPerson({ channels: ['booking'] });
    expectError(await send(bookingOnly.public_id, await question()), 409, 'not_contactable');

    const away = await newPerson();
    await db
      .updateTable('people')
      .set({ paused_until: new Date(now().getTime() + DAY) })
      .where('id', '=', away.id)
      .execute();
    const paused = expectError(await send(away.public_id, await question()), 409, 'not_contactable');
    assert.match(paused.message, /away/);
  });

  test('the weekly cap counts confirmed questions only; the 4th of a cap of 3 is refused', async () => {
    const ana = await newPerson({ cap: 3 });
    const unconfirmed = await ask(ana.public_id);
    for (let i = 0; i < 3; i++) assert.equal((await confirm((await ask(ana.public_id)).email)).status, 200);
    const error = expectError(await send(ana.public_id, await question()), 409, 'cap_reached');
    assert.match(error.message, /as many questions as they can answer this week/);
    const card = await (await fetch(`${direct.url}/v1/sites/acme/people/${ana.public_id}`)).json();
    assert.equal(card.availability, 'busy', 'candidates see them as busy until the week has room again');
    assert.equal(card.availableFrom, null, 'no date: the week is rolling, not paused');

    // The one still unconfirmed is refused when confirmed, and the candidate is told kindly.
    const late = await confirm(unconfirmed.email);
    assert.match(late.text, /not passed on/);
    assert.equal((await requestRow(unconfirmed.id)).status, 'refused_cap');
    assert.deepEqual(
      (await mailsTo(unconfirmed.email)).map((mail) => mail.template),
      ['contact_confirm', 'contact_cap_reached'],
    );
    assert.equal((await mailsTo(ana.email)).length, 3);

    clock.advance(7 * DAY + 60_000);
    try {
      await ask(ana.public_id); // a week later there is room again
    } finally {
      clock.advance(-(7 * DAY + 60_000));
    }
  });

  test('twelve strangers asking one employee make 5 confirmation mails in their name, then 409 not_contactable until one is confirmed or a day has passed', async () => {
    const ana = await newPerson({ cap: 10 });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await send(ana.public_id, await question())); // each from its own address
    assert.deepEqual(
      answers.map((a) => a.response.status),
      [...Array(MAX_PENDING_PER_DAY).fill(202), ...Array(12 - MAX_PENDING_PER_DAY).fill(409)],
    );
    const refused = expectError(answers.at(-1)!, 409, 'not_contactable');
    assert.match(refused.message, /many questions waiting/);
    const retryAfter = Number(answers.at(-1)!.response.headers.get('Retry-After'));
    assert.ok(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, `Retry-After ${retryAfter}`);
    const stored = await db.selectFrom('contact_requests').select('candidate_email').where('person_id', '=', ana.id).execute();
    assert.equal(stored.length, MAX_PENDING_PER_DAY);
    assert.equal((await newPersonAsked()).response.status, 202, 'another employee is not held up');

    assert.equal((await confirm(stored[0]!.candidate_email)).status, 200);
    await ask(ana.public_id); // a confirmed question no longer waits
    expectError(await send(ana.public_id, await question()), 409, 'not_contactable');
    clock.advance(DAY + 60_000);
    try {
      await ask(ana.public_id); // the next day
    } finally {
      clock.advance(-(DAY + 60_000));
    }
  });

  test('someone who withdraws before the candidate confirms never receives the question', async () => {
    const ana = await newPerson();
    const request = await ask(ana.public_id);
    await withdrawAll(db, ana.id, 'me');
    const confirmed = await confirm(request.email);
    assert.equal(confirmed.status, 200);
    assert.equal((await requestRow(request.id)).status, 'refused_unavailable');
    assert.deepEqual(await mailsTo(ana.email), []);
    assert.deepEqual(
      (await mailsTo(request.email)).map((mail) => mail.template),
      ['contact_confirm', 'contact_declined'],
    );
  });
});

describe('rate limits', () => {
  // Limits count in fixed windows: start each test just after an hour (and so a 10-minute) boundary,
  // so that no window ends in the middle of one.
  let shift = 0;
  beforeEach(() => {
    const t = now().getTime();
    shift = Math.ceil(t / 3600_000) * 3600_000 + 1_000 - t;
    clock.advance(shift);
  });
  afterEach(() => {
    clock.advance(-shift);
  });

  test('per address: 5 attempts in 10 minutes, valid or not, then 429 with Retry-After', async () => {
    const ana = await newPerson({ cap: 10 });
    const ip = '198.51.100.7';
    for (let i = 0; i < 5; i++) {
      expectError(await send(ana.public_id, await question({ proof: MADE_UP }), { ip }), 400, 'challenge_failed');
    }
    const limited = await send(ana.public_id, await question(), { ip });
    expectError(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.response.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 600, `Retry-After: ${retryAfter}`);
    await ask(ana.public_id); // another address is not held back
  });

  test('per e-mail address: 3 questions an hour, whatever the client address', async () => {
    const ana = await newPerson({ cap: 10 });
    const email = 'busy.candidate@mail.example';
    for (let i = 0; i < 3; i++) await ask(ana.public_id, { email });
    const limited = await send(ana.public_id, await question({ email: 'Busy.Candidate@mail.example' }));
    expectError(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.response.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 3600, `Retry-After: ${retryAfter}`);
  });

  test('without TRUST_PROXY the socket address counts and X-Forwarded-For is ignored', async () => {
    const ana = await newPerson({ cap: 10 });
    for (let i = 0; i < 5; i++) {
      const sent = await send(ana.public_id, await question({ proof: MADE_UP }), { server: direct });
      expectError(sent, 400, 'challenge_failed');
    }
    expectError(await send(ana.public_id, await question(), { server: direct }), 429, 'rate_limited');
  });

  test('only keyed hashes are stored, never an address', async () => {
    const buckets = (await db.selectFrom('rate_limits').select('bucket').execute()).map((row) => row.bucket).join('\n');
    for (const raw of ['198.51.100.7', '127.0.0.1', 'busy.candidate', '@mail.example']) assert.ok(!buckets.includes(raw), raw);
  });
});

describe('a question from sending to answer', () => {
  let ana: Awaited<ReturnType<typeof newPerson>>;
  let first: { id: string; email: string };
  let employeeText: string;

  test('202 and one confirmation mail, to the candidate only', async () => {
    ana = await newPerson({ cap: 10 });
    first = await ask(ana.public_id, { name: 'Casey <b>Candidate</b>' });
    assert.equal((await requestRow(first.id)).status, 'unconfirmed');
    const [mail, ...others] = await mailsTo(first.email);
    assert.equal(others.length, 0);
    assert.equal(mail!.template, 'contact_confirm');
    assert.equal(mail!.subject, `Confirm your question to ${ana.displayName}`);
    assert.match(mail!.text_body, /If you didn't ask, ignore this e-mail/);
    assert.ok(!mail!.text_body.includes('/me/withdraw'), 'no withdraw footer for candidates');
    assert.deepEqual(mail!.headers, {}, 'no List-Unsubscribe for candidates');
    assert.ok(mail!.html_body.includes('Casey &lt;b&gt;Candidate&lt;/b&gt;'));
    assert.deepEqual(await mailsTo(ana.email), []);
  });

  test('opening the link confirms nothing; the button does, once', async () => {
    const [mail] = await mailsTo(first.email);
    const link = linkIn(mail!.text_body, '/contact/confirm');
    const opened = await page(link);
    assert.equal(opened.status, 200);
    assert.match(opened.text, /<form method="post" action="\/contact\/confirm">/);
    assert.ok(opened.text.includes(ana.displayName));
    assert.equal((await requestRow(first.id)).status, 'unconfirmed');

    const confirmed = await page('/contact/confirm', query(link));
    assert.equal(confirmed.status, 200);
    assert.match(confirmed.text, /on its way/);
    assert.equal((await requestRow(first.id)).status, 'confirmed');

    const again = await page('/contact/confirm', query(link));
    assert.equal(again.status, 410);
    assert.match(again.text, /already used/);
    const forged = await page('/contact/confirm', { token: 'A'.repeat(43) });
    assert.equal(forged.status, 410);
    assert.match(forged.text, /not valid/);
  });

  test('the employee gets one mail: the question, Reply-To the candidate, one-click links and the withdraw line', async () => {
    const mail = await employeeMail(ana.email, first.id);
    employeeText = mail.text_body;
    assert.equal(mail.headers['Reply-To'], first.email);
    assert.ok(mail.headers['List-Unsubscribe']?.includes('/me/withdraw'));
    assert.equal(mail.subject, 'Acme Logistics: a question from Casey <b>Candidate</b>');
    assert.match(mail.text_body, /> What does a typical day look like\?\n> And the team\?/);
    assert.match(mail.text_body, /the job "Logistics Manager"/);
    assert.match(mail.text_body, /Reply to this e-mail to answer Casey <b>Candidate<\/b>: your reply goes to their address; yours stays private until you reply\./);
    for (const path of ['/contact/answered', '/contact/decline', '/contact/pause', '/me/withdraw']) linkIn(mail.text_body, path);
    assert.match(mail.text_body.trimEnd().split('\n').at(-1)!, /^Withdraw all my consents .*\/me\/withdraw\?/);
    assert.ok(mail.html_body.includes('<blockquote'));
    assert.ok(!mail.html_body.includes('<b>Candidate'), 'escaped in HTML');
  });

  test('"I answered" is a page, then a button; twice is harmless', async () => {
    const link = linkIn(employeeText, '/contact/answered');
    assert.match((await page(link)).text, /<form method="post" action="\/contact\/answered">/);
    assert.equal((await requestRow(first.id)).status, 'confirmed');
    clock.advance(5 * 3600_000);
    try {
      assert.match((await page('/contact/answered', query(link))).text, /Marked as answered/);
    } finally {
      clock.advance(-(5 * 3600_000));
    }
    assert.equal((await requestRow(first.id)).status, 'answered');
    assert.match((await page('/contact/answered', query(link))).text, /Marked as answered/);
    assert.match((await page('/contact/decline', query(linkIn(employeeText, '/contact/decline')))).text, /already marked this question as answered/);
    assert.equal((await requestRow(first.id)).status, 'answered');
  });

  test('a link signed for one action or request does nothing for another', async () => {
    const { request, sig } = query(linkIn(employeeText, '/contact/answered'));
    assert.equal((await page('/contact/decline', { request: request!, sig: sig! })).status, 403);
    const second = await ask(ana.public_id);
    assert.equal((await page('/contact/answered', { request: second.id, sig: sig! })).status, 403);
    assert.equal((await requestRow(second.id)).status, 'unconfirmed');
  });

  test('"Decline politely" sends the candidate one kind note, once', async () => {
    const request = await ask(ana.public_id);
    await confirm(request.email);
    const link = linkIn((await employeeMail(ana.email, request.id)).text_body, '/contact/decline');
    assert.equal((await page(link)).status, 200);
    assert.equal((await requestRow(request.id)).status, 'confirmed');
    assert.match((await page('/contact/decline', query(link))).text, /Declined/);
    assert.match((await page('/contact/decline', query(link))).text, /Declined/);
    const notes = (await mailsTo(request.email)).filter((mail) => mail.template === 'contact_declined');
    assert.equal(notes.length, 1);
    assert.match(notes[0]!.text_body, /not available to answer it/);
    assert.ok(notes[0]!.text_body.includes(CAREERS), 'points to the careers site');
    assert.equal((await requestRow(request.id)).status, 'declined');
  });

  test('"Pause for 2 weeks" makes new questions wait', async () => {
    const cy = await newPerson({ cap: 10 });
    const request = await ask(cy.public_id);
    await confirm(request.email);
    const link = linkIn((await employeeMail(cy.email, request.id)).text_body, '/contact/pause');
    assert.match((await page(link)).text, /Pause questions for two weeks/);
    const paused = await page('/contact/pause', query(link));
    assert.match(paused.text, /Paused until/);
    const { paused_until } = await db.selectFrom('people').select('paused_until').where('id', '=', cy.id).executeTakeFirstOrThrow();
    assert.ok(Math.abs(paused_until!.getTime() - (now().getTime() + 14 * DAY)) < 60_000);
    expectError(await send(cy.public_id, await question()), 409, 'not_contactable');
  });

  test('decline and pause links expire with the question: two weeks after it was passed on, and pause once it is settled', async () => {
    const bea = await newPerson({ cap: 10 });
    const request = await ask(bea.public_id);
    await confirm(request.email);
    const text = (await employeeMail(bea.email, request.id)).text_body;
    const [decline, pause, answered] = ['/contact/decline', '/contact/pause', '/contact/answered'].map((path) => linkIn(text, path));
    const expired = async (link: string) => {
      for (const opened of [await page(link), await page(link.split('?')[0]!, query(link))]) {
        assert.equal(opened.status, 410);
        assert.match(opened.text, /expired with the question/);
      }
    };
    clock.advance(14 * DAY);
    try {
      await expired(decline!);
      await expired(pause!);
      assert.match((await page('/contact/answered', query(answered!))).text, /Marked as answered/, '"I answered" still records');
    } finally {
      clock.advance(-(14 * DAY));
    }
    await expired(pause!); // answered: the question is settled
    const { paused_until } = await db.selectFrom('people').select('paused_until').where('id', '=', bea.id).executeTakeFirstOrThrow();
    assert.equal(paused_until, null);
    assert.equal((await requestRow(request.id)).status, 'answered');
    assert.match(text, /These links work for two weeks/);
  });

  test('the employee sees their own figures', async () => {
    const cookie = await signIn(overHttp(proxied.url), db, ana.id);
    assert.equal((await fetch(`${proxied.url}/v1/me/contact-stats`)).status, 401);
    const response = await fetch(`${proxied.url}/v1/me/contact-stats`, { headers: { Cookie: cookie } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { received: 2, answered: 1, medianResponseHours: 5 });
  });

  test('no response and no candidate mail holds an employee address', async () => {
    const candidateMails = await db.selectFrom('outbox').selectAll().where('template', 'in', ['contact_confirm', 'contact_declined', 'contact_cap_reached']).execute();
    assert.ok(candidateMails.length > 10);
    const seen = [
      ...responseBodies,
      ...candidateMails.map((mail) => [mail.to_address, mail.subject, mail.text_body, mail.html_body, JSON.stringify(mail.headers)].join('\n')),
    ];
    for (const email of employeeEmails) for (const text of seen) assert.ok(!text.includes(email), `${email} leaked`);
  });
});

describe('in French', () => {
  test('the candidate’s pages and mails follow their language, the employee’s follow theirs', async () => {
    const marie = await newPerson({ locale: 'fr-CA' });
    const request = await ask(marie.public_id, { lang: 'fr' });
    const [mail] = await mailsTo(request.email);
    assert.equal(mail!.subject, `Confirmez votre question à ${marie.displayName}`);
    const opened = await page(linkIn(mail!.text_body, '/contact/confirm'));
    assert.match(opened.text, /<html lang="fr">/);
    assert.match(opened.text, /Envoyer ma question/);
    assert.match((await confirm(request.email)).text, /Votre question est partie/);
    const forwarded = await employeeMail(marie.email, request.id);
    assert.equal(forwarded.locale, 'fr');
    assert.match(forwarded.subject, /^Acme Logistics\u00a0: une question de Casey Candidate$/);
    assert.match((await page(linkIn(forwarded.text_body, '/contact/decline'))).text, /Décliner poliment/);
  });
});

describe('the pages people land on', () => {
  /** What a person sees: the page's language, the site named in its header, its link back, its primary action. */
  async function open(path: string, { acceptLanguage, form }: { acceptLanguage?: string; form?: Record<string, string> } = {}) {
    const headers = acceptLanguage ? { 'Accept-Language': acceptLanguage } : undefined;
    const response = await fetch(`${proxied.url}${path}`, form ? { method: 'POST', body: new URLSearchParams(form), headers } : { headers });
    const text = await response.text();
    responseBodies.push(text);
    return {
      status: response.status,
      text,
      ...landingPageParts(text),
    };
  }
  const confirmLink = async (candidateEmail: string) => linkIn((await mailsTo(candidateEmail))[0]!.text_body, '/contact/confirm');

  test('the candidate’s confirmation names the site, and the way on is back to the careers page they asked from', async () => {
    const request = await ask((await newPerson()).public_id);
    const link = await confirmLink(request.email);
    const asked = await open(link, { acceptLanguage: 'fr' });
    assert.equal(asked.lang, 'en', 'the language the candidate wrote in');
    assert.deepEqual(asked.header, [CAREERS, 'Acme Logistics']);
    assert.equal(asked.action, 'Send my question');
    assert.deepEqual(asked.footerLink, [CAREERS, 'Back to the Acme Logistics careers site']);

    const sent = await open('/contact/confirm', { form: query(link) });
    assert.match(sent.text, /<h1>Your question is on its way<\/h1>/);
    assert.deepEqual(sent.action, [CAREERS, 'Back to the Acme Logistics careers site']);
    assert.equal(sent.footerLink, undefined, 'the way back is the primary action, not said twice');
  });

  test('a used or expired confirmation link says so on opening, and leads back to the careers site to ask again', async () => {
    const used = await ask((await newPerson()).public_id, { lang: 'fr' });
    const usedLink = await confirmLink(used.email);
    await open('/contact/confirm', { form: query(usedLink) });
    const again = await open(usedLink);
    assert.equal(again.status, 410);
    assert.equal(again.lang, 'fr');
    assert.match(again.text, /Ce lien a déjà servi/);
    assert.doesNotMatch(again.text, /<form/, 'no button that cannot work');
    assert.deepEqual(again.action, [CAREERS, 'Retour au site carrières Acme Logistics']);

    const late = await ask((await newPerson()).public_id);
    const lateLink = await confirmLink(late.email);
    clock.advance(2 * DAY + HOUR);
    try {
      for (const expired of [await open(lateLink), await open('/contact/confirm', { form: query(lateLink) })]) {
        assert.equal(expired.status, 410);
        assert.match(expired.text, /This link has expired: it works for 48 hours/);
        assert.deepEqual(expired.action, [CAREERS, 'Ask your question again']);
        assert.deepEqual(expired.header, [CAREERS, 'Acme Logistics']);
      }
    } finally {
      clock.advance(-(2 * DAY + HOUR));
    }
    assert.equal((await requestRow(late.id)).status, 'unconfirmed');
  });

  test('a made-up confirmation link names no site, in the browser’s language', async () => {
    const page = await open('/contact/confirm?token=made-up', { acceptLanguage: 'fr-CH, en;q=0.8' });
    assert.equal(page.status, 410);
    assert.equal(page.lang, 'fr');
    assert.deepEqual(page.header, [undefined, 'Hallway']);
    assert.match(page.text, /Ce lien n’est pas valide/);
  });

  test('the employee’s pages follow their language, else their browser’s, else the site’s, and lead to their profile', async () => {
    const unsaid = await newPerson({ cap: 10 });
    const request = await ask(unsaid.public_id);
    await confirm(request.email);
    const text = (await employeeMail(unsaid.email, request.id)).text_body;
    const pause = linkIn(text, '/contact/pause');
    const asked = await open(pause, { acceptLanguage: 'fr-FR,fr;q=0.9' });
    assert.equal(asked.lang, 'fr', 'no language of their own: the browser’s');
    assert.equal(asked.action, 'Suspendre deux semaines');
    assert.deepEqual(asked.header, [CAREERS, 'Acme Logistics']);
    assert.equal((await open(pause)).lang, 'en', 'nor the browser’s: the site’s');

    const done = await open('/contact/answered', { form: query(linkIn(text, '/contact/answered')), acceptLanguage: 'fr' });
    assert.match(done.text, /<h1>Merci d’avoir répondu<\/h1>/);
    assert.deepEqual(done.action, ['/me', 'Aller à ma page de profil']);
    assert.deepEqual(done.footerLink, [CAREERS, 'Retour au site carrières Acme Logistics']);

    const english = await newPerson({ cap: 10, locale: 'en' });
    const second = await ask(english.public_id);
    await confirm(second.email);
    const decline = linkIn((await employeeMail(english.email, second.id)).text_body, '/contact/decline');
    assert.equal((await open(decline, { acceptLanguage: 'fr' })).lang, 'en', 'their own language first');
    const declined = await open('/contact/decline', { form: query(decline), acceptLanguage: 'fr' });
    assert.match(declined.text, /<h1>Question declined<\/h1>/);
    assert.deepEqual(declined.action, ['/me', 'Go to my profile page']);
  });

  test('a forged action link names no site and leads to the profile page', async () => {
    const page = await open('/contact/decline?request=x&sig=y', { acceptLanguage: 'fr' });
    assert.equal(page.status, 403);
    assert.equal(page.lang, 'fr');
    assert.deepEqual(page.header, [undefined, 'Hallway']);
    assert.deepEqual(page.action, ['/me', 'Aller à ma page de profil']);
  });
});

describe('retention', () => {
  test('requests older than the retention period go, with their mails, spent challenges and rate-limit windows', async () => {
    const ana = await newPerson({ cap: 10 });
    const recent = await (async () => {
      clock.advance(89 * DAY);
      try {
        return await ask(ana.public_id);
      } finally {
        clock.advance(-(89 * DAY));
      }
    })();
    const before = await db.selectFrom('contact_requests').select('public_id').execute();
    assert.ok(before.length > 10);

    // Some tests sent questions up to a week ahead on the server's clock: purge from further ahead.
    const purged = await purgeOldData(db, 90, new Date(Date.now() + 98 * DAY));
    assert.equal(purged.requests, before.length - 1);
    assert.deepEqual(await db.selectFrom('contact_requests').select('public_id').execute(), [{ public_id: recent.id }]);
    // Mails are stamped by the database's clock, not the flow's: every one is past 90 days from there.
    assert.deepEqual(await db.selectFrom('outbox').select('template').where('template', 'like', 'contact%').execute(), []);
    assert.deepEqual(await db.selectFrom('used_challenges').selectAll().execute(), []);
    assert.deepEqual(await db.selectFrom('rate_limits').selectAll().execute(), []);
  });

  test('it also removes sign-in and invitation mails once their links are dead, old testimonial mails, expired links and sessions', async () => {
    const at = new Date(Date.now() + 200 * DAY); // past everything the other tests made
    const ago = (ms: number) => new Date(at.getTime() - ms);
    const mail = async (template: string, createdAt: Date) => {
      const row = await db
        .insertInto('outbox')
        .values({ to_address: `${template}@acme.example`, template, locale: 'en', subject: template, text_body: 't', html_body: 'h' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`update outbox set created_at = ${createdAt} where id = ${row.id}`.execute(db);
      return row;
    };
    const gone = [
      await mail('sign_in', ago(15 * DAY)),
      await mail('invitation', ago(15 * DAY)),
      await mail('alumni_invitation', ago(15 * DAY)),
      await mail('testimonial_approved', ago(91 * DAY)),
    ];
    const kept = [await mail('sign_in', ago(13 * DAY)), await mail('invitation', ago(DAY)), await mail('testimonial_rejected', ago(89 * DAY))];
    const ana = await newPerson();
    const deadToken = await issueToken(db, ana.id, 'sign_in', ago(HOUR)); // expired half an hour ago
    const liveToken = await issueToken(db, ana.id, 'invitation', ago(DAY));
    const session = (expires: Date) =>
      db
        .insertInto('sessions')
        .values({ token_hash: `s-${expires.getTime()}`, person_id: ana.id, expires_at: expires })
        .execute();
    await session(ago(1000));
    await session(new Date(at.getTime() + HOUR));

    await purgeOldData(db, 90, at);
    const ids = (await db.selectFrom('outbox').select('id').execute()).map((row) => row.id);
    for (const row of gone) assert.ok(!ids.includes(row.id));
    for (const row of kept) assert.ok(ids.includes(row.id));
    const tokens = await db.selectFrom('tokens').select('token_hash').where('person_id', '=', ana.id).execute();
    assert.deepEqual(
      tokens.map((row) => row.token_hash),
      [hashToken(liveToken)],
    );
    assert.notEqual(hashToken(deadToken), hashToken(liveToken));
    const sessions = await db.selectFrom('sessions').select('expires_at').where('person_id', '=', ana.id).execute();
    assert.deepEqual(
      sessions.map((row) => row.expires_at.getTime()),
      [at.getTime() + HOUR],
    );
  });
});

describe('contact mails', () => {
  const data: { [T in MailTemplate]?: MailTemplates[T] } = {
    contact_confirm: { siteName: 'Acme', candidateName: 'Casey', displayName: 'Ana L.', link: `${PUBLIC_URL}/contact/confirm?token=t` },
    contact_request: {
      siteName: 'Acme',
      name: 'Ana Lopez',
      candidateName: 'Casey',
      message: 'Hello',
      job: null,
      answeredUrl: `${PUBLIC_URL}/contact/answered?request=r&sig=s`,
      declineUrl: `${PUBLIC_URL}/contact/decline?request=r&sig=s`,
      pauseUrl: `${PUBLIC_URL}/contact/pause?request=r&sig=s`,
      withdrawUrl: `${PUBLIC_URL}/me/withdraw?person=p&sig=s`,
    },
    contact_declined: { siteName: 'Acme', candidateName: 'Casey', displayName: 'Ana L.', careersUrl: CAREERS },
    contact_cap_reached: { siteName: 'Acme', candidateName: 'Casey', displayName: 'Ana L.', careersUrl: CAREERS },
  };

  test('in English and French, escaped in HTML, never calling anyone an ambassador; only the employee’s has the withdraw line', () => {
    for (const [template, values] of Object.entries(data) as [MailTemplate, MailTemplates[MailTemplate]][]) {
      for (const locale of ['en', 'fr'] as const) {
        const hostile = { ...values, candidateName: '<script>x</script>', ...('message' in values ? { message: '<img src=x>' } : {}) };
        const mail = renderMail(template, locale, hostile);
        const where = `${template}/${locale}`;
        assert.doesNotMatch(mail.html, /<script|<img/, where);
        assert.ok(mail.text.includes('<script>x</script>'), where);
        assert.doesNotMatch(mail.subject + mail.text + mail.html, /ambassad/i, where);
        assert.match(mail.html, new RegExp(`<html lang="${locale}">`), where);
        const withdraws = mail.text.includes('/me/withdraw');
        assert.equal(withdraws, template === 'contact_request', where);
      }
    }
    assert.match(renderMail('contact_confirm', 'fr', data.contact_confirm!).subject, /^Confirmez votre question à Ana L\.$/);
    assert.match(renderMail('contact_request', 'fr', data.contact_request!).text, /Répondez à cet e-mail pour répondre à Casey\u00a0:/);
  });
});

describe('with the relay on (RELAY_DOMAIN)', () => {
  test("the candidate's confirmation mail does not say the employee will see their address, in English and French", async () => {
    const relayed = await serveOnLoopback(
      createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret'), contact: { trustProxy: true, now, relayDomain: 'relay.hallway.test' } }),
    );
    try {
      const ana = await newPerson({ cap: 10 });
      for (const [lang, hidden, shown] of [
        ['en', /will see your name and your message, not your e-mail address/, /will see your name, your e-mail address/],
        ['fr', /verra votre nom et votre message, mais pas votre adresse e-mail/, /verra votre nom, votre adresse e-mail/],
      ] as const) {
        const body = await question({ lang, proof: await proof(undefined, relayed) });
        assert.equal((await send(ana.public_id, body, { server: relayed })).response.status, 202);
        const [mail] = await mailsTo(body.email as string);
        assert.match(mail!.text_body, hidden);
        assert.doesNotMatch(mail!.text_body, shown);
      }
    } finally {
      await relayed.close();
    }
  });
});
