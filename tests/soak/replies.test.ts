import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { hashToken, newToken } from '../../src/server/auth/tokens.js';
import { newRequestId } from '../../src/server/contact/requests.js';
import { relayAddresses } from '../../src/server/relay/addresses.js';
import { openDatabase, type Db } from '../../src/server/store/database.js';
import { deliver, newMessageId, replyMime } from '../support/node/relay-mail.js';
import { createDatabase, duplicatesIn, freePort, sleep, spawnServer, startPostgres, startSmtpSink, type Postgres, type ServerProcess } from '../support/node/soak.js';
import { until } from '../support/until.js';

/**
 * 1,000 employees' replies reach the relay's inbound SMTP port of the real server (a child process on
 * PostgreSQL), 20 at a time, one in ten delivered twice (sometimes both at once), as mail servers
 * retrying do. Halfway, the server is killed (SIGKILL) and restarted: the senders retry until they get
 * their 250, as mail servers do. Then every reply is recorded once, as its question's answer, and
 * forwarded to its candidate once: none lost, none doubled.
 */
const REPLIES = 1000;
const LANES = 20;
const KILL_AFTER = REPLIES / 2;
const DOMAIN = 'relay.soak.test';

let cluster: Postgres;
before(async () => {
  cluster = await startPostgres();
});
after(async () => {
  await cluster?.destroy();
});

interface Question {
  i: number;
  address: string;
  raw: string;
  twice: boolean;
}

test(`${REPLIES} replies over SMTP with a kill in the middle: each recorded once and forwarded once`, { timeout: 180_000 }, async () => {
  const databaseUrl = await createDatabase(cluster, 'hallway_replies');
  const smtp = await startSmtpSink();
  const inboundPort = await freePort();
  const env = { DATABASE_URL: databaseUrl, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, INBOUND_SMTP_PORT: String(inboundPort), RELAY_DOMAIN: DOMAIN };
  let server: ServerProcess | undefined = await spawnServer(env);
  const db = await openDatabase(databaseUrl);
  const t0 = Date.now();
  try {
    const questions = await forwardedQuestions(db);
    const figures = { accepted: 0, redelivered: 0, retriedAfterFailure: 0, killedAt: 0, restartedAt: 0 };

    let killing: Promise<void> | undefined;
    const killOnce = () =>
      (killing ??= (async () => {
        figures.killedAt = (Date.now() - t0) / 1000;
        await server!.kill();
        server = await spawnServer(env);
        figures.restartedAt = (Date.now() - t0) / 1000;
      })());

    /** As a mail server does: again and again until the 250; a 5xx would be final (and fails the test). */
    const deliverUntilAccepted = async (question: Question) => {
      for (;;) {
        try {
          await deliver(inboundPort, question.address, question.raw);
          return;
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          if (code && code >= 500) throw new Error(`reply ${question.i} refused: ${code} ${(error as Error).message}`, { cause: error });
          figures.retriedAfterFailure++;
          await sleep(100);
        }
      }
    };

    const queue = [...questions];
    const lane = async () => {
      for (let question = queue.shift(); question; question = queue.shift()) {
        // One in ten twice: one after the other, or both at once.
        if (question.twice && question.i % 20 === 0) await Promise.all([deliverUntilAccepted(question), deliverUntilAccepted(question)]);
        else {
          await deliverUntilAccepted(question);
          if (question.twice) await deliverUntilAccepted(question);
        }
        if (question.twice) figures.redelivered++;
        if (++figures.accepted === KILL_AFTER) void killOnce();
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    await killing;
    const acceptedAt = (Date.now() - t0) / 1000;

    // Mails the killed server had claimed are due again at once rather than after their lease.
    await db.updateTable('outbox').set({ next_attempt_at: new Date() }).where('status', '=', 'pending').execute();
    const forwarded = () => smtp.received.filter((mail) => mail.to.endsWith('@candidates.soak.test'));
    await until(() => new Set(forwarded().map((mail) => mail.to)).size >= REPLIES, { timeout: 90_000, interval: 200, what: 'every answer forwarded' });
    const forwardedAt = (Date.now() - t0) / 1000;

    const rows = await db
      .selectFrom('contact_requests')
      .select(['candidate_email', 'status', 'answer_via', 'answer_text'])
      .where('candidate_email', 'like', '%@candidates.soak.test')
      .execute();
    const messages = await db
      .selectFrom('relay_messages')
      .select(sql<string>`count(*)`.as('count'))
      .executeTakeFirstOrThrow();
    const outbox = await db
      .selectFrom('outbox')
      .select(sql<string>`count(*)`.as('count'))
      .where('template', '=', 'relay_answer')
      .executeTakeFirstOrThrow();
    const perCandidate = new Map<string, Set<string>>();
    for (const mail of forwarded()) perCandidate.set(mail.to, (perCandidate.get(mail.to) ?? new Set()).add(mail.messageId));

    console.log(
      `  ${REPLIES} replies (${figures.redelivered} delivered twice) through ${LANES} lanes; killed at ${figures.killedAt} s, restarted at ${figures.restartedAt} s; ` +
        `${figures.retriedAfterFailure} deliveries retried after a failure; all accepted at ${acceptedAt} s, all forwarded at ${forwardedAt} s. ` +
        `Recorded: ${messages.count} relay messages, ${rows.filter((row) => row.status === 'answered').length} answers, ${outbox.count} forwards queued, ` +
        `${forwarded().length} delivered (${duplicatesIn(forwarded())} resent with the same Message-ID after the kill).`,
    );
    assert.equal(rows.length, REPLIES);
    for (const row of rows) {
      const i = Number(/^c(\d+)@/.exec(row.candidate_email)![1]);
      assert.equal(row.status, 'answered', `question ${i}`);
      assert.equal(row.answer_via, 'mail');
      assert.equal(row.answer_text, answerText(i));
      assert.equal(perCandidate.get(row.candidate_email)?.size, 1, `question ${i} forwarded once`);
    }
    assert.equal(Number(messages.count), REPLIES, 'each reply recorded once');
    assert.equal(Number(outbox.count), REPLIES, 'each answer forwarded once');
    assert.ok(figures.killedAt > 0, 'the server was killed mid-run');
  } finally {
    await server?.stop();
    await db.destroy();
    await smtp.close();
  }
});

const answerText = (i: number) => `Answer number ${i}: the job is great.`;

/** REPLIES questions forwarded to the demo's people (inserted as the confirmation leaves them), with each reply ready. */
async function forwardedQuestions(db: Db): Promise<Question[]> {
  const people = await db.selectFrom('people').select(['id', 'site_id', 'email']).where('status', '=', 'employee').execute();
  const addresses = await relayAddresses(db, DOMAIN)();
  const questions: Question[] = [];
  const now = new Date();
  for (let start = 0; start < REPLIES; start += 250) {
    const batch = Array.from({ length: Math.min(250, REPLIES - start) }, (_, k) => {
      const i = start + k;
      const person = people[i % people.length]!;
      return { i, person, publicId: newRequestId() };
    });
    await db
      .insertInto('contact_requests')
      .values(
        batch.map(({ i, person, publicId }) => ({
          public_id: publicId,
          site_id: person.site_id,
          person_id: person.id,
          candidate_name: `Candidate ${i}`,
          candidate_email: `c${i}@candidates.soak.test`,
          message: `Question ${i}?`,
          lang: i % 2 ? 'fr' : 'en',
          page_origin: 'https://careers.example',
          confirm_token_hash: hashToken(newToken()),
          confirm_expires_at: now,
          status: 'confirmed' as const,
          confirmed_at: now,
        })),
      )
      .execute();
    for (const { i, person, publicId } of batch) {
      const address = addresses.address('employee', publicId);
      const quoted =
        i % 2
          ? `\n\nLe lun. 30 nov. 2026 à 09:12, Hallway <hallway@hallway.test> a écrit :\n> Question ${i}?\n`
          : `\n\nOn Mon, 30 Nov 2026, Hallway wrote:\n> Question ${i}?\n`;
      const raw = replyMime({ from: person.email, to: address, text: answerText(i) + quoted, messageId: newMessageId() });
      questions.push({ i, address, raw, twice: i % 10 === 0 });
    }
  }
  return questions;
}
