/**
 * The XSS corpus end to end: every payload goes through the real routes (import, /me, testimonials,
 * contact) of a real server, then Chromium renders what candidates, employees and developers see
 * (a careers page with the real bundle, the avatars, /me, the contact confirmation and answer pages,
 * the development outbox) with CSP bypassed, so that escaping alone keeps the payloads from running.
 * A payload that runs calls `__xss`; it must never be called.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { api as callApi, closeTestbed, openTestbed, outbox, type ApiOptions, type CareersSite } from './support/node/harness.js';
import type { TestClock } from './support/clock.js';
import { XSS_FLAG, XSS_PAYLOADS } from './support/xss-payloads.js';

let server: RunningServer;
/** The careers pages, on another origin than the Hallway server's, as every customer's are. */
let site: CareersSite;
let browser: Browser;
let context: BrowserContext;
let clock: TestClock;
const rendered: string[] = [];

before(async () => {
  const unlimited = [{ max: 1_000_000, windowMs: 60_000 }];
  ({ server, site, browser, clock } = await openTestbed({
    options: { contact: { challengeMaxNumber: 20, limits: { perIp: unlimited, perEmail: unlimited } } },
  }));
  // CSP off: the pages' own policy would block inline handlers; escaping alone must keep payloads inert.
  context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript(`window.${XSS_FLAG} = (n) => (window.__xssRan = window.__xssRan || []).push(n);`);
  // The careers pages load hallway.js from the Hallway server: that script is expected.
  await context.addInitScript(`window.__hallwayOrigin = ${JSON.stringify(server.url)};`);
  await seed();
});

after(async () => {
  console.log(`xss e2e: ${XSS_PAYLOADS.length} payloads, ${people.length} people, ${rendered.length} pages rendered in Chromium`);
  await closeTestbed({ server, site, browser });
});

// ---- seeding through the real routes ----

const api = (method: string, path: string, options?: ApiOptions) => callApi(server, method, path, options);

/** What the server keeps of a payload in a field of `max` characters (it refuses longer ones and NUL). */
const cut = (value: string, max: number) => value.replaceAll('\0', '').trim().slice(0, max).trim() || 'x';

interface Seeded {
  index: number;
  email: string;
  publicId: string;
  cookie: string;
}
const people: Seeded[] = [];
const batchOf = (index: number) => `Batch ${index < 26 ? 1 : 2}`;

async function seed() {
  const rows = XSS_PAYLOADS.map((payload, index) => ({
    email: `person${index}@xss.example`,
    full_name: cut(payload.value, 200),
    job_title: cut(payload.value, 120),
    team: batchOf(index),
    location: cut(payload.value, 80),
    external_id: `XSS-${index}`,
  }));
  await api('POST', '/v1/admin/sites/beaumont/people/import', { json: rows, admin: true });
  const listed = (await api('GET', '/v1/admin/sites/beaumont/people?limit=500', { admin: true })).items as { id: string; email: string }[];
  await api('POST', '/v1/admin/sites/beaumont/invitations', { json: { all: true }, admin: true });
  const mails = await outbox(server);
  for (const [index, payload] of XSS_PAYLOADS.entries()) {
    const email = `person${index}@xss.example`;
    const link = mails.find((mail) => mail.to === email)!.links.find((url) => url.includes('/me/link?token='))!;
    const signedIn = await fetch(`${server.url}/me/link`, {
      method: 'POST',
      body: new URLSearchParams({ token: new URL(link).searchParams.get('token')! }),
      redirect: 'manual',
      headers: { Origin: server.url },
    });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const profile = {
      displayName: cut(payload.value, 80),
      jobTitle: cut(payload.value, 120),
      team: batchOf(index),
      location: cut(payload.value, 80),
      languages: ['en'],
      bio: cut(payload.value, 300),
      linkedinUrl: null,
    };
    await api('PUT', '/v1/me/profile', { cookie, json: profile });
    await api('PUT', '/v1/me/consent', {
      cookie,
      json: { showProfile: true, contact: { granted: true, settings: { channels: ['message'], weeklyCap: 10, pausedUntil: null, bookingUrl: null } } },
    });
    const draft = {
      quote: cut(payload.value, 600),
      roles: [cut(payload.value, 120)],
      fromYear: 2015,
      toYear: null,
      currentRole: cut(payload.value, 120),
      nameStyle: 'full',
      publish: true,
    };
    await api('PUT', '/v1/me/testimonial', { cookie, json: draft });
    people.push({ index, email, publicId: listed.find((person) => person.email === email)!.id, cookie });
  }
  const pending = (await api('GET', '/v1/admin/sites/beaumont/testimonials?status=pending', { admin: true })).items as { id: string }[];
  for (const { id } of pending) await api('POST', `/v1/admin/sites/beaumont/testimonials/${id}/approve`, { admin: true });
}

// ---- rendering ----

/** What must not be in the rendered DOM, light or shadow (a string: the page has none of our helpers). */
const ACTIVE_CONTENT = `(() => {
  const forbidden = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'MATH', 'VIDEO', 'DETAILS', 'NOSCRIPT']);
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const ownScript = el.tagName === 'SCRIPT' && el.src && [location.origin, window.__hallwayOrigin].includes(new URL(el.src).origin);
      // The dev outbox shows each mail's HTML part in a frame that may run nothing and load nothing.
      const inertFrame = el.tagName === 'IFRAME' && el.getAttribute('sandbox') === '' && !el.hasAttribute('src');
      if (forbidden.has(el.tagName) && !ownScript && !inertFrame) found.push('<' + el.tagName + '>');
      for (const attribute of el.attributes) if (attribute.name.startsWith('on')) found.push(el.tagName + ' ' + attribute.name);
      if (el.tagName === 'META' && el.httpEquiv) found.push('meta http-equiv');
      if (el.tagName === 'A' && el.hasAttribute('href') && !/^(https?:|mailto:)$/.test(new URL(el.href).protocol)) found.push('a href=' + el.href);
      if (el.tagName === 'IMG' && el.hasAttribute('src') && !/^https?:$/.test(new URL(el.src).protocol)) found.push('img src=' + el.src);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
})()`;

async function expectInert(page: Page, what: string) {
  await page.waitForTimeout(50); // images fail, handlers fire
  const ran = await page.evaluate<number[]>('window.__xssRan || []');
  assert.deepEqual(ran, [], `payloads ran on ${what}: ${ran.map((n) => XSS_PAYLOADS[n - 1]?.name).join(', ')}`);
  if (!page.url().endsWith('.svg')) assert.deepEqual(await page.evaluate<string[]>(ACTIVE_CONTENT), [], `active content on ${what}`);
  rendered.push(what);
}

async function visit(url: string, ready?: (page: Page) => Promise<unknown>) {
  const page = await context.newPage();
  await page.goto(url);
  await ready?.(page);
  await expectInert(page, url);
  return page;
}

/** A careers page of the host site, with the real bundle, showing one batch of the payload people. */
const hostPage = (batch: string, layout: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Careers</title><script type="module" src="/hallway.js"></script></head>
<body><hw-provider site="beaumont">
<hw-people-grid team="${batch}" limit="50"></hw-people-grid>
<hw-alumni-testimonials team="${batch}" limit="50" layout="${layout}"></hw-alumni-testimonials>
<hw-contact-button person-id="${people[0]!.publicId}"></hw-contact-button>
</hw-provider></body></html>`;

test('control: the corpus written raw into a page does run, and the checks see it', async () => {
  const page = await context.newPage();
  const url = `${site.url}/raw.html`;
  site.page('/raw.html', XSS_PAYLOADS.map((payload) => payload.value).join('\n'));
  await page.goto(url);
  await page.waitForTimeout(100);
  assert.ok((await page.evaluate<number[]>('window.__xssRan || []')).length > 0, 'payloads ran');
  assert.ok((await page.evaluate<string[]>(ACTIVE_CONTENT)).includes('IMG onerror'));
  await page.close();
});

test('a careers page shows every payload person, testimonial and contact dialog inertly', async () => {
  for (const [batch, layout] of [
    ['Batch 1', 'list'],
    ['Batch 2', 'carousel'],
  ] as const) {
    const page = await context.newPage();
    const url = `${site.url}/careers-${layout}.html`;
    site.page(`/careers-${layout}.html`, hostPage(batch, layout));
    await page.goto(url);
    const cards = page.locator('hw-people-grid hw-person-card');
    await cards.first().locator('[part~="name"]').waitFor();
    await page.locator('hw-alumni-testimonials blockquote').first().waitFor();
    const expected = people.filter((person) => batchOf(person.index) === batch).length;
    assert.equal(await cards.count(), expected, `${batch}: every payload person is on the page`);
    // Every card's "Ask … a question" opens the dialog with the person's name in it.
    for (let i = 0; i < expected; i++) {
      await cards.nth(i).getByRole('button').click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
    }
    await expectInert(page, `${url} (${batch}, ${layout}, ${expected} dialogs opened)`);
    const names = await cards.locator('[part~="name"]').allTextContents();
    for (const person of people.filter((p) => batchOf(p.index) === batch)) {
      assert.ok(names.includes(cut(XSS_PAYLOADS[person.index]!.value, 80)), `${XSS_PAYLOADS[person.index]!.name} shows as text`);
    }
    await page.close();
  }
});

test('avatars and /me pages', async () => {
  for (const person of people) {
    await (await visit(`${server.url}/v1/sites/beaumont/people/${person.publicId}/avatar.svg`)).close();
    await context.addCookies([{ name: 'hw_session', value: person.cookie.split('=')[1]!, url: server.url }]);
    const me = await visit(`${server.url}/me`, (page) => page.locator('hw-profile-editor [part="preview"]').waitFor());
    await me.close();
  }
  await context.clearCookies();
});

test('contact: confirmation, answer pages and the development outbox', async () => {
  for (const person of people) {
    const payload = XSS_PAYLOADS[person.index]!.value;
    clock.advance(-4_000);
    const challenge = await api('GET', '/v1/sites/beaumont/challenge');
    clock.advance(4_000);
    let number = 0;
    while (
      createHash('sha256')
        .update(challenge.salt + number)
        .digest('hex') !== challenge.challenge
    )
      number++;
    const candidate = `casey${person.index}@candidates.example`;
    const question = {
      name: cut(payload, 100),
      email: candidate,
      message: cut(payload, 1000),
      job: cut(payload, 200),
      consent: true,
      lang: 'en',
      proof: { ...challenge, number, maxnumber: undefined },
    };
    await api('POST', `/v1/sites/beaumont/people/${person.publicId}/contact`, { json: question });
    const confirm = (await outbox(server)).find((mail) => mail.to === candidate)!.links.find((link) => link.includes('/contact/confirm?'))!;
    const page = await visit(confirm);
    await page.getByRole('button').click();
    await page.waitForLoadState();
    await expectInert(page, `${confirm} (confirmed)`);
    await page.close();
    const answered = (await outbox(server))
      .find((mail) => mail.to === person.email && mail.template === 'contact_request')!
      .links.find((link) => link.includes('/contact/answered?'))!;
    await (await visit(answered)).close();
    await (await visit(`${server.url}/me/withdraw?person=${encodeURIComponent(payload)}&sig=${encodeURIComponent(payload)}`)).close();
  }
  await (await visit(`${server.url}/dev/outbox`)).close();
});
