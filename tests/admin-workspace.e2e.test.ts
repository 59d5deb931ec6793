/**
 * The HR workspace's screens in Chromium against the real server, as an HR person uses them: an owner
 * searches the people, invites one, moderates a testimonial, adds an allowed origin and creates an API
 * key that then works on the admin API; a moderator sees only moderation. axe is clean on each page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import { createAdminUser } from '../src/server/admin/accounts.js';
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

const signedIn = (email: string, path: string, options: BrowserContextOptions = {}) => signedInAdmin(browser, server, email, path, options);

/** axe in the page (the context bypasses the page's CSP, which allows no other script). */
const heading = (page: Page) => page.locator('hw-admin-app h1');
const announced = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

test('an owner searches, invites, moderates, sets an origin and makes an API key', async () => {
  const page = await signedIn(DEMO_ADMIN_EMAIL, '/admin/people');
  assert.equal(await heading(page).textContent(), 'People');
  assert.deepEqual(await page.locator('hw-admin-app nav a').allTextContents(), [
    'Overview',
    'People',
    'Import people',
    'Testimonials',
    'Reports and held questions',
    'Published answers',
    'Site settings',
    'Team',
    'Audit log',
    'Analytics',
  ]);
  await page.locator('hw-admin-people tbody tr').first().waitFor();

  await page.getByLabel('Search people').fill('Tomasz');
  await page.locator('hw-admin-people tbody tr').filter({ hasNotText: 'Tomasz' }).first().waitFor({ state: 'detached' });
  await page.locator('hw-admin-people tbody tr').filter({ hasText: 'Tomasz Nowak' }).waitFor(); // not an empty table while the search runs
  assert.deepEqual(await page.locator('hw-admin-people tbody .name').allTextContents(), ['Tomasz Nowak']);
  await page.getByRole('button', { name: /^Invite (again )?Tomasz Nowak$/ }).click();
  await announced(page, 'Invitation sent to Tomasz Nowak.');
  assert.deepEqual(await axeViolations(page), [], 'people');

  await page.getByRole('link', { name: 'Testimonials' }).click();
  await page.waitForURL(`${server.url}/admin/testimonials`);
  assert.equal(await heading(page).textContent(), 'Testimonials');
  assert.equal(await page.evaluate(() => document.querySelector('hw-admin-app')!.shadowRoot!.activeElement?.tagName), 'H1');
  const pending = page.locator('hw-admin-testimonials li').first();
  assert.equal(await pending.locator('.state').textContent(), 'Waiting for moderation');
  await pending.getByRole('button', { name: /^Reject/ }).click();
  await page.getByLabel('Reason').fill('Please leave out the names of guests.');
  await page.locator('hw-admin-testimonials dialog').getByRole('button', { name: 'Reject', exact: true }).click();
  await announced(page, 'testimonial is rejected');
  assert.deepEqual(await axeViolations(page), [], 'testimonials');

  await page.getByRole('link', { name: 'Site settings' }).click();
  await page.getByLabel('Origin to add').fill('https://jobs.beaumont-hotels.example');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await announced(page, 'Saved.');
  const site = await page.evaluate(() => fetch('/v1/admin/sites').then((response) => response.json()));
  assert.ok(site.items[0].allowedOrigins.includes('https://jobs.beaumont-hotels.example'), 'the origin is stored');
  assert.match(await page.locator('#snippet-code').inputValue(), /hallway\.js\?site=beaumont/);
  await page.locator('hw-admin-settings hw-people-grid hw-person-card').first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'settings');

  await page.getByRole('link', { name: 'Team' }).click();
  await page.getByLabel('Name', { exact: true }).last().fill('Website build');
  await page.getByRole('checkbox', { name: 'Settings' }).check();
  await page.getByRole('button', { name: 'Create the key' }).click();
  const secret = await page.locator('#secret').inputValue();
  assert.deepEqual(await axeViolations(page), [], 'team, the secret shown');
  await page.keyboard.press('Escape');
  const withKey = await fetch(`${server.url}/v1/admin/sites`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal(withKey.status, 200, 'the new key works');
  await page.getByRole('button', { name: 'Revoke Website build' }).click();
  await page.locator('hw-admin-team dialog').getByRole('button', { name: 'Revoke', exact: true }).click();
  await announced(page, 'is revoked');
  const revoked = await fetch(`${server.url}/v1/admin/sites`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal(revoked.status, 401, 'a revoked key no longer works');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${server.url}/admin/sign-in`);
});

test('a moderator sees moderation only, on a phone', async () => {
  await createAdminUser(server.db, { email: 'mod@beaumont-hotels.example', role: 'moderator' });
  const page = await signedIn('mod@beaumont-hotels.example', '/admin/people', { viewport: { width: 390, height: 844 } });
  assert.equal(await heading(page).textContent(), 'People');
  assert.deepEqual(await page.locator('hw-admin-app nav a').allTextContents(), ['Testimonials', 'Reports and held questions', 'Published answers']);
  await page.getByText('Your role does not give access to this page.').waitFor();
  assert.equal(await page.locator('hw-admin-people').count(), 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
  assert.deepEqual(await axeViolations(page), []);
});

test('the workspace works under the page’s Content Security Policy', async () => {
  const page = await signedIn(DEMO_ADMIN_EMAIL, '/admin/settings', { bypassCSP: false });
  const refused: string[] = [];
  page.on('console', (message) => message.text().includes('Content Security Policy') && refused.push(message.text()));
  await page.getByRole('textbox', { name: 'Accent colour', exact: true }).fill('#1166aa');
  await page.locator('hw-admin-settings hw-people-grid hw-person-card').first().waitFor();
  const accent = await page.locator('hw-admin-settings .frame').evaluate((frame) => getComputedStyle(frame).getPropertyValue('--hw-accent').trim());
  assert.equal(accent, '#1166aa', 'the preview takes the colour (a style property, not a style attribute)');
  assert.equal(await page.locator('hw-admin-app nav a[aria-current="page"]').textContent(), 'Site settings');
  assert.deepEqual(refused, []);
});
