import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { Challenge, ContactAccepted, type ChallengeSolution } from '../../src/sdk/contact-schemas.js';
import { ErrorBody } from '../../src/sdk/schemas.js';
import { MIN_FILL_MS } from '../../src/server/contact/challenge.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { demo } from '../support/node/harness.js';
import { openDatabase, type Db } from '../../src/server/store/database.js';
import { migrate } from '../../src/server/store/migrations.js';
import { createPerson, recordConsent } from '../../src/server/store/people.js';
import {
  MAIL_FROM,
  SITE,
  confirm,
  createDatabase,
  duplicatesIn,
  postQuestion,
  question,
  request,
  solve,
  startPostgres,
  startSmtpSink,
  type Postgres,
  type SmtpSink,
} from '../support/node/soak.js';
import { testClock } from '../support/clock.js';
import { until } from '../support/until.js';

/**
 * 1,000 contact requests sent at once to one server, through a pool of kept-alive connections: 923
 * that must be accepted and 77 that must be refused (invalid bodies, replayed proofs, one address and
 * one e-mail over their limits). Every 202 is stored and, once confirmed, delivered exactly once to a
 * real SMTP server; no refused one is stored.
 */
const VALID = 900;
const INVALID = 40;
const REPLAYED = 20;
const SAME_IP = 10;
const SAME_EMAIL = 30;
const TOTAL = VALID + INVALID + REPLAYED + SAME_IP + SAME_EMAIL;
/** The production limits, in windows so long that no window can end during the test. */
const LONG = 1e12;
/** 1,000 questions to 100 people: each gets far more than the 5 a day awaiting confirmation that production allows. */
const LIMITS = { perIp: [{ max: 5, windowMs: LONG }], perEmail: [{ max: 3, windowMs: LONG }], pendingPerPerson: 1_000 };
const SOCKETS = 250;
/** The contact routes' clock: moved past the time a person takes to write instead of waiting it. */
const clock = testClock();
/** Every answer comes within this, however loaded the machine: past it the request counts as hung. */
const BOUND_MS = 120_000;

let cluster: Postgres;
before(async () => {
  cluster = await startPostgres();
});
after(async () => {
  await cluster?.destroy();
});

const backends = {
  PGlite: async () => openDatabase('memory://'),
  PostgreSQL: async () => openDatabase(await createDatabase(cluster, 'hallway_load')),
};

for (const [name, open] of Object.entries(backends)) {
  test(`${name}: 1,000 concurrent questions, every 202 stored and delivered exactly once, no refused one stored`, { timeout: 180_000 }, async () => {
    const db = await open();
    await migrate(db);
    const smtp = await startSmtpSink();
    const config = {
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:0',
      databaseUrl: 'unused',
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: MAIL_FROM,
      trustProxy: 1,
    };
    // Easy proofs: the test is about the server under load, not about solving 1,000 of them.
    const server = await startServer(config, { db, demo, contact: { limits: LIMITS, challengeMaxNumber: 1_000, now: clock.now } });
    const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
    try {
      const people = await addPeople(db, 100);
      const figures = await run(server, db, smtp, agent, people);
      console.log(`${name}, ${TOTAL} concurrent questions: ${JSON.stringify(figures)}`);
    } finally {
      agent.destroy();
      await server.close();
      await smtp.close();
      await db.destroy();
    }
  });
}

interface Sent {
  body: ReturnType<typeof question>;
  ip: string;
}

async function run(server: RunningServer, db: Db, smtp: SmtpSink, agent: http.Agent, people: string[]) {
  const t0 = performance.now();
  const phase = (what: string) => console.log(`  ${what} at ${round((performance.now() - t0) / 1000)} s`);
  const proofs = await solveMany(agent, server.url, VALID + INVALID + SAME_IP + SAME_EMAIL);
  const sent = plan(proofs);
  phase('proofs solved');
  clock.advance(MIN_FILL_MS); // the time a person takes to write, skipped

  const started = performance.now();
  const latencies: number[] = [];
  const answers = await Promise.all(
    sent.map(async (s, i) => {
      const answer = await postQuestion(agent, server.url, people[i % people.length]!, s.body, s.ip, BOUND_MS);
      latencies.push(performance.now() - started);
      return answer;
    }),
  );
  const burstMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  phase('burst over');

  const accepted = new Map<string, string>(); // request id → e-mail
  const refused: { email: string; code: string }[] = [];
  answers.forEach((answer, i) => {
    if (answer.status === 202) accepted.set(ContactAccepted.parse(JSON.parse(answer.body)).id, sent[i]!.body.email);
    else refused.push({ email: sent[i]!.body.email, code: ErrorBody.parse(JSON.parse(answer.body)).error.code });
  });
  const codes = count(refused.map((r) => r.code));
  const statuses = count(answers.map((a) => String(a.status)));

  // Every refusal is one the plan called for, with its own code.
  assert.deepEqual(statuses, { 202: VALID + 5 + 18, 400: INVALID + REPLAYED, 429: SAME_IP - 5 + SAME_EMAIL - 18 });
  assert.deepEqual(codes, { invalid_body: INVALID, challenge_failed: REPLAYED, rate_limited: SAME_IP - 5 + SAME_EMAIL - 18 });

  const rows = await db.selectFrom('contact_requests').select(['public_id', 'candidate_email']).execute();
  for (const [id, email] of accepted)
    assert.ok(
      rows.some((r) => r.public_id === id && r.candidate_email === email),
      `202 ${id} stored`,
    );
  assert.equal(rows.length, accepted.size, 'nothing stored but the accepted questions');

  await drain(server, db);
  phase('confirmations delivered');
  const tokens = smtp.received.filter((m) => m.kind === 'confirm').map((m) => m.token!);
  assert.equal(tokens.length, accepted.size, 'one confirmation mail per accepted question');
  const confirmations = await Promise.all(tokens.map((token) => confirm(agent, server.url, token)));
  assert.deepEqual(count(confirmations.map((c) => String(c.status))), { 200: accepted.size });
  phase('confirmed');
  await drain(server, db);
  phase('questions delivered');

  const forwarded = smtp.received.filter((m) => m.kind === 'question').map((m) => m.requestId!);
  const lost = [...accepted.keys()].filter((id) => !forwarded.includes(id)).length;
  const duplicates = duplicatesIn(smtp.received) + (forwarded.length - new Set(forwarded).size);
  assert.equal(lost, 0);
  assert.equal(duplicates, 0);
  assert.equal(forwarded.length, accepted.size);
  return {
    requests: TOTAL,
    sockets: SOCKETS,
    accepted: accepted.size,
    refused: refused.length,
    refusedCodes: codes,
    stored: rows.length,
    confirmed: confirmations.length,
    delivered: smtp.received.length,
    duplicates,
    lost,
    burstSeconds: round(burstMs / 1000),
    requestsPerSecond: round(TOTAL / (burstMs / 1000)),
    answeredWithinSeconds: { p50: round(latencies[TOTAL / 2]! / 1000), p95: round(latencies[TOTAL * 0.95]! / 1000), max: round(latencies.at(-1)! / 1000) },
  };
}

/** Which question is sent from where, and what answer it must get. */
function plan(proofs: ChallengeSolution[]): Sent[] {
  const sent: Sent[] = [];
  const ip = (n: number) => `10.3.${n >> 8}.${n & 255}`;
  for (let i = 0; i < VALID; i++) sent.push({ body: question(i, proofs.pop()!), ip: ip(i) });
  // The same proof twice: exactly one of the two goes through.
  for (let i = 0; i < REPLAYED; i++) sent.push({ body: question(VALID + i, sent[i]!.body.proof), ip: ip(VALID + i) });
  const broken = [{ email: 'not-an-address' }, { consent: false }, { message: '' }, { name: '' }];
  for (let i = 0; i < INVALID; i++) {
    const n = 2_000 + i;
    sent.push({ body: { ...question(n, proofs.pop()!), ...broken[i % broken.length]! } as Sent['body'], ip: ip(n) });
  }
  for (let i = 0; i < SAME_IP; i++) sent.push({ body: question(3_000 + i, proofs.pop()!), ip: '10.9.9.9' });
  for (let i = 0; i < SAME_EMAIL; i++) {
    const n = 4_000 + i;
    sent.push({ body: question(n, proofs.pop()!, `same${i % 6}@mail.example`), ip: ip(n) });
  }
  return sent;
}

/** Fetches and solves `n` challenges, 50 at a time. */
async function solveMany(agent: http.Agent, server: string, n: number) {
  const proofs: ChallengeSolution[] = [];
  while (proofs.length < n) {
    const batch = Math.min(50, n - proofs.length);
    const bodies = await Promise.all(Array.from({ length: batch }, () => request(agent, `${server}/v1/sites/${SITE}/challenge`)));
    proofs.push(...bodies.map((b) => solve(Challenge.parse(JSON.parse(b.body)))));
  }
  return proofs;
}

/** People on the demo site who take questions, ten a week each: room for every accepted question. */
async function addPeople(db: Db, n: number) {
  const site = await db.selectFrom('sites').select(['id', 'consent_text_version']).where('slug', '=', SITE).executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const person = await createPerson(db, {
      siteId: site.id,
      email: `employee${i}@beaumont-hotels.example`,
      fullName: `Employee ${i}`,
      displayName: `Employee ${i}`,
      jobTitle: 'Front desk agent',
    });
    const consent = { personId: person.id, textVersion: site.consent_text_version, source: 'demo' as const };
    await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
    await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
    ids.push(person.public_id);
  }
  await db.updateTable('people').set({ weekly_cap: 10 }).execute();
  return ids;
}

/** Sends everything due, poll after poll, without waiting for the worker's timer. */
async function drain(server: RunningServer, db: Db) {
  await until(
    async () => {
      await server.drainMail();
      return (await db.selectFrom('outbox').select('id').where('status', '!=', 'sent').limit(1).execute()).length === 0;
    },
    { timeout: 120_000, what: 'the outbox to drain' },
  );
}

function count(values: string[]) {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const round = (x: number) => Math.round(x * 10) / 10;
