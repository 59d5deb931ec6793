/**
 * Safety for employees (issue 18), end to end: the real server sending through a real SMTP server, the
 * demo careers site on another origin, and Chromium wherever a person clicks. An abusive candidate is
 * reported and blocked by the employee, then refused with the answer every candidate gets; three
 * employees reporting senders of one company domain block that domain; a question with a link is held
 * until a moderator releases it in the workspace.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Challenge, type PublicPerson } from '../src/sdk/index.js';
import { createAdminUser } from '../src/server/admin/accounts.js';
import { MIN_FILL_MS } from '../src/server/contact/challenge.js';
import { findLinks } from '../src/server/mail/index.js';
import type { RunningServer } from '../src/server/server.js';
import { testClock } from './support/clock.js';
import { until } from './support/until.js';
import { ADMIN_KEY, allowOrigin, challengeOf, launchChromium, skipWritingTime, startCareersSite, startTestServer, type CareersSite } from './support/node/harness.js';
import { startSmtpServer, type SmtpServerForTests } from './support/node/received-mail.js';
import { solve } from './support/node/soak.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';

const MODERATOR = 'moderator@beaumont-hotels.example';
const DAY = 24 * 3600_000;
const clock = testClock();
let smtp: SmtpServerForTests;
let server: RunningServer;
let site: CareersSite;
let browser: Browser;
/** People of the demo who take questions, as the careers page lists them. */
let open: PublicPerson[];

before(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ adminKey: ADMIN_KEY, smtpUrl: smtp.url, devOutbox: false }, { contact: { now: clock.now } });
  site = await startCareersSite(server);
  await allowOrigin(server, site.url);
  browser = await launchChromium();
  await createAdminUser(server.db, { email: MODERATOR, role: 'moderator' });
  const list = (await (await fetch(`${server.url}/v1/sites/beaumont/people?limit=50`)).json()) as { items: PublicPerson[] };
  open = list.items.filter((person) => person.channels.includes('message') && person.availability === 'open' && person.kind === 'employee');
});

after(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  await smtp?.close();
});

/** The employee's address, which only the server knows. */
const emailOf = async (person: PublicPerson) => (await server.db.selectFrom('people').select('email').where('public_id', '=', person.id).executeTakeFirstOrThrow()).email;

/** Every mail the SMTP server received for `address`, once what was due has been sent. */
async function mailsTo(address: string) {
  await server.drainMail();
  return smtp.received.filter((mail) => mail.envelopeTo.includes(address));
}

const linkIn = (text: string, path: string) => findLinks(text).find((link) => link.includes(path))!;

/** The candidate writes to `person` through their card on the careers page, as a person would. */
async function askOnCareersPage(page: Page, person: PublicPerson, email: string, message: string) {
  await page.goto(`${site.url}/`);
  const card = page.locator('hw-person-card').filter({ hasText: person.displayName });
  const challenged = challengeOf(page);
  await card.getByRole('button', { name: /^Ask .* a question$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Rex Rude');
  await dialog.getByLabel('Your e-mail address').fill(email);
  await dialog.getByLabel('Your question').fill(message);
  await dialog.getByRole('checkbox').check();
  await skipWritingTime(challenged, clock);
  await dialog.getByRole('button', { name: 'Send my question' }).click();
  await dialog.getByText(/^Check your inbox: confirm your e-mail address/).waitFor();
}

/** A question sent as the careers page's script sends it (for the questions whose writing is not the point). */
async function askOverHttp(person: PublicPerson, email: string, message: string) {
  clock.advance(-(MIN_FILL_MS + 1000));
  const challenge = Challenge.parse(await (await fetch(`${server.url}/v1/sites/beaumont/challenge`)).json());
  clock.advance(MIN_FILL_MS + 1000);
  const response = await fetch(`${server.url}/v1/sites/beaumont/people/${person.id}/contact`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: site.url },
    body: JSON.stringify({ name: 'Casey Doe', email, message, consent: true, lang: 'en', proof: solve(challenge) }),
  });
  assert.equal(response.status, 202, await response.clone().text());
}

/** The candidate opens the confirmation link of their mail and presses its button. */
async function confirm(page: Page, email: string) {
  const [mail] = await mailsTo(email);
  assert.ok(mail, `a confirmation mail to ${email}`);
  await page.goto(linkIn(mail.text, '/contact/confirm'));
  await page.getByRole('button', { name: 'Send my question' }).click();
  await page.getByRole('heading', { name: 'Your question is on its way' }).waitFor();
}

/** The employee clicks "Report this question" in the mail, chooses the reason and reports. */
async function report(page: Page, questionMail: string, reason: RegExp, checkAxe = false) {
  await page.goto(linkIn(questionMail, '/contact/report'));
  if (checkAxe) assert.deepEqual(await axeViolations(page), [], 'the report form');
  await page.getByRole('radio', { name: reason }).check();
  await page.getByRole('button', { name: 'Report the question' }).click();
  await page.getByRole('heading', { name: 'Question reported' }).waitFor();
}

test('report → block → the same candidate is refused with the usual answer, and nothing reaches the employee', async () => {
  const grace = open[0]!;
  const graceEmail = await emailOf(grace);
  // axe is injected as a script, which the pages' CSP refuses otherwise.
  const page = await browser.newPage({ bypassCSP: true });
  const rude = 'rex@rude-people.example';

  await askOnCareersPage(page, grace, rude, 'Answer me now, you useless people. What is the salary?');
  await confirm(page, rude);
  const [question] = await mailsTo(graceEmail);
  assert.ok(question, 'the question reached the employee');
  assert.ok(question.text.includes('Report this question') && question.text.includes('Block this sender'));

  await report(page, question.text, /^Abusive or offensive$/, true);
  assert.deepEqual(await axeViolations(page), [], 'the page saying it is reported');
  const [alert] = await mailsTo(MODERATOR);
  assert.ok(alert, 'the moderator is told');
  assert.ok(alert.text.includes('> Answer me now, you useless people.'), 'with the question quoted');
  assert.ok(alert.text.includes('/admin/reports?site=beaumont'), 'and a link to the workspace');
  assert.ok(!alert.text.includes(graceEmail) && !alert.text.includes(grace.displayName), 'not who reported it');

  await page.goto(linkIn(question.text, '/contact/block'));
  await page.getByRole('button', { name: 'Block this sender' }).click();
  await page.getByRole('heading', { name: 'Sender blocked' }).waitFor();

  const mailsBefore = smtp.received.length;
  await askOnCareersPage(page, grace, rude, 'Why no answer? Answer me.');
  await askOnCareersPage(page, open[1]!, rude, 'And you, answer me.');
  await server.drainMail();
  assert.equal(smtp.received.length, mailsBefore, 'the candidate saw the usual answer; no mail to anyone');
  assert.equal((await mailsTo(graceEmail)).length, 1);
  await page.close();
});

test('three employees report senders of one company domain: the domain is blocked', async () => {
  clock.advance(DAY); // the next day: each client address may send 5 questions in 10 minutes
  const page = await browser.newPage();
  const reporters = open.slice(1, 4);
  assert.equal(reporters.length, 3);
  for (const [index, person] of reporters.entries()) {
    const sender = `recruiter${index}@fishing-agency.example`;
    await askOverHttp(person, sender, 'We have a great opportunity for you, call me.');
    await confirm(page, sender);
    const mails = await mailsTo(await emailOf(person));
    await report(page, mails.at(-1)!.text, /^A recruiter fishing for people$/);
  }
  const alerts = await mailsTo(MODERATOR);
  assert.ok(alerts.at(-1)!.text.includes('fishing-agency.example: it is now blocked'), 'the moderators are told the domain is blocked');

  const before = smtp.received.length;
  await askOverHttp(open[0]!, 'someone-new@fishing-agency.example', 'A new address, the same agency.');
  await server.drainMail();
  assert.equal(smtp.received.length, before, 'nothing sent, not even a confirmation');
  await page.close();
});

test('a question with a link is held until a moderator releases it in the workspace', async () => {
  clock.advance(DAY);
  const patched = await fetch(`${server.url}/v1/admin/sites/beaumont`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ holdLinks: true }),
  });
  assert.equal(patched.status, 200);
  const person = open[4]!;
  const personEmail = await emailOf(person);
  const page = await browser.newPage();
  const candidate = 'portfolio@casey.example';
  await askOverHttp(person, candidate, 'My portfolio is at www.casey-portfolio.example: would it fit your team?');
  await confirm(page, candidate);
  assert.equal((await mailsTo(personEmail)).length, 0, 'held: nothing reaches the employee');

  const workspace = await signedInAdmin(browser, server, MODERATOR, '/admin/reports?site=beaumont');
  const held = workspace.locator('hw-admin-reports li[data-question]').filter({ hasText: 'www.casey-portfolio.example' });
  await held.getByText('Held for: a link').waitFor();
  assert.deepEqual(await axeViolations(workspace), []);
  await held.getByRole('button', { name: 'Release Casey Doe' }).press('Enter');
  await workspace.getByText('The question from Casey Doe was released.').waitFor();

  const [forwarded] = await until(async () => {
    const mails = await mailsTo(personEmail);
    return mails.length > 0 ? mails : undefined;
  });
  assert.ok(forwarded!.text.includes('www.casey-portfolio.example'));
  const audit = await server.db.selectFrom('admin_audit').select(['action', 'actor_label']).where('action', '=', 'question.release').execute();
  assert.deepEqual(audit, [{ action: 'question.release', actor_label: MODERATOR }]);
  await workspace.context().close();
  await page.close();
});
