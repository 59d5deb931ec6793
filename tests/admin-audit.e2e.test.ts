/**
 * The workspace's audit log page in Chromium against the real server: an owner filters the log, exports
 * it, and downloads a person's consent record for a compliance request; that export is then in the log.
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

/** Clicks a download link and reads the file the browser saved. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test("an owner filters and exports the log, and downloads a person's consent record", async () => {
  const page = await signedIn(DEMO_ADMIN_EMAIL, '/admin/audit');
  const log = page.locator('hw-admin-audit');
  await log.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('hw-admin-app h1').textContent(), 'Audit log');
  assert.deepEqual(await axeViolations(page), [], 'the log');

  await page.getByLabel('Action').selectOption({ label: 'Sign-ins' });
  await page.getByLabel('Who').fill(DEMO_ADMIN_EMAIL);
  await page.getByLabel('Who').press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: /lines? shown/ })
    .waitFor();
  await log.locator('tbody tr').filter({ hasNotText: 'Signed in' }).first().waitFor({ state: 'detached' });
  assert.ok((await log.locator('tbody tr').count()) >= 1);
  const exported = await download(page, () => page.getByRole('link', { name: 'Export CSV' }).click());
  const rows = exported.text.trimEnd().split('\r\n').slice(1);
  assert.ok(rows.length >= 1 && rows.every((row) => row.includes(',session.sign_in,')), 'the CSV has the filtered lines only');

  await page.getByLabel('Find a person by name or e-mail').fill('Tomasz');
  await page.getByRole('button', { name: 'Find' }).click();
  const record = await download(page, () => page.getByRole('link', { name: 'Download the record (CSV) Tomasz Nowak' }).click());
  assert.match(record.name, /^hallway-consents-[a-z0-9-]+-[A-Za-z0-9_-]+\.csv$/);
  const [header, ...decisions] = record.text.trimEnd().split('\r\n');
  assert.equal(header, 'at,person_id,external_id,email,full_name,erased,purpose,decision,text_version,by,source,details');
  assert.ok(decisions.length > 0 && decisions.every((line) => line.includes('Tomasz Nowak')), 'only his decisions');
  assert.deepEqual(await axeViolations(page), [], 'the consent section');

  await page.getByLabel('Action').selectOption({ label: 'Consent exports' });
  await page.getByLabel('Who').fill('');
  await page.getByRole('button', { name: 'Filter' }).click();
  await log.locator('tbody tr').filter({ hasText: 'Exported a consent record' }).first().waitFor();
});
