/**
 * Issue 16's site theme, end to end: an owner sets a corner radius, a font and the cards' colours on the
 * workspace's Site settings page; a careers page on another origin, pasting the embed code the page gives,
 * shows its people's cards in them, and a page's own --hw-… value still wins.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, launchChromium, startCareersSite, startTestServer, type CareersSite } from './support/node/harness.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';

let server: RunningServer;
let browser: Browser;
let careers: CareersSite;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  browser = await launchChromium();
  careers = await startCareersSite(server);
});

after(async () => {
  await browser?.close();
  await careers?.close();
  await server?.close();
});

const page = (snippet: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>Jobs</title>${head}</head><body><main><h1>Jobs at Beaumont</h1>${snippet}</main></body></html>`;

/** The first card as the candidate sees it. */
async function firstCard(careersPage: Page) {
  const card = careersPage.locator('hw-person-card').first().locator('article.card');
  await card.waitFor();
  return card.evaluate((article) => {
    const style = getComputedStyle(article);
    return { radius: style.borderTopLeftRadius, background: style.backgroundColor, color: style.color, font: style.fontFamily };
  });
}

test('a theme set in the workspace reaches a careers page on another origin, under the page’s own values', async () => {
  const admin = await signedInAdmin(browser, server, DEMO_ADMIN_EMAIL, '/admin/settings');
  await admin.getByLabel('Corner radius (px)').fill('4');
  await admin.getByLabel('Font', { exact: true }).selectOption({ label: 'Serif (Georgia)' });
  await admin.getByLabel('Card background colour', { exact: true }).fill('#fff8e7');
  await admin.getByLabel('Card text colour', { exact: true }).fill('#2b1d0e');
  await admin.locator('hw-admin-settings section[aria-labelledby="settings-heading"]').getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.deepEqual(await axeViolations(admin), [], 'settings with a theme');
  const snippet = await admin.locator('#snippet-code').inputValue();
  assert.match(snippet, /<link rel="stylesheet" href="http:\/\/127\.0\.0\.1:\d+\/v1\/sites\/beaumont\/theme\.css">/);

  careers.page('/themed.html', page(snippet));
  careers.page('/own-radius.html', page(snippet, '<style>:root { --hw-radius: 20px; }</style>'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const candidate = await context.newPage();
  await candidate.goto(`${careers.url}/themed.html`);
  const themed = await firstCard(candidate);
  assert.deepEqual([themed.radius, themed.background, themed.color], ['4px', 'rgb(255, 248, 231)', 'rgb(43, 29, 14)']);
  assert.match(themed.font, /^Georgia/);
  assert.deepEqual(await axeViolations(candidate), [], 'the themed careers page');

  await candidate.goto(`${careers.url}/own-radius.html`);
  const own = await firstCard(candidate);
  assert.deepEqual([own.radius, own.background], ['20px', 'rgb(255, 248, 231)'], 'the page’s own radius wins; the site’s colours stay');
  await context.close();
});
