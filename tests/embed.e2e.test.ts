/**
 * End to end, as a web team embeds Hallway: the real server and bundle in Debian's Chromium, on a
 * careers site of another origin than the Hallway server (as every customer's is), on a page under a strict CSP with Trusted Types, with the bundle loaded twice, with the API down or
 * slow, and with the site misconfigured. Whatever happens, nothing is thrown into the host page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { allowOrigin, challengeOf, closeTestbed, freePort, openTestbed, outbox, skipWritingTime, startCareersSite, type CareersSite } from './support/node/harness.js';
import type { TestClock } from './support/clock.js';

let server: RunningServer;
let browser: Browser;
let site: CareersSite;
let clock: TestClock;

before(async () => ({ server, site, browser, clock } = await openTestbed()));

after(() => closeTestbed({ server, site, browser }));

// A string, not a function: tsx would add helpers to a function that the page does not have.
const WATCH_PAGE = `
  window.__problems = [];
  document.addEventListener('securitypolicyviolation', (e) => __problems.push('CSP ' + e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample));
  window.addEventListener('unhandledrejection', (e) => __problems.push('unhandled rejection: ' + e.reason));
`;

interface Watched {
  page: Page;
  /** Uncaught errors, unhandled rejections, CSP violations, and console errors other than the browser's failed loads. */
  problems: () => Promise<string[]>;
  /** The console messages of the page (errors and warnings). */
  messages: string[];
  requests: Request[];
}

/** A new page that records whatever a web team would see go wrong in the console. */
async function watchedPage(): Promise<Watched> {
  const page = await browser.newPage();
  const thrown: string[] = [];
  const messages: string[] = [];
  const requests: Request[] = [];
  await page.addInitScript(WATCH_PAGE);
  page.on('pageerror', (error) => thrown.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) messages.push(message.text());
  });
  page.on('request', (request) => requests.push(request));
  const problems = async () => [
    ...thrown,
    ...messages.filter((text) => !text.startsWith('Failed to load resource')),
    ...((await page.evaluate('window.__problems')) as string[]),
  ];
  return { page, problems, messages, requests };
}

/** Serves `body` as a page of the careers site, another origin than the Hallway server's. */
async function hostPage(watched: Watched, path: string, body: string, on = site) {
  on.page(path, body);
  await watched.page.goto(`${on.url}${path}`);
}

/** Through the contact button, as a candidate: picks `person`, writes, sends; the dialog says to check the inbox. */
async function askSomeoneWhoDoesTheJob(page: Page, person: RegExp, name: string, question: string) {
  const challenged = challengeOf(page);
  await page.locator('hw-contact-button').getByRole('button', { name: 'Ask someone who does this job' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: person }).click();
  await dialog.getByLabel('Your name').fill(`Casey ${name}`);
  await dialog.getByLabel('Your e-mail address').fill(`${name.toLowerCase()}@candidates.example`);
  await dialog.getByLabel('Your question').fill(question);
  await dialog.getByRole('checkbox').check();
  await skipWritingTime(challenged, clock); // the server refuses forms filled in under 3 s
  await dialog.getByRole('button', { name: 'Send my question' }).click();
  await dialog.getByText(/Check your inbox/).waitFor();
}

const peopleRequests = (requests: Request[]) => requests.filter((r) => new URL(r.url()).pathname === '/v1/sites/beaumont/people');
const shown = (page: Page, selector: string) => page.locator(selector).first().waitFor();

describe('a page under a strict CSP with Trusted Types', () => {
  test('shows the people of the JobPosting, and a question goes through, without a single violation', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${site.url}/strict.html`);
    await shown(page, 'hw-people-grid hw-person-card h3');

    // No job attribute on the page: the job, its team and its location come from the JSON-LD.
    const [list] = peopleRequests(watched.requests).map((r) => new URL(r.url()).searchParams);
    assert.equal(list?.get('job'), 'Front Desk Agent');
    assert.equal(list?.get('team'), 'Front Office');
    assert.equal(list?.get('location'), 'London');
    assert.match(await page.locator('hw-people-grid [part~="heading"]').innerText(), /Front Desk Agent/);
    const titles = await page.locator('hw-people-grid hw-person-card [part~="title"]').allInnerTexts();
    assert.ok(titles.length >= 3 && titles.every((title) => title === 'Front Desk Agent'), titles.join(', '));
    await shown(page, 'hw-alumni-testimonials blockquote');

    await askSomeoneWhoDoesTheJob(page, /Grace O\./, 'Strict', 'Is the night shift shared with a supervisor?');

    const mails = (await outbox(server)).filter((mail) => mail.to === 'strict@candidates.example');
    assert.deepEqual(
      mails.map((mail) => mail.template),
      ['contact_confirm'],
    );
    assert.equal(workers.length, 1, 'the proof of work ran in its blob: worker, through the `hallway` policy');
    assert.ok(workers[0]!.startsWith('blob:'));
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });

  test('in French too, with the cookie banner in French', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(`${site.url}/fr/strict.html`);
    await shown(page, 'hw-people-grid hw-person-card h3');
    const [list] = peopleRequests(watched.requests).map((r) => new URL(r.url()).searchParams);
    assert.deepEqual([list?.get('job'), list?.get('team'), list?.get('location'), list?.get('lang')], ['Réceptionniste', 'Front Office', 'Lyon', 'fr']);
    assert.match(await page.locator('hw-people-grid [part~="heading"]').innerText(), /Réceptionniste/);
    const banner = page.getByRole('region', { name: 'Consentement aux cookies' });
    await banner.getByRole('button', { name: 'Accepter' }).waitFor();
    await banner.getByRole('button', { name: 'Refuser' }).waitFor();
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });

  test('without the `hallway` policy (nor blob: workers) the proof of work runs on the main thread, and the question still goes through', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // A page of the careers site itself: one a test fulfils would be a public page, which Chromium
    // forbids to reach the loopback address of the Hallway server (Private Network Access).
    const strict = await readFile('demo/strict.html', 'utf8');
    site.page('/strict-no-policy.html', strict.replace('worker-src blob:; ', '').replace('trusted-types lit-html hallway', 'trusted-types lit-html'));
    await page.goto(`${site.url}/strict-no-policy.html`);
    await askSomeoneWhoDoesTheJob(page, /James P\./, 'Fallback', 'How are the shifts shared out?');

    const mails = (await outbox(server)).filter((mail) => mail.to === 'fallback@candidates.example');
    assert.deepEqual(
      mails.map((mail) => mail.template),
      ['contact_confirm'],
    );
    assert.deepEqual(workers, []);
    // What the web team sees: the browser's report of the refused policy, nothing thrown.
    const problems = await watched.problems();
    assert.ok(problems.length > 0 && problems.every((problem) => /hallway|trusted-types|TrustedTypePolicy/i.test(problem)), problems.join('\n'));
    await page.close();
  });

  test('the policy is enforced: a script injected into the page is blocked', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.goto(`${site.url}/strict.html`);
    await shown(page, 'hw-people-grid hw-person-card h3');

    await assert.rejects(page.addScriptTag({ content: 'window.injected = true' }));
    const sink = await page.evaluate(`(() => {
      try { document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.injected = true">'); return 'allowed'; }
      catch (error) { return error.name; }
    })()`);
    assert.equal(sink, 'TypeError', 'Trusted Types refuse a string for an HTML sink');
    const policy = await page.evaluate(`(() => {
      try { trustedTypes.createPolicy('attacker', { createHTML: (s) => s }); return 'created'; }
      catch (error) { return error.name; }
    })()`);
    assert.equal(policy, 'TypeError', 'only the lit-html and hallway policies may exist');
    assert.equal(await page.evaluate('window.injected'), undefined);
    assert.ok(
      (await watched.problems()).some((problem) => problem.startsWith('CSP ')),
      'the browser reported the violations',
    );
    await page.close();
  });
});

describe('loading hallway.js twice', () => {
  test('is harmless: the elements are defined once and work', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    // The site's template loads the bundle, then a page snippet loads it again: two module instances.
    await hostPage(
      watched,
      '/double-load.html',
      `<!doctype html><html lang="en"><head><title>Double load</title>
      <script type="module" src="/hallway.js?site=beaumont"></script>
      <script type="module" src="/hallway.js?v=snippet"></script></head>
      <body><hw-people-grid job="Head Chef" limit="2"></hw-people-grid><hw-contact-button job="Front Desk Agent"></hw-contact-button></body></html>`,
    );
    await shown(page, 'hw-people-grid hw-person-card h3');
    await shown(page, 'hw-contact-button button');

    const bundles = watched.requests.map((r) => r.url()).filter((url) => new URL(url).pathname === '/hallway.js');
    assert.deepEqual(bundles, [`${server.url}/hallway.js?site=beaumont`, `${server.url}/hallway.js?v=snippet`]);
    assert.equal(await page.locator('hw-people-grid hw-person-card').count(), 2);
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });

  test('a second copy that names the site reaches the elements the first copy already rendered', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    // A tag manager loads the bare bundle; the page's own tag, later, names the site.
    await page.route(`${server.url}/hallway.js?site=beaumont`, async (route) => {
      await page.locator('hw-people-grid [part~="empty"]').waitFor(); // the first copy's elements rendered without a site
      await route.continue();
    });
    await hostPage(
      watched,
      '/double-load-late.html',
      `<!doctype html><html lang="en"><head><title>Double load</title><script type="module" src="/hallway.js"></script></head>
      <body><hw-provider><hw-people-grid job="Head Chef" limit="2"></hw-people-grid></hw-provider>
      <hw-contact-button job="Front Desk Agent"></hw-contact-button>
      <script type="module" src="/hallway.js?site=beaumont"></script></body></html>`,
    );
    await shown(page, 'hw-people-grid hw-person-card h3');
    await shown(page, 'hw-contact-button button');
    assert.deepEqual(await watched.problems(), [], 'and no "no site is set" message, since the page named one');
    await page.close();
  });
});

/** A host page whose elements talk to `api`. */
const elementsPage = (lang: string, api: string, site = 'beaumont') => `<!doctype html><html lang="${lang}"><head><title>Host</title>
  <script type="module" src="/hallway.js"></script></head>
  <body><hw-provider api="${api}" site="${site}">
    <hw-people-grid job="Front Desk Agent" limit="3"></hw-people-grid>
    <hw-contact-button job="Front Desk Agent"></hw-contact-button>
    <hw-alumni-testimonials job="Front Desk Agent"></hw-alumni-testimonials>
  </hw-provider></body></html>`;

describe('an API that is down or slow', () => {
  const messages = {
    en: ['We couldn’t load the people for this page.', 'Questions can’t be sent right now.', 'We couldn’t load the testimonials.', 'Try again'],
    fr: [
      'Impossible d’afficher les profils pour le moment.',
      'Impossible d’envoyer des questions pour le moment.',
      'Impossible d’afficher les témoignages pour le moment.',
      'Réessayer',
    ],
  };

  for (const lang of ['en', 'fr'] as const) {
    test(`down: each element says so quietly (${lang}), with "Try again", and nothing is thrown`, async () => {
      const closed = `http://127.0.0.1:${await freePort()}`; // nobody listens there
      const watched = await watchedPage();
      const { page } = watched;
      const errors: string[] = [];
      await page.exposeFunction('reportHwError', (code: string) => errors.push(code));
      await page.addInitScript(`document.addEventListener('hw-error', (e) => reportHwError(e.detail.code))`);
      await hostPage(watched, `/down-${lang}.html`, elementsPage(lang, closed));

      const [grid, button, testimonials, retry] = messages[lang];
      await page.locator('hw-people-grid [part~="error"]').getByText(grid!).waitFor();
      await page.locator('hw-contact-button [part~="message"]').getByText(button!).waitFor();
      await page.locator('hw-alumni-testimonials [part~="error"]').getByText(testimonials!).waitFor();
      assert.equal(await page.getByRole('button', { name: retry }).count(), 3);
      assert.deepEqual(errors.sort(), ['network', 'network', 'network']);
      assert.deepEqual(await watched.problems(), []);
      await page.close();
    });
  }

  test('slow: the grid keeps its final size while it waits, then shows the people', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/sites/beaumont/people?*', async (route) => {
      await released;
      await route.continue();
    });
    await hostPage(watched, '/slow.html', elementsPage('en', server.url));

    const grid = page.locator('hw-people-grid');
    await grid.locator('[aria-busy="true"]').waitFor();
    assert.equal(await grid.getByRole('status').innerText(), 'Loading people…');
    const waiting = await grid.boundingBox();
    release();
    await shown(page, 'hw-people-grid hw-person-card h3');
    assert.equal(await grid.locator('hw-person-card h3').count(), 3);
    assert.equal((await grid.boundingBox())?.height, waiting?.height, 'no layout shift when the people arrive');
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });

  test('too slow: after the SDK’s 10 s timeout, a tidy message', { timeout: 60_000 }, async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.route('**/v1/sites/beaumont/testimonials?*', () => {}); // never answered
    await hostPage(watched, '/too-slow.html', elementsPage('en', server.url));

    await shown(page, 'hw-people-grid hw-person-card h3');
    await page.locator('hw-alumni-testimonials [part~="error"]').getByText(messages.en[2]!).waitFor({ timeout: 30_000 });
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });
});

describe('configuration mistakes', () => {
  test('an unknown site: the console says which and how to fix it; candidates see a quiet empty state', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await hostPage(watched, '/typo.html', elementsPage('en', server.url, 'beaumontt'));

    await page.locator('hw-people-grid [part~="empty"]').getByText('There is no one to introduce here yet.').waitFor();
    await page.locator('hw-contact-button [part~="message"]').getByText('Nobody is available').waitFor();
    await page.locator('hw-alumni-testimonials [part~="empty"]').waitFor();
    assert.equal(await page.getByRole('button').count(), 0, 'no "Try again": trying again would not help');
    const told = watched.messages.filter((text) => text.startsWith('Hallway:'));
    assert.equal(told.length, 1, told.join('\n'));
    assert.match(told[0]!, /has no site "beaumontt"/);
    assert.match(told[0]!, /npx hallway sites create beaumontt/);
    assert.deepEqual(await watched.problems(), told);
    await page.close();
  });

  test('no site anywhere: the console says where to set it; candidates see a quiet empty state', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await hostPage(
      watched,
      '/no-site.html',
      `<!doctype html><html lang="fr"><head><title>Sans site</title><script type="module" src="/hallway.js"></script></head>
      <body><hw-people-grid job="Réceptionniste"></hw-people-grid><hw-contact-button job="Réceptionniste"></hw-contact-button></body></html>`,
    );

    await page.locator('hw-people-grid [part~="empty"]').getByText('Personne à vous présenter pour l’instant.').waitFor();
    await page.locator('hw-contact-button').evaluate((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete);
    assert.equal(await page.getByRole('button').count(), 0);
    assert.equal(peopleRequests(watched.requests).length, 0, 'nothing is asked of the server');
    const told = watched.messages.filter((text) => text.startsWith('Hallway:'));
    assert.equal(told.length, 1, told.join('\n'));
    assert.match(told[0]!, /no site is set/);
    assert.match(told[0]!, /hallway\.js\?site=your-site/);
    await page.close();
  });
});

describe('the demo’s consent-gated analytics (demo/analytics.js)', () => {
  test('the strict pages, cookie banner open, pass axe (WCAG 2.2 AA and best practices)', async () => {
    // axe is injected as a script: this context alone lets the test bypass the page's CSP.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    for (const [path, region] of [
      ['/strict.html', 'Cookie consent'],
      ['/fr/strict.html', 'Consentement aux cookies'],
    ] as const) {
      await page.goto(`${site.url}${path}`);
      await shown(page, 'hw-people-grid hw-person-card h3');
      await page.getByRole('region', { name: region }).waitFor();
      await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
      const violations = await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] })
        .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
      assert.deepEqual(violations, [], path);
    }
    await context.close();
  });

  const forwarded = async (page: Page) => ((await page.evaluate('window.dataLayer ?? []')) as { event: string }[]).map((item) => item.event);

  test('forwards no hw-* event before "Accept", every one after, and none after a withdrawal', async () => {
    const watched = await watchedPage();
    const { page } = watched;
    await page.addInitScript(`window.loads = 0; document.addEventListener('hw-load', () => loads++)`);
    await page.goto(`${site.url}/strict.html`);
    const banner = page.getByRole('region', { name: 'Cookie consent' });
    await banner.waitFor();
    // A function, not a string: the strict page's CSP refuses the eval that polling a string needs.
    await page.waitForFunction(() => (window as unknown as { loads: number }).loads === 2); // the grid's and the testimonials'
    assert.deepEqual(await forwarded(page), [], 'nothing before consent');

    await banner.getByRole('button', { name: 'Accept' }).click();
    assert.equal(await banner.isVisible(), false);
    assert.deepEqual(await forwarded(page), [], 'nothing kept from before consent');
    const ask = page.locator('hw-contact-button').getByRole('button', { name: 'Ask someone who does this job' });
    await ask.click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    assert.deepEqual(await forwarded(page), ['hw-contact-close']);
    const [close] = (await page.evaluate('window.dataLayer')) as Record<string, unknown>[];
    assert.deepEqual(close, { event: 'hw-contact-close', element: 'hw-contact-button', sent: false });

    await page.reload();
    await shown(page, 'hw-people-grid hw-person-card h3');
    await page.waitForFunction(() => (window as unknown as { loads: number }).loads === 2);
    assert.deepEqual((await forwarded(page)).sort(), ['hw-load', 'hw-load'], 'the choice is remembered');
    assert.equal(await banner.isVisible(), false);

    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await banner.getByRole('button', { name: 'Decline' }).click();
    await ask.click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    assert.deepEqual((await forwarded(page)).sort(), ['hw-load', 'hw-load'], 'nothing after the withdrawal');
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });
});

describe('a careers site on another origin', () => {
  test('the bundle and everything it loads answer any origin, immutably at /hallway@<version>.js', async () => {
    const { script, integrity } = (await (await fetch(`${server.url}/integrity.json`)).json()) as { script: string; integrity: Record<string, string> };
    assert.match(script, /\/hallway@\d+\.\d+\.\d+\.js$/);
    for (const url of [`${server.url}/hallway.js`, ...Object.keys(integrity)]) {
      const response = await fetch(url, { headers: { Origin: site.url } });
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', url);
      if (url !== `${server.url}/hallway.js`) assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', url);
    }
  });

  test('pinned with Subresource Integrity (the script and, by an import map, its chunks): cards; a wrong hash is refused', async () => {
    const { script, integrity } = (await (await fetch(`${server.url}/integrity.json`)).json()) as { script: string; integrity: Record<string, string> };
    const pinned = (scriptHash: string, chunkHashes: Record<string, string>) => `<!doctype html><html lang="en"><head><title>Pinned</title>
      <script type="importmap">${JSON.stringify({ integrity: chunkHashes })}</script>
      <script type="module" src="${script}?site=beaumont" integrity="${scriptHash}" crossorigin="anonymous"></script></head>
      <body><hw-people-grid job="Head Chef" limit="2"></hw-people-grid></body></html>`;
    const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
    // A chunk hallway.js imports up front (the others load on demand, after the cards).
    const upFront = /from"\.\/(chunks\/[^"]+)"/.exec(await (await fetch(`${server.url}/hallway.js`)).text())![1]!;
    const chunk = Object.keys(integrity).find((url) => url.endsWith(upFront))!;

    const good = await watchedPage();
    await hostPage(good, '/pinned.html', pinned(integrity[script]!, integrity));
    await shown(good.page, 'hw-people-grid hw-person-card h3');
    assert.deepEqual(await good.problems(), []);
    await good.page.close();

    for (const [why, body] of [
      ['the script', pinned(wrong, integrity)],
      ['a chunk', pinned(integrity[script]!, { ...integrity, [chunk]: wrong })],
    ] as const) {
      const bad = await watchedPage();
      await hostPage(bad, `/pinned-wrong-${why.replace(' ', '-')}.html`, body);
      await bad.page.waitForLoadState('load');
      await bad.page.waitForTimeout(300);
      assert.equal(await bad.page.evaluate(`customElements.get('hw-people-grid')`), undefined, `a wrong hash of ${why} loads nothing`);
      assert.ok(
        (await bad.problems()).some((text) => /integrity/i.test(text)),
        `${why}: ${(await bad.problems()).join('\n')}`,
      );
      await bad.page.close();
    }
  });

  test('pinned at /hallway@<version>.js with <hw-questions>: every file loads once, one copy of the elements', async () => {
    const { script } = (await (await fetch(`${server.url}/integrity.json`)).json()) as { script: string };
    const watched = await watchedPage();
    const { page } = watched;
    await hostPage(
      watched,
      '/pinned-questions.html',
      `<!doctype html><html lang="en"><head><title>Pinned</title><script type="module" src="${script}?site=beaumont"></script></head>
      <body><hw-people-grid job="Head Chef" limit="2"></hw-people-grid><hw-questions job="Head Chef"></hw-questions></body></html>`,
    );
    await shown(page, 'hw-people-grid hw-person-card h3');
    await shown(page, 'hw-questions [part~="empty"], hw-questions [part~="list"]');

    // The questions' chunk imports what hallway.js already loaded from the chunk it was loaded from, never from /hallway.js.
    const files = watched.requests.map((r) => new URL(r.url())).filter((url) => url.origin === server.url && url.pathname.endsWith('.js'));
    const paths = files.map((url) => url.pathname);
    assert.ok(
      paths.some((path) => /^\/chunks\/questions-[\w-]+\.js$/.test(path)),
      paths.join(', '),
    );
    assert.ok(!paths.includes('/hallway.js'), paths.join(', '));
    assert.deepEqual(paths, [...new Set(paths)], 'no file twice');
    // One copy of Lit and of the shared base: both elements' classes descend from the same class under HTMLElement.
    const base = (tag: string) =>
      `(() => { let at = customElements.get('${tag}'); while (Object.getPrototypeOf(at) !== HTMLElement) at = Object.getPrototypeOf(at); return at; })()`;
    assert.equal(await page.evaluate(`${base('hw-questions')} === ${base('hw-people-grid')}`), true);
    assert.deepEqual(await watched.problems(), []);
    await page.close();
  });

  test('an origin the site has not allowed: no "Ask", an honest line, the fix on the console; once allowed, a question goes through', async () => {
    const other = await startCareersSite(server);
    try {
      const watched = await watchedPage();
      const { page } = watched;
      await hostPage(watched, '/job.html', elementsPage('en', server.url), other);
      await shown(page, 'hw-people-grid hw-person-card h3');
      await page.locator('hw-contact-button [part~="message"]').getByText('Questions can’t be sent from this page yet.').waitFor();
      assert.equal(await page.getByRole('button', { name: /^Ask/ }).count(), 0, 'no "Ask" that cannot work');
      const told = watched.messages.filter((text) => text.startsWith('Hallway:'));
      assert.deepEqual(told, [
        `Hallway: candidates can't send questions from this page: ${other.url} is not an allowed origin of site "beaumont" on ${server.url}. ` +
          `Allow it: npx hallway sites update beaumont --add-origin ${other.url}`,
      ]);

      await allowOrigin(server, other.url);
      await page.reload();
      await page.locator('hw-people-grid hw-person-card').first().getByRole('button', { name: /^Ask/ }).waitFor();
      await askSomeoneWhoDoesTheJob(page, /Grace O\./, 'Elsewhere', 'Is the rota shared three weeks ahead?');
      await page.close();
    } finally {
      await other.close();
    }
  });
});
