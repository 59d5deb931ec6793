/** `hallway jobs feed …` against a real admin API, reading a feed from a real (loopback) server. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Hono } from 'hono';
import { adminRoutes } from '../server/admin/routes.js';
import { ensureAdminKey } from '../server/admin/keys.js';
import { Links } from '../server/auth/links.js';
import { createSite } from '../server/store/sites.js';
import type { Db } from '../server/store/database.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { serveOnLoopback, type Served } from '../../tests/support/node/test-http.js';
import { main } from './main.js';
import { LOOPBACK_ALLOWANCE } from '../server/jobs/public-address.js';

// The feed is served on this machine: the allowance tests and development run with (issue 25).
process.env[LOOPBACK_ALLOWANCE] = '1';

const KEY = 'cli-feed-admin-key-0123456789';
const LEVER = readFileSync(new URL('../../tests/fixtures/job-feeds/lever.json', import.meta.url), 'utf8');

let db: Db;
let drop: () => Promise<void>;
let api: Served;
let feedUrl: string;
let feedAnswers: 'lever' | 'broken' = 'lever';
const feeds = createServer((_, response) => {
  if (feedAnswers === 'lever') response.writeHead(200, { 'Content-Type': 'application/json' }).end(LEVER);
  else response.writeHead(200, { 'Content-Type': 'application/json' }).end('{ "oops": true }');
});

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, KEY);
  await createSite(db, { slug: 'hotel', name: 'Hotel' });
  api = await serveOnLoopback(new Hono().route('/v1/admin', adminRoutes({ db, links: new Links('https://hallway.test', 'secret') })));
  await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}/v0/postings/hotel`;
});
after(async () => {
  await api.close();
  await new Promise((resolve) => feeds.close(resolve));
  await drop();
});

async function hallway(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const code = await main(argv, { HALLWAY_URL: api.url, HALLWAY_ADMIN_KEY: KEY }, io);
  return { code, stdout, stderr };
}

test('jobs feed set, fetch and status', async () => {
  const set = await hallway('jobs', 'feed', 'set', feedUrl, '--site', 'hotel', '--kind', 'lever', '--every', '30');
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stdout, /set: .* \(lever, every 30 min\)/);
  const fetched = await hallway('jobs', 'feed', 'fetch', '--site', 'hotel');
  assert.equal(fetched.code, 0, fetched.stderr);
  assert.match(fetched.stdout, /Status: +ok, 2 jobs/);
  feedAnswers = 'broken';
  const failed = await hallway('jobs', 'feed', 'fetch', '--site', 'hotel');
  assert.equal(failed.code, 1, 'a failed fetch is a refusal');
  assert.match(failed.stdout, /Status: +wrong_shape, 2 jobs \(not a Lever feed/);
  const status = await hallway('jobs', 'feed', 'status', '--site', 'hotel');
  assert.match(status.stdout, /Last success: +\d{4}-/);
});

test('jobs feed refuses an unknown kind and an unknown action', async () => {
  assert.equal((await hallway('jobs', 'feed', 'set', feedUrl, '--site', 'hotel', '--kind', 'workday')).code, 2);
  assert.equal((await hallway('jobs', 'feed', 'sync', '--site', 'hotel')).code, 2);
});
