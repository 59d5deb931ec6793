/**
 * Abuse: what a hostile client tries against the contact flow, the links in e-mails and /me, and the
 * code each attempt gets. Cases already tested elsewhere are not repeated here:
 * - contact.test.ts: made-up proofs count against the address limit (5 in 10 minutes, then 429 with
 *   Retry-After); 3 questions an hour per candidate address whatever the client address; without
 *   TRUST_PROXY a spoofed X-Forwarded-For is ignored; a forged signature, a wrong number, a moved issue
 *   time, an expired, a too-quick and a replayed proof; a link signed for one action or request used
 *   for another; confirming twice; only keyed hashes stored for the limits;
 * - me.test.ts: a forged ('A' × 43) and an expired sign-in token, a used invitation link, a withdraw
 *   link signed for someone else, POST /v1/me/withdraw from another origin and without one, one
 *   sign-in mail a minute per person;
 * - admin.test.ts: every admin route without a key, with a wrong key or another scheme.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Challenge, type ChallengeSolution } from '../sdk/contact-schemas.js';
import { ErrorBody } from '../sdk/schemas.js';
import { createApp } from './app.js';
import { Links } from './auth/links.js';
import { issueToken } from './auth/tokens.js';
import { MIN_FILL_MS, issueChallenge } from './contact/challenge.js';
import { addressGroup } from './rate-limit.js';
import { findLinks } from './mail/index.js';
import { signInLinksMade } from './auth/sign-in.js';
import type { Db } from './store/database.js';
import { createPerson, recordConsent } from './store/people.js';
import type { Site } from './store/schema.js';
import { createSite } from './store/sites.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { testClock } from '../../tests/support/clock.js';
import { overHttp, signIn as signInAs } from '../../tests/support/node/sign-in.js';
import { serveOnLoopback, type Served } from '../../tests/support/node/test-http.js';

const PUBLIC_URL = 'https://hallway.test';
const CAREERS = 'https://careers.acme.example';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let db: Db;
let drop: () => Promise<void>;
let site: Site;
let links: Links;
/** The contact flow's clock runs this far ahead of the real one: tests move it instead of waiting. */
const clock = testClock();
const now = clock.now;

/** Reached directly: the socket's address counts (TRUST_PROXY unset). */
let direct: Served;
/** Behind a proxy (TRUST_PROXY=1): the right-most X-Forwarded-For address counts. */
let proxied: Served;
/** Behind two proxies (TRUST_PROXY=2). */
let twoProxies: Served;

async function listen(trustProxy: boolean | number): Promise<Served> {
  // An easy proof of work: the tests solve hundreds; its difficulty is not what is tested here.
  return serveOnLoopback(createApp({ db, publicUrl: PUBLIC_URL, links, contact: { trustProxy, now, challengeMaxNumber: 2000 } }));
}

before(async () => {
  ({ db, drop } = await openTestDatabase());
  site = await createSite(db, { slug: 'acme', name: 'Acme Logistics', allowedOrigins: [CAREERS] });
  links = new Links(PUBLIC_URL, 'abuse-secret');
  direct = await listen(false);
  proxied = await listen(true);
  twoProxies = await listen(2);
});
after(async () => {
  for (const served of [direct, proxied, twoProxies]) await served.close();
  await drop();
});

/** Every test starts in fresh rate-limit windows: a day later, just past a day's boundary. */
beforeEach(() => {
  const t = now().getTime();
  clock.advance(Math.ceil(t / DAY) * DAY + DAY + 1000 - t);
});

// ---- helpers ----

let people = 0;
async function employee({ cap = 10 } = {}) {
  people++;
  const email = `employee${people}@acme.example`;
  const person = await createPerson(db, { siteId: site.id, email, fullName: `Ana Lopez${people}`, displayName: `Ana ${people}.`, jobTitle: 'Chef' });
  const consent = { personId: person.id, textVersion: 'v1', source: 'me' as const };
  await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
  await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
  await db.updateTable('people').set({ weekly_cap: cap }).where('id', '=', person.id).execute();
  return { ...person, email };
}

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

/** A solved challenge, issued long enough ago (by the server's clock) to pass the minimum fill time. */
async function proof(ageMs = MIN_FILL_MS + 1000) {
  clock.advance(-ageMs);
  try {
    const response = await fetch(`${direct.url}/v1/sites/acme/challenge`);
    return solve(Challenge.parse(await response.json()));
  } finally {
    clock.advance(ageMs);
  }
}

let candidates = 0;
const freshEmail = () => `candidate${++candidates}@mail.example`;
const MADE_UP: ChallengeSolution = { algorithm: 'SHA-256', challenge: '0'.repeat(64), salt: 'x?expires=9999999999&', number: 1, signature: '0'.repeat(64) };

async function question(overrides: Record<string, unknown> = {}) {
  return { name: 'Casey', email: freshEmail(), message: 'What is a day like?', consent: true, proof: await proof(), ...overrides };
}

async function send(personId: string, body: unknown, { server = direct, ip }: { server?: Served; ip?: string } = {}) {
  const response = await fetch(`${server.url}/v1/sites/acme/people/${personId}/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: CAREERS, ...(ip ? { 'X-Forwarded-For': ip } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, code: text ? ErrorBody.safeParse(JSON.parse(text)).data?.error.code : undefined, response };
}

const storedRequests = async (personId: number) =>
  Number(
    (
      await db
        .selectFrom('contact_requests')
        .select(sql<string>`count(*)`.as('n'))
        .where('person_id', '=', personId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A digest of every table a refused request could change. */
async function snapshot(): Promise<string> {
  const tables = ['people', 'consents', 'photos', 'tokens', 'sessions', 'outbox', 'contact_requests', 'testimonials'];
  const parts = tables.map((table) => sql<string>`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as d from ${sql.table(table)} t`);
  const { rows } = await sql<{ d: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows.map((row) => row.d).join(' ');
}

/** Posts a form to a page of the server, as a browser following a link would. */
async function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${direct.url}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' });
  return { status: response.status, text: await response.text(), cookie: response.headers.get('set-cookie') };
}

const signIn = (personId: number) => signInAs(overHttp(direct.url), db, personId, { Origin: PUBLIC_URL });

// ---- the contact flow ----

describe('contact floods', () => {
  test('one address, rotating e-mails: 5 accepted, then 429 for the rest of the 10 minutes; 20 attempts a day; nothing more stored', async () => {
    // Spread over four employees, so that none has more than 5 questions awaiting confirmation.
    const staff = await Promise.all(Array.from({ length: 4 }, () => employee()));
    let sent = 0;
    const ask = async () => (await send(staff[sent++ % staff.length]!.public_id, await question())).status;
    const stored = async () => (await Promise.all(staff.map((person) => storedRequests(person.id)))).reduce((a, b) => a + b, 0);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await ask());
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429, 429, 429]);
    assert.equal(await stored(), 5);

    // Each 10-minute window lets 5 more through until the day's 20 attempts (refused ones count) are spent.
    const later: number[] = [];
    for (let window = 1; window <= 4; window++) {
      clock.advance(10 * 60_000);
      for (let i = 0; i < 5; i++) later.push(await ask());
    }
    assert.deepEqual(later, [...Array(12).fill(202), ...Array(8).fill(429)]);
    assert.equal(await stored(), 17, '20 attempts a day from one address, 3 of them refused');
  });

  test('20 questions at once from one address: exactly 5 stored, 15 rate_limited (the count is one atomic upsert)', async () => {
    const ana = await employee();
    const bodies = await Promise.all(Array.from({ length: 20 }, () => question()));
    const answers = await Promise.all(bodies.map((body) => send(ana.public_id, body)));
    assert.equal(answers.filter((a) => a.status === 202).length, 5);
    assert.equal(answers.filter((a) => a.code === 'rate_limited').length, 15);
    assert.equal(await storedRequests(ana.id), 5);
  });

  test('one e-mail from rotating addresses is held back only behind valid proofs: made-up ones cannot lock a candidate out', async () => {
    const ana = await employee();
    const victim = 'victim@mail.example';
    for (let i = 0; i < 10; i++) {
      const { code } = await send(ana.public_id, await question({ email: victim, proof: MADE_UP }), { server: proxied, ip: `203.0.113.${i + 1}` });
      assert.equal(code, 'challenge_failed');
    }
    const own = await send(ana.public_id, await question({ email: victim }), { server: proxied, ip: '198.51.100.1' });
    assert.equal(own.status, 202, 'the candidate can still ask');
  });

  test('with TRUST_PROXY=1 the address the proxy appended (right-most) counts: addresses the client writes before it change nothing', async () => {
    const ana = await employee();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      // What nginx's $proxy_add_x_forwarded_for makes of a client that sent "X-Forwarded-For: 10.0.0.i, 10.9.9.i".
      const ip = `10.0.0.${i + 1}, 10.9.9.${i + 1}, 192.0.2.77`;
      codes.push((await send(ana.public_id, await question(), { server: proxied, ip })).code);
    }
    assert.deepEqual(codes, [undefined, undefined, undefined, undefined, undefined, 'rate_limited']);
    const other = await send((await employee()).public_id, await question(), { server: proxied, ip: '192.0.2.77, 192.0.2.78' });
    assert.equal(other.status, 202, 'another client behind the same proxy is not held up');
  });

  test('with TRUST_PROXY=2 the second address from the right counts (the outer proxy appended it, the inner one the outer)', async () => {
    const ana = await employee();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await send(ana.public_id, await question(), { server: twoProxies, ip: `198.18.${i}.1, 192.0.2.88, 10.1.1.${i + 1}` })).code);
    }
    assert.deepEqual(codes, [undefined, undefined, undefined, undefined, undefined, 'rate_limited']);
  });

  test('IPv6 clients count by their /64: rotating through one subscriber block does not reset the limit, another block is apart', async () => {
    const ana = await employee();
    const codes: (string | undefined)[] = [];
    const block = ['2001:db8:a:b::1', '2001:db8:a:b:ffff:1:2:3', '2001:0db8:000a:000b:0:0:0:9', '[2001:db8:a:b::7]', '2001:DB8:A:B::aa', '2001:db8:a:b:1::'];
    for (const address of block) codes.push((await send(ana.public_id, await question(), { server: proxied, ip: address })).code);
    assert.deepEqual(codes, [undefined, undefined, undefined, undefined, undefined, 'rate_limited']);
    assert.equal((await send((await employee()).public_id, await question(), { server: proxied, ip: '2001:db8:a:c::1' })).status, 202);
  });

  test('address groups: IPv4 as is (also IPv4-mapped), IPv6 by /64 however written', () => {
    const cases: [string, string][] = [
      ['192.0.2.1', '192.0.2.1'],
      ['::ffff:192.0.2.1', '192.0.2.1'],
      ['::1', '0:0:0:0::/64'],
      ['2001:db8::1.2.3.4', '2001:db8:0:0::/64'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      ['2001:0DB8:0000:0001:ab:cd:ef:01', '2001:db8:0:1::/64'],
      ['not an address', 'not an address'],
    ];
    for (const [address, group] of cases) assert.equal(addressGroup(address), group, address);
  });
});

describe('proofs of work', () => {
  test('one proof sent 6 times at once with 6 e-mails, to two server instances: exactly one question is stored', async () => {
    const ana = await employee();
    const body = await question();
    const answers = await Promise.all(
      [direct, proxied, direct, proxied, direct, proxied].map((server, i) =>
        send(ana.public_id, { ...body, email: freshEmail() }, { server, ip: `198.51.100.${i + 10}` }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [202, 400, 400, 400, 400, 400]);
    assert.ok(answers.filter((a) => a.status === 400).every((a) => a.code === 'challenge_failed'));
    assert.equal(await storedRequests(ana.id), 1);
  });

  test('a challenge solved but signed with another key, and a proof of another shape, are challenge_failed or invalid_body', async () => {
    const ana = await employee();
    clock.advance(-(MIN_FILL_MS + 1000));
    const foreign = solve(await issueChallenge('another-servers-key', now(), 2000));
    clock.advance(MIN_FILL_MS + 1000);
    assert.equal((await send(ana.public_id, await question({ proof: foreign }))).code, 'challenge_failed');
    const good = await proof();
    const shapes: [string, unknown, string][] = [
      ['SHA-512 named', { ...good, algorithm: 'SHA-512' }, 'invalid_body'],
      ['number as text', { ...good, number: String(good.number) }, 'invalid_body'],
      ['no signature', { ...good, signature: undefined }, 'invalid_body'],
      ['salt without its parameters', { ...good, salt: good.salt.split('?')[0] }, 'challenge_failed'],
      [
        'expiry pushed a year out',
        { ...good, salt: good.salt.replace(/expires=\d+/, `expires=${Math.floor(now().getTime() / 1000) + 365 * 86400}`) },
        'challenge_failed',
      ],
    ];
    for (const [name, forged, code] of shapes) {
      const sent = await send(ana.public_id, await question({ proof: forged }), { server: proxied, ip: `198.51.100.${Math.floor(Math.random() * 200)}` });
      assert.equal(sent.code, code, name);
    }
    assert.equal(await storedRequests(ana.id), 0);
  });
});

// ---- links in e-mails ----

describe('confirmation and one-click links', () => {
  async function pendingRequest() {
    const ana = await employee();
    const body = await question();
    assert.equal((await send(ana.public_id, body)).status, 202);
    const mail = await db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', body.email as string)
      .executeTakeFirstOrThrow();
    const link = findLinks(mail.text_body).find((url) => url.startsWith(`${PUBLIC_URL}/contact/confirm?`))!;
    return { ana, token: new URL(link).searchParams.get('token')! };
  }

  test('guessed, truncated, padded and empty confirmation tokens are refused (410) and confirm nothing', async () => {
    const { ana, token } = await pendingRequest();
    const before = await snapshot();
    const guesses = ['', 'A'.repeat(43), randomBytes(32).toString('base64url'), token.slice(0, -1), `${token}A`, token.toUpperCase(), encodeURIComponent(`${token} `)];
    for (const guess of guesses) {
      const { status, text } = await postForm('/contact/confirm', { token: guess });
      assert.equal(status, 410, guess);
      assert.match(text, /not valid/, guess);
    }
    assert.equal(await snapshot(), before);
    const row = await db.selectFrom('contact_requests').select('status').where('person_id', '=', ana.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'unconfirmed');
  });

  test('a confirmation link after 48 hours is expired (410) and passes nothing on', async () => {
    const { ana, token } = await pendingRequest();
    clock.advance(48 * HOUR + 60_000);
    const { status, text } = await postForm('/contact/confirm', { token });
    assert.equal(status, 410);
    assert.match(text, /expired/);
    assert.deepEqual(await db.selectFrom('outbox').select('id').where('to_address', '=', ana.email).execute(), []);
  });

  test('tampered one-click links (a changed character, a cut or lengthened signature, another request) are refused (403) and change nothing', async () => {
    const { ana, token } = await pendingRequest();
    assert.equal((await postForm('/contact/confirm', { token })).status, 200);
    const mail = await db.selectFrom('outbox').select('text_body').where('to_address', '=', ana.email).executeTakeFirstOrThrow();
    const before = await snapshot();
    for (const action of ['answered', 'decline', 'pause']) {
      const link = new URL(findLinks(mail.text_body).find((url) => url.startsWith(`${PUBLIC_URL}/contact/${action}?`))!);
      const request = link.searchParams.get('request')!;
      const sig = link.searchParams.get('sig')!;
      const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
      const forgeries = [
        { request, sig: flipped },
        { request, sig: sig.slice(0, -1) },
        { request, sig: `${sig}A` },
        { request, sig: '' },
        { request: `${request}x`, sig },
        { request: '', sig },
      ];
      for (const fields of forgeries) {
        const { status } = await postForm(`/contact/${action}`, fields);
        assert.equal(status, 403, `${action} ${JSON.stringify(fields)}`);
      }
    }
    assert.equal(await snapshot(), before);
  });

  test('a withdraw link with one character changed withdraws nothing (403)', async () => {
    const ana = await employee();
    const link = new URL(links.withdraw(ana.public_id, ana.email));
    const sig = link.searchParams.get('sig')!;
    const before = await snapshot();
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    const { status } = await postForm('/me/withdraw', { person: ana.public_id, sig: flipped });
    assert.equal(status, 403);
    assert.equal(await snapshot(), before);
  });
});

describe('magic links', () => {
  test('an invitation and an alumni invitation past their 14 days are expired (410): no session', async () => {
    for (const purpose of ['invitation', 'alumni_invitation'] as const) {
      const ana = await employee();
      const token = await issueToken(db, ana.id, purpose);
      await db
        .updateTable('tokens')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('person_id', '=', ana.id)
        .execute();
      const { status, text, cookie } = await postForm('/me/link', { token }, { Origin: PUBLIC_URL });
      assert.equal(status, 410, purpose);
      assert.match(text, /expired/, purpose);
      assert.equal(cookie, null, purpose);
    }
  });

  test('login CSRF: a link form posted from another site signs nobody in, and leaves the link usable', async () => {
    const ana = await employee();
    const token = await issueToken(db, ana.id, 'invitation');
    const forged: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'null' }, // another site's form on a no-referrer page
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://careers.hallway.test' },
      { Origin: 'https://evil.example' }, // a browser without Sec-Fetch-Site
    ];
    for (const headers of forged) {
      const { status, text, cookie } = await postForm('/me/link', { token }, headers);
      assert.equal(status, 403, JSON.stringify(headers));
      assert.match(text, /sent from another website/);
      assert.equal(cookie, null);
    }
    const own = await postForm('/me/link', { token }, { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' });
    assert.equal(own.status, 303, 'our own page’s form, which sends Origin: null');
    assert.ok(own.cookie);
  });

  test('a sign-in link used once is refused the second time (410 "already used")', async () => {
    const ana = await employee();
    const token = await issueToken(db, ana.id, 'sign_in');
    assert.equal((await postForm('/me/link', { token })).status, 303);
    const again = await postForm('/me/link', { token });
    assert.equal(again.status, 410);
    assert.match(again.text, /already used/);
    assert.equal(again.cookie, null);
  });

  test('one link clicked 5 times at once opens exactly one session', async () => {
    const ana = await employee();
    const token = await issueToken(db, ana.id, 'invitation');
    const answers = await Promise.all(Array.from({ length: 5 }, () => postForm('/me/link', { token })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [303, 410, 410, 410, 410]);
    const sessions = await db.selectFrom('sessions').select('token_hash').where('person_id', '=', ana.id).execute();
    assert.equal(sessions.length, 1);
  });

  test('200 guessed tokens: every one 410, no session made', async () => {
    const before = await db.selectFrom('sessions').select('token_hash').execute();
    for (let i = 0; i < 200; i++) {
      const { status, cookie } = await postForm('/me/link', { token: randomBytes(32).toString('base64url') });
      assert.equal(status, 410);
      assert.equal(cookie, null);
    }
    assert.equal((await db.selectFrom('sessions').select('token_hash').execute()).length, before.length);
  });

  test('a forged session cookie is 401 on /v1/me; a session past its 2 hours too', async () => {
    const forged = await fetch(`${direct.url}/v1/me`, { headers: { Cookie: `hw_session=${randomBytes(32).toString('base64url')}` } });
    assert.equal(forged.status, 401);
    const ana = await employee();
    const cookie = await signIn(ana.id);
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('person_id', '=', ana.id)
      .execute();
    const expired = await fetch(`${direct.url}/v1/me`, { headers: { Cookie: cookie } });
    assert.equal(expired.status, 401);
    assert.equal(ErrorBody.parse(await expired.json()).error.code, 'unauthorized');
  });

  test('sign-in flood: 30 requests for one address send one mail; the answer never says whether it is known', async () => {
    const ana = await employee();
    const ip = '192.0.2.30';
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => askSignIn(i % 2 ? ana.email : ana.email.toUpperCase(), ip)));
    assert.deepEqual(answers.filter((a) => a.status === 202).length, 20, 'the first 20 from one client address');
    // On PostgreSQL, 30 racing requests once sent 6: they take turns on the person now.
    await signInLinksMade();
    const mails = await db.selectFrom('outbox').select('id').where('to_address', '=', ana.email).execute();
    assert.equal(mails.length, 1);
    const unknown = await askSignIn('nobody@acme.example', '192.0.2.31');
    assert.deepEqual(await unknown.json(), await answers.find((a) => a.status === 202)!.json());
  });

  test('sign-in links for a staff list from one client address: 20 mailed, then 429 with Retry-After; other clients are not held up', async () => {
    const staff = await Promise.all(Array.from({ length: 25 }, () => employee()));
    const ip = '192.0.2.40';
    const statuses: number[] = [];
    for (const person of staff) statuses.push((await askSignIn(person.email, ip)).status);
    assert.deepEqual(statuses, [...Array(20).fill(202), ...Array(5).fill(429)]);
    await signInLinksMade();
    const mailed = await db
      .selectFrom('outbox')
      .select('to_address')
      .where(
        'to_address',
        'in',
        staff.map((p) => p.email),
      )
      .execute();
    assert.equal(mailed.length, 20);

    const refused = await askSignIn(staff[24]!.email, ip);
    assert.equal(ErrorBody.parse(await refused.json()).error.code, 'rate_limited');
    const retryAfter = Number(refused.headers.get('Retry-After'));
    assert.ok(retryAfter > 0 && retryAfter <= 600, `Retry-After: ${retryAfter} s, within the 10 minutes`);
    assert.equal((await askSignIn(staff[24]!.email, '192.0.2.41')).status, 202, 'the same person from elsewhere');
    await signInLinksMade();
    assert.equal(
      await db
        .selectFrom('outbox')
        .select('id')
        .where('to_address', '=', staff[24]!.email)
        .execute()
        .then((rows) => rows.length),
      1,
    );
  });
});

/** Asks for a sign-in link, through the proxy, from `ip`. */
const askSignIn = (email: string, ip: string) =>
  fetch(`${proxied.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify({ email }),
  });

// ---- CSRF against /me ----

describe('CSRF against /v1/me', () => {
  const writes: [string, string, (() => { body: BodyInit; type: string }) | undefined][] = [
    [
      'PUT',
      '/v1/me/profile',
      () => ({
        body: JSON.stringify({ displayName: 'Pwned', jobTitle: 'x', team: null, location: null, languages: [], bio: null, linkedinUrl: null }),
        type: 'application/json',
      }),
    ],
    ['PUT', '/v1/me/consent', () => ({ body: JSON.stringify({ showProfile: false }), type: 'application/json' })],
    ['POST', '/v1/me/withdraw', undefined],
    [
      'PUT',
      '/v1/me/testimonial',
      () => ({
        body: JSON.stringify({ quote: 'Pwned', roles: ['x'], fromYear: 2020, toYear: null, currentRole: null, nameStyle: 'full', publish: true }),
        type: 'application/json',
      }),
    ],
    ['DELETE', '/v1/me/testimonial', undefined],
    ['POST', '/v1/me/answers/x/publish', () => ({ body: JSON.stringify({ question: 'Pwned?', answer: 'Pwned.' }), type: 'application/json' })],
    ['POST', '/v1/me/answers/published/x/withdraw', undefined],
    ['PUT', '/v1/me/photo', () => ({ body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), type: 'image/png' })],
    ['DELETE', '/v1/me/photo', undefined],
    ['DELETE', '/v1/me/session', undefined],
    ['DELETE', '/v1/me', undefined],
    ['POST', '/v1/me/open-questions/q-1/answer', () => ({ body: JSON.stringify({ text: 'Pwned' }), type: 'application/json' })],
  ];
  const origins: [string, string | undefined][] = [
    ['a foreign origin', 'https://evil.example'],
    ['no Origin', undefined],
    ['Origin: null', 'null'],
    ['a look-alike host', 'https://hallway.test.evil.example'],
    ['plain http', 'http://hallway.test'],
    ['a subdomain', 'https://evil.hallway.test'],
  ];

  test('every write with a valid session but a foreign, missing, null or look-alike Origin is 403 forbidden and changes nothing', async () => {
    const ana = await employee();
    const cookie = await signIn(ana.id);
    const before = await snapshot();
    let tried = 0;
    for (const [method, path, makeBody] of writes) {
      for (const [name, origin] of origins) {
        const body = makeBody?.();
        const response = await fetch(`${direct.url}${path}`, {
          method,
          headers: { Cookie: cookie, ...(origin === undefined ? {} : { Origin: origin }), ...(body ? { 'Content-Type': body.type } : {}) },
          ...(body ? { body: body.body } : {}),
        });
        assert.equal(response.status, 403, `${method} ${path} with ${name}`);
        assert.equal(ErrorBody.parse(await response.json()).error.code, 'forbidden', `${method} ${path} with ${name}`);
        assert.equal(response.headers.get('access-control-allow-origin'), null);
        tried++;
      }
    }
    assert.equal(tried, writes.length * origins.length);
    assert.equal(await snapshot(), before, 'nothing changed');
    assert.equal((await fetch(`${direct.url}/v1/me`, { headers: { Cookie: cookie } })).status, 200, 'the session still works');
  });

  test('a cross-site HTML form post (urlencoded, no preflight) is refused the same way', async () => {
    const ana = await employee();
    const cookie = await signIn(ana.id);
    const before = await snapshot();
    for (const [method, path] of writes.filter(([method]) => method === 'POST' || method === 'PUT')) {
      const response = await fetch(`${direct.url}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'displayName=Pwned&showProfile=false',
      });
      assert.equal(response.status, 403, `${method} ${path}`);
    }
    assert.equal(await snapshot(), before);
  });

  test('reads with a foreign Origin get no CORS headers, so another site cannot read them', async () => {
    const ana = await employee();
    const cookie = await signIn(ana.id);
    for (const path of ['/v1/me', '/v1/me/export', '/v1/me/contact-stats', '/v1/me/photo']) {
      const response = await fetch(`${direct.url}${path}`, { headers: { Cookie: cookie, Origin: 'https://evil.example' } });
      assert.equal(response.headers.get('access-control-allow-origin'), null, path);
      assert.equal(response.headers.get('access-control-allow-credentials'), null, path);
      await response.arrayBuffer();
    }
  });
});
