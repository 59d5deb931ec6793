import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { OverloadedError } from '../errors.js';
import { openDatabase } from './database.js';
import { PGliteDialect } from './pglite-dialect.js';
import { openPGliteThread } from './pglite-thread.js';

test("beyond its bound, PGlite's queue refuses a query at once; the queued ones run, and the next one too", { timeout: 60_000 }, async () => {
  const db = new Kysely<Record<string, never>>({ dialect: new PGliteDialect(await openPGliteThread('memory://'), 5) });
  try {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const held = db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      started();
      await gate;
    });
    await holding;
    const one = (i: number) => sql<{ n: number }>`select ${i}::int as n`.execute(db).then((result) => result.rows[0]!.n);
    const queued = [1, 2, 3, 4, 5].map(one);
    await assert.rejects(one(6), OverloadedError);
    open();
    await held;
    assert.deepEqual(await Promise.all(queued), [1, 2, 3, 4, 5]);
    assert.equal(await one(7), 7);
  } finally {
    await db.destroy();
  }
});

test("a failing query on PGlite's thread throws what PGlite throws in process: message, Postgres code and fields", { timeout: 60_000 }, async () => {
  const failing = async (db: Kysely<Record<string, never>>) => {
    await sql`create table taken (slug text constraint taken_slug unique)`.execute(db);
    await sql`insert into taken values (${'acme'})`.execute(db);
    return sql`insert into taken values (${'acme'})`.execute(db).then(
      () => assert.fail('the duplicate was stored'),
      (error: Record<string, unknown>) => error,
    );
  };
  const inProcess = new Kysely<Record<string, never>>({ dialect: new PGliteDialect(await PGlite.create()) });
  const onThread = await openDatabase('memory://');
  try {
    const expected = await failing(inProcess);
    const actual = await failing(onThread as unknown as Kysely<Record<string, never>>);
    assert.ok(actual instanceof Error);
    assert.equal(actual.code, '23505');
    for (const field of ['message', 'name', 'code', 'severity', 'detail', 'schema', 'table', 'constraint', 'routine', 'query', 'params'])
      assert.deepEqual(actual[field], expected[field], field);
  } finally {
    await inProcess.destroy();
    await onThread.destroy();
  }
});

test('a data directory keeps what was committed once the database is closed, and opens again', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-pglite-thread-'));
  try {
    const first = await openDatabase(dir);
    await sql`create table notes (body text)`.execute(first);
    await first.transaction().execute((trx) => sql`insert into notes values (${'kept'})`.execute(trx));
    await first.destroy();
    await assert.rejects(sql`select 1`.execute(first));
    const again = await openDatabase(dir);
    try {
      assert.deepEqual((await sql<{ body: string }>`select body from notes`.execute(again)).rows, [{ body: 'kept' }]);
    } finally {
      await again.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an open, idle database does not keep the process from exiting", { timeout: 120_000 }, async () => {
  const script = `
    import { openDatabase } from './src/server/store/database.ts';
    import { sql } from 'kysely';
    const db = await openDatabase('memory://');
    console.log((await sql\`select 41 + 1 as n\`.execute(db)).rows[0].n);`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { timeout: 100_000 });
  assert.equal(stdout.trim(), '42');
});
