/**
 * The outbox's drain rate, to a real SMTP server (smtp-server): `MAILS` sign-in mails
 * are queued, then sent by the mail worker's drain() back to back until none is due. Measured twice in
 * the same run on the same database, to an SMTP server in a child process: (a) one mail per claim over one SMTP connection (how the worker
 * sent until issue 19), (b) the worker's defaults (a batch per claim, a few pooled connections); and
 * each against an SMTP server answering at once and one taking `SLOW_SMTP_MS` per mail, as a remote
 * relay does. PGlite in memory always; PostgreSQL too when BENCH_POSTGRES_URL names a server.
 *
 *   import { measureOutbox } from './outbox.js';
 *   await part('outbox', measureOutbox);
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../tests/support/node/harness.js';
import { createTransport, enqueueMail, startMailWorker } from '../src/server/mail/index.js';
import { openDatabase, type Db } from '../src/server/store/database.js';
import { migrate } from '../src/server/store/migrations.js';
import { withBenchDatabase } from './query.js';
import { passIf, perSecond, type Row } from './table.js';

const SECTION = 'outbox';
const MAILS = 1_000;
const SLOW_SMTP_MS = 5;
const FROM = 'Hallway <hallway@bench.example>';
/** How the worker sent before issue 19: one mail per claim, one SMTP connection. */
const ONE_BY_ONE = { batchSize: 1, connections: 1 };

export async function measureOutbox(): Promise<{ rows: Row[]; details: unknown }> {
  const sink = await smtpSink();
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  try {
    const pglite = await openDatabase('memory://');
    try {
      await migrate(pglite);
      details.PGlite = await measureOn('PGlite', pglite, sink, rows);
    } finally {
      await pglite.destroy();
    }
    const server = process.env.BENCH_POSTGRES_URL;
    if (!server) {
      rows.push({ section: SECTION, name: 'PostgreSQL', value: 'not measured: BENCH_POSTGRES_URL unset', budget: '', status: 'not measured' });
    } else {
      await withBenchDatabase(server, async (url) => {
        const db = await openDatabase(url);
        try {
          await migrate(db);
          details.PostgreSQL = await measureOn('PostgreSQL', db, sink, rows);
        } finally {
          await db.destroy();
        }
      });
    }
  } finally {
    await sink.close();
  }
  return { rows, details };
}

async function measureOn(backend: string, db: Db, sink: Sink, rows: Row[]) {
  const figures: Record<string, number> = {};
  for (const delayMs of [0, SLOW_SMTP_MS]) {
    await sink.setDelay(delayMs);
    const before = await drainRate(db, sink, ONE_BY_ONE);
    const after = await drainRate(db, sink, {});
    const smtp = delayMs ? `SMTP answering in ${delayMs} ms` : 'local SMTP';
    const ratio = after.perSecond / before.perSecond;
    figures[`oneByOne${delayMs}`] = before.perSecond;
    figures[`batched${delayMs}`] = after.perSecond;
    rows.push(
      { section: SECTION, name: `${backend}, ${smtp}: (a) one per claim, 1 connection`, value: perSecond(before.perSecond), budget: '', status: 'report' },
      { section: SECTION, name: `${backend}, ${smtp}: (b) batched, pooled`, value: perSecond(after.perSecond), budget: '', status: 'report' },
      { section: SECTION, name: '    (b) / (a)', value: `${ratio.toFixed(2)}×`, budget: '>= 3×', status: passIf(ratio >= 3) },
      {
        section: SECTION,
        name: '    every mail delivered exactly once',
        value: `${before.delivered + after.delivered} of ${2 * MAILS}, ${before.duplicates + after.duplicates} duplicates`,
        budget: 'all, 0 duplicates',
        status: passIf(before.delivered + after.delivered === 2 * MAILS && before.duplicates + after.duplicates === 0),
      },
    );
  }
  return figures;
}

async function drainRate(db: Db, sink: Sink, options: { batchSize?: number; connections?: number }) {
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < MAILS; i++) {
    await enqueueMail(db, {
      to: `${tag}${i}@bench.example`,
      template: 'sign_in',
      locale: 'en',
      data: { siteName: 'Bench Hotels', link: `http://127.0.0.1/me?token=${tag}${i}`, withdrawUrl: `http://127.0.0.1/me/withdraw?${tag}=${i}` },
    });
  }
  const receivedBefore = (await sink.received()).length;
  const transport = createTransport(`smtp://127.0.0.1:${sink.port}`, undefined, options.connections);
  const worker = startMailWorker({ db, transport, from: FROM, intervalMs: 3_600_000, log: () => {}, ...options });
  const start = performance.now();
  while ((await worker.drain()) > 0);
  const seconds = (performance.now() - start) / 1000;
  if ((await pending(db)) > 0) throw new Error('the worker stopped with mails still due');
  await worker.stop();
  transport.close();
  const received = (await sink.received()).slice(receivedBefore);
  return { perSecond: MAILS / seconds, delivered: received.length, duplicates: received.length - new Set(received).size };
}

const pending = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('outbox')
        .select(sql<string>`count(*)`.as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n,
  );

interface Sink {
  port: number;
  setDelay(ms: number): Promise<void>;
  /** The Message-IDs received so far. */
  received(): Promise<string[]>;
  close(): Promise<void>;
}

/** The SMTP server in a child process, as a real one is another process: it does not share this event loop. */
async function smtpSink(): Promise<Sink> {
  const child = fork(fileURLToPath(import.meta.url), ['--smtp-sink'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const answer = <T>(message?: object) =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (reply) => resolve(reply as T)).once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
      if (message) child.send(message);
    });
  const { port } = await answer<{ port: number }>();
  return {
    port,
    setDelay: (delayMs) => answer({ delayMs }),
    received: () => answer({ received: true }),
    close: async () => {
      child.removeAllListeners('exit');
      child.kill();
    },
  };
}

/** The child: accepts every mail after a delay and keeps its Message-ID, to count deliveries and duplicates. */
async function runSmtpSink() {
  const messageIds: string[] = [];
  let delayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        setTimeout(() => {
          messageIds.push(/^message-id:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? `unknown-${messageIds.length}`);
          callback();
        }, delayMs);
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  process.on('message', (message: { delayMs?: number; received?: boolean }) => {
    if (message.delayMs !== undefined) delayMs = message.delayMs;
    process.send!(message.received ? messageIds : {});
  });
  process.once('disconnect', () => server.close());
  process.send!({ port });
}

if (process.argv.includes('--smtp-sink')) await runSmtpSink();
else if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table.js');
  const { rows, details } = await measureOutbox();
  console.log(formatTable(rows));
  console.log(JSON.stringify(details));
}
