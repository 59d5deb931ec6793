import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestServer } from '../../tests/support/node/harness.js';
import { OverloadedError } from './errors.js';
import { SiteReader, siteReader } from './site.js';
import { statementsCompleted, type Db } from './store/database.js';
import { createSite } from './store/sites.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { until } from '../../tests/support/until.js';

let db: Db;
let drop: () => Promise<void>;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await createSite(db, { slug: 'north', name: 'North' });
  await createSite(db, { slug: 'south', name: 'South' });
});
after(() => drop());

/** Counts the statements run through `db`, to see reads being shared. */
function counting(db: Db) {
  let statements = 0;
  const counted = db.withPlugin({
    transformQuery: (args) => (statements++, args.node),
    transformResult: async (args) => args.result,
  });
  return { db: counted, statements: () => statements };
}

test('sites come with their public version; unknown slugs are undefined', async () => {
  const reader = new SiteReader(db);
  const [north, south, nowhere] = await Promise.all([reader.read('north'), reader.read('south'), reader.read('nowhere')]);
  assert.equal(north?.site.name, 'North');
  assert.equal(south?.site.slug, 'south');
  assert.match(north!.publicVersion, /^\d+\.\d+$/, 'version.order (see PublicCache)');
  assert.equal(nowhere, undefined);
});

test('requests arriving together share one read', async () => {
  const { db: counted, statements } = counting(db);
  const reader = new SiteReader(counted);
  const burst = () => Promise.all(Array.from({ length: 50 }, (_, i) => reader.read(i % 2 ? 'north' : 'south')));
  assert.equal((await burst()).filter(Boolean).length, 50);
  assert.equal(statements(), 2, 'the versions, then the rows of the sites not read before');
  assert.equal((await burst()).filter(Boolean).length, 50);
  assert.equal(statements(), 3, 'the versions only: no site row changed');
});

test(
  'on PGlite, a request needs no read while no statement has completed since the last; any does',
  { skip: Boolean(process.env.TEST_POSTGRES_URL) && 'PostgreSQL: other processes write' },
  async () => {
    const reader = new SiteReader(db);
    const completed = statementsCompleted(db)!;
    const first = await reader.read('north');
    const before = completed();
    assert.deepEqual(await reader.read('north'), first);
    assert.equal(await reader.read('nowhere'), undefined);
    assert.equal(completed(), before + 1, 'one read for the slug not asked before, none for north');
    assert.equal(await reader.read('nowhere'), undefined);
    assert.equal(completed(), before + 1);

    await sql`insert into public_versions (site_id, version) values (${first!.site.id}, 1)
      on conflict (site_id) do update set version = public_versions.version + 1`.execute(db);
    const afterWrite = await reader.read('north');
    assert.equal(Number(afterWrite!.publicVersion.split('.')[0]), Number(first!.publicVersion.split('.')[0]) + 1);
    // A statement that writes nothing counts too: the reader cannot tell.
    await sql`select 1`.execute(db);
    const reads = completed();
    await reader.read('north');
    assert.equal(completed(), reads + 1);
  },
);

test('a site changed since it was last read is read again by the next request', async () => {
  const reader = new SiteReader(db);
  assert.equal((await reader.read('north'))?.site.name, 'North');
  await db.updateTable('sites').set({ name: 'North Hotels' }).where('slug', '=', 'north').execute();
  assert.equal((await reader.read('north'))?.site.name, 'North Hotels');
  await db.updateTable('sites').set({ name: 'North' }).where('slug', '=', 'north').execute();
  assert.equal((await reader.read('north'))?.site.name, 'North');
  await db.updateTable('sites').set({ slug: 'north-east' }).where('slug', '=', 'north').execute();
  assert.equal(await reader.read('north'), undefined, 'a slug renamed away is no longer found');
  assert.equal((await reader.read('north-east'))?.site.name, 'North');
  await db.updateTable('sites').set({ slug: 'north' }).where('slug', '=', 'north-east').execute();
});

test('a write finished before a request is always seen by it', async () => {
  const reader = new SiteReader(db);
  const before = await reader.read('north');
  await sql`insert into public_versions (site_id, version) values (${before!.site.id}, 1)
    on conflict (site_id) do update set version = public_versions.version + 1`.execute(db);
  const afterWrite = await reader.read('north');
  assert.equal(Number(afterWrite!.publicVersion), Number(before!.publicVersion) + 1);
});

test('a failed read fails every request waiting on it, and the next read works again', async () => {
  let fail = true;
  const flaky = db.withPlugin({
    transformQuery: (args) => {
      if (fail) throw Object.assign(new Error('connection lost'), { code: 'ECONNRESET' });
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  const reader = new SiteReader(flaky);
  const results = await Promise.allSettled([reader.read('north'), reader.read('south')]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'rejected'],
  );
  fail = false;
  assert.equal((await reader.read('north'))?.site.name, 'North');
});

test('beyond its bound, a request fails at once instead of waiting', { timeout: 20_000 }, async () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const slow = db.withPlugin({ transformQuery: (args) => args.node, transformResult: async (args) => (await gate, args.result) });
  const reader = new SiteReader(slow, 3);
  const first = reader.read('north'); // its read starts, and hangs
  await until(() => reader.reading);
  const waiting = [reader.read('north'), reader.read('south'), reader.read('north')];
  await assert.rejects(reader.read('south'), OverloadedError);
  open();
  assert.deepEqual(
    (await Promise.all([first, ...waiting])).map((found) => found?.site.slug),
    ['north', 'north', 'south', 'north'],
  );
  assert.equal((await reader.read('south'))?.site.slug, 'south', 'the waiting list is free again');
});

test('a flood beyond the bound gets 503 overloaded with Retry-After, and the server answers again after', { timeout: 30_000 }, async () => {
  const server = await startTestServer({}, { db, maxWaiting: 20 });
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  // Stalls every read of the sites (PostgreSQL waits for the lock; PGlite for its one connection).
  const held = db.transaction().execute(async (trx) => {
    await sql`lock table sites in access exclusive mode`.execute(trx);
    locked();
    await gate;
  });
  try {
    await lockTaken;
    const get = () => fetch(`${server.url}/v1/sites/north/people`);
    const first = get();
    await until(() => siteReader(db).reading);
    const answered: Response[] = [];
    const flood = Array.from({ length: 30 }, () => get().then((response) => (answered.push(response), response)));
    await until(() => answered.length === 10);
    for (const response of answered) {
      assert.equal(response.status, 503);
      assert.ok(Number(response.headers.get('retry-after')) > 0, 'Retry-After says when to come back');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'overloaded');
    }
    open();
    await held;
    const statuses = (await Promise.all([first, ...flood])).map((response) => response.status);
    assert.deepEqual(statuses.sort(), [...Array(21).fill(200), ...Array(10).fill(503)]);
    assert.equal((await get()).status, 200, 'responsive afterwards');
  } finally {
    open();
    await held;
    await server.close();
  }
});
