import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublicCache } from './public-cache.js';

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

test('it holds a bounded number of entries', async () => {
  const cache = new PublicCache(60_000, 2);
  let computed = 0;
  const produce = async () => ++computed;
  for (const key of ['a', 'b', 'c']) await cache.get(key, '1', produce);
  await cache.get('a', '1', produce);
  assert.equal(computed, 4, 'the oldest entry made room');
});
