/**
 * The job pages careers sites really have (tests/fixtures/job-pages: WordPress with WP Job Manager
 * and Yoast, Joomla, a Tag Manager tag, React with Helmet, Next.js with next-seo, a GOV.UK-styled
 * Rails service, microdata, ATS pages), served from another origin than the Hallway server, in
 * Chromium at 390 and 1280 px: the elements ask for the job, team and location the page's
 * JobPosting gives, show no entity and cut no job name, and follow a single-page navigation.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { launchChromium, startTestServer } from './support/node/harness.js';
import { until } from './support/until.js';

interface Reading {
  job: string;
  team?: string;
  location?: string;
}

/** What each page's JobPosting gives (a search engine's reading of it). */
const PAGES: Record<string, Reading> = {
  'wp-job-manager': { job: 'Events & Marketing Coordinator', location: 'Bristol' },
  'wordpress-yoast': { job: 'Housekeeping Supervisor', location: 'London' },
  joomla: { job: 'Responsable revenue management', team: 'Sales & Revenue', location: 'Lyon' },
  gtm: { job: 'Front Desk Agent', team: 'Front Office', location: 'London' },
  'react-helmet/head-chef': { job: 'Head Chef', team: 'Food & Beverage', location: 'London' },
  'next-seo/junior-software-developer': { job: 'Junior Software Developer', location: 'Lyon' },
  'govuk-teaching-vacancies': { job: 'Teacher of Design & Technology', location: 'Leeds' },
  microdata: { job: 'Sommelier', team: 'Food & Beverage', location: 'Paris' },
  greenhouse: { job: 'Revenue Manager', location: 'London' },
  personio: { job: 'Embedded Software Engineer (Linux) (m/w/d)', team: 'Technik & IT', location: 'München' },
};

/** The other end of each single-page site's navigation. */
const NAVIGATIONS: { from: string; link: string; to: Reading }[] = [
  { from: 'react-helmet/head-chef', link: 'Revenue Manager', to: { job: 'Revenue Manager', team: 'Sales & Revenue', location: 'London' } },
  { from: 'next-seo/junior-software-developer', link: 'Concierge', to: { job: 'Concierge', location: 'London' } },
];

const WIDTHS = [390, 1280];
const SHOTS = process.env.HALLWAY_SHOTS; // a folder: screenshots of every page at both widths

// Counts animation frames, and notes the frame of each API request and of each JSON-LD block added.
const WATCH_FRAMES = `
  window.__frame = 0;
  (function tick() { requestAnimationFrame(() => { window.__frame++; tick(); }); })();
  window.__asked = [];
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    window.__asked.push({ url: String(input instanceof Request ? input.url : input), frame: window.__frame });
    return fetch.call(this, input, init);
  };
  window.__postings = [];
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeName === 'SCRIPT' && node.type === 'application/ld+json') window.__postings.push(window.__frame);
  }).observe(document, { childList: true, subtree: true });
`;

let server: RunningServer;
let site: Server;
let siteUrl: string;
let browser: Browser;

/** The fixture pages, from another origin than the Hallway server: /<page>[/<route>]. */
function serveFixtures(hallway: string): Promise<Server> {
  const fixtures = new URL('./fixtures/job-pages/', import.meta.url);
  const pages = createServer((request, response) => {
    const name = new URL(request.url!, 'http://x').pathname.split('/')[1];
    try {
      const html = readFileSync(new URL(`${name}.html`, fixtures), 'utf8').replaceAll('{{HALLWAY}}', hallway);
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => pages.listen(0, '127.0.0.1', () => resolve(pages)));
}

before(async () => {
  server = await startTestServer();
  site = await serveFixtures(server.url);
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  assert.notEqual(new URL(siteUrl).origin, new URL(server.url).origin);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  site?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  requests: URL[];
  hints: string[];
  problems: string[];
}

async function open(path: string, width: number): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.addInitScript(WATCH_FRAMES);
  const requests: URL[] = [];
  const hints: string[] = [];
  const problems: string[] = [];
  page.on('request', (request: Request) => {
    if (request.url().startsWith(`${server.url}/v1/`)) requests.push(new URL(request.url()));
  });
  page.on('console', (message) => {
    if (message.type() === 'info' && message.text().startsWith('Hallway')) hints.push(message.text());
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${siteUrl}/${path}`);
  return { page, requests, hints, problems };
}

/**
 * The grid's, the button's and the testimonials' latest requests. The button offers from the grid's
 * list of the same job; it asks one of its own only when the grid shows no one it can offer.
 */
function latest(requests: URL[]) {
  const people = requests.filter((url) => url.pathname.endsWith('/people'));
  return {
    grid: people.filter((url) => url.searchParams.get('limit') === '3').at(-1),
    button: people.filter((url) => url.searchParams.get('limit') === '12').at(-1),
    testimonials: requests.filter((url) => url.pathname.endsWith('/testimonials')).at(-1),
  };
}

/** Waits until the three elements asked for `reading`'s job, then checks all they asked for. */
async function assertAskedFor({ requests }: Opened, reading: Reading): Promise<void> {
  const asked = () => [latest(requests).grid, latest(requests).testimonials].every((url) => url?.searchParams.get('job') === reading.job);
  await until(asked, { timeout: 5_000, what: `the grid and the testimonials to ask for ${reading.job}` });
  const { grid, button, testimonials } = latest(requests);
  const params = (url: URL | undefined, ...names: string[]) => Object.fromEntries(names.map((name) => [name, url?.searchParams.get(name) ?? undefined]));
  assert.deepEqual(params(grid, 'job', 'team', 'location'), { job: reading.job, team: reading.team, location: reading.location }, 'the grid');
  if (button) assert.deepEqual(params(button, 'job'), { job: reading.job }, 'the contact button');
  assert.deepEqual(params(testimonials, 'job', 'team'), { job: reading.job, team: reading.team }, 'the testimonials');
}

// In the page (a string: tsx would name the functions with a helper the page does not have): every
// shadow root's text, the headings, names, titles, buttons and messages whose text overflows, the heading.
const SEEN = `(() => {
  const roots = [];
  const collect = (root) => {
    for (const element of root.querySelectorAll('*'))
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        collect(element.shadowRoot);
      }
  };
  collect(document);
  const texts = roots.map((root) => root.textContent ?? '').join('\\n');
  const cut = roots
    .flatMap((root) => [...root.querySelectorAll('h2, h3, [part~="title"], [part~="button"], [part~="message"]')])
    .filter((element) => element.offsetParent && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1))
    .map((element) => element.getAttribute('part') + ': ' + element.textContent.trim() + ' (' + element.scrollWidth + 'x' + element.scrollHeight + ' in ' + element.clientWidth + 'x' + element.clientHeight + ')');
  const heading = document.querySelector('hw-people-grid').shadowRoot.querySelector('h2, [part="empty"]').textContent.trim();
  return { entities: texts.match(/&(#\\d+|#x[\\da-f]+|[a-z]+\\d*);/gi) ?? [], cut, heading, pageWidth: document.documentElement.scrollWidth, width: innerWidth };
})()`;

/** What the elements show once loaded: no entity anywhere, and no text that overflows its box. */
async function assertShownWhole(page: Page): Promise<{ heading: string }> {
  await page.waitForFunction(() => {
    const grid = document.querySelector('hw-people-grid')?.shadowRoot;
    return !!grid?.querySelector('h2, [part="empty"]') && !grid.querySelector('[aria-busy="true"]');
  });
  const seen = (await page.evaluate(SEEN)) as { entities: string[]; cut: string[]; heading: string; pageWidth: number; width: number };
  assert.deepEqual(seen.entities, [], 'no entity is shown');
  assert.deepEqual(seen.cut, [], 'no heading, name, title or button is cut');
  assert.ok(seen.pageWidth <= seen.width, `the page does not scroll sideways (${seen.pageWidth} > ${seen.width})`);
  return seen;
}

describe('job pages made by the tools careers sites are built with, from another origin', () => {
  for (const [path, reading] of Object.entries(PAGES)) {
    for (const width of WIDTHS) {
      test(`${path} at ${width} px: asks for ${JSON.stringify(reading)} and shows it whole`, async () => {
        const opened = await open(path, width);
        try {
          await assertAskedFor(opened, reading);
          await assertShownWhole(opened.page);
          assert.ok(
            opened.hints.some((hint) => hint.includes(`"${reading.job}"`)),
            `the console says what was read: ${opened.hints.join(' | ')}`,
          );
          assert.ok(opened.hints.length <= (path === 'gtm' ? 2 : 1), `one console line per change: ${opened.hints.join(' | ')}`);
          assert.deepEqual(opened.problems, []);
          if (SHOTS) await opened.page.screenshot({ path: `${SHOTS}/${path.replaceAll('/', '-')}-${width}.png`, fullPage: true });
        } finally {
          await opened.page.close();
        }
      });
    }
  }

  for (const { from, link, to } of NAVIGATIONS) {
    test(`${from.split('/')[0]}: a single-page navigation to ${to.job} asks for it within one frame of the new posting`, async () => {
      const opened = await open(from, 390);
      try {
        await assertAskedFor(opened, PAGES[from]!);
        await assertShownWhole(opened.page);
        const before = opened.requests.length;
        await opened.page.getByRole('link', { name: link }).click();
        await assertAskedFor(opened, to);
        const { heading } = await assertShownWhole(opened.page);
        assert.ok(!heading.includes(PAGES[from]!.job), `no longer the previous job: ${heading}`);

        const frames = (await opened.page.evaluate(
          `window.__asked.find((request) => new URL(request.url).searchParams.get('job') === ${JSON.stringify(to.job)}).frame - window.__postings.at(-1)`,
        )) as number;
        console.log(`${from.split('/')[0]}: the new job asked for ${frames} frame(s) after the new posting`);
        assert.equal(opened.hints.length, 2, `one console line per change: ${opened.hints.join(' | ')}`);
        assert.ok(frames <= 1, `${frames} frames`);
        // Never again for the previous job, except by next-seo's new elements, which mount while the
        // previous posting is still in <head> (as a search engine would read the page then).
        const after = opened.requests.slice(before);
        if (!from.startsWith('next-seo'))
          assert.ok(
            after.every((url) => url.searchParams.get('job') !== PAGES[from]!.job),
            after.join(' '),
          );
      } finally {
        await opened.page.close();
      }
    });
  }
});
