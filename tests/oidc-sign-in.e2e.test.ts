/**
 * Company sign-in in Chromium against a real OpenID provider (oidc-provider on loopback): an employee
 * clicks "Sign in with Beaumont" on /me, signs in at the provider and lands on /me signed in; an HR
 * person does the same from the workspace's sign-in page. Each page of ours passes axe, in English
 * and French. Screenshots go to $SHOTS when it names a folder.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, api, launchChromium, startTestServer } from './support/node/harness.js';
import { CLIENT_ID, CLIENT_SECRET, startOpenIdProvider, type TestProvider } from './support/node/openid-provider.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';

const SHOTS = process.env.SHOTS;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

let server: RunningServer;
let provider: TestProvider;
let browser: Browser;
let employee: { email: string; display_name: string };

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  employee = await server.db.selectFrom('people').select(['email', 'display_name']).where('status', '=', 'employee').orderBy('id').executeTakeFirstOrThrow();
  provider = await startOpenIdProvider({
    redirectUri: `${server.url}/auth/oidc/callback`,
    accounts: {
      ada: { email: employee.email, emailVerified: true },
      hr: { email: DEMO_ADMIN_EMAIL, emailVerified: true },
      stranger: { email: 'nobody@beaumont.test', emailVerified: true },
    },
  });
  await api(server, 'PUT', '/v1/admin/sites/beaumont/oidc', {
    admin: true,
    json: { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, displayName: 'Beaumont' },
  });
  browser = await launchChromium();
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await provider?.close();
  await server?.close();
});

async function look(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no sideways scroll`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The provider's development pages: the login form, then the consent. */
async function signInAtProvider(page: Page, login: string) {
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
}

test('an employee signs in with their company from /me, with the keyboard', async () => {
  const context = await browser.newContext({ viewport: SIZES[0], locale: 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/me?site=beaumont`);
  const button = page.getByRole('link', { name: 'Sign in with Beaumont' });
  await button.waitFor();
  await page.locator('hw-profile-editor [part="sign-in"]').waitFor();
  await look(page, 'me-signed-out-en-1280');
  await button.focus();
  await page.keyboard.press('Enter');
  await signInAtProvider(page, 'ada');
  await page.waitForURL(`${server.url}/me`);
  // Signed in: the editor shows the person's own card as candidates would see it, and no sign-in button any more.
  await page.locator('hw-profile-editor [part="preview"]').getByText(employee.display_name).first().waitFor();
  await look(page, 'me-signed-in-en-1280');
  assert.equal(await page.getByRole('link', { name: 'Sign in with Beaumont' }).count(), 0);
  await context.close();
});

test('an HR person signs in with their company from the workspace’s sign-in page, and lands in /admin', async () => {
  const context = await browser.newContext({ viewport: SIZES[0], locale: 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await page.waitForURL(`${server.url}/admin/sign-in`);
  await look(page, 'admin-sign-in-en-1280');
  await page.getByRole('link', { name: 'Sign in with Beaumont' }).click();
  await signInAtProvider(page, 'hr');
  await page.waitForURL(`${server.url}/admin`);
  await page.locator('hw-admin-app').waitFor();
  await page.getByRole('navigation').first().waitFor();
  await context.close();
});

for (const [lang, locale] of [
  ['en', 'en-GB'],
  ['fr', 'fr-FR'],
] as const) {
  for (const size of SIZES) {
    test(`the pages around company sign-in, ${lang} at ${size.width} px: /me and the workspace's sign-in offer it, an unknown address is told where to go`, async () => {
      const context = await browser.newContext({ viewport: size, locale, bypassCSP: true });
      const page = await context.newPage();
      const signInWith = lang === 'fr' ? 'Se connecter avec Beaumont' : 'Sign in with Beaumont';
      await page.goto(`${server.url}/me?site=beaumont`);
      await page.getByRole('link', { name: signInWith }).waitFor();
      await page.locator('hw-profile-editor [part="sign-in"]').waitFor();
      await look(page, `me-signed-out-${lang}-${size.width}`);
      await page.goto(`${server.url}/admin/sign-in`);
      await look(page, `admin-sign-in-${lang}-${size.width}`);

      await page.goto(`${server.url}/me?site=beaumont`);
      await page.getByRole('link', { name: signInWith }).click();
      await signInAtProvider(page, 'stranger');
      await page.waitForURL((url) => url.pathname === '/auth/oidc/callback');
      const next = page.getByRole('link', { name: lang === 'fr' ? 'Recevoir un lien de connexion par e-mail' : 'Get a sign-in link by e-mail' });
      await next.waitFor();
      await look(page, `unknown-address-${lang}-${size.width}`);
      await next.click();
      await page.waitForURL(`${server.url}/me?site=beaumont`);
      await context.close();
    });
  }
}

for (const [lang, locale] of [
  ['en', 'en-GB'],
  ['fr', 'fr-FR'],
] as const) {
  test(`the workspace's settings show the company sign-in as saved, and the redirect URI to register (${lang})`, async () => {
    for (const size of SIZES) {
      const page = await signedInAdmin(browser, server, DEMO_ADMIN_EMAIL, '/admin/settings?site=beaumont', { viewport: size, locale });
      const section = page.locator('hw-admin-company-sign-in');
      await section.locator('#issuer').waitFor();
      assert.equal(await section.locator('#issuer').inputValue(), provider.issuer);
      assert.equal(await section.locator('#clientSecret').inputValue(), '', 'the secret never comes back');
      await section.getByText(`${server.url}/auth/oidc/callback`).waitFor();
      await section.scrollIntoViewIfNeeded();
      assert.deepEqual(await axeViolations(page), [], `settings ${lang} ${size.width}`);
      if (SHOTS) await section.screenshot({ path: `${SHOTS}/workspace-settings-${lang}-${size.width}.png` });
      await page.context().close();
    }
  });
}
