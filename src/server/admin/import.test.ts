import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../store/database.js';
import { createSite } from '../store/sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { importPeople, type RawRow } from './import.js';

let db: Db;
let drop: () => Promise<void>;
before(async () => ({ db, drop } = await openTestDatabase()));
after(() => drop());

const rows = (count: number, title = 'Chef'): RawRow[] =>
  Array.from({ length: count }, (_, i) => ({ line: i + 2, cells: { email: `p${i}@example.com`, full_name: `Person ${i}`, job_title: title } }));

const peopleOf = async (siteId: number) =>
  Number(
    (
      await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('site_id', '=', siteId)
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a large import is written in batches: readers get in between, not after the whole import', async () => {
  const site = await createSite(db, { slug: 'batches', name: 'Batches' });
  let done = false;
  const importing = importPeople(db, site.id, rows(3_500)).finally(() => (done = true));
  const seen = new Set<number>();
  while (!done) seen.add(await peopleOf(site.id));
  assert.deepEqual(await importing, { created: 3_500, updated: 0, unchanged: 0, total: 3_500, emailChanged: 0 });
  assert.ok(
    [...seen].some((n) => n > 0 && n < 3_500),
    `a read ran between two batches (saw ${[...seen].join(', ')})`,
  );
});

test('imports into one site run one after the other, and sent again they change nothing', async () => {
  const site = await createSite(db, { slug: 'twice', name: 'Twice' });
  const [first, second] = await Promise.all([importPeople(db, site.id, rows(1_500)), importPeople(db, site.id, rows(1_500))]);
  assert.equal(first.created, 1_500);
  assert.deepEqual(second, { created: 0, updated: 0, unchanged: 1_500, total: 1_500, emailChanged: 0 });
  assert.equal(await peopleOf(site.id), 1_500);
});
