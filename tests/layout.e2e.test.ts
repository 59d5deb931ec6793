/**
 * What people see, measured in Chromium: every demo page (English and French), served from another
 * origin than the Hallway server as a customer's careers site is, at 320, 390 and 1280 px. No page
 * scrolls sideways; no heading, name, job title, button or note is cut; the initials avatar takes the
 * brand's photo shape; a paused person says until when. `HALLWAY_SHOTS=<folder>` saves screenshots.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import type { RunningServer } from '../src/server/server.js';
import { closeTestbed, openTestbed, type CareersSite } from './support/node/harness.js';
import { until } from './support/until.js';

const PAGES = readdirSync('demo', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .map((file) => `/${file}`)
  .sort();
const WIDTHS = [320, 390, 1280];
const SHOTS = process.env.HALLWAY_SHOTS;

let server: RunningServer;
let site: CareersSite;
let browser: Browser;

// Allowed to send questions, so that the cards show their "Ask" buttons, the longest labels.
before(async () => ({ server, site, browser } = await openTestbed()));

after(() => closeTestbed({ server, site, browser }));

// Evaluated in the page as strings (tsx's function wrappers do not survive the trip), with evaluate,
// not waitForFunction, which strict.html's CSP refuses (it builds a Function).
const SHADOW_HOSTS = `
  const shadowHosts = (root = document) =>
    [...root.querySelectorAll('*')].filter((el) => el.shadowRoot).flatMap((el) => [el, ...shadowHosts(el.shadowRoot)]);
`;

/**
 * Once every Hallway element has rendered its data: no placeholder, nothing busy, and the cards'
 * "Ask" buttons (they come once the site said this origin may send questions), the longest labels.
 */
const RENDERED = `(() => {
  ${SHADOW_HOSTS}
  const elements = shadowHosts().filter((el) => el.localName.startsWith('hw-'));
  const cards = elements.filter((el) => el.localName === 'hw-person-card');
  return elements.length > 0 && elements.every((el) => !el.shadowRoot.querySelector('.placeholder, [aria-busy="true"]'))
    && (cards.length === 0 || cards.some((el) => el.shadowRoot.querySelector('[part~="contact"]')));
})()`;

/** The texts a candidate must read whole that overflow their box or end in an ellipsis. */
const CUT = `(() => {
  ${SHADOW_HOSTS}
  const selector = 'h2, h3, [part~="title"], [part~="button"], [part~="availability"], [part~="message"]';
  return shadowHosts()
    .flatMap((el) => [...el.shadowRoot.querySelectorAll(selector)])
    .filter((e) => e.getClientRects().length > 0)
    .filter((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1 || getComputedStyle(e).textOverflow === 'ellipsis')
    .map((e) => e.textContent.trim() + ' (' + e.scrollWidth + '×' + e.scrollHeight + ' in ' + e.clientWidth + '×' + e.clientHeight + ')');
})()`;

/** Evaluates `expression` until it is true. */
const untilTrue = (page: Page, expression: string) => until(() => page.evaluate(expression), { timeout: 15_000, what: 'the page to render' });

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.url}${path}`);
  await untilTrue(page, RENDERED);
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page;
}

/** A screenshot with every photo loaded: a full-page one does not scroll, so lazy images would stay blank. */
async function shoot(page: Page, file: string, fullPage = true): Promise<void> {
  await page
    .locator('img[part~="photo"]')
    .evaluateAll((images: HTMLImageElement[]) => Promise.all(images.map((img) => ((img.loading = 'eager'), img.decode().catch(() => undefined)))));
  await page.screenshot({ path: file, fullPage });
}

const shotName = (path: string, width: number, suffix = '') =>
  `${SHOTS}/${path
    .slice(1)
    .replace(/\.html$/, '')
    .replaceAll('/', '-')}${suffix}-${width}.png`;

describe('every demo page, from another origin', () => {
  test('the pages are all here, English and French', () => {
    assert.ok(PAGES.includes('/index.html') && PAGES.includes('/fr/index.html') && PAGES.includes('/brands.html'), PAGES.join(' '));
  });

  for (const path of PAGES) {
    for (const width of WIDTHS) {
      test(`${path} at ${width} px: no sideways scrolling, no text cut`, async () => {
        const page = await open(path, width);
        try {
          const [scrollWidth, windowWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
          assert.ok(scrollWidth <= windowWidth, `the page is ${scrollWidth} px wide in a ${windowWidth} px window`);
          assert.deepEqual(await page.evaluate(CUT), [], 'no heading, name, job title, button or note is cut');
          if (SHOTS && width !== 320) await shoot(page, shotName(path, width));
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe('cards', () => {
  /** The colours of a photo's top-left corner and of the middle of its left edge. */
  async function cornerAndEdge(page: Page, name: string) {
    const card = page.locator('hw-person-card', { has: page.locator(`[part~="name"]`, { hasText: name }) }).first();
    const photo = card.locator('[part~="photo"]');
    await photo.scrollIntoViewIfNeeded(); // a lazy image loads once near the viewport
    await photo.evaluate(async (el) => void (el instanceof HTMLImageElement && (await el.decode()))); // initials are drawn, not loaded
    const { data, info } = await sharp(await photo.screenshot())
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    return { corner: pixel(2, 2), edge: pixel(3, Math.floor(info.height / 2)) };
  }

  test("the initials avatar takes the brand's photo shape: square where photos are square, round by default", async () => {
    const page = await open('/brands.html', 1280);
    try {
      const square = await page
        .locator('.nullroute hw-person-card [part~="photo"]')
        .first()
        .evaluate((img) => getComputedStyle(img).borderRadius);
      assert.equal(square, '0px', 'the brand asks for square photos');
      const nullroute = await page.locator('.nullroute [part~="name"]').first().innerText();
      const squared = await cornerAndEdge(page, nullroute);
      assert.deepEqual(squared.corner, squared.edge, 'the avatar fills its square to the corner');
      const aurele = await page.locator('.aurele [part~="name"]').first().innerText();
      const round = await cornerAndEdge(page, aurele);
      assert.notDeepEqual(round.corner, round.edge, 'a round photo leaves its corner to the page');
    } finally {
      await page.close();
    }
  });

  const seeded = new Date(new Date().setUTCHours(0, 0, 0, 0));
  const PAUSED = [
    { path: '/jobs/head-chef-london.html', name: 'Kwame M.', lang: 'en', days: 10, says: (date: string) => `Not taking questions until ${date}` },
    { path: '/jobs/receptionniste-lyon.html', name: 'Léa F.', lang: 'fr', days: 12, says: (date: string) => `Ne répond pas aux questions avant le ${date}` },
  ];
  for (const { path, name, lang, days, says } of PAUSED) {
    for (const width of [390, 1280]) {
      test(`a paused person's card says until when instead of "Ask" (${lang}, ${width} px)`, async () => {
        const page = await open(path, width);
        try {
          const card = page.locator('hw-person-card', { has: page.locator('[part~="name"]', { hasText: name }) });
          const until = new Date(seeded.getTime() + days * 86_400_000).toLocaleDateString(lang, { dateStyle: 'medium', timeZone: 'UTC' });
          assert.equal(await card.locator('[part~="availability"]').innerText(), says(until));
          const others = page.locator('hw-person-card', { hasNot: page.locator('[part~="name"]', { hasText: name }) });
          // Their "Ask" comes once the page knows it may send questions (GET /v1/sites/:site).
          await others.getByRole('button').first().waitFor({ timeout: 10_000 });
          assert.equal(await card.getByRole('button').count(), 0);
          if (width === 1280) {
            const heights = await page.locator('hw-people-grid hw-person-card').evaluateAll((cards) => cards.map((el) => el.getBoundingClientRect().height));
            assert.ok(heights.length === 4 && heights.every((height) => height === heights[0]), `one row, one height: ${heights.join(', ')}`);
          }
          if (SHOTS) {
            await card.scrollIntoViewIfNeeded();
            await shoot(page, shotName(path, width, '-paused'), false);
          }
        } finally {
          await page.close();
        }
      });
    }
  }
});

/** What axe finds against WCAG 2.2 AA (contrast included), as `rule: targets`. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
}

describe("the home pages' dark-mode switch", () => {
  for (const [path, label] of [
    ['/index.html', 'Dark mode'],
    ['/fr/index.html', 'Mode sombre'],
  ] as const) {
    test(`${path}: "${label}" darkens the page and its theme="auto" elements live, and is remembered`, async () => {
      const page = await open(path, 1280);
      try {
        const grid = page.locator('hw-people-grid');
        const scheme = () => grid.evaluate((el) => (el.matches(':state(dark)') ? 'dark' : el.matches(':state(light)') ? 'light' : 'none'));
        const cardBackground = () =>
          page
            .locator('hw-person-card [part~="card"]')
            .first()
            .evaluate((el) => getComputedStyle(el).backgroundColor);
        const toggle = page.getByRole('button', { name: label });
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
        assert.equal(await scheme(), 'light');
        const light = await cardBackground();

        await toggle.focus();
        await page.keyboard.press('Enter');
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
        assert.equal(await page.evaluate(() => document.documentElement.className), 'dark');
        await untilTrue(page, `document.querySelector('hw-people-grid').matches(':state(dark)')`);
        assert.notEqual(await cardBackground(), light, 'the cards follow at once');
        assert.deepEqual(await axeViolations(page), [], 'dark, the page and its elements pass axe (contrast included)');
        if (SHOTS) await shoot(page, shotName(path, 1280, '-dark'));

        await page.reload();
        await untilTrue(page, RENDERED);
        assert.equal(await scheme(), 'dark', 'remembered');
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
        await toggle.press('Space');
        await untilTrue(page, `document.querySelector('hw-people-grid').matches(':state(light)')`);
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      } finally {
        await page.close();
      }
    });
  }
});
