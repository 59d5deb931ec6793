/**
 * End to end, as the people involved would: an employee who answered questions writes their path here
 * and allows their reply time on /me; a careers page on another origin shows both in their card's
 * "More about" view, in English and French, opened from the keyboard. Screenshots go to $SHOTS when it
 * names a folder.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { updateReplyTime } from '../src/server/record/reply-time.js';
import type { RunningServer } from '../src/server/server.js';
import { hashToken } from '../src/server/auth/tokens.js';
import { newPublicId } from '../src/server/store/people.js';
import { ADMIN_KEY, allowOrigin, launchChromium, signedInContext, startCareersSite, startTestServer, type CareersSite } from './support/node/harness.js';

const SHOTS = process.env.SHOTS;
const JOB_PAGE = 'demo/jobs/front-desk-agent-london.html';
const HOUR = 3600_000;

let server: RunningServer;
let site: CareersSite;
let browser: Browser;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  site = await startCareersSite(server);
  await allowOrigin(server, site.url);
  // The same job page, in French: the elements follow <html lang>.
  site.page('/jobs/front-desk-agent-london-fr.html', (await readFile(JOB_PAGE, 'utf8')).replace(/<html lang="en"/, '<html lang="fr"'));
  browser = await launchChromium();
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

/** Questions the person answered `hours` after they reached them, as the relay records answers (then updates the reply time). */
async function answeredQuestions(person: { id: number; site_id: number }, hours: number[]) {
  const now = Date.now();
  for (const [i, delay] of hours.entries()) {
    // Weeks ago: this week's questions would count towards the weekly cap.
    const confirmedAt = new Date(now - (i + 2) * 7 * 24 * HOUR - delay * HOUR);
    await server.db
      .insertInto('contact_requests')
      .values({
        public_id: newPublicId(),
        site_id: person.site_id,
        person_id: person.id,
        candidate_name: 'Candidate',
        candidate_email: `candidate${i}@example.com`,
        message: 'What is the night shift like?',
        job: 'Front Desk Agent',
        lang: 'en',
        page_origin: site.url,
        confirm_token_hash: hashToken(newPublicId()),
        confirm_expires_at: new Date(now),
        created_at: new Date(confirmedAt.getTime() - HOUR),
        answer_via: 'link',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then(({ id }) =>
        server.db
          .updateTable('contact_requests')
          .set({ status: 'answered', confirmed_at: confirmedAt, answered_at: new Date(confirmedAt.getTime() + delay * HOUR) })
          .where('id', '=', id)
          .execute(),
      );
  }
  await updateReplyTime(server.db, person.id);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('an employee writes their path and allows their reply time on /me; the careers page shows both in "More about"', async () => {
  const amelia = await server.db.selectFrom('people').select(['id', 'site_id', 'public_id']).where('full_name', '=', 'Amelia Clarke').executeTakeFirstOrThrow();
  await answeredQuestions(amelia, [20, 30, 44]);

  const context = await signedInContext(browser, server, amelia.id, { viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const me = await context.newPage();
  await me.goto(`${server.url}/me`);
  const editor = me.locator('hw-profile-editor');
  const details = editor.locator('[part="details"]');
  await details.waitFor();
  assert.equal(await details.getByText('Candidates would read: “Usually replies within 2 days”', { exact: false }).count(), 1);
  for (const [i, [role, from, to]] of [
    ['Night Receptionist', '2019', '2021'],
    ['Front Desk Agent', '2021', ''],
  ].entries()) {
    await details.getByRole('button', { name: 'Add a role' }).click();
    await details.locator(`[name="role-${i}"]`).fill(role!);
    await details.locator(`[name="fromYear-${i}"]`).fill(from!);
    await details.locator(`[name="toYear-${i}"]`).fill(to!);
  }
  await details.getByLabel('Show candidates how quickly I usually reply').check();
  await details.getByRole('button', { name: 'Save these details' }).click();
  await details.getByText('Saved: your card shows them.').waitFor();
  await details.scrollIntoViewIfNeeded();
  await shot(me, 'me-details-en-1280');
  await editor.locator('[part="record"]').scrollIntoViewIfNeeded();
  await shot(me, 'me-record-en-1280');
  await me.setViewportSize({ width: 390, height: 844 });
  await details.locator('.path').scrollIntoViewIfNeeded();
  await shot(me, 'me-details-en-390');
  await context.close();

  const views = [
    { lang: 'en', path: '/jobs/front-desk-agent-london.html', more: 'More about Amelia', reply: 'Usually replies within 2 days', since: 'since 2021' },
    {
      lang: 'fr',
      path: '/jobs/front-desk-agent-london-fr.html',
      more: 'En savoir plus sur Amelia',
      reply: 'Répond généralement sous 2\u00a0jours',
      since: 'depuis 2021',
    },
  ];
  for (const view of views) {
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(site.url + view.path);
      const card = page.locator('hw-people-grid hw-person-card', { hasText: 'Amelia' });
      const summary = card.locator('summary');
      await summary.waitFor();
      assert.equal((await summary.textContent())?.trim(), view.more);
      assert.equal(await card.locator('[part="reply"]').isVisible(), false, 'closed at first');

      await summary.focus();
      await page.keyboard.press('Enter');
      await card.locator('[part="reply"]').waitFor();
      assert.equal((await card.locator('[part="reply"]').textContent())?.trim(), view.reply);
      assert.deepEqual(await card.locator('[part="path"] li').allTextContents(), ['Night Receptionist · 2019–\u20602021', `Front Desk Agent · ${view.since}`]);
      await card.scrollIntoViewIfNeeded();
      await shot(page, `card-details-${view.lang}-${width}`);
      await page.close();
    }
  }
});

test('a colleague who allowed nothing shows no reply time, however many answers they gave', async () => {
  const grace = await server.db.selectFrom('people').select(['id', 'site_id', 'public_id']).where('full_name', '=', 'Grace Okafor').executeTakeFirstOrThrow();
  await answeredQuestions(grace, [1, 2, 3, 4]);
  const page = await browser.newPage();
  await page.goto(`${site.url}/jobs/front-desk-agent-london.html`);
  const card = page.locator('hw-people-grid hw-person-card', { hasText: 'Grace' });
  await card.locator('h3').waitFor();
  assert.equal(await card.locator('summary').count(), 0, 'no "More about": nothing shared');
  await page.close();
});
