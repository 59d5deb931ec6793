/**
 * End to end: the real server (embedded PGlite, seeded demo, built bundle) and Debian's Chromium
 * driven by playwright-core, looking at the demo careers pages as a candidate would.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoPeople } from '../demo/seed-data.js';
import type { RunningServer } from '../src/server/server.js';
import { closeTestbed, openTestbed, type CareersSite } from './support/node/harness.js';

let server: RunningServer;
/** The careers pages, on another origin than the Hallway server's, as every customer's are. */
let site: CareersSite;
let browser: Browser;

const hiddenPeople = demoPeople.filter((p) => !p.showProfile || p.status === 'left');

before(async () => ({ server, site, browser } = await openTestbed({ allowed: false })));

after(() => closeTestbed({ server, site, browser }));

async function openPage(path: string, origin = site.url) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  await page.goto(`${origin}${path}`);
  await page.locator('hw-person-card').first().waitFor();
  return { page, problems };
}

const cardTexts = (page: Page, part: string) => page.locator(`hw-person-card [part~="${part}"]`).allInnerTexts();

describe('demo careers site', () => {
  test('a job page shows the opted-in people of that job first, and nobody who did not opt in', async () => {
    const { page, problems } = await openPage('/jobs/front-desk-agent-london.html');
    const titles = await cardTexts(page, 'title');
    assert.ok(titles.length >= 3, `cards: ${titles.join(', ')}`);
    assert.ok(
      titles.every((title) => title === 'Front Desk Agent'),
      titles.join(', '),
    );
    assert.match(await page.locator('hw-people-grid [part~="heading"]').innerText(), /Front Desk Agent/);

    const names = await cardTexts(page, 'name');
    const visible = new Set(demoPeople.filter((p) => p.showProfile && p.status !== 'left' && p.jobTitle === 'Front Desk Agent').map((p) => p.displayName));
    for (const name of names) assert.ok(visible.has(name), `${name} is not an opted-in Front Desk Agent`);

    const everything = String(await page.evaluate(allText));
    for (const person of hiddenPeople) assert.ok(!everything.includes(person.displayName), `${person.displayName} is shown`);
    assert.ok(!everything.includes('HIDDEN-CANARY'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('photos are reserved in the layout and load from the Hallway server; initials are drawn, not loaded', async () => {
    const { page } = await openPage('/jobs/front-desk-agent-london.html');
    await page.locator('hw-person-card [part~="photo"]').first().waitFor();
    const boxes = await page
      .locator('hw-person-card [part~="photo"]')
      .evaluateAll((parts) => parts.map((part) => [part.tagName, part.getBoundingClientRect().width, part.getBoundingClientRect().height]));
    assert.ok(boxes.length > 0);
    for (const [tag, width, height] of boxes) if (tag !== 'IMG') assert.deepEqual([width, height], [96, 96], "drawn initials take the photo's place");
    const photos = await page.locator('hw-person-card img[part~="photo"]').evaluateAll((images) =>
      images.map((img) => ({
        src: (img as HTMLImageElement).src,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
      })),
    );
    for (const photo of photos) {
      assert.ok(photo.src.startsWith(`${server.url}/v1/sites/beaumont/people/`), photo.src);
      assert.ok(photo.width && photo.height);
      assert.equal(photo.loading, 'lazy');
    }
    await page.close();
  });

  test('the French job page speaks French and shows the Réceptionnistes first', async () => {
    const { page, problems } = await openPage('/jobs/receptionniste-lyon.html');
    const titles = await cardTexts(page, 'title');
    assert.ok(titles.length >= 3);
    assert.ok(
      titles.every((title) => title === 'Réceptionniste'),
      titles.join(', '),
    );
    const heading = await page.locator('hw-people-grid [part~="heading"]').innerText();
    assert.match(heading, /Réceptionniste/);
    assert.doesNotMatch(heading, /People|who work/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the home page shows the company grid, each person once', async () => {
    const { page } = await openPage('/');
    const names = await cardTexts(page, 'name');
    assert.ok(names.length >= 6);
    assert.equal(new Set(names).size, names.length);
    await page.close();
  });

  test('same origin, as `npm start` serves the demo from the Hallway server itself: cards, and "Ask" at once', async () => {
    // The exception: customers' pages are on another origin; the demo's own server is allowed by default.
    const { page, problems } = await openPage('/jobs/front-desk-agent-london.html', server.url);
    await page.locator('hw-person-card').getByRole('button', { name: /^Ask/ }).first().waitFor();
    assert.equal(await page.locator('hw-contact-button').getByRole('button', { name: /^Ask/ }).count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/** Every text of the page, shadow roots included (a string: tsx would rename a function's helpers). */
const allText = `(() => {
  const collect = (root) => [...root.querySelectorAll('*')]
    .map((el) => (el.shadowRoot ? collect(el.shadowRoot) : '') + ' ' + (el.textContent ?? '')).join(' ');
  return collect(document);
})()`;
