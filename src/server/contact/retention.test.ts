import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Db } from '../store/database.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { sql } from 'kysely';
import { createSite } from '../store/sites.js';
import { purgeExpired, purgeOldData } from './retention.js';

let db: Db;
let drop: () => Promise<void>;
before(async () => ({ db, drop } = await openTestDatabase()));
after(() => drop());

test('expired rate-limit windows and spent challenges go, in batches; live ones stay', async () => {
  const now = new Date();
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const expired = Array.from({ length: 2_345 }, (_, i) => ({ key: `old-${i}`, expires_at: at(-1 - (i % 600)) }));
  const live = [
    { key: 'live-1', expires_at: at(1) },
    { key: 'live-2', expires_at: at(3_600) },
  ];
  const rows = [...expired, ...live];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db
      .insertInto('rate_limits')
      .values(chunk.map(({ key, expires_at }) => ({ bucket: key, hits: 3, expires_at })))
      .execute();
    await db
      .insertInto('used_challenges')
      .values(chunk.map(({ key, expires_at }) => ({ challenge: key, expires_at })))
      .execute();
  }

  assert.deepEqual(await purgeExpired(db, now, 1_000), { challenges: 2_345, rateLimits: 2_345 });

  const left = (rows: { key: string }[]) => rows.map(({ key }) => key).sort();
  assert.deepEqual(left(await db.selectFrom('rate_limits').select('bucket as key').execute()), ['live-1', 'live-2']);
  assert.deepEqual(left(await db.selectFrom('used_challenges').select('challenge as key').execute()), ['live-1', 'live-2']);
  assert.deepEqual(await purgeExpired(db, now, 1_000), { challenges: 0, rateLimits: 0 }, 'nothing left to purge');
  assert.deepEqual(await purgeExpired(db, at(2), 1_000), { challenges: 1, rateLimits: 1 }, 'a window goes once it has expired');
});

// 25 months before 2026-12-03 is 2024-11-03: the weeks of that Monday on stay.
test('weekly analytics counts older than 25 months are purged with the other old data; younger ones stay', async () => {
  const site = await createSite(db, { slug: 'counts', name: 'Counts' });
  const now = new Date('2026-12-03T10:00:00Z');
  const row = (week: string) => ({ site_id: site.id, week, job: '', metric: 'asked', count: 3 });
  await db
    .insertInto('analytics_weekly')
    .values([row('2024-10-21'), row('2024-10-28'), row('2024-11-04'), row('2026-11-30')])
    .execute();

  const purged = await purgeOldData(db, 90, now);

  assert.equal(purged.analyticsRows, 2);
  const weeks = await db
    .selectFrom('analytics_weekly')
    .select(sql<string>`to_char(week, 'YYYY-MM-DD')`.as('week'))
    .orderBy('week')
    .execute();
  assert.deepEqual(
    weeks.map((w) => w.week),
    ['2024-11-04', '2026-11-30'],
  );
});
