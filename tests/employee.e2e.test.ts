/**
 * End to end, as a new admin and employee would: the CLI imports a CSV and invites, the invitation
 * is opened from the development outbox, the employee opts in on /me and sees themselves on the demo
 * careers page, then withdraws from the e-mail's link and is gone on the next load. And another site
 * cannot sign a visitor in with a link of its own (login CSRF).
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { closeTestbed, hallway as cli, openTestbed, outbox, type CareersSite } from './support/node/harness.js';

const EMAIL = 'abigail.turner@beaumont-hotels.example';

let server: RunningServer;
/** The careers pages, on another origin than the Hallway server's, as every customer's are. */
let site: CareersSite;
let browser: Browser;

before(async () => ({ server, site, browser } = await openTestbed({ allowed: false })));

after(() => closeTestbed({ server, site, browser }));

const hallway = (...args: string[]) => cli(server, ...args);

async function mailTo(address: string) {
  const mail = (await outbox(server)).find((item) => item.to === address);
  assert.ok(mail, `a mail to ${address} in the outbox`);
  return mail;
}

async function namesOnJobPage() {
  const page = await browser.newPage();
  await page.goto(`${site.url}/jobs/front-desk-agent-london.html`);
  await page.locator('hw-person-card').first().waitFor();
  const names = await page.locator('hw-person-card [part~="name"]').allInnerTexts();
  await page.close();
  return names;
}

test('imported, invited, opted in, seen on the careers page, withdrawn from the e-mail', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hallway-e2e-'));
  const csv = join(dir, 'people.csv');
  await writeFile(
    csv,
    `email,full_name,job_title,team,location,languages,external_id,status\n${EMAIL},Abigail Turner,Front Desk Agent,Front Office,London,en;fr,E2E-1,employee\n`,
  );
  const imported = await hallway('people', 'import', csv);
  assert.match(imported, /\b1 created\b/);
  const invited = await hallway('invite', EMAIL);
  assert.match(invited, /invited/i);
  assert.ok(!(await namesOnJobPage()).includes('Abigail T.'), 'invited is not opted in');

  const invitation = await mailTo(EMAIL);
  const signIn = invitation.links.find((link) => link.includes('/me/link?token='))!;
  const withdraw = invitation.links.find((link) => link.includes('/me/withdraw?'))!;
  assert.ok(signIn.startsWith(server.url) && withdraw.startsWith(server.url));

  const page = await browser.newPage();
  await page.goto(signIn);
  await page.getByRole('button', { name: 'Continue to my profile' }).click();
  await page.waitForURL(`${server.url}/me`);
  const editor = page.locator('hw-profile-editor');
  await editor.locator('input[name="showProfile"]').check();
  await editor.getByRole('button', { name: 'Save my choices' }).click();
  await editor.getByText('Your choices are saved.').waitFor();
  await page.close();

  assert.ok((await namesOnJobPage()).includes('Abigail T.'), 'shown once opted in');

  const withdrawPage = await browser.newPage();
  await withdrawPage.goto(withdraw);
  await withdrawPage.getByRole('button', { name: 'Withdraw everything' }).click();
  await withdrawPage.getByText('You can opt in again at any time').waitFor();
  await withdrawPage.close();

  assert.ok(!(await namesOnJobPage()).includes('Abigail T.'), 'gone on the next load');
});

test('another site posting a sign-in link form signs nobody in; the link still works from the e-mail', async () => {
  const email = 'login.csrf@beaumont-hotels.example';
  const dir = await mkdtemp(join(tmpdir(), 'hallway-e2e-'));
  await writeFile(join(dir, 'people.csv'), `email,full_name,job_title\n${email},Lena Csrf,Chef\n`);
  await hallway('people', 'import', join(dir, 'people.csv'));
  await hallway('invite', email);
  const signIn = (await mailTo(email)).links.find((link) => link.includes('/me/link?token='))!;
  const token = new URL(signIn).searchParams.get('token')!;

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('https://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Referrer-Policy': 'no-referrer' },
      body: `<!doctype html><title>Win a prize</title><form method="post" action="${server.url}/me/link">
        <input type="hidden" name="token" value="${token}"><button>Claim</button></form>`,
    }),
  );
  await page.goto('https://evil.example/');
  await page.getByRole('button', { name: 'Claim' }).click();
  await page.getByText('This sign-in was sent from another website.').waitFor();
  assert.deepEqual(await context.cookies(server.url), [], 'no session');

  await page.goto(signIn);
  await page.getByRole('button', { name: 'Continue to my profile' }).click();
  await page.waitForURL(`${server.url}/me`);
  assert.equal((await context.cookies(server.url)).length, 1, 'signed in from the e-mail');
  await context.close();
});
