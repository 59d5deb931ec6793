/**
 * The workspace's home in Chromium against the real server: an HR person with no job list yet uploads
 * one, sees which jobs have nobody to talk to, and the numbers agree with what the careers page shows
 * candidates for the same job. axe is clean before and after.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, launchChromium, startTestServer } from './support/node/harness.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const JOBS = [
  'title,url,team,location',
  'Head Chef,https://careers.beaumont-hotels.example/jobs/head-chef-london,Food & Beverage,London',
  'Front Desk Agent,https://careers.beaumont-hotels.example/jobs/front-desk-agent-london,Front Office,London',
  'Sommelier,https://careers.beaumont-hotels.example/jobs/sommelier-paris,Food & Beverage,Paris',
  'Falconer,,Grounds,Edinburgh',
].join('\n');

const signedIn = (email: string, path: string) => signedInAdmin(browser, server, email, path, { viewport: { width: 1280, height: 900 } });

test('the home explains the job list, takes the upload, and shows the jobs nobody can talk about', async () => {
  const page = await signedIn(DEMO_ADMIN_EMAIL, '/admin');
  assert.equal(await page.locator('hw-admin-app h1').textContent(), 'Overview');
  await page.getByRole('heading', { name: 'No job list yet' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'empty state');

  await page.getByLabel('Job list (CSV or JSON)').setInputFiles({ name: 'jobs.csv', mimeType: 'text/csv', buffer: Buffer.from(JOBS) });
  await page.getByRole('button', { name: 'Upload the list' }).click();
  await page.getByRole('status').filter({ hasText: 'The job list is updated: 4 open jobs.' }).waitFor();
  await page.locator('hw-admin-overview .nobody').waitFor();

  const nobody = await page.locator('hw-admin-overview .nobody .job').allTextContents();
  assert.ok(nobody.includes('Falconer'), nobody.join());
  assert.ok(!nobody.includes('Head Chef') && !nobody.includes('Front Desk Agent'), nobody.join());
  const falconer = page.locator('hw-admin-overview .nobody li').filter({ hasText: 'Falconer' });
  assert.equal(await falconer.locator('a').getAttribute('href'), '/admin/people?site=beaumont&q=Grounds');

  // What the overview counts for a job is what the careers page lists for it.
  const overview = await page.evaluate(() => fetch('/v1/admin/sites/beaumont/overview').then((response) => response.json()));
  for (const job of overview.jobs.filter((each: { match: string }) => each.match === 'job')) {
    const query = new URLSearchParams({ job: job.title, team: job.team, location: job.location, limit: '50' });
    const listed = await (await fetch(`${server.url}/v1/sites/beaumont/people?${query}`)).json();
    assert.equal(listed.items.length, job.listed, job.title);
  }
  assert.equal(await page.locator('hw-admin-overview svg[role="img"]').count(), 3);
  assert.deepEqual(await axeViolations(page), [], 'with the job list');

  const audit = await (await fetch(`${server.url}/v1/admin/audit?limit=1`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } })).json();
  assert.equal(audit.items[0].action, 'jobs.replace');
});
