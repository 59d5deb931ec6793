import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { Challenge, ContactAccepted, type ChallengeSolution } from '../../src/sdk/contact-schemas.js';
import { ErrorBody, PeopleList } from '../../src/sdk/schemas.js';
import { MIN_FILL_MS } from '../../src/server/contact/challenge.js';
import { messageIdFor } from '../../src/server/mail/index.js';
import { openDatabase, type Db } from '../../src/server/store/database.js';
import {
  MAIL_FROM,
  SITE,
  createDatabase,
  postQuestion,
  question,
  request,
  sleep,
  solve,
  spawnServer,
  startPostgres,
  startSmtpSink,
  type Postgres,
  type ServerProcess,
  type SmtpSink,
} from '../support/node/soak.js';
import { until } from '../support/until.js';

/**
 * PostgreSQL stops (fast shutdown) under steady load, stays down a few seconds and starts again, while
 * the real server (a child process) keeps running: requests answer 503 `unavailable` with a
 * Retry-After, never hang and never fail with a 500; once PostgreSQL is back they succeed again, with
 * no restart of the server; nothing is half-written.
 */
const READERS = 4;
const CANDIDATES = 2;
const WARM_MS = 3_000;
const DOWN_MS = 4_000;
const AFTER_MS = 6_000;
/** Longer than any answer may take, down or not: past it a request counts as hung. */
const HANG_MS = 10_000;
/** A bound on the whole run, whatever happens. */
const MAX_REQUESTS = 20_000;
/** Questions sent (each spends a proof solved beforehand, at the production difficulty), one every QUESTION_EVERY_MS per candidate. */
const PROOFS = 140;
const QUESTION_EVERY_MS = 200;
/** A client's pause between two requests: pooled connections sit idle now and then, as they do in production. */
const THINK_MS = 10;

let cluster: Postgres;
let server: ServerProcess;
let smtp: SmtpSink;
let db: Db;

before(async () => {
  cluster = await startPostgres();
  const databaseUrl = await createDatabase(cluster, 'hallway_restart');
  smtp = await startSmtpSink();
  server = await spawnServer({ DATABASE_URL: databaseUrl, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, TRUST_PROXY: '1' });
  db = await openDatabase(databaseUrl);
});
after(async () => {
  await server?.stop();
  await db?.destroy();
  await smtp?.close();
  await cluster?.destroy();
});

interface Outcome {
  at: number;
  kind: 'people' | 'person' | 'challenge' | 'question';
  status: number | 'hung' | 'network';
  code?: string;
  retryAfter?: string;
  id?: string;
  email?: string;
}

test('PostgreSQL restarted under load: 503 unavailable with Retry-After meanwhile, then recovery, nothing half-written', { timeout: 120_000 }, async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: READERS + CANDIDATES });
  const api = `${server.url}/v1/sites/${SITE}`;
  const people = PeopleList.parse(JSON.parse((await request(agent, `${api}/people?limit=50`)).body)).items;
  const contactable = people.filter((p) => p.channels.includes('message')).map((p) => p.id);
  const proofs: ChallengeSolution[] = [];
  for (let i = 0; i < PROOFS; i++) proofs.push(solve(Challenge.parse(JSON.parse((await request(agent, `${api}/challenge`)).body))));
  await sleep(MIN_FILL_MS + 100);

  const outcomes: Outcome[] = [];
  const start = Date.now();
  let stopAt = Infinity;
  let next = 0;
  /** One request, timed and classified: a question when there is a proof for it, otherwise a read. */
  const one = async (n: number, proof?: ChallengeSolution): Promise<Outcome> => {
    const kind = proof ? 'question' : (['people', 'person', 'challenge'] as const)[n % 3]!;
    const at = Date.now() - start;
    const email = `restart${n}@mail.example`;
    try {
      const answer =
        kind === 'question'
          ? await postQuestion(agent, server.url, contactable[n % contactable.length]!, question(n, proof!, email), `10.2.${n >> 8}.${n & 255}`, HANG_MS)
          : await request(
              agent,
              kind === 'people' ? `${api}/people?limit=10` : kind === 'person' ? `${api}/people/${people[n % people.length]!.id}` : `${api}/challenge`,
              { timeoutMs: HANG_MS },
            );
      const outcome: Outcome = { at, kind, status: answer.status, ...(kind === 'question' ? { email } : {}) };
      if (answer.status >= 400) outcome.code = ErrorBody.parse(JSON.parse(answer.body)).error.code;
      if (answer.status === 202) outcome.id = ContactAccepted.parse(JSON.parse(answer.body)).id;
      if (answer.headers['retry-after']) outcome.retryAfter = String(answer.headers['retry-after']);
      return outcome;
    } catch (error) {
      return { at, kind, status: (error as Error).message === 'timeout' ? 'hung' : 'network' };
    }
  };
  /** Visitors reading lists, cards and challenges; candidates sending a question now and then, over the whole run. */
  const reader = async () => {
    while (Date.now() < stopAt && next < MAX_REQUESTS) {
      outcomes.push(await one(next++));
      await sleep(THINK_MS);
    }
  };
  const candidate = async () => {
    for (let proof = proofs.pop(); proof && Date.now() < stopAt; proof = proofs.pop()) {
      outcomes.push(await one(next++, proof));
      await sleep(QUESTION_EVERY_MS);
    }
  };
  const clients = [...Array.from({ length: READERS }, reader), ...Array.from({ length: CANDIDATES }, candidate)];

  await sleep(WARM_MS);
  const stoppedAt = Date.now() - start;
  await cluster.stop();
  await sleep(DOWN_MS);
  await cluster.start();
  const startedAt = Date.now() - start;
  stopAt = Date.now() + AFTER_MS;
  await Promise.all(clients);

  const during = outcomes.filter((o) => o.at >= stoppedAt && o.at < startedAt);
  const unavailable = outcomes.filter((o) => o.status === 503);
  const needsDb = (o: Outcome) => o.kind !== 'people'; // public lists may come from the in-process cache
  const firstOkAfter = outcomes.filter((o) => o.at >= startedAt && needsDb(o) && typeof o.status === 'number' && o.status < 400).sort((a, b) => a.at - b.at)[0];
  const lastUnavailable = Math.max(...unavailable.map((o) => o.at));
  const statuses = count(outcomes.map((o) => `${o.kind} ${o.status}${o.code ? ` ${o.code}` : ''}`));
  const figures = {
    requests: outcomes.length,
    questions: outcomes.filter((o) => o.kind === 'question').length,
    duringOutage: during.length,
    unavailable: unavailable.length,
    hung: outcomes.filter((o) => o.status === 'hung').length,
    serverErrors: outcomes.filter((o) => o.status === 500).length,
    downMs: startedAt - stoppedAt,
    recoveredMsAfterStart: firstOkAfter ? firstOkAfter.at - startedAt : null,
    lastUnavailableMsAfterStart: lastUnavailable - startedAt,
    statuses,
  };
  console.log(`PostgreSQL restarted under load: ${JSON.stringify(figures)}`);
  const exited = server.child.exitCode !== null || server.child.signalCode !== null;
  const output = server.output();
  assert.ok(!exited, `the server survived PostgreSQL's restart; it exited:\n${output.slice(output.indexOf('Press Ctrl+C') + 21, output.indexOf('Press Ctrl+C') + 800)}`);
  assert.ok(unavailable.length > 0, 'the outage was felt');
  for (const o of unavailable) {
    assert.equal(o.code, 'unavailable');
    assert.ok(Number(o.retryAfter) > 0, 'a 503 says when to retry');
  }
  assert.deepEqual(
    outcomes.filter((o) => o.status === 'hung' || o.status === 'network' || (typeof o.status === 'number' && o.status >= 500 && o.status !== 503)),
    [],
    'no hang, no broken connection, no 500',
  );
  assert.ok(firstOkAfter, 'requests succeed again once PostgreSQL is back');
  const settled = outcomes.filter((o) => o.at >= startedAt + 2_000);
  assert.ok(settled.length > 0);
  assert.deepEqual(
    // A person with five unconfirmed questions today takes no more (409 not_contactable): refused, not failed.
    settled.filter((o) => o.status !== 200 && o.status !== 202 && !(o.status === 409 && o.code === 'not_contactable')),
    [],
    'two seconds after the restart, everything succeeds',
  );
  await checkNothingHalfWritten(outcomes);
});

/** Every 202 stored with its confirmation mail, every stored question with exactly one, every mail delivered. */
async function checkNothingHalfWritten(outcomes: Outcome[]) {
  const accepted = outcomes.filter((o) => o.status === 202);
  const requests = await db.selectFrom('contact_requests').select(['public_id', 'candidate_email']).execute();
  const stored = new Map(requests.map((r) => [r.public_id, r.candidate_email]));
  for (const o of accepted) assert.equal(stored.get(o.id!), o.email, `accepted question ${o.id} is stored`);
  for (const o of outcomes.filter((o) => o.kind === 'question' && o.status !== 202 && o.status !== 503)) {
    assert.ok(![...stored.values()].includes(o.email!), `refused question (${o.status}) not stored`);
  }
  const unavailableStored = outcomes.filter((o) => o.kind === 'question' && o.status === 503 && [...stored.values()].includes(o.email!)).length;
  await until(async () => (await db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute()).length === 0, {
    timeout: 60_000,
    what: 'every mail sent',
  });
  const outbox = await db.selectFrom('outbox').select(['id', 'created_at', 'template', 'to_address']).execute();
  for (const r of requests) {
    assert.equal(outbox.filter((m) => m.template === 'contact_confirm' && m.to_address === r.candidate_email).length, 1, `one confirmation for ${r.public_id}`);
  }
  assert.equal(outbox.length, requests.length, 'no mail without its question');
  const delivered = new Set(smtp.received.map((m) => m.messageId));
  assert.ok(
    outbox.every((m) => delivered.has(messageIdFor({ id: m.id, createdAt: m.created_at }, MAIL_FROM))),
    'every mail delivered',
  );
  console.log(
    `PostgreSQL restart, stored: ${JSON.stringify({ accepted: accepted.length, stored: requests.length, answered503ButStored: unavailableStored, mails: outbox.length, deliveries: smtp.received.length })}`,
  );
}

function count(values: string[]) {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
