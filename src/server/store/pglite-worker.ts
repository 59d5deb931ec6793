/**
 * PGlite on its own thread, started by pglite-thread.ts: a slow query or an import runs here, not on
 * the event loop that answers HTTP requests. Runs the queries it receives in order and answers each
 * with its rows, or with its error's fields (a thrown error would lose them crossing threads).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
// Types only: a value imported from pglite-thread.ts would put it in a chunk shared with the server's build.
import type { ThreadReply, ThreadRequest } from './pglite-thread.js';

/** What a PostgreSQL error carries (pg-protocol's DatabaseError), besides its message. */
const ERROR_FIELDS = [
  'name', 'severity', 'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where',
  'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine', 'query', 'params',
] as const;

const port = parentPort!;
const { location } = workerData as { location: string };
const pglite = await PGlite.create({
  ...(location === 'memory://' ? {} : { dataDir: location }),
  extensions: { pg_trgm, unaccent },
});

port.on('message', (request: ThreadRequest) => void answer(request).then((reply) => port.postMessage(reply)));
port.postMessage({ id: -1, rows: [] } satisfies ThreadReply); // ready (READY_ID)

async function answer(request: ThreadRequest): Promise<ThreadReply> {
  if (request.close) {
    await pglite.close();
    return { id: request.id, rows: [] };
  }
  try {
    const { rows, affectedRows } = await pglite.query(request.sql, request.params);
    return { id: request.id, rows, affectedRows };
  } catch (error) {
    return { id: request.id, error: fieldsOf(error) };
  }
}

function fieldsOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, unknown> = { message: error.message };
  for (const key of ERROR_FIELDS) if ((error as unknown as Record<string, unknown>)[key] !== undefined) fields[key] = (error as unknown as Record<string, unknown>)[key];
  return fields;
}
