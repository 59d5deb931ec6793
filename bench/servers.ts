/**
 * The servers under load, each in its own child process (forked by api.ts with the same Node flags),
 * so that autocannon, in the parent, does not share an event loop or a core with either of them.
 *
 *   hallway: the real server (startServer, as tests/support/node/harness.ts starts it: in-memory PGlite, demo seeded),
 *            plus the 10,000-person `bench` site and a local SMTP sink; answers RPCs for the contact bench.
 *   bare:    a node:http server answering every request with the bytes and headers it is sent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../tests/support/node/harness.js';
import { enqueueMail } from '../src/server/mail/index.js';
import { startServer } from '../src/server/server.js';
import { seedBenchSite } from './seed.js';

export type ChildMessage = { type: 'ready'; url: string; info?: unknown } | { id: number; result?: unknown; error?: string };

const send = (message: ChildMessage) => process.send!(message);

async function hallway() {
  const smtp = await smtpSink();
  const port = await freePort();
  const server = await startServer(
    {
      port,
      host: '127.0.0.1',
      publicUrl: `http://127.0.0.1:${port}`,
      databaseUrl: 'memory://',
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Hallway <hallway@bench.example>',
    },
    // One client address sends everything here, and the candidates' proofs of work are made easy:
    // checking a proof costs the server one hash whatever the difficulty.
    {
      contact: {
        limits: { perIp: [{ max: 1_000_000, windowMs: 600_000 }], perEmail: [{ max: 3, windowMs: 3_600_000 }], pendingPerPerson: 1_000_000 },
        challengeMaxNumber: 1_000,
      },
    },
  );
  const { db } = server;
  const seedStart = performance.now();
  const seeded = await seedBenchSite(db);
  const seedMs = performance.now() - seedStart;

  const pending = async () =>
    Number(
      (
        await db
          .selectFrom('outbox')
          .select(sql<string>`count(*)`.as('n'))
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const enqueue = async (count: number, tag: string) => {
    for (let i = 0; i < count; i++) {
      await enqueueMail(db, {
        to: `${tag}${i}@bench.example`,
        template: 'sign_in',
        locale: 'en',
        data: { siteName: 'Bench Hotels', link: `${server.url}/me?token=bench${i}`, withdrawUrl: `${server.url}/me/withdraw?bench=${i}` },
      });
    }
  };

  const calls: Record<string, (args: any) => Promise<unknown>> = {
    /** What the contact submissions left: requests stored and confirmation mails queued. */
    async contactStats() {
      const count = async (query: Promise<{ n: string }>) => Number((await query).n);
      return {
        requests: await count(
          db
            .selectFrom('contact_requests')
            .select(sql<string>`count(*)`.as('n'))
            .executeTakeFirstOrThrow(),
        ),
        confirmMails: await count(
          db
            .selectFrom('outbox')
            .select(sql<string>`count(*)`.as('n'))
            .where('template', '=', 'contact_confirm')
            .executeTakeFirstOrThrow(),
        ),
      };
    },
    /**
     * The outbox's drain rate: everything already due is sent first; then `count` mails are queued and
     * timed (a) drained back to back with drainMail(), (b) left to the background worker alone.
     */
    async drain({ count, workerCount }: { count: number; workerCount: number }) {
      while ((await pending()) > 0) await server.drainMail();
      const deliveredBefore = smtp.messageIds.length;
      await enqueue(count, 'drain');
      let start = performance.now();
      while ((await pending()) > 0) await server.drainMail();
      const drainMs = performance.now() - start;

      await enqueue(workerCount, 'worker');
      start = performance.now();
      while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const workerMs = performance.now() - start;

      const delivered = smtp.messageIds.slice(deliveredBefore);
      return {
        drainMs,
        workerMs,
        delivered: delivered.length,
        duplicates: delivered.length - new Set(delivered).size,
        failed: Number(
          (
            await db
              .selectFrom('outbox')
              .select(sql<string>`count(*)`.as('n'))
              .where('status', '=', 'failed')
              .executeTakeFirstOrThrow()
          ).n,
        ),
      };
    },
  };
  process.on('message', async ({ id, call, args }: { id: number; call: string; args: unknown }) => {
    try {
      send({ id, result: await calls[call]!(args) });
    } catch (error) {
      send({ id, error: error instanceof Error ? error.stack : String(error) });
    }
  });
  process.once('disconnect', () => void server.close().finally(() => smtp.close()));
  send({ type: 'ready', url: server.url, info: { ...seeded, seedMs } });
}

async function bare() {
  const { body, headers } = await new Promise<{ body: string; headers: Record<string, string> }>((resolve) => process.once('message', resolve));
  const bytes = Buffer.from(body, 'base64');
  const server = createServer((_request, response) => {
    response.writeHead(200, { ...headers, 'content-length': bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.once('disconnect', () => server.close());
  send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

/** Accepts every mail and keeps its Message-ID, to count deliveries and duplicates. */
async function smtpSink() {
  const messageIds: string[] = [];
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
        messageIds.push(/^message-id:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? `unknown-${messageIds.length}`);
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, messageIds, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const mode = process.argv[2];
if (mode === 'hallway') await hallway();
else if (mode === 'bare') await bare();
else throw new Error(`usage: servers.ts hallway|bare, not ${mode}`);
