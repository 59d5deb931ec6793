/**
 * End to end, as a new user would: a demo alumnus signs in and writes their testimonial on /me, an
 * admin approves it with the CLI, and candidates see it on the careers page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoPeople } from '../demo/seed-data.js';
import type { RunningServer } from '../src/server/server.js';
import { closeTestbed, hallway as cli, openTestbed, outbox, type CareersSite } from './support/node/harness.js';

const ALUMNUS = demoPeople.find((person) => person.fullName === 'James Porter')!;
const QUOTE = 'The night shift taught me to stay calm with anyone, at any hour. I still use that every single day.';

let server: RunningServer;
/** The careers pages, on another origin than the Hallway server's, as every customer's are. */
let site: CareersSite;
let browser: Browser;

before(async () => ({ server, site, browser } = await openTestbed({ allowed: false })));

after(() => closeTestbed({ server, site, browser }));

const hallway = (...args: string[]) => cli(server, ...args);

async function quotesOnHomePage() {
  const page = await browser.newPage();
  await page.goto(`${site.url}/`);
  await page.locator('hw-alumni-testimonials figure').first().waitFor({ state: 'attached' });
  const quotes = await page.locator('hw-alumni-testimonials blockquote').evaluateAll((nodes) => nodes.map((node) => node.textContent?.trim()));
  await page.close();
  return quotes;
}

test('an alumnus writes a testimonial, an admin approves it with the CLI, candidates see it', async () => {
  await fetch(`${server.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ALUMNUS.email }),
  });
  const signIn = (await outbox(server)).find((mail) => mail.to === ALUMNUS.email)!.links.find((link) => link.includes('/me/link?token='))!;

  const page = await browser.newPage();
  await page.goto(signIn);
  await page.getByRole('button', { name: 'Continue to my profile' }).click();
  const editor = page.locator('hw-profile-editor');
  await editor.locator('textarea[name="quote"]').fill(QUOTE);
  await editor.getByRole('button', { name: 'Save my testimonial' }).click();
  await editor.getByText('Sent for review: we’ll e-mail you when it’s published.').waitFor();
  await page.close();
  assert.ok(!(await quotesOnHomePage()).includes(QUOTE), 'not shown before moderation');

  const pending = await hallway('testimonials', 'list', '--pending');
  const row = pending.split('\n').find((line) => line.includes(ALUMNUS.email));
  assert.ok(row, pending);
  const approved = await hallway('testimonials', 'approve', row.trim().split(/\s+/)[0]!);
  assert.match(approved, /candidates see it now/);

  assert.ok((await quotesOnHomePage()).includes(QUOTE), 'shown once approved');
});

test('the French careers page shows the French quote first, marked lang="fr", in a carousel whose bar works', async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/fr/`);
  const testimonials = page.locator('hw-alumni-testimonials');
  const count = testimonials.locator('[part="count"]');
  const shown = testimonials.locator('[aria-roledescription="slide"]:not([hidden]) blockquote');
  await count.waitFor();

  assert.equal(await testimonials.locator('h2').textContent(), 'Ce qu’en disent nos collègues d’hier et d’aujourd’hui', 'alumni and employees');
  assert.equal(await shown.getAttribute('lang'), 'fr');
  assert.match((await shown.textContent())!, /^Six ans à la réception/);
  assert.equal(await count.textContent(), '1 / 3');

  await testimonials.getByRole('button', { name: 'Suivant' }).click();
  assert.equal(await count.textContent(), '2 / 3');
  assert.equal(await shown.getAttribute('lang'), 'en');
  await testimonials.getByRole('button', { name: 'Diapositive 1' }).click();
  assert.equal(await shown.getAttribute('lang'), 'fr');
  await page.close();
});
