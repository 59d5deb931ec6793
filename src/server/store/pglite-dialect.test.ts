import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { OverloadedError } from '../errors.js';
import { PGliteDialect } from './pglite-dialect.js';

test("beyond its bound, PGlite's queue refuses a query at once; the queued ones run, and the next one too", { timeout: 20_000 }, async () => {
  const db = new Kysely<Record<string, never>>({ dialect: new PGliteDialect(await PGlite.create(), 5) });
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
