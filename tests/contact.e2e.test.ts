/**
 * End to end, as a candidate would on the demo: open a job page, ask a person a question, confirm it
 * from the development outbox, and the employee answers from their e-mail; a 4th question in a week
 * to someone whose weekly limit is 3 is refused with a clear message.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoPeople } from '../demo/seed-data.js';
import type { RunningServer } from '../src/server/server.js';
import { challengeOf, closeTestbed, openTestbed, outbox, skipWritingTime, type CareersSite } from './support/node/harness.js';
import type { TestClock } from './support/clock.js';

const EMPLOYEE = demoPeople.find((person) => person.displayName === 'Grace O.')!;

let server: RunningServer;
/** The careers pages, on another origin than the Hallway server's, as every customer's are. */
let site: CareersSite;
let browser: Browser;
let clock: TestClock;

before(async () => ({ server, site, browser, clock } = await openTestbed()));

after(() => closeTestbed({ server, site, browser }));

const mailsTo = async (address: string) => (await outbox(server)).filter((item) => item.to === address);

/** The candidate opens the job page and writes to Grace, as a person would, through her card. */
async function write(page: Page, candidate: string) {
  await page.goto(`${site.url}/jobs/front-desk-agent-london.html`);
  const card = page.locator('hw-person-card').filter({ hasText: EMPLOYEE.displayName });
  const challenged = challengeOf(page);
  await card.getByRole('button', { name: 'Ask Grace a question' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill(`Casey ${candidate}`);
  await dialog.getByLabel('Your e-mail address').fill(`${candidate}@candidates.example`);
  await dialog.getByLabel('Your question').fill('What does a typical night shift look like on the front desk?');
  await dialog.getByRole('checkbox').check();
  // A person takes a few seconds to write; the server refuses forms filled in under 3 s.
  await skipWritingTime(challenged, clock);
  return dialog;
}

async function ask(page: Page, candidate: string) {
  const dialog = await write(page, candidate);
  await dialog.getByRole('button', { name: 'Send my question' }).click();
  return dialog;
}

/** Opens the link in the candidate's confirmation mail and presses its button. */
async function confirm(page: Page, candidate: string) {
  const [mail] = await mailsTo(`${candidate}@candidates.example`);
  assert.equal(mail?.template, 'contact_confirm');
  await page.goto(mail.links.find((link) => link.includes('/contact/confirm'))!);
  await page.getByRole('button').click();
}

test('a question goes from the job page to the employee, who answers; the 4th in a week to a limit of 3 is refused', async () => {
  const page = await browser.newPage();

  const dialog = await ask(page, 'first');
  await dialog.getByText('Check your inbox: confirm your e-mail address to send your question to Grace.').waitFor();
  assert.equal((await mailsTo(EMPLOYEE.email)).length, 0, 'nothing reaches the employee before confirmation');

  await confirm(page, 'first');
  const [question] = await mailsTo(EMPLOYEE.email);
  assert.equal(question?.template, 'contact_request');
  for (const action of ['/contact/answered', '/contact/decline', '/contact/pause', '/me/withdraw']) {
    assert.ok(
      question.links.some((link) => link.includes(action)),
      `the employee's mail links ${action}`,
    );
  }
  await page.goto(question.links.find((link) => link.includes('/contact/answered'))!);
  await page.getByRole('button').click();
  await page
    .getByText(/answered/i)
    .first()
    .waitFor();

  // A fourth candidate opened the page while Grace still had room this week, and writes slowly.
  const late = await browser.newPage();
  const refused = await write(late, 'fourth');

  for (const candidate of ['second', 'third']) {
    await (await ask(page, candidate)).getByText(/Check your inbox/).waitFor();
    await confirm(page, candidate);
  }
  assert.equal((await mailsTo(EMPLOYEE.email)).length, 3);

  await page.goto(`${site.url}/jobs/front-desk-agent-london.html`);
  const card = page.locator('hw-person-card').filter({ hasText: EMPLOYEE.displayName });
  await card.waitFor();
  assert.equal(await card.getByRole('button', { name: 'Ask Grace a question' }).count(), 0, 'at her limit, her card offers no button');

  await refused.getByRole('button', { name: 'Send my question' }).click();
  await refused.getByText('Grace has reached their weekly limit of questions. Ask someone else, or try again next week.').waitFor();
  assert.equal(await refused.getByLabel('Your question').inputValue(), 'What does a typical night shift look like on the front desk?', 'nothing typed is lost');
  assert.equal((await mailsTo('fourth@candidates.example')).length, 0);
  await late.close();
  await page.close();
});
