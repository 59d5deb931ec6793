/**
 * End to end (issue 18): an employee publishes an answer on /me with the question reworded, the
 * candidate agrees from the link of their mail, a moderator approves it in the workspace, and the
 * question and its answer show on a careers page on another origin — never the candidate's name.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createAdminUser } from '../src/server/admin/accounts.js';
import type { RunningServer } from '../src/server/server.js';
import { newPublicId } from '../src/server/store/people.js';
import { closeTestbed, openTestbed, outbox, signedInContext, type CareersSite } from './support/node/harness.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';

const CANDIDATE = { name: 'Jane Birchwood', email: 'jane.birchwood@candidate.example' };
const ASKED = 'Hello, I am Jane Birchwood from Leeds. How do you plan the menus for big events?';
const PUBLISHED = 'How do you plan the menus for big events?';
const ANSWER = 'We start from what our growers send on Monday, then taste everything with the team on Thursday.';

let server: RunningServer;
let site: CareersSite;
let browser: Browser;

before(async () => ({ server, site, browser } = await openTestbed()));
after(() => closeTestbed({ server, site, browser }));

/** A question Kwame answered, as the relay stores it (the columns of migration 0014). */
async function answeredQuestion() {
  const person = await server.db.selectFrom('people').select(['id', 'site_id']).where('full_name', '=', 'Kwame Mensah').executeTakeFirstOrThrow();
  const publicId = newPublicId();
  await server.db
    .insertInto('contact_requests')
    .values({
      ...{ public_id: publicId, site_id: person.site_id, person_id: person.id, candidate_name: CANDIDATE.name, candidate_email: CANDIDATE.email },
      ...{ message: ASKED, job: 'Head Chef', lang: 'en', page_origin: site.url, status: 'answered', confirm_token_hash: publicId, confirm_expires_at: new Date() },
      ...{ confirmed_at: new Date(), answered_at: new Date(), answer_text: ANSWER, answer_via: 'mail' },
    })
    .execute();
  return person;
}

async function questionsOnJobPage() {
  const page = await browser.newPage();
  await page.goto(`${site.url}/jobs/head-chef-london.html`);
  await page.locator('hw-people-grid hw-person-card').first().waitFor();
  const questions = page.locator('hw-questions');
  // hide-empty: nothing shows until a question is public; once loaded, the element says whether it is hidden.
  await page.waitForFunction(() => document.querySelector('hw-questions')?.shadowRoot?.querySelector('[aria-busy]') === null);
  return { page, questions };
}

test('published on /me, agreed by the candidate, approved by a moderator: shown on the careers page', async () => {
  const person = await answeredQuestion();

  // The employee rewords the question and asks the candidate.
  const employee = await (await signedInContext(browser, server, person.id)).newPage();
  await employee.goto(`${server.url}/me`);
  const mine = employee.locator('hw-my-answers');
  await mine.getByRole('button', { name: 'Publish this answer' }).click();
  await mine.getByLabel('The question, as it would be published').fill(PUBLISHED);
  await mine.getByRole('button', { name: 'Ask the candidate' }).click();
  await mine.getByText('Waiting for the candidate to agree.').waitFor();
  await employee.close();

  // The candidate reads the wording in the mail, and agrees with one more click.
  const mail = (await outbox(server)).find((each) => each.to === CANDIDATE.email && each.template === 'answer_publish_request');
  assert.ok(mail, 'the candidate was asked');
  assert.equal(mail.subject, 'Kwame M. would like to publish your question and their answer');
  const candidate = await browser.newPage();
  await candidate.goto(mail.links.find((link) => link.includes('/answers/agree'))!);
  await candidate.getByRole('button', { name: 'I agree' }).click();
  await candidate.getByRole('heading', { name: 'Thank you' }).waitFor();
  await candidate.close();

  const before = await questionsOnJobPage();
  assert.equal(await before.questions.isHidden(), true, 'not public before moderation');
  await before.page.close();

  // A moderator approves it.
  await createAdminUser(server.db, { email: 'mod@beaumont-hotels.example', role: 'moderator' });
  const moderator = await signedInAdmin(browser, server, 'mod@beaumont-hotels.example', '/admin/answers');
  const queue = moderator.locator('hw-admin-answers');
  await queue.getByText(PUBLISHED).waitFor();
  assert.deepEqual(await axeViolations(moderator), []);
  await queue.getByRole('button', { name: 'Approve Kwame Mensah' }).click();
  await queue.getByText('Approved the answer by Kwame Mensah.').waitFor();
  await moderator.context().close();

  // Candidates on the careers site (another origin) read it, anonymised.
  const { page, questions } = await questionsOnJobPage();
  const summary = questions.locator('summary').first();
  assert.equal((await summary.textContent())?.replace(/\s+/g, ' ').trim(), `A candidate asked ${PUBLISHED}`);
  await summary.press('Enter');
  await questions.getByText(ANSWER).waitFor();
  assert.match((await questions.locator('[part="person"]').first().textContent())!, /Answered by Kwame M\., Head Chef/);
  const shown = await questions.evaluate((element) => element.shadowRoot!.textContent);
  assert.ok(!shown!.includes('Birchwood') && !shown!.includes('Leeds'), 'the candidate is never named');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
