/**
 * The HR workspace's sign-in in Chromium, as an HR person meets it, in English and French, at a
 * laptop's and a phone's size: /admin sends them to the sign-in page, the link arrives in the
 * (development) outbox in their language, its page asks for a click, /admin opens, and signing out
 * ends the session. Each page passes axe. Screenshots go to $SHOTS when it names a folder.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import { createAdminUser } from '../src/server/admin/accounts.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, launchChromium, outbox, startTestServer } from './support/node/harness.js';

const SHOTS = process.env.SHOTS;
const TEXTS = {
  en: { locale: 'en-GB', title: 'Sign in to the HR workspace', send: 'Send me a sign-in link', sent: 'Check your inbox', go: 'Continue to the workspace' },
  fr: { locale: 'fr-FR', title: 'Connexion à l’espace RH', send: 'Recevoir un lien de connexion', sent: 'Consultez votre messagerie', go: 'Continuer vers l’espace RH' },
} as const;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  browser = await launchChromium();
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** axe is injected as a script: the test's context alone bypasses the pages' CSP. */
async function axeViolations(page: Page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`) as Promise<string[]>;
}

async function look(page: Page, name: string) {
  assert.deepEqual(await axeViolations(page), [], name);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name}: no sideways scroll`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signInLink(email: string) {
  const mail = (await outbox(server)).find((item) => item.to === email && item.template === 'admin_sign_in');
  assert.ok(mail, `a sign-in mail to ${email}`);
  return { subject: mail.subject, link: mail.links.find((link) => link.includes('/admin/link?token='))! };
}

for (const lang of ['en', 'fr'] as const) {
  test(`sign in by e-mail link, land on /admin, sign out (${lang})`, async () => {
    const t = TEXTS[lang];
    const email = lang === 'en' ? DEMO_ADMIN_EMAIL : 'rh@beaumont-hotels.example';
    if (lang === 'fr') await createAdminUser(server.db, { email, role: 'editor' });
    for (const [index, viewport] of SIZES.entries()) {
      const context = await browser.newContext({ viewport, locale: t.locale, bypassCSP: true });
      const page = await context.newPage();
      const shot = `${lang}-${viewport.width}`;

      await page.goto(`${server.url}/admin`);
      assert.equal(new URL(page.url()).pathname, '/admin/sign-in');
      assert.equal(await page.locator('h1').textContent(), t.title);
      await look(page, `sign-in-${shot}`);

      if (index === 1) {
        // A typo: the form again, saying what is wrong, with what was typed.
        await page.getByRole('textbox').fill('hr.beaumont-hotels.example');
        await page.getByRole('textbox').evaluate((input) => input.setAttribute('type', 'text')); // past the browser's own check
        await Promise.all([page.waitForNavigation(), page.locator('main form button').click()]);
        assert.equal(await page.getByRole('textbox').inputValue(), 'hr.beaumont-hotels.example');
        assert.equal(await page.locator('[role="status"]').count(), 1);
        await look(page, `sign-in-typo-${shot}`);
      }
      if (index === 0) {
        // By keyboard: the field, then Enter sends the form.
        await page.keyboard.press('Tab');
        await page.getByLabel(lang === 'en' ? 'Work e-mail address' : 'Adresse e-mail professionnelle').focus();
        await page.keyboard.type(email);
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        assert.equal(await page.locator('h1').textContent(), t.sent);
        await look(page, `link-sent-${shot}`);

        const { subject, link } = await signInLink(email);
        assert.match(subject, lang === 'en' ? /HR workspace/ : /espace RH/);
        await page.goto(link);
        assert.equal(await page.locator('main form button').textContent(), t.go);
        await look(page, `link-${shot}`);
        await Promise.all([page.waitForURL(`${server.url}/admin`), page.locator('main form button').click()]);
        assert.equal(await page.locator('hw-admin-app').count(), 1);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);

        const session = await page.evaluate(() => fetch('/v1/admin/session').then((response) => response.json()));
        assert.equal(session.user.email, email);
        const status = await page.evaluate(
          (csrf) => fetch('/v1/admin/session', { method: 'DELETE', headers: { 'X-Hallway-CSRF': csrf } }).then((response) => response.status),
          session.csrfToken as string,
        );
        assert.equal(status, 204);
        await page.goto(`${server.url}/admin`);
        assert.equal(new URL(page.url()).pathname, '/admin/sign-in');
      }
      await context.close();
    }
  });
}
