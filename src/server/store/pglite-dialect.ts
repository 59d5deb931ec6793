import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { OverloadedError } from '../errors.js';

/** Queries and transactions that may wait for PGlite's one connection; more fail at once (503 `overloaded`). */
export const MAX_QUEUED_QUERIES = 1_000;

/**
 * Kysely over PGlite: one embedded connection, lent to one query or transaction at a time; at most
 * `maxQueued` wait for it.
 */
export class PGliteDialect implements Dialect {
  /** Statements completed (or failed) so far: while it stands still, nothing in the database changed. */
  readonly statements = { completed: 0 };

  constructor(
    private readonly pglite: PGlite,
    private readonly maxQueued = MAX_QUEUED_QUERIES,
  ) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = (): Driver => new PGliteDriver(this.pglite, this.maxQueued, this.statements);
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db);
  createQueryCompiler = () => new PostgresQueryCompiler();
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly pglite: PGlite,
    private readonly maxQueued: number,
    statements: { completed: number },
  ) {
    this.connection = new PGliteConnection(pglite, statements);
  }

  async init() {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.queued >= this.maxQueued) throw new OverloadedError("PGlite's queue");
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise((resolve) => (release = resolve));
    this.queued++;
    await previous.finally(() => this.queued--);
    this.connection.release = release;
    return this.connection;
  }

  async releaseConnection(connection: DatabaseConnection) {
    (connection as PGliteConnection).release();
  }

  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy() {
    await this.queue;
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};

  constructor(
    private readonly pglite: PGlite,
    private readonly statements: { completed: number },
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const result = await this.pglite.query<R>(query.sql, query.parameters as unknown[]);
      return {
        rows: result.rows,
        ...(result.affectedRows === undefined ? {} : { numAffectedRows: BigInt(result.affectedRows) }),
      };
    } finally {
      this.statements.completed++;
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}
