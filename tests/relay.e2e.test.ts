/**
 * Issue 18, end to end: an employee answers a question on /me in Chromium, by keyboard; the candidate's
 * SMTP server receives the answer from the relay, with no address of the employee in any header (nor
 * anywhere in the mail), and a "Say thank you" link that works once. In English and French; with
 * SHOTS=<folder>, screenshots of the section, the mail and the thank-you page at 390 and 1280 px.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashToken, newToken } from '../src/server/auth/tokens.js';
import { newRequestId } from '../src/server/contact/requests.js';
import type { RunningServer } from '../src/server/server.js';
import { createPerson } from '../src/server/store/people.js';
import { launchChromium, signedInContext, startTestServer } from './support/node/harness.js';
import { startSmtpServer, type SmtpServerForTests } from './support/node/received-mail.js';
import { axeViolations } from './support/node/workspace.js';
import { until } from './support/until.js';

const TEXTS = {
  en: {
    locale: 'en-GB',
    heading: 'Questions waiting for your answer',
    label: 'Your answer to Camille',
    send: 'Send my answer',
    thank: 'Say thank you',
    thanked: 'Thank you sent',
  },
  fr: {
    locale: 'fr-FR',
    heading: 'Questions en attente de votre réponse',
    label: 'Votre réponse à Camille',
    send: 'Envoyer ma réponse',
    thank: 'Dire merci',
    thanked: 'Merci envoyé',
  },
} as const;
type Lang = keyof typeof TEXTS;
const SIZES = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
const SHOTS = process.env.SHOTS;

let server: RunningServer;
let sink: SmtpServerForTests;
let browser: Browser;

before(async () => {
  sink = await startSmtpServer();
  server = await startTestServer({ devOutbox: false, smtpUrl: sink.url, mailFrom: 'Hallway <hallway@hallway.test>', relay: { port: 0, domain: 'relay.hallway.test' } });
  browser = await launchChromium();
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await sink?.close();
});

let counter = 0;

/** An employee of the demo site, reading `lang`, with one question forwarded to them (as the confirmation leaves it). */
async function employeeWithQuestion(lang: Lang) {
  const { db } = server;
  const site = await db.selectFrom('sites').select('id').where('slug', '=', 'beaumont').executeTakeFirstOrThrow();
  const email = `relay-e2e-${++counter}@beaumont-hotels.example`;
  const person = await createPerson(db, { siteId: site.id, email, fullName: 'Rosalind Okafor', displayName: 'Rosalind O.', jobTitle: 'Night Manager' });
  await db.updateTable('people').set({ locale: lang }).where('id', '=', person.id).execute();
  const candidate = `camille-${counter}@candidates.example`;
  await db
    .insertInto('contact_requests')
    .values({
      public_id: newRequestId(),
      site_id: site.id,
      person_id: person.id,
      candidate_name: 'Camille',
      candidate_email: candidate,
      message: lang === 'fr' ? 'Comment se passent les nuits ? Et l’équipe ?' : 'What are the night shifts like? And the team?',
      job: lang === 'fr' ? 'Responsable de nuit' : 'Night Manager',
      lang,
      page_origin: server.url,
      confirm_token_hash: hashToken(newToken()),
      confirm_expires_at: new Date(),
      status: 'confirmed',
      confirmed_at: new Date(),
    })
    .execute();
  return { person, email, candidate };
}

async function shoot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

for (const lang of ['en', 'fr'] as const) {
  test(`${lang}: the employee answers on /me; the candidate gets it from the relay, with no employee address in it`, { timeout: 120_000 }, async () => {
    const t = TEXTS[lang];
    const { person, email, candidate } = await employeeWithQuestion(lang);
    const [desktop, phone] = SIZES;
    // bypassCSP: only so that axe-core can be injected to check the page.
    const context = await signedInContext(browser, server, person.id, { viewport: desktop!, locale: t.locale, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/me`);
    const section = page.locator('hw-profile-editor [part="answers"]');
    await section.getByRole('heading', { name: t.heading }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await shoot(page, `me-answers-${lang}-1280`);
    if (SHOTS) await section.screenshot({ path: join(SHOTS, `me-answers-section-${lang}-1280.png`) });
    await page.setViewportSize(phone!);
    await shoot(page, `me-answers-${lang}-390`);
    if (SHOTS) await section.screenshot({ path: join(SHOTS, `me-answers-section-${lang}-390.png`) });
    await page.setViewportSize(desktop!);

    const box = section.getByLabel(t.label);
    await box.focus();
    await page.keyboard.type(lang === 'fr' ? 'Les nuits sont calmes et l’équipe est formidable.' : 'The nights are calm and the team is great.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Camille' }).waitFor();
    assert.equal(await section.locator('article').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    if (SHOTS) await section.screenshot({ path: join(SHOTS, `me-answered-section-${lang}-1280.png`) });

    await until(async () => (await server.drainMail(), sink.received.some((mail) => mail.envelopeTo.includes(candidate))), {
      timeout: 10_000,
      what: 'the answer forwarded',
    });
    const mail = sink.received.find((received) => received.envelopeTo.includes(candidate))!;
    for (const [name, value] of mail.headers) assert.ok(!value.toLowerCase().includes(email), `no employee address in ${name}: ${value}`);
    assert.ok(!mail.raw.toLowerCase().includes(email), 'nor anywhere in the mail');
    assert.match(mail.headers.find(([name]) => name === 'from')![1], /^Rosalind via Beaumont Hotels <hallway@hallway\.test>$/);
    assert.match(mail.headers.find(([name]) => name === 'reply-to')![1], /^reply\+[0-9a-f]+@relay\.hallway\.test$/);
    assert.match(mail.text, lang === 'fr' ? /Les nuits sont calmes/ : /The nights are calm/);

    // The candidate reads the mail and says thank you.
    const reader = await browser.newPage({ viewport: desktop!, locale: t.locale, bypassCSP: true });
    await reader.setContent(mail.html);
    await shoot(reader, `mail-answer-${lang}-1280`);
    await reader.setViewportSize(phone!);
    await shoot(reader, `mail-answer-${lang}-390`);
    await reader.getByRole('link', { name: t.thank }).click();
    await reader.getByRole('button', { name: t.thank }).waitFor();
    assert.deepEqual(await axeViolations(reader), []);
    await shoot(reader, `thank-${lang}-390`);
    await reader.getByRole('button', { name: t.thank }).press('Enter');
    await reader.getByRole('heading', { name: t.thanked }).waitFor();
    await shoot(reader, `thanked-${lang}-390`);
    const { thanked_at } = await server.db.selectFrom('contact_requests').select('thanked_at').where('candidate_email', '=', candidate).executeTakeFirstOrThrow();
    assert.ok(thanked_at);
    await reader.close();
    await context.close();
  });
}
