/**
 * End to end, issue 17: a careers page without JobPosting, on another origin, shows the people of the
 * job its address has in the site's job feed (a Greenhouse board the careers site serves), set and
 * fetched with the CLI as an admin would.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { createAdminUser } from '../src/server/admin/accounts.js';
import { closeTestbed, hallway, openTestbed, type CareersSite } from './support/node/harness.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';
import { LOOPBACK_ALLOWANCE } from '../src/server/jobs/public-address.js';

// The careers site and its feed are served on this machine: the allowance tests and development run with (issue 25).
process.env[LOOPBACK_ALLOWANCE] = '1';

let server: RunningServer;
let browser: Browser;
let site: CareersSite;

before(async () => ({ server, site, browser } = await openTestbed()));
after(() => closeTestbed({ server, site, browser }));

/** A job page as many careers sites write it: a title and text, no schema.org JobPosting. */
const plainJobPage = (title: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title} – Beaumont Hotels</title><script type="module" src="/hallway.js"></script></head>
  <body><h1>${title}</h1><p>Join our team.</p><hw-people-grid site="beaumont" limit="4"></hw-people-grid></body>
</html>`;

test('a page without JobPosting shows the people of the job its address has in the feed', async () => {
  const board = {
    jobs: [
      {
        id: 1,
        title: 'Head Chef',
        absolute_url: `${site.url}/careers/head-chef?gh_jid=1`,
        location: { name: 'London' },
        departments: [{ name: 'Kitchen' }],
        updated_at: '2026-12-01T09:00:00Z',
      },
      {
        id: 2,
        title: 'Concierge',
        absolute_url: `${site.url}/careers/concierge.html`,
        location: { name: 'London' },
        departments: [{ name: 'Front Office' }],
        updated_at: '2026-12-01T09:00:00Z',
      },
    ],
    meta: { total: 2 },
  };
  site.page('/boards/beaumont/jobs.json', JSON.stringify(board));
  site.page('/careers/head-chef/index.html', plainJobPage('Head Chef'));
  site.page('/careers/concierge.html', plainJobPage('Concierge'));

  await hallway(server, 'jobs', 'feed', 'set', `${site.url}/boards/beaumont/jobs.json`, '--site', 'beaumont');
  const status = await hallway(server, 'jobs', 'feed', 'fetch', '--site', 'beaumont');
  assert.match(status, /Status: +ok, 2 jobs/);

  const page = await browser.newPage();
  for (const [path, job] of [
    ['/careers/head-chef/?utm_source=newsletter#apply', 'Head Chef'],
    ['/careers/concierge.html#apply', 'Concierge'],
  ] as const) {
    await page.goto(`${site.url}${path}`);
    const cards = page.locator('hw-people-grid hw-person-card [part~="title"]');
    await cards.first().waitFor();
    assert.match(await page.locator('hw-people-grid [part~="heading"]').innerText(), new RegExp(job));
    const titles = await cards.allInnerTexts();
    assert.ok(titles.length > 0 && titles.every((title) => title === job), `${path}: ${titles.join(', ')}`);
  }
  await page.close();
});

test('the workspace sets the feed and fetches it now, from the keyboard', async () => {
  site.page(
    '/sitemap.xml',
    `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site.url}/careers/sommelier.html</loc></url></urlset>`,
  );
  site.page(
    '/careers/sommelier.html',
    `<!doctype html><html lang="en"><head><title>Sommelier</title><script type="application/ld+json">{"@type":"JobPosting","title":"Sommelier","jobLocation":{"address":{"addressLocality":"London"}}}</script></head><body></body></html>`,
  );
  await createAdminUser(server.db, { email: 'owner@beaumont-hotels.example', role: 'owner' });
  const page = await signedInAdmin(browser, server, 'owner@beaumont-hotels.example', '/admin/settings');
  const panel = page.locator('hw-admin-job-feed');
  await panel.getByLabel('Feed address').fill(`${site.url}/sitemap.xml`);
  await panel.getByLabel('Format').selectOption('sitemap');
  await panel.getByLabel('Feed address').press('Enter');
  await panel.getByText('The feed is saved.').waitFor();
  await panel.getByRole('button', { name: 'Fetch now' }).focus();
  await page.keyboard.press('Enter');
  await panel.getByText('Fetched: 1 open job.').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const overview = await hallway(server, 'jobs', 'feed', 'status', '--site', 'beaumont');
  assert.match(overview, /Status: +ok, 1 job\b/);
  await page.context().close();
});
