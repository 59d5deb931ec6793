import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { SiteReader } from './site.js';
import type { Db } from './store/database.js';
import { createSite } from './store/sites.js';
import { openTestDatabase } from './store/test-database.js';

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
  const found = await Promise.all(Array.from({ length: 50 }, (_, i) => reader.read(i % 2 ? 'north' : 'south')));
  assert.equal(found.filter(Boolean).length, 50);
  assert.equal(statements(), 1);
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
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  fail = false;
  assert.equal((await reader.read('north'))?.site.name, 'North');
});
