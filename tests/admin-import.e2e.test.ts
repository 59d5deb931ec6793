/**
 * The people import in Chromium against the real server, as HR uses it: a CSV file goes up, the preview
 * says what would change, cancel leaves everything as it was, apply imports (and is audit-logged), and
 * an employee the file left out is then marked as gone. axe is clean in each state.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import type { AdminPerson } from '../src/sdk/admin-schemas.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, api, launchChromium, startTestServer } from './support/node/harness.js';
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

// The same sign-in and axe helpers as admin-workspace.e2e.test.ts.
const signedIn = (email: string, path: string) => signedInAdmin(browser, server, email, path);

const everyone = async (): Promise<AdminPerson[]> => (await api(server, 'GET', '/v1/admin/sites/beaumont/people?limit=500', { admin: true })).items;
const auditActions = async () => (await api(server, 'GET', '/v1/admin/audit?limit=100', { admin: true })).items.map((entry: { action: string }) => entry.action);

test('HR previews a people file, cancels, then applies it and marks someone the file left out as gone', async () => {
  const before = await everyone();
  const [kept, promoted] = before.filter((person) => person.status === 'employee');
  assert.ok(kept && promoted, 'the demo has employees');
  const file = [
    'email,full_name,job_title,external_id',
    `${kept.email},${kept.fullName},${kept.jobTitle},${kept.externalId ?? ''}`,
    `${promoted.email},${promoted.fullName},Head of Everything,${promoted.externalId ?? ''}`,
    'new.hire@beaumont-hotels.example,Nora Newhire,Night Porter,',
  ].join('\n');
  const choose = (page: Page) => page.getByLabel('People file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  const page = await signedIn(DEMO_ADMIN_EMAIL, '/admin/people/import');
  const auditBefore = await auditActions();
  assert.equal(await page.locator('hw-admin-app h1').textContent(), 'Import people');
  assert.deepEqual(await axeViolations(page), [], 'the file field');

  await choose(page);
  await page.getByRole('tablist').waitFor();
  const missing = before.filter((person) => person.status === 'employee').length - 2;
  assert.deepEqual(
    await page
      .getByRole('tab')
      .allTextContents()
      .then((tabs) => tabs.map((tab) => tab.trim())),
    ['New (1)', 'Updated (1)', 'Unchanged (1)', `May have left (${missing})`, 'Problems (0)'],
  );
  await page.getByRole('tab', { name: 'New (1)' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.match((await page.getByRole('tabpanel').textContent()) ?? '', new RegExp(`${promoted.fullName}.*Job title:.*${promoted.jobTitle}.*→.*Head of Everything`, 's'));
  assert.deepEqual(await axeViolations(page), [], 'the preview');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'Import cancelled: nothing was changed.' }).waitFor();
  assert.deepEqual(await everyone(), before, 'the preview and cancel changed no one');
  assert.deepEqual(await auditActions(), auditBefore, 'and logged nothing');

  await choose(page);
  await page.getByRole('button', { name: 'Apply the import' }).click();
  await page.getByText('Imported: 1 new, 1 updated, 1 unchanged.').waitFor();
  const after = await everyone();
  assert.equal(after.find((person) => person.id === promoted.id)?.jobTitle, 'Head of Everything');
  assert.ok(after.some((person) => person.fullName === 'Nora Newhire'));
  assert.equal((await auditActions())[0], 'people.import');
  assert.deepEqual(await axeViolations(page), [], 'the report');

  const goneName = (await page.locator('hw-admin-people-import tbody th').first().textContent())!.trim();
  const gone = before.find((person) => person.fullName === goneName)!;
  await page.getByRole('button', { name: `Mark as left ${gone.fullName}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${gone.fullName} is marked as having left.` })
    .waitFor();
  assert.equal((await everyone()).find((person) => person.id === gone.id)?.status, 'left');
});
