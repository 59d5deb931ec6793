import { Worker } from 'node:worker_threads';

export type ThreadRequest = { id: number; close?: false; sql: string; params: unknown[] } | { id: number; close: true };
export type ThreadReply = { id: number; rows: unknown[]; affectedRows?: number } | { id: number; error: Record<string, unknown> };

/** What PGliteDialect needs of PGlite: queries, in order, and closing. */
export interface PGliteClient {
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  readonly closed: boolean;
  close(): Promise<void>;
}

/** The reply announcing that PGlite is open. */
const READY_ID = -1;

const FROM_SOURCES = import.meta.url.endsWith('.ts');
/** Built, the worker is dist/server/pglite-worker.js beside the server; from the sources, the .ts beside this file. */
const WORKER_URL = new URL(FROM_SOURCES ? './pglite-worker.ts' : './pglite-worker.js', import.meta.url);

/** Node 20 does not pass `--import tsx` on to worker threads: from the sources, the worker registers tsx itself. */
function startWorker(location: string) {
  const workerData = { location };
  if (!FROM_SOURCES) return new Worker(WORKER_URL, { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Opens PGlite (`memory://` or a data directory) on a worker thread and resolves once it is ready.
 * The thread keeps the process alive only while a query is in flight.
 */
export function openPGliteThread(location: string): Promise<PGliteClient> {
  const worker = startWorker(location);
  const waiting = new Map<number, { resolve(reply: ThreadReply): void; reject(error: Error): void }>();
  let nextId = 0;
  let failure: Error | undefined;

  const fail = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`PGlite's thread exited (${code})`)));

  const reply = (id: number) =>
    new Promise<ThreadReply>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.set(id, { resolve, reject });
      if (waiting.size === 1) worker.ref();
    });
  const call = (request: ThreadRequest) => {
    const answered = reply(request.id);
    worker.postMessage(request);
    return answered;
  };
  worker.on('message', (reply: ThreadReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    pending?.resolve(reply);
  });

  const client: PGliteClient = {
    closed: false,
    async query<R>(sql: string, params: unknown[]) {
      const reply = await call({ id: nextId++, sql, params });
      if ('error' in reply) throw databaseError(reply.error);
      return { rows: reply.rows as R[], ...(reply.affectedRows === undefined ? {} : { affectedRows: reply.affectedRows }) };
    },
    async close() {
      if (client.closed) return;
      (client as { closed: boolean }).closed = true;
      if (!failure) await call({ id: nextId++, close: true });
      await worker.terminate();
    },
  };
  return reply(READY_ID).then(() => client);
}

/** The error as PGlite threw it on the thread: its message, Postgres code, constraint, detail… */
function databaseError({ message, ...fields }: Record<string, unknown>): Error {
  return Object.assign(new Error(String(message)), fields);
}
