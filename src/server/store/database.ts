import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export interface DatabaseOptions {
  /** PGlite: queries that may wait for its one connection before the next fail (503). Default 1000. */
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
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const pglite = await PGlite.create({
    ...(location === 'memory://' ? {} : { dataDir: location }),
    extensions: { pg_trgm, unaccent },
  });
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite, maxQueued) });
}
