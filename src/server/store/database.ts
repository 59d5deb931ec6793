import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { OverloadedError } from '../errors.js';
import { MAX_QUEUED_QUERIES, PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export interface DatabaseOptions {
  /** Queries that may wait for a connection (PGlite's one, PostgreSQL's pool) before the next fail (503). Default 1000. */
  maxQueued?: number;
}

/**
 * `postgres://…` opens PostgreSQL; anything else is a PGlite data directory
 * (`memory://` for a throw-away in-memory database).
 */
export async function openDatabase(location: string, { maxQueued }: DatabaseOptions = {}): Promise<Db> {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location });
    // A dropped connection must fail its queries (503), not the process: pg emits 'error' on the pool
    // for idle connections and on the client for checked-out ones, and an unheard 'error' event throws.
    pool.on('error', (error) => console.error(`database: connection lost: ${error.message}`));
    pool.on('connect', (client) => client.on('error', () => {}));
    // pg.Pool's own waiting list has no bound: beyond `maxQueued`, a query fails at once (503 overloaded).
    const bounded = {
      connect: () => (pool.waitingCount >= (maxQueued ?? MAX_QUEUED_QUERIES) ? Promise.reject(new OverloadedError("The database pool's waiting list")) : pool.connect()),
      end: () => pool.end(),
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: bounded }) });
    preparedBy.set(db, async (name, { sql, parameters }) => {
      const client = await bounded.connect();
      try {
        return (await client.query({ name, text: sql, values: [...parameters] })).rows;
      } finally {
        client.release();
      }
    });
    return db;
  }
  const pglite = await PGlite.create({
    ...(location === 'memory://' ? {} : { dataDir: location }),
    extensions: { pg_trgm, unaccent },
  });
  const dialect = new PGliteDialect(pglite, maxQueued);
  const db = new Kysely<Database>({ dialect });
  completedBy.set(db, () => dialect.statements.completed);
  return db;
}

const completedBy = new WeakMap<Db, () => number>();

type Prepared = <R>(name: string, query: CompiledQuery<R>) => Promise<R[]>;
const preparedBy = new WeakMap<Db, Prepared>();

/**
 * For PostgreSQL: runs a query as a named prepared statement, parsed and planned once per connection
 * rather than at every call (planning a small query costs PostgreSQL several times its execution).
 * Undefined for PGlite. One name, one text: a name is bound to the first text it was prepared with.
 */
export function preparedStatements(db: Db): Prepared | undefined {
  return preparedBy.get(db);
}

/**
 * For a PGlite database (one process, one connection, so every write goes through this counter):
 * how many statements have completed so far. Undefined for PostgreSQL, which other processes write.
 */
export function statementsCompleted(db: Db): (() => number) | undefined {
  return completedBy.get(db);
}
