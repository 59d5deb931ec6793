/**
 * 5. Contact flow: submissions per second through the real route (proof of work and all), and how fast
 * the outbox drains to an SMTP server. Measured only when the contact flow is there and answers;
 * otherwise the table says so. Uses the hallway child of api.ts (10,000-person bench site, SMTP sink).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Child } from './api.js';
import { BENCH_SITE } from './seed.js';
import { ms, passIf, percentile, perSecond, type Row } from './table.js';

const SECTION = 'contact';
const SUBMISSIONS = 300;
const CONCURRENCY = 20;
const DRAIN_MAILS = 300;
const WORKER_MAILS = 60;

interface Challenge {
  algorithm: 'SHA-256';
  challenge: string;
  salt: string;
  maxnumber: number;
  signature: string;
}

const unavailable = (why: string): { rows: Row[]; details: unknown } => ({
  rows: [{ section: SECTION, name: 'submissions/s, outbox drain', value: 'not measured: contact flow not available', budget: '', status: 'not measured' }],
  details: { unavailable: why },
});

export async function measureContact(hallway: Child): Promise<{ rows: Row[]; details: unknown }> {
  if (!existsSync(new URL('../src/server/contact/routes.ts', import.meta.url))) return unavailable('no src/server/contact/routes.ts');
  const api = `${hallway.url}/v1/sites/${BENCH_SITE}`;
  let minFillMs: number;
  try {
    ({ MIN_FILL_MS: minFillMs } = await import('../src/server/contact/challenge.js'));
    const probe = await fetch(`${api}/challenge`);
    if (!probe.ok) return unavailable(`GET challenge answered ${probe.status}`);
  } catch (error) {
    return unavailable(String(error));
  }

  // People who take messages; unconfirmed questions do not count against their weekly cap.
  const { items } = (await (await fetch(`${api}/people?limit=50`)).json()) as { items: { id: string; channels: string[] }[] };
  const people = items.filter((p) => p.channels.includes('message')).map((p) => p.id);
  if (people.length === 0) return unavailable('nobody on the bench site takes messages');

  // Prepared beforehand, as candidates who each opened a form, solved its challenge and took their time.
  const proofs = await pool(SUBMISSIONS, CONCURRENCY, async () => solve((await (await fetch(`${api}/challenge`)).json()) as Challenge));
  await new Promise((resolve) => setTimeout(resolve, minFillMs + 100));

  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const start = performance.now();
  await pool(SUBMISSIONS, CONCURRENCY, async (i) => {
    const sent = performance.now();
    const response = await fetch(`${api}/people/${people[i % people.length]}/contact`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: hallway.url },
      body: JSON.stringify({
        name: `Candidate ${i}`,
        email: `candidate${i}@mail.example`,
        message: `Hello, what is a normal week like in this job? (question ${i})`,
        job: 'Front Desk Agent',
        consent: true,
        lang: 'en',
        proof: proofs[i],
      }),
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - sent);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  });
  const seconds = (performance.now() - start) / 1000;
  const accepted = statuses[202] ?? 0;
  if (accepted === 0) return unavailable(`no 202 from the contact route: ${JSON.stringify(statuses)}`);

  const stored = await hallway.call<{ requests: number; confirmMails: number }>('contactStats');
  const drain = await hallway.call<{ drainMs: number; workerMs: number; delivered: number; duplicates: number; failed: number }>('drain', {
    count: DRAIN_MAILS,
    workerCount: WORKER_MAILS,
  });
  const codes = Object.entries(statuses)
    .map(([code, n]) => `${n} × ${code}`)
    .join(', ');

  const rows: Row[] = [
    {
      section: SECTION,
      name: `submissions (${SUBMISSIONS}, ${CONCURRENCY} at a time)`,
      value: `${perSecond(accepted / seconds)}, p99 ${ms(percentile(latencies, 99), 0)} (${codes})`,
      budget: '',
      status: 'report',
    },
    {
      section: SECTION,
      name: 'every 202 stored with one confirmation mail',
      value: `${accepted} × 202, ${stored.requests} stored, ${stored.confirmMails} mails`,
      budget: 'none lost',
      status: passIf(accepted === SUBMISSIONS && stored.requests === accepted && stored.confirmMails === accepted),
    },
    {
      section: SECTION,
      name: `outbox drain, drainMail() back to back (${DRAIN_MAILS} mails, SMTP)`,
      value: perSecond(DRAIN_MAILS / (drain.drainMs / 1000)),
      budget: '',
      status: 'report',
    },
    {
      section: SECTION,
      name: `outbox drain, background worker alone (${WORKER_MAILS} mails)`,
      value: perSecond(WORKER_MAILS / (drain.workerMs / 1000)),
      budget: '',
      status: 'report',
    },
    {
      section: SECTION,
      name: 'drained mails delivered exactly once',
      value: `${drain.delivered} delivered, ${drain.duplicates} duplicates, ${drain.failed} failed`,
      budget: 'exactly once',
      status: passIf(drain.delivered === DRAIN_MAILS + WORKER_MAILS && drain.duplicates === 0 && drain.failed === 0),
    },
  ];
  return { rows, details: { submissions: SUBMISSIONS, concurrency: CONCURRENCY, seconds, statuses, stored, drain, drainMails: DRAIN_MAILS, workerMails: WORKER_MAILS } };
}

/** Runs `task(0 … count-1)` with at most `concurrency` at once; resolves with the results in order. */
async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

function solve(challenge: Challenge) {
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (
      createHash('sha256')
        .update(challenge.salt + number)
        .digest('hex') === challenge.challenge
    ) {
      return { algorithm: 'SHA-256', challenge: challenge.challenge, salt: challenge.salt, number, signature: challenge.signature };
    }
  }
  throw new Error('challenge without a solution');
}
