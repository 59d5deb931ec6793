/**
 * 3. API throughput: the public list endpoint against a bare node:http server serving the very same
 * bytes and headers. Both servers run in child processes forked the same way (same Node flags, tsx
 * loader, one process each) and autocannon runs here in the parent, so neither server shares an
 * event loop with the load generator and both get the same treatment.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import autocannon from 'autocannon';
import { ms, passIf, perSecond, type Row } from './table.js';
import { BENCH_SITE } from './seed.js';
import type { ChildMessage } from './servers.js';

const SECTION = 'api';
const CONNECTIONS = 50;
const WARMUP_SECONDS = 1;
const WARMUP_CONNECTIONS = 10;
const SECONDS = 5;
export const PEOPLE_PATH = `/v1/sites/${BENCH_SITE}/people?job=${encodeURIComponent('Front Desk Agent')}&limit=12`;
/** Headers node:http sets itself, or that describe the connection rather than the response. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

export interface Child {
  url: string;
  info: unknown;
  call<T>(name: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Forks bench/servers.ts in `mode` (or `script` with `args`) and resolves once it listens. */
export function startChild(mode: 'hallway' | 'bare' | 'load', init?: unknown, script = './servers.ts', args: string[] = [mode]): Promise<Child> {
  const child: ChildProcess = fork(new URL(script, import.meta.url), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], // the dev logs of the server stay quiet; errors show
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code} before it was ready`)));
    child.on('message', (message: ChildMessage) => {
      if ('type' in message) {
        child.removeAllListeners('exit');
        resolve({
          url: message.url,
          info: message.info,
          call: (name, args) =>
            new Promise((resolveCall, rejectCall) => {
              const id = nextId++;
              waiting.set(id, { resolve: resolveCall as (value: unknown) => void, reject: rejectCall });
              child.send({ id, call: name, args });
            }),
          stop: () =>
            new Promise((resolveStop) => {
              if (child.exitCode !== null) return resolveStop();
              const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
              child.once('exit', () => (clearTimeout(timer), resolveStop()));
              child.disconnect();
            }),
        });
      } else {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error !== undefined) pending?.reject(new Error(message.error));
        else pending?.resolve(message.result);
      }
    });
    if (init !== undefined) child.send(init as object);
  });
}

/** The response as a client without Accept-Encoding gets it (autocannon sends none). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Idle: a trivial request is answered within 20 ms again (PGlite answers queries in order). At most 40 s. */
async function idle(url: string): Promise<number> {
  const begin = performance.now();
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    const start = performance.now();
    await get(url);
    if (performance.now() - start < 20) break;
  }
  return performance.now() - begin;
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** How long the server took to work off what autocannon left behind. */
  idleAfterWarmupMs: number;
  idleAfterMs: number;
}

/**
 * A 1 s warm-up (JIT, keep-alive sockets; 10 connections so that a slow server is not left with a long
 * backlog), then SECONDS at CONNECTIONS. Requests autocannon gave up on at the end are still worked off
 * by the server, so each phase waits for the server to be idle again before the next one starts.
 */
async function load(url: string, idle: () => Promise<number>, headers: Record<string, string> = {}): Promise<Load> {
  await autocannon({ url, connections: WARMUP_CONNECTIONS, duration: WARMUP_SECONDS, headers });
  const idleAfterWarmupMs = await idle();
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const idleAfterMs = await idle();
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0])),
    errors: result.errors,
    idleAfterWarmupMs,
    idleAfterMs,
  };
}

export async function measureApi(hallway: Child): Promise<{ rows: Row[]; details: unknown }> {
  const real = await get(hallway.url + PEOPLE_PATH);
  if (real.status !== 200) throw new Error(`GET ${PEOPLE_PATH} answered ${real.status}: ${real.body}`);
  const etag = real.headers.etag;
  const headers = Object.fromEntries(Object.entries(real.headers).filter(([name]) => !HOP_HEADERS.has(name)));
  const bare = await startChild('bare', { body: real.body.toString('base64'), headers });
  const check = await get(bare.url);
  if (!check.body.equals(real.body)) throw new Error('the bare server does not serve the same bytes');

  const hallwayIdle = () => idle(hallway.url + '/healthz');
  try {
    const baseline = await load(bare.url + PEOPLE_PATH, () => idle(bare.url));
    const list = await load(hallway.url + PEOPLE_PATH, hallwayIdle);
    const notModified = etag ? await load(hallway.url + PEOPLE_PATH, hallwayIdle, { 'if-none-match': etag }) : undefined;
    const ratio = list.requestsPerSecond / baseline.requestsPerSecond;
    const ratio304 = notModified && notModified.requestsPerSecond / baseline.requestsPerSecond;
    const codes = (l: Load) =>
      Object.entries(l.statusCodes)
        .map(([code, n]) => `${n} × ${code}`)
        .join(', ');
    const answered = (l: Load) => Object.values(l.statusCodes).reduce((sum, n) => sum + n, 0);
    const p = (l: Load) => (answered(l) ? `${perSecond(l.requestsPerSecond)}, p99 ${ms(l.p99, 0)} (${codes(l)})` : `no answer within ${SECONDS} s`);
    const p99Ok = (l: Load) => answered(l) > 0 && l.p99 < 25;
    const latency = (l: Load) => (answered(l) ? ms(l.p99, 0) : `no answer within ${SECONDS} s`);
    const rows: Row[] = [
      { section: SECTION, name: `(a) bare node:http, same ${real.body.length} bytes`, value: p(baseline), budget: '', status: 'report' },
      { section: SECTION, name: '(b) GET people?job&limit=12, 10k people', value: p(list), budget: '', status: 'report' },
      { section: SECTION, name: '    (b) / (a)', value: `${ratio.toFixed(2)}×`, budget: '>= 0.6×', status: passIf(ratio >= 0.6) },
      { section: SECTION, name: '    (b) p99 latency, 50 connections', value: latency(list), budget: '< 25 ms', status: passIf(p99Ok(list)) },
      ...(notModified && ratio304 !== undefined
        ? [
            { section: SECTION, name: '(c) same with If-None-Match', value: p(notModified), budget: '', status: 'report' as const },
            { section: SECTION, name: '    (c) / (a)', value: `${ratio304.toFixed(2)}×`, budget: '>= 0.6×', status: passIf(ratio304 >= 0.6) },
            { section: SECTION, name: '    (c) p99 latency', value: latency(notModified), budget: '< 25 ms', status: passIf(p99Ok(notModified)) },
          ]
        : [{ section: SECTION, name: '(c) If-None-Match', value: 'no ETag on the response', budget: 'ETag', status: 'FAIL' as const }]),
    ];
    return {
      rows,
      details: {
        path: PEOPLE_PATH,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        bytes: real.body.length,
        headers,
        baseline,
        list,
        notModified,
      },
    };
  } finally {
    await bare.stop();
  }
}
