import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseOptions, type Db } from '../../../src/server/store/database.js';
import { migrate } from '../../../src/server/store/migrations.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or, when `TEST_POSTGRES_URL`
 * names a PostgreSQL server, a new database on it (dropped again by `drop`).
 */
export async function openTestDatabase(options: DatabaseOptions = {}): Promise<{ db: Db; drop(): Promise<void> }> {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) {
    const db = await openDatabase('memory://', options);
    await migrate(db);
    return { db, drop: () => db.destroy() };
  }
  const name = `hallway_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.href, options);
  await migrate(db);
  return {
    db,
    async drop() {
      await db.destroy();
      await onServer(server, `drop database ${name}`);
    },
  };
}

async function onServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
