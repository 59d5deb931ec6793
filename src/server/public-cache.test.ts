import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublicCache, acceptsGzip, etagMatches } from './public-cache.js';

test('an answer is computed once per version, again when the version moves or the entry ages out', async () => {
  let computed = 0;
  const produce = async () => ({ n: ++computed });
  const cache = new PublicCache(60_000);
  const first = await cache.get('people', '1', produce);
  assert.deepEqual([JSON.parse((await cache.get('people', '1', produce)).body), computed], [{ n: 1 }, 1]);
  const moved = await cache.get('people', '2', produce);
  assert.equal(computed, 2);
  assert.notEqual(moved.etag, first.etag);

  const shortLived = new PublicCache(0);
  await shortLived.get('people', '1', produce);
  await shortLived.get('people', '1', produce);
  assert.equal(computed, 4, 'expired entries are computed again');
});

test('past its byte cap, the cache drops the least recently used answers', async () => {
  // Each answer here counts 1 + 2 × 12 bytes (key, body and room for its gzipped copy): three fit in 80.
  const cache = new PublicCache(60_000, 80);
  const computed: string[] = [];
  const produce = (key: string) => async () => (computed.push(key), `${key}-answer`.padEnd(10, '.'));
  for (const key of ['a', 'b', 'c']) await cache.get(key, '1', produce(key));
  await cache.get('a', '1', produce('a')); // used again: now the most recent
  await cache.get('d', '1', produce('d')); // over the cap: `b`, the least recently used, goes
  await cache.get('a', '1', produce('a'));
  await cache.get('c', '1', produce('c'));
  assert.deepEqual(computed, ['a', 'b', 'c', 'd'], 'a, c and d were still cached');
  await cache.get('b', '1', produce('b'));
  assert.deepEqual(computed, ['a', 'b', 'c', 'd', 'b'], 'b was evicted');
  assert.ok(cache.size <= 80);
});

test('3,000 answers of 1,000 sites are all held under the default cap', async () => {
  const cache = new PublicCache();
  let computed = 0;
  const body = { items: Array.from({ length: 12 }, (_, i) => ({ id: `person${i}`, displayName: 'Camille D.', jobTitle: 'Night Auditor' })) };
  const produce = async () => (computed++, body);
  for (let round = 0; round < 2; round++) {
    for (let site = 0; site < 1000; site++) for (const job of ['Chef', 'Waiter', 'Concierge']) await cache.get(`${site} people ${job}`, '1', produce);
  }
  assert.equal(computed, 3000, 'the second round was served from the cache');
});

test('when only a card’s content changed (same order part), the stale value is handed over to refresh', async () => {
  const cache = new PublicCache(60_000);
  const given: unknown[] = [];
  const produce = async (stale?: unknown) => (given.push(stale), { made: given.length });
  await cache.get('people', '1.1', produce);
  assert.deepEqual(JSON.parse((await cache.get('people', '2.1', produce)).body), { made: 2 });
  await cache.get('people', '3.2', produce);
  assert.deepEqual(given, [undefined, { made: 1 }, undefined], 'refreshed from the stale value, then made anew when the order moved');
});

test('concurrent requests for one answer share one computation; a failed one is not kept', async () => {
  const cache = new PublicCache(60_000);
  let computed = 0;
  const slow = () => new Promise((resolve) => setTimeout(() => resolve(++computed), 10));
  const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('people', '1', slow)));
  assert.equal(computed, 1);
  assert.ok(answers.every((answer) => answer.body === '1'));

  await assert.rejects(cache.get('failing', '1', () => Promise.reject(new Error('database down'))));
  assert.equal((await cache.get('failing', '1', async () => 'back')).body, '"back"');
});

test('ETag and Accept-Encoding headers are read as HTTP says', () => {
  assert.ok(etagMatches('W/"a"', 'W/"a"'));
  assert.ok(etagMatches('"b", "a"', 'W/"a"'), 'weak comparison, in a list');
  assert.ok(etagMatches('*', 'W/"a"'));
  assert.ok(!etagMatches('"ab"', 'W/"a"'));
  assert.ok(!etagMatches(undefined, 'W/"a"'));
  assert.ok(acceptsGzip('gzip, deflate, br'));
  assert.ok(acceptsGzip('br;q=1.0, GZIP;q=0.5'));
  assert.ok(acceptsGzip('*'));
  assert.ok(!acceptsGzip('gzip;q=0'));
  assert.ok(!acceptsGzip('gzip;q=0.000, br'));
  assert.ok(!acceptsGzip('deflate, br'));
  assert.ok(!acceptsGzip(undefined));
});
