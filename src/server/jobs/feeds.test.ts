/** Job feeds (issue 17): real feeds served over loopback HTTP, read into the site's job list. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createPerson, recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { replaceJobs, siteOverview } from '../admin/coverage.js';
import { testClock } from '../../../tests/support/clock.js';
import { until } from '../../../tests/support/until.js';
import { BOOTSTRAP_KEY, openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';
import { fetchDueFeeds } from './feed-scheduler.js';
import { claimFeed, findFeed, runFeed, setFeed, type FeedOptions } from './feeds.js';
import { LOOPBACK_ALLOWANCE } from './public-address.js';

// The feeds are served on this machine: the allowance tests and development run with (issue 25).
process.env[LOOPBACK_ALLOWANCE] = '1';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/job-feeds/${name}`, import.meta.url), 'utf8');
const GREENHOUSE = fixture('greenhouse.json');
const LEVER = fixture('lever.json');

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A careers site on loopback: a handler per path, and every request it got. */
let routes: Map<string, Handler>;
let requests: IncomingMessage[];
let origin: string;
const feedServer = createServer((request, response) => {
  requests.push(request);
  const handler = routes.get(request.url ?? '');
  if (handler) handler(request, response);
  else response.writeHead(404).end('not here');
});
const json =
  (body: string, headers: Record<string, string> = {}): Handler =>
  (_, response) =>
    response.writeHead(200, { 'Content-Type': 'application/json', ...headers }).end(body);
const xml =
  (body: string): Handler =>
  (_, response) =>
    response.writeHead(200, { 'Content-Type': 'application/xml' }).end(body);
const html =
  (body: string): Handler =>
  (_, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
const redirect =
  (to: string): Handler =>
  (_, response) =>
    response.writeHead(302, { Location: to }).end();

const urlset = (paths: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((path) => `<url><loc>${origin}${path}</loc><lastmod>2026-11-30</lastmod></url>`).join('')}</urlset>`;
const jobPage = (posting: object | undefined) =>
  `<!doctype html><html><head><title>Job</title>${posting ? `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', ...posting })}</script>` : ''}</head><body><h1>Job</h1></body></html>`;

let ws: Workspace;
let siteId: number;
const key = BOOTSTRAP_KEY;
const fast: FeedOptions = { timeoutMs: 2_000 };

before(async () => {
  ws = await openWorkspace();
  siteId = (await createSite(ws.db, { slug: 'hotel', name: 'Hotel' })).id;
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
});
after(async () => {
  feedServer.closeAllConnections();
  await new Promise((resolve) => feedServer.close(resolve));
  await ws.drop();
});
beforeEach(async () => {
  routes = new Map();
  requests = [];
  await ws.db.deleteFrom('site_job_feeds').execute();
  await ws.db.deleteFrom('site_jobs').execute();
});

/** Sets the feed at `path` and fetches it once, as "Fetch now" does. */
async function fetchFeed(path: string, kind: 'auto' | 'greenhouse' | 'lever' | 'sitemap' = 'auto', options = fast) {
  await setFeed(ws.db, siteId, { url: `${origin}${path}`, kind }, new Date());
  return fetchAgain(options);
}
async function fetchAgain(options = fast) {
  const claimed = await claimFeed(ws.db, siteId, new Date());
  assert.ok(claimed, 'the feed could be claimed');
  return runFeed(ws.db, claimed, options);
}
const jobs = async () => (await siteOverview(ws.db, siteId)).jobs.map(({ title, url, team, location }) => ({ title, url, team, location }));

describe('the formats', () => {
  test("a Greenhouse job board becomes the site's job list, its extra fields ignored", async () => {
    routes.set('/boards/hotel/jobs', json(GREENHOUSE));
    const feed = await fetchFeed('/boards/hotel/jobs');
    assert.equal(feed.status, 'ok');
    assert.equal(feed.detected_kind, 'greenhouse');
    assert.equal(feed.job_count, 2);
    assert.deepEqual(await jobs(), [
      { title: 'Head Chef', url: 'https://careers.hotel.test/jobs/4012345?gh_jid=4012345', team: 'Kitchen', location: 'Paris' },
      { title: 'Spa Manager', url: 'https://careers.hotel.test/jobs/4012399', team: null, location: 'Nice' },
    ]);
    assert.equal((await siteOverview(ws.db, siteId)).jobsSource, 'feed');
    assert.match(requests[0]!.headers['user-agent'] ?? '', /Hallway/);
  });

  test('a Lever postings list is told apart from Greenhouse and read with its team', async () => {
    routes.set('/v0/postings/hotel?mode=json', json(LEVER));
    const feed = await fetchFeed('/v0/postings/hotel?mode=json');
    assert.equal(feed.detected_kind, 'lever');
    assert.deepEqual(await jobs(), [
      { title: 'Night Auditor', url: 'https://jobs.lever.co/hotel/5ac21346-8e0c-4494-8e7a-3eb92ff77902', team: 'Front Office', location: 'Lyon' },
      { title: 'Sommelier', url: 'https://jobs.lever.co/hotel/0d6a7f2e-1111-4c3b-9a51-6b1d0f0a2c77', team: 'Kitchen', location: 'Paris' },
    ]);
  });

  test("a sitemap index's sitemaps lead to the pages whose JobPosting JSON-LD gives the jobs", async () => {
    routes.set(
      '/sitemap.xml',
      xml(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>${origin}/sitemap-jobs.xml</loc></sitemap><sitemap><loc>${origin}/sitemap-pages.xml</loc></sitemap></sitemapindex>`),
    );
    routes.set('/sitemap-jobs.xml', xml(urlset(['/jobs/chef/', '/jobs/auditor'])));
    routes.set('/sitemap-pages.xml', xml(urlset(['/about', '/jobs/gone'])));
    routes.set(
      '/jobs/chef/',
      html(jobPage({ title: 'Head Chef', hiringOrganization: { name: 'Hotel', department: 'Kitchen' }, jobLocation: { address: { addressLocality: 'Paris' } } })),
    );
    routes.set('/jobs/auditor', html(jobPage({ title: 'Night Auditor &amp; Concierge', employmentUnit: { name: 'Front Office' } })));
    routes.set('/about', html(jobPage(undefined)));
    const feed = await fetchFeed('/sitemap.xml');
    assert.equal(feed.status, 'ok');
    assert.equal(feed.detected_kind, 'sitemap');
    assert.deepEqual(await jobs(), [
      { title: 'Head Chef', url: `${origin}/jobs/chef/`, team: 'Kitchen', location: 'Paris' },
      { title: 'Night Auditor & Concierge', url: `${origin}/jobs/auditor`, team: 'Front Office', location: null },
    ]);
    assert.match(feed.message ?? '', /1 page\(s\) of the sitemap could not be read/, 'the page that is gone (404) is skipped, and said');
  });

  test('a sitemap reads at most maxPages pages', async () => {
    const paths = Array.from({ length: 6 }, (_, i) => `/jobs/${i}`);
    routes.set('/sitemap.xml', xml(urlset(paths)));
    for (const path of paths) routes.set(path, html(jobPage({ title: `Job ${path}` })));
    const feed = await fetchFeed('/sitemap.xml', 'sitemap', { ...fast, maxPages: 4 });
    assert.equal(feed.job_count, 4);
    assert.equal(requests.length, 5, 'the sitemap and four pages');
  });
});

describe('conditional requests', () => {
  test('an ETag is sent back; a 304 keeps the list and moves the check time', async () => {
    routes.set('/jobs.json', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304, { ETag: '"v1"' }).end();
      json(GREENHOUSE, { ETag: '"v1"' })(request, response);
    });
    const first = await fetchFeed('/jobs.json');
    const second = await fetchAgain();
    assert.equal(requests[1]!.headers['if-none-match'], '"v1"');
    assert.equal(second.status, 'not_modified');
    assert.equal(second.job_count, 2);
    assert.ok(second.last_attempt_at! >= first.last_attempt_at!);
    assert.equal((await jobs()).length, 2);
  });

  test('Last-Modified is sent back as If-Modified-Since', async () => {
    const modified = 'Tue, 01 Dec 2026 08:00:00 GMT';
    routes.set('/jobs.json', (request, response) => {
      if (request.headers['if-modified-since'] === modified) return response.writeHead(304).end();
      json(LEVER, { 'Last-Modified': modified })(request, response);
    });
    await fetchFeed('/jobs.json');
    const second = await fetchAgain();
    assert.equal(requests[1]!.headers['if-modified-since'], modified);
    assert.equal(second.status, 'not_modified');
    assert.equal((await jobs()).length, 2);
  });
});

describe('a failure keeps the previous list', () => {
  /** A good Greenhouse list first; then the feed's address answers with `handler`. */
  async function failWith(handler: Handler, options = fast, kind: 'auto' | 'greenhouse' = 'auto') {
    routes.set('/good.json', json(GREENHOUSE));
    await fetchFeed('/good.json');
    routes.set('/bad', handler);
    await setFeed(ws.db, siteId, { url: `${origin}/bad`, kind }, new Date());
    const feed = await fetchAgain(options);
    assert.deepEqual(
      (await jobs()).map((job) => job.title),
      ['Head Chef', 'Spa Manager'],
      'the previous jobs are still there',
    );
    assert.ok(feed.last_success_at, 'the last success is still known');
    return feed;
  }

  test('a feed that does not answer in time', async () => {
    const feed = await failWith(() => undefined, { timeoutMs: 300 });
    assert.equal(feed.status, 'timeout');
    assert.match(feed.message!, /did not answer within 0.3 s/);
  });

  test('redirects in a loop', async () => {
    routes.set('/a', redirect('/b'));
    routes.set('/b', redirect('/a'));
    const feed = await failWith(redirect('/a'));
    assert.equal(feed.status, 'redirect_loop');
  });

  test('more than five redirects', async () => {
    for (let i = 0; i < 7; i++) routes.set(`/r${i}`, redirect(`/r${i + 1}`));
    const feed = await failWith(redirect('/r0'));
    assert.equal(feed.status, 'too_many_redirects');
  });

  test('a redirect to http on another machine', async () => {
    const feed = await failWith(redirect('http://careers.hotel.test/jobs.json'));
    assert.equal(feed.status, 'insecure_url');
  });

  test('a feed on a private, loopback, link-local or unique-local address, or a redirect to one, is refused without a request', async () => {
    const hits = () => requests.length;
    delete process.env[LOOPBACK_ALLOWANCE];
    try {
      routes.set('/jobs.json', (_, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(GREENHOUSE));
      const local = await fetchFeed('/jobs.json');
      assert.equal(local.status, 'private_address', 'this machine, without the allowance');
      assert.equal(hits(), 0);
    } finally {
      process.env[LOOPBACK_ALLOWANCE] = '1';
    }
    for (const target of [
      'https://10.0.0.8/jobs.json',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd12:3456::1]/jobs.json',
      'https://[fe80::1]/jobs.json',
      'https://[::ffff:192.168.1.1]/jobs.json',
    ]) {
      const feed = await failWith(redirect(target));
      assert.equal(feed.status, 'private_address', target);
      assert.match(feed.message!, /private or local network/);
    }
  });

  test('a 50 MB feed is cut off while it streams', async () => {
    let sent = 0;
    let closed = false;
    const feed = await failWith((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      response.on('close', () => (closed = true));
      const write = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', write);
        }
        response.end();
      };
      write();
    });
    assert.equal(feed.status, 'too_large');
    await until(() => closed, { what: 'the reader to hang up' });
    assert.ok(sent < 50 * 1024 * 1024, `the reader hung up after ${sent} bytes, before the 50 MB were sent`);
  });

  test('an announced length over the limit is not read at all', async () => {
    const feed = await failWith((_, response) => response.writeHead(200, { 'Content-Length': String(6 * 1024 * 1024) }).end());
    assert.equal(feed.status, 'too_large');
  });

  test('not JSON', async () => {
    const feed = await failWith(json('Our jobs are on our careers page'));
    assert.equal(feed.status, 'not_json');
  });

  test('JSON of the wrong shape', async () => {
    const feed = await failWith(json('{ "positions": [] }'));
    assert.equal(feed.status, 'wrong_shape');
    const greenhouse = await failWith(json('{ "jobs": [{ "name": "Chef" }] }'), fast, 'greenhouse');
    assert.equal(greenhouse.status, 'wrong_shape');
    assert.match(greenhouse.message!, /not a Greenhouse feed: jobs\.0\.title/);
  });

  test('a sitemap without any JobPosting', async () => {
    routes.set('/about', html(jobPage(undefined)));
    const feed = await failWith(xml(urlset(['/about'])));
    assert.equal(feed.status, 'no_job_postings');
  });

  test('an HTTP error', async () => {
    const feed = await failWith((_, response) => response.writeHead(503).end());
    assert.equal(feed.status, 'http_error');
    assert.match(feed.message!, /HTTP 503/);
  });
});

describe('the admin API', () => {
  test('a feed is http only on this machine', async () => {
    const refused = await ws.call('PUT', '/v1/admin/sites/hotel/job-feed', { key }, { json: { url: 'http://careers.hotel.test/jobs.json' } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.field, 'url');
  });

  test('set, fetch now and status, each write in the audit log', async () => {
    routes.set('/jobs.json', json(GREENHOUSE));
    const set = await ws.call('PUT', '/v1/admin/sites/hotel/job-feed', { key }, { json: { url: `${origin}/jobs.json`, intervalMinutes: 120 } });
    assert.equal(set.status, 200);
    assert.deepEqual([set.body.feed.kind, set.body.feed.intervalMinutes, set.body.feed.status], ['auto', 120, 'pending']);
    const fetched = await ws.call('POST', '/v1/admin/sites/hotel/job-feed/fetch', { key });
    assert.equal(fetched.status, 200);
    assert.deepEqual([fetched.body.feed.status, fetched.body.feed.jobCount, fetched.body.feed.detectedKind], ['ok', 2, 'greenhouse']);
    const status = await ws.call('GET', '/v1/admin/sites/hotel/job-feed', { key });
    assert.equal(status.body.feed.lastSuccessAt, fetched.body.feed.lastSuccessAt);
    const audit = (await ws.call('GET', '/v1/admin/audit?limit=2', { key })).body.items.map((entry: { action: string }) => entry.action);
    assert.deepEqual(audit, ['jobs.feed.fetch', 'jobs.feed.set']);
  });

  test('an upload is the list again once the feed is removed', async () => {
    await replaceJobs(ws.db, siteId, 'upload', [{ title: 'Gardener' }]);
    routes.set('/jobs.json', json(GREENHOUSE));
    await fetchFeed('/jobs.json');
    assert.deepEqual(
      (await jobs()).map((job) => job.title),
      ['Head Chef', 'Spa Manager'],
      'the feed wins',
    );
    const removed = await ws.call('DELETE', '/v1/admin/sites/hotel/job-feed', { key });
    assert.equal(removed.status, 200);
    assert.deepEqual(
      (await jobs()).map((job) => job.title),
      ['Gardener'],
    );
  });

  test('a role without the settings scope cannot set a feed', async () => {
    const session = await ws.signIn('moderator');
    const refused = await ws.call('PUT', '/v1/admin/sites/hotel/job-feed', { session }, { json: { url: `${origin}/jobs.json` } });
    assert.equal(refused.status, 403);
  });
});

describe('the schedule', () => {
  test('a feed is fetched when due, then again after its interval (jittered), once', async () => {
    const clock = testClock();
    routes.set('/jobs.json', json(GREENHOUSE));
    await setFeed(ws.db, siteId, { url: `${origin}/jobs.json`, intervalMinutes: 60 }, clock.now());
    const options = { ...fast, now: clock.now };
    assert.equal(await fetchDueFeeds(ws.db, options), 1, 'due at once when set');
    assert.equal(await fetchDueFeeds(ws.db, options), 0);
    clock.advance(50 * 60_000);
    assert.equal(await fetchDueFeeds(ws.db, options), 0, 'not before nine tenths of the interval');
    clock.advance(11 * 60_000);
    assert.equal(await fetchDueFeeds(ws.db, options), 1);
    assert.equal(requests.length, 2);
  });

  test('two instances polling at once fetch a feed once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    routes.set('/slow.json', (request, response) => void gate.then(() => json(GREENHOUSE)(request, response)));
    await setFeed(ws.db, siteId, { url: `${origin}/slow.json` }, new Date());
    const first = fetchDueFeeds(ws.db, fast);
    const second = fetchDueFeeds(ws.db, fast);
    await until(() => requests.length === 1);
    assert.equal(await second, 0, 'the other instance finds the feed taken');
    release();
    assert.equal(await first, 1);
    assert.equal(requests.length, 1);
    assert.equal((await findFeed(ws.db, siteId))!.claimed_until, null, 'the claim is released');
  });
});

describe('a careers page matched by its address', () => {
  test('the people of the job at that address, whatever its query, hash or trailing slash', async () => {
    const add = async (jobTitle: string, i: number) => {
      const { id } = await createPerson(ws.db, {
        siteId,
        email: `m${i}@hotel.test`,
        fullName: `Match ${i}`,
        displayName: `Match ${i}`,
        jobTitle,
        team: 'Kitchen',
        location: 'Paris',
      });
      await recordConsent(ws.db, { personId: id, purpose: 'show_profile', granted: true, textVersion: 'v1', source: 'me', details: {} });
    };
    await add('Head Chef', 1);
    await add('Night Auditor', 2);
    const before = await ws.call('GET', '/v1/sites/hotel/people?url=https%3A%2F%2FCAREERS.hotel.test%2Fjobs%2F4012345%2F%3Futm_source%3Dx%23apply');
    assert.equal(before.body.match, 'all', 'no job at that address yet');
    routes.set('/jobs.json', json(GREENHOUSE));
    await fetchFeed('/jobs.json');
    const after = await ws.call('GET', '/v1/sites/hotel/people?url=https%3A%2F%2FCAREERS.hotel.test%2Fjobs%2F4012345%2F%3Futm_source%3Dx%23apply');
    assert.equal(after.body.match, 'job', 'the cached answer did not outlive the new list');
    assert.equal(after.body.job, 'Head Chef');
    assert.equal(after.body.items[0].displayName, 'Match 1');
  });
});
