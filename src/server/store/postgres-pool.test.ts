import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { startTestServer } from '../../../tests/support/node/harness.js';
import { OverloadedError } from '../errors.js';
import { createSite } from './sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';

/** pg.Pool's default size: this many transactions hold every connection. */
const POOL_SIZE = 10;

test(
  "beyond its bound, the PostgreSQL pool's waiting list refuses at once: 503 overloaded with Retry-After, then answers again",
  { skip: !process.env.TEST_POSTGRES_URL && 'PostgreSQL only (TEST_POSTGRES_URL)', timeout: 30_000 },
  async () => {
    const { db, drop } = await openTestDatabase({ maxQueued: 2 });
    await createSite(db, { slug: 'north', name: 'North' });
    const server = await startTestServer({}, { db });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const holding: Promise<void>[] = [];
    try {
      for (let i = 0; i < POOL_SIZE; i++) {
        let started!: () => void;
        const holds = new Promise<void>((resolve) => (started = resolve));
        holding.push(
          db.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            started();
            await gate;
          }),
        );
        await holds;
      }
      const one = (i: number) => sql<{ n: number }>`select ${i}::int as n`.execute(db).then((result) => result.rows[0]!.n);
      const queued = [one(1), one(2)];
      await new Promise((resolve) => setImmediate(resolve)); // both are now waiting for a connection
      await assert.rejects(one(3), OverloadedError);

      const refused = await fetch(`${server.url}/v1/sites/north/people`);
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get('retry-after')) > 0, 'Retry-After says when to come back');
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'overloaded');

      open();
      await Promise.all(holding);
      assert.deepEqual(await Promise.all(queued), [1, 2]);
      assert.equal((await fetch(`${server.url}/v1/sites/north/people`)).status, 200, 'responsive afterwards');
    } finally {
      open();
      await Promise.all(holding);
      await server.close();
      await drop();
    }
  },
);
