/**
 * The employee's own page, /me, in Chromium at a laptop's and a phone's size, in English and French,
 * as a person would meet it: no broken image before opting in, a typed bio neither lost nor shown as
 * saved when another section is saved, leaving asks first, a reload shows what the server holds, and
 * the testimonial name chosen is the one published. Screenshots go to $SHOTS when it names a folder.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { createPerson } from '../src/server/store/people.js';
import { ADMIN_KEY, api, launchChromium, signedInContext, startTestServer } from './support/node/harness.js';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const TEXTS = {
  en: { locale: 'en-GB', saveChoices: 'Save my choices', choicesSaved: 'Your choices are saved.', unsaved: 'Unsaved changes', saveTestimonial: 'Save my testimonial' },
  fr: {
    locale: 'fr-FR',
    saveChoices: 'Enregistrer mes choix',
    choicesSaved: 'Vos choix sont enregistrés.',
    unsaved: 'Modifications non enregistrées',
    saveTestimonial: 'Enregistrer mon témoignage',
  },
} as const;
type Lang = keyof typeof TEXTS;
const SHOTS = process.env.SHOTS;

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

let counter = 0;

/** A new employee of the demo site, invited but not opted in, who reads French or English. */
async function newEmployee(lang: Lang, fullName = 'Abigail Turner') {
  const site = await server.db.selectFrom('sites').select('id').where('slug', '=', 'beaumont').executeTakeFirstOrThrow();
  const email = `me-e2e-${++counter}@beaumont-hotels.example`;
  const displayName = `${fullName.split(' ')[0]} ${fullName.split(' ').at(-1)![0]}.`;
  const person = await createPerson(server.db, { siteId: site.id, email, fullName, displayName, jobTitle: 'Front Desk Agent' });
  await server.db.updateTable('people').set({ locale: lang }).where('id', '=', person.id).execute();
  return { ...person, email };
}

/** Opens /me signed in as the person, through a sign-in link, and waits for the editor. */
async function openMe(personId: number, lang: Lang, viewport = SIZES[0]!) {
  const context = await signedInContext(browser, server, personId, { viewport, locale: TEXTS[lang].locale });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)));
  await page.goto(`${server.url}/me`);
  const editor = page.locator('hw-profile-editor');
  await editor.locator('[part="preview"]').waitFor();
  return { page, editor, failed };
}

/** The `src` of every image on the page (shadow roots included) that did not load. */
const brokenImages = (page: Page) =>
  page.evaluate(async () => {
    const images: HTMLImageElement[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const node of root.querySelectorAll('*')) {
        if (node instanceof HTMLImageElement) images.push(node);
        if (node.shadowRoot) roots.push(node.shadowRoot);
      }
    }
    const loaded = await Promise.all(
      images.map((image) =>
        image.decode().then(
          () => image.naturalWidth > 0,
          () => false,
        ),
      ),
    );
    return { count: images.length, broken: images.filter((_, i) => !loaded[i]).map((image) => image.src) };
  });

/** What the person sees with `at` scrolled into view. */
async function shot(page: Page, name: string, at: Locator) {
  if (!SHOTS) return;
  await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const box = async (locator: Locator) => (await locator.boundingBox())!;

const myProfile = (page: Page) => page.evaluate(() => fetch('/v1/me').then((response) => response.json()));

for (const lang of ['en', 'fr'] as const) {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;

    test(`first visit, ${lang} at ${size}: initials instead of broken images, and the page fits`, async () => {
      const person = await newEmployee(lang);
      const { page, editor, failed } = await openMe(person.id, lang, viewport);
      const { count, broken } = await brokenImages(page);
      assert.equal(count, 2, 'the photo beside the form and the card’s');
      assert.deepEqual(broken, []);
      assert.deepEqual(failed, [], 'no request failed');
      const avatar = await box(editor.locator('hw-person-card img').first());
      assert.ok(avatar.width >= 40 && avatar.width === avatar.height, `a round avatar: ${JSON.stringify(avatar)}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
      await shot(page, `me-first-visit-${lang}-${size}`, page.locator('h1'));
      await page.context().close();
    });

    test(`drafts, ${lang} at ${size}: a typed bio survives saving the choices, is said to be unsaved, and leaving asks first`, async () => {
      const person = await newEmployee(lang);
      const { page, editor } = await openMe(person.id, lang, viewport);
      const texts = TEXTS[lang];
      const bio = editor.locator('textarea[name="bio"]');
      await bio.click(); // a person's gesture: browsers ask before leaving only after one
      await bio.pressSequentially('Ask me about late check-ins.');
      const unsaved = editor.locator('[part~="unsaved"]');
      assert.equal(await unsaved.count(), 2, 'on the preview and by "Save my profile"');
      const note = await box(unsaved.nth(1));
      const save = await box(editor.locator('[part~="profile"] button[type="submit"]'));
      assert.ok(note.y + note.height <= save.y && note.x + note.width <= viewport.width, 'the marker sits above its Save button, on screen');
      await shot(page, `me-unsaved-preview-${lang}-${size}`, editor.locator('[part~="preview"]'));
      await shot(page, `me-unsaved-profile-${lang}-${size}`, unsaved.nth(1));

      await editor.locator('input[name="showProfile"]').check();
      await editor.getByRole('button', { name: texts.saveChoices }).click();
      await editor.getByText(texts.choicesSaved).waitFor();
      assert.equal(await bio.inputValue(), 'Ask me about late check-ins.', 'the bio is not lost');
      assert.equal(await editor.locator('hw-person-card [part~="bio"]').innerText(), 'Ask me about late check-ins.');
      const notes = await unsaved.allInnerTexts();
      assert.equal(notes.length, 2, 'nor shown as saved: the preview and the profile still say so');
      assert.equal(notes[1], texts.unsaved);
      assert.equal((await myProfile(page)).profile.bio, null, 'the server has no bio');

      const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
      await page.close({ runBeforeUnload: true });
      assert.equal(await asked, 'beforeunload', 'leaving asks first');
      assert.equal(page.isClosed(), false, 'and stays when the person says so');

      // What the server has, in a new tab of the same session (a reload past the prompt once hung in Chromium for 30 s).
      const fresh = await page.context().newPage();
      await fresh.goto(`${server.url}/me`, { waitUntil: 'domcontentloaded' }); // the editor's own readiness is awaited below, not every photo's load
      const reopened = fresh.locator('hw-profile-editor');
      await reopened.locator('[part="preview"]').waitFor();
      assert.equal(await reopened.locator('textarea[name="bio"]').inputValue(), '', 'what the server has: no bio');
      assert.equal(await reopened.locator('input[name="showProfile"]').isChecked(), true);
      assert.equal(await reopened.locator('[part~="unsaved"]').count(), 0);
      await page.context().close();
    });
  }
}

test('the testimonial name shown when choosing is the one published, in English and French', async () => {
  const cases = [
    { lang: 'en', fullName: 'Abigail Turner', style: 'full', expected: 'Abigail Turner' },
    { lang: 'fr', fullName: 'Élodie Marchand', style: 'initials', expected: 'É. M.' },
  ] as const;
  for (const { lang, fullName, style, expected } of cases) {
    const person = await newEmployee(lang, fullName);
    const { page, editor } = await openMe(person.id, lang);
    const quote = `Chosen in ${lang}: ${style}.`;
    await editor.locator('textarea[name="quote"]').fill(quote);
    await editor.locator('input[name="roles"]').fill('Front Desk Agent');
    await editor.locator('input[name="fromYear"]').fill('2020');
    await editor.locator(`input[name="nameStyle"][value="${style}"]`).check();
    const label = await editor.locator('label.choice', { has: page.locator(`input[value="${style}"]`) }).innerText();
    const shown = label.split(':').at(-1)!.trim();
    await editor.locator('input[name="publish"]').check();
    await editor.getByRole('button', { name: TEXTS[lang].saveTestimonial }).click();
    await editor.locator('#testimonial-status').waitFor();
    await page.context().close();

    const pending = (await api(server, 'GET', '/v1/admin/sites/beaumont/testimonials?status=pending', { admin: true })).items as { id: string; email: string }[];
    const id = pending.find((item) => item.email === person.email)!.id;
    await api(server, 'POST', `/v1/admin/sites/beaumont/testimonials/${id}/approve`, { admin: true });
    const published = (await api(server, 'GET', '/v1/sites/beaumont/testimonials?limit=50')).items as { quote: string; author: string }[];
    assert.equal(published.find((item) => item.quote === quote)?.author, shown, `${lang}: "${label}"`);
    assert.equal(shown, expected, 'from the full name, not the display name');
  }
});
