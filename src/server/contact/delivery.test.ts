import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { Challenge, ContactAccepted, type ChallengeSolution } from '../../sdk/contact-schemas.js';
import { PeopleList } from '../../sdk/schemas.js';
import { startServer, type RunningServer } from '../server.js';
import type { Db } from '../store/database.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { MIN_FILL_MS } from './challenge.js';
import { readReceivedMail, type ReceivedMail } from '../../../tests/support/node/received-mail.js';
import { demo } from '../../../tests/support/node/harness.js';
import { testClock } from '../../../tests/support/clock.js';
import { until } from '../../../tests/support/until.js';

/**
 * Every accepted question reaches its person exactly once, through a real SMTP server that goes down
 * for part of the run: 200 questions sent at once to the demo site, all confirmed.
 */
const TOTAL = 200;
const OUTAGE_AFTER = 50;
const SITE = 'beaumont';

let db: Db;
let drop: () => Promise<void>;
let server: RunningServer;
let smtp: Smtp;
let smtpPort: number;
/** Every message any incarnation of the SMTP server accepted. */
const received: ReceivedMail[] = [];
const clock = testClock();

before(async () => {
  ({ db, drop } = await openTestDatabase());
  smtp = await startSmtp(0);
  smtpPort = smtp.port;
  server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:0',
      databaseUrl: 'memory://',
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'Hallway <hallway@hallway.test>',
    },
    {
      db,
      demo,
      // Every question comes from 127.0.0.1, and easy proofs keep the 200 solutions quick.
      contact: {
        limits: { perIp: [{ max: 10 * TOTAL, windowMs: 600_000 }], perEmail: [{ max: 3, windowMs: 3_600_000 }], pendingPerPerson: TOTAL },
        challengeMaxNumber: 1_000,
        now: clock.now,
      },
    },
  );
});
after(async () => {
  await server.close();
  await smtp.close();
  await drop();
});

test('200 questions during an SMTP outage: each confirmation and each forwarded question is delivered exactly once', { timeout: 120_000 }, async () => {
  const api = `${server.url}/v1/sites/${SITE}`;
  await db.updateTable('people').set({ weekly_cap: 10 }).execute();
  const people = PeopleList.parse(await (await fetch(`${api}/people?limit=50`)).json()).items.filter((p) => p.channels.includes('message') && p.availability === 'open');
  assert.ok(people.length * 10 >= TOTAL, `${people.length} people can take ${TOTAL} questions`);

  // Prepared beforehand, as 200 people who each read a card and wrote a question.
  const proofs = await Promise.all(Array.from({ length: TOTAL }, async () => solve(Challenge.parse(await (await fetch(`${api}/challenge`)).json()))));
  clock.advance(MIN_FILL_MS);

  const questions = proofs.map((proof, i) => ({
    personId: people[i % people.length]!.id,
    body: { name: `Candidate ${i}`, email: `candidate${i}@mail.example`, message: `Question number ${i}?`, consent: true, lang: 'en', proof },
  }));
  const answers = await Promise.all(
    questions.map(async ({ personId, body }) => {
      const response = await fetch(`${api}/people/${personId}/contact`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 202, await response.clone().text());
      return ContactAccepted.parse(await response.json()).id;
    }),
  );
  const accepted = new Set(answers);
  assert.equal(accepted.size, TOTAL);

  // The SMTP server stops after OUTAGE_AFTER deliveries; confirm those while it is down.
  await until(() => smtp.closed && received.length >= OUTAGE_AFTER, { timeout: 60_000, what: 'the SMTP server to go down' });
  const confirmedFirst = await confirmAll(received.filter((mail) => mail.kind === 'confirm'));
  for (let i = 0; i < 5; i++) await server.drainMail(); // each poll costs one failed attempt, nothing more
  smtp = await startSmtp(smtpPort);

  await drainEverything();
  const confirmMails = received.filter((mail) => mail.kind === 'confirm');
  const confirmedLater = await confirmAll(confirmMails.filter((mail) => !confirmedFirst.has(mail.token!)));
  await drainEverything();

  const questionMails = received.filter((mail) => mail.kind === 'question');
  const requestIds = questionMails.map((mail) => mail.requestId!);
  const candidates = await db.selectFrom('contact_requests').select(['public_id', 'candidate_email', 'status']).execute();
  const candidateOf = new Map(candidates.map((row) => [row.public_id, row.candidate_email]));
  const { failed } = await db
    .selectFrom('outbox')
    .select(sql<string>`sum(attempts - 1)`.as('failed'))
    .executeTakeFirstOrThrow();
  const figures = {
    accepted: accepted.size,
    confirmed: confirmedFirst.size + confirmedLater.size,
    confirmationsDelivered: new Set(confirmMails.map((mail) => mail.to)).size,
    questionsDelivered: new Set(requestIds).size,
    duplicates: received.length - new Set(received.map((mail) => mail.messageId)).size + (requestIds.length - new Set(requestIds).size),
    lost: [...accepted].filter((id) => !requestIds.includes(id)).length,
    deliveredBeforeOutage: OUTAGE_AFTER,
    failedAttemptsDuringOutage: Number(failed),
  };
  console.log(`delivery under an SMTP outage: ${JSON.stringify(figures)}`);

  assert.equal(figures.confirmed, TOTAL);
  assert.equal(confirmMails.length, TOTAL, 'one confirmation per accepted question');
  assert.equal(figures.confirmationsDelivered, TOTAL);
  assert.equal(questionMails.length, TOTAL, 'one mail per confirmed question');
  assert.equal(figures.duplicates, 0);
  assert.equal(figures.lost, 0);
  assert.ok(figures.failedAttemptsDuringOutage > 0, 'the outage was felt');
  assert.deepEqual(new Set(candidates.map((row) => row.status)), new Set(['confirmed']));
  for (const mail of questionMails) {
    assert.equal(mail.replyTo, candidateOf.get(mail.requestId!), 'Reply-To is the candidate');
    assert.match(mail.to, /@beaumont-hotels\.example$/);
  }
  const pending = await db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
  assert.deepEqual(pending, []);
});

/** Confirms each question from the link in its mail, all at once; resolves with the tokens used. */
async function confirmAll(mails: ReceivedMail[]) {
  await Promise.all(
    mails.map(async (mail) => {
      const response = await fetch(`${server.url}/contact/confirm`, { method: 'POST', body: new URLSearchParams({ token: mail.token! }) });
      assert.equal(response.status, 200, await response.text());
    }),
  );
  return new Set(mails.map((mail) => mail.token!));
}

/** Sends every mail still waiting, without waiting out the retry delays. */
async function drainEverything() {
  for (;;) {
    const waiting = await db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute();
    if (waiting.length === 0) return;
    await db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(0) })
      .where('status', '=', 'pending')
      .execute();
    await server.drainMail();
  }
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

// ---- A real SMTP server that goes down after OUTAGE_AFTER messages ----

interface Smtp {
  port: number;
  closed: boolean;
  close(): Promise<void>;
}

async function startSmtp(port: number): Promise<Smtp> {
  const state: Smtp = { port, closed: false, close: () => closeOnce() };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 2_000,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(readReceivedMail(Buffer.concat(chunks).toString('latin1')));
        callback();
        if (received.length === OUTAGE_AFTER) setImmediate(() => void closeOnce());
      });
    },
  });
  let closing: Promise<void> | undefined;
  const closeOnce = () =>
    (closing ??= new Promise<void>((resolve) => {
      state.closed = true;
      server.close(() => resolve());
    }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  state.port = (server.server.address() as AddressInfo).port;
  return state;
}
