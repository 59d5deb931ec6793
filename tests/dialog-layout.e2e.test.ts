/**
 * The contact dialog on real careers pages, with their own fonts, sizes and --hw-* tokens (the demo's
 * job page, its French home page, and the three brands of /brands.html): at common screen sizes its
 * heading and its Send button are in view and not covered, before and after sending empty fields.
 * (Every state of the dialog, in English and French, is checked in contact-dialog.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { closeTestbed, openTestbed, type CareersSite } from './support/node/harness.js';

const SCREENS = [
  [1280, 800],
  [1366, 768],
  [1440, 900],
  [390, 844],
  [360, 640],
] as const;

let server: RunningServer;
let site: CareersSite;
let browser: Browser;

before(async () => ({ server, site, browser } = await openTestbed()));

after(() => closeTestbed({ server, site, browser }));

/** Why a person could not see or click all of `node`: off the screen, or covered by something else. */
const unseen = (node: Locator) =>
  node.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) return [`off the screen at ${JSON.stringify(box)}`];
    const root = element.getRootNode() as ShadowRoot;
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + box.width / 4, box.top + box.height / 4],
      [box.right - box.width / 4, box.bottom - box.height / 4],
    ] as const;
    return points.flatMap(([x, y]) => {
      const top = root.elementFromPoint(x, y);
      return top && element.contains(top) ? [] : [`covered at ${x},${y} by ${top?.outerHTML.slice(0, 60)}`];
    });
  });

async function expectInView(page: Page, when: string) {
  const dialog = page.getByRole('dialog');
  for (const [width, height] of SCREENS) {
    await page.setViewportSize({ width, height });
    for (const what of ['heading', 'close', 'submit']) {
      assert.deepEqual(await unseen(dialog.locator(`[part~="${what}"]`)), [], `${what} ${when} at ${width}×${height}`);
    }
  }
}

const pages = [
  { name: 'the demo job page', path: '/jobs/front-desk-agent-london.html', cards: 'main' },
  { name: 'the French demo home page', path: '/fr/index.html', cards: 'main' },
  { name: 'Maison Aurèle (brands)', path: '/brands.html', cards: 'section.aurele' },
  { name: 'Pipsqueak (brands)', path: '/brands.html', cards: 'section.pipsqueak' },
  { name: 'NULLROUTE (brands)', path: '/brands.html', cards: 'section.nullroute' },
];

for (const { name, path, cards } of pages) {
  test(`on ${name}, the dialog's heading and Send button stay in view on common screens`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${site.url}${path}`);
      await page.locator(cards).locator('hw-person-card').first().locator('[part~="button"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#name').waitFor();
      await expectInView(page, 'with the empty form');

      await dialog.locator('[part~="submit"]').click();
      await dialog.locator('[role="alert"]').waitFor();
      await expectInView(page, 'with every field in error');
      assert.deepEqual(await unseen(dialog.locator('[role="alert"]')), [], 'the summary of the errors at 360×640');
    } finally {
      await page.close();
    }
  });
}
