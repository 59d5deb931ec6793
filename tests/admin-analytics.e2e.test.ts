/**
 * The workspace's analytics against the real server in Chromium: a candidate browses the demo careers
 * page, and the owner sees what it counted (lists per job, testimonials), picks other weeks from the
 * keyboard and downloads the CSV. Nothing about the candidate is kept but the counts.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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

const signedIn = (email: string, path: string) => signedInAdmin(browser, server, email, path, { acceptDownloads: true });

/** The per-job table's row of `job`, its cells joined by `|`. */
const jobRow = (page: Page, job: string) =>
  page
    .locator('hw-admin-analytics tbody tr')
    .filter({ has: page.locator(`th:text-is("${job}")`) })
    .evaluate((row) => [...row.children].map((cell) => cell.textContent!.trim()).join('|'));

test('a candidate browses the careers page; the owner sees the counts, other weeks and the CSV', async () => {
  const candidate = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const lists = candidate.waitForResponse((response) => response.url().includes('/people?') && response.url().includes('job=Head+Chef'));
  await candidate.goto(`${server.url}/brands.html`);
  await lists;
  await candidate.locator('hw-person-card').first().waitFor();
  const cookies = await candidate.context().cookies();
  assert.deepEqual(cookies, [], 'counting sets no cookie');

  const page = await signedIn(DEMO_ADMIN_EMAIL, '/admin/analytics');
  assert.equal(await page.locator('hw-admin-app h1').textContent(), 'Analytics');
  await page.locator('hw-admin-analytics svg[role="img"]').first().waitFor();
  assert.match(await jobRow(page, 'Head Chef'), /^Head Chef\|1\|0\|0\|0\|0\|0\|—$/);
  assert.match(await jobRow(page, 'Front Desk Agent'), /^Front Desk Agent\|1\|0\|0\|0\|0\|1\|—$/);
  assert.deepEqual(await axeViolations(page), [], 'the report');

  // Earlier weeks, from the keyboard: the range is asked of the server.
  const answered = page.waitForResponse((response) => response.url().includes('/analytics?from=2026-W01'));
  await page.getByLabel('From the week').fill('2026-W01');
  await page.getByLabel('From the week').press('Enter');
  assert.equal((await answered).status(), 200);
  await page.locator('hw-admin-analytics svg[role="img"]').first().waitFor();
  assert.equal(await page.getByLabel('From the week').inputValue(), '2026-W01');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
  assert.match(download.suggestedFilename(), /^hallway-analytics-beaumont-2026-W01-\d{4}-W\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  assert.match(csv, /^week,job,lists,asked,confirmed,answered,declined,testimonials,median_answer_hours\r\n/);
  assert.match(csv, /\r\n\d{4}-W\d{2},Head Chef,1,0,0,0,0,0,\r\n/);
  assert.deepEqual(await axeViolations(page), [], 'another range');
});
