import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { Challenge, ChallengeSolution } from '../../../src/sdk/contact-schemas.js';
import { readReceivedMail, type ReceivedMail } from './received-mail.js';
import { until } from '../until.js';
import { freePort } from './test-http.js';
export { freePort };

/** Helpers of the soak suite: a real SMTP server, a real PostgreSQL cluster, the real server as a child process. */

export const SITE = 'beaumont';
export const MAIL_FROM = 'Hallway <hallway@hallway.test>';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- HTTP with a pool of kept-alive connections ----

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/**
 * One request through `agent`; rejects on a network error or after `timeoutMs` without an answer.
 * A kept-alive connection the server closed as idle just as it was reused is retried once, on a new
 * one, as Node's documentation advises: the request never reached the server.
 */
export async function request(agent: http.Agent, url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    return await requestOnce(agent, url, init);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return requestOnce(agent, url, init);
    throw error;
  }
}

function requestOnce(agent: http.Agent, url: string, init: RequestInit) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(url, { agent, method: init.method ?? 'GET', headers: init.headers, timeout: init.timeoutMs ?? 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(init.body);
  });
}

/** Posts a contact request as a candidate's browser on the demo page would, from client address `ip`. */
export function postQuestion(agent: http.Agent, server: string, personId: string, body: unknown, ip: string, timeoutMs?: number) {
  return request(agent, `${server}/v1/sites/${SITE}/people/${personId}/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server, 'X-Forwarded-For': ip },
    body: JSON.stringify(body),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

/** The candidate clicks the link in the confirmation mail, then the button. */
export function confirm(agent: http.Agent, server: string, token: string) {
  return request(agent, `${server}/contact/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
}

export const question = (i: number, proof: ChallengeSolution, email = `candidate${i}@mail.example`) => ({
  name: `Candidate ${i}`,
  email,
  message: `Question number ${i}: what is a day at the front desk like?`,
  consent: true,
  lang: 'en',
  proof,
});

/** Solves a proof of work with native SHA-256, as a script would. */
export function solve(challenge: Challenge): ChallengeSolution {
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

// ---- A real SMTP server that records what it accepted ----

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Waits this long before answering each message's data (mails in flight for a while). */
  delayMs: number;
  /** Called right after a message was accepted (its 250 reply written). */
  onAccepted?: (mail: ReceivedMail) => void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { port: 0, received: [], delayMs: 0, close: async () => {} };
  const hungUp = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    disableReverseLookup: true,
    size: 1024 * 1024,
    onClose(session) {
      hungUp.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        setTimeout(() => {
          callback(); // the 250: from here on the message is ours to deliver…
          if (hungUp.has(session.id)) return; // …unless the sender hung up before it, and will send again
          const mail = readReceivedMail(Buffer.concat(chunks).toString('latin1'));
          sink.received.push(mail);
          sink.onAccepted?.(mail);
        }, sink.delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  // A sender killed mid-transaction resets its connection; smtp-server reports that as an 'error'
  // event, which would crash the test process without a listener. The kill is the test, not a failure.
  server.on('error', () => {});
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** Deliveries beyond the first of each Message-ID. */
export const duplicatesIn = (received: ReceivedMail[]) => received.length - new Set(received.map((mail) => mail.messageId)).size;

// ---- A PostgreSQL cluster of our own, in a temporary directory ----

export interface Postgres {
  /** `postgres://…/postgres` on the cluster. */
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the cluster and deletes its directory. */
  destroy(): Promise<void>;
}

const run = promisify(execFile);

/** Debian's newest PostgreSQL, run as the `postgres` user (it refuses to run as root). */
export async function startPostgres(): Promise<Postgres> {
  const bin = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'hallway-soak-pg-'));
  chmodSync(dir, 0o755);
  const asPostgres = (tool: string, ...args: string[]) =>
    process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    chownSync(dir, Number(stdout.trim()), 0);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  await asPostgres('initdb', '-D', data, '-A', 'trust', '-U', 'postgres');
  const cluster: Postgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => {
      await asPostgres('pg_ctl', '-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start');
    },
    stop: async () => {
      await asPostgres('pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop');
    },
    destroy: async () => {
      await cluster.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

/** A new, empty database on the cluster. */
export async function createDatabase(cluster: Postgres, name: string) {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.href;
}

// ---- The real server, `node --import tsx src/server/main.ts`, as a child process ----

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed. */
  output: () => string;
  /** Kills it with SIGKILL: no cleanup of any kind. */
  kill(): Promise<void>;
  /** SIGTERM: it closes the HTTP server, finishes the mail in progress and closes the database. */
  stop(): Promise<void>;
}

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, MAIL_FROM, HALLWAY_ADMIN_KEY: 'soak-admin-key-0123456789', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => (gone = true));
  await until(
    () => {
      if (gone) throw new Error(`the server exited while starting:\n${output}`);
      return output.includes('Hallway is running');
    },
    { timeout: 60_000, interval: 50, what: 'the server to start' },
  );
  return {
    url,
    child,
    output: () => output,
    kill: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
