/**
 * Privacy crawler. People in every consent state are made through the real admin API and /me routes,
 * each with a unique canary in every private field (e-mail, external id, full name, LinkedIn link;
 * display name and bio too for those never shown). Then everything public is crawled: every GET path
 * of /v1/openapi.json with every site and person id seen (and unknown and hidden ones),
 * every link and src of every demo page (English and French), every URL and cursor in the JSON
 * answers, HEAD and OPTIONS of each, and error answers (404s, invalid queries, the employee's and
 * admin's API without credentials); the HTML pages are also rendered in Chromium
 * (light and shadow DOM). No answer may hold a canary, an e-mail address, an internal id or anything
 * of a person who is not opted in.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { demoPeople, demoTestimonials } from '../demo/seed-data.js';
import type { RunningServer } from '../src/server/server.js';
import { MIN_FILL_MS } from '../src/server/contact/challenge.js';
import { api as callApi, closeTestbed, openTestbed, outbox, type ApiOptions, type CareersSite } from './support/node/harness.js';
import type { TestClock } from './support/clock.js';
import { followMagicLink, overHttp } from './support/node/sign-in.js';

const STATES = ['never-invited', 'invited', 'shown', 'messages', 'withdrawn', 'paused', 'at-cap', 'left', 'alumni-shown', 'alumni-hidden', 'erased'] as const;
type State = (typeof STATES)[number];
const VISIBLE: State[] = ['shown', 'messages', 'paused', 'at-cap', 'alumni-shown'];

interface Seeded {
  state: State;
  /** In every private field; must never be in any public answer. */
  canary: string;
  email: string;
  publicId: string;
  /** What candidates see of the visible ones. */
  displayName: string;
  bio: string;
}

let server: RunningServer;
/** The demo's careers pages, rendered from another origin than the Hallway server's, as every customer's are. */
let site: CareersSite;
let browser: Browser;
let clock: TestClock;
const seeded: Seeded[] = [];
/** The candidate of the question that put someone at their weekly limit: private too. */
const candidate = { name: `Cand${randomBytes(4).toString('hex')}`, email: `cand-${randomBytes(4).toString('hex')}@candidates.example` };

before(async () => {
  ({ server, site, browser, clock } = await openTestbed({ allowed: false }));
  await seedEveryState();
});

after(() => closeTestbed({ server, site, browser }));

// ---- the admin and the employees, through the real routes ----

const api = (method: string, path: string, options?: ApiOptions) => callApi(server, method, path, options);

/** Follows the magic link of the latest `template` mail to `email`, as the person would: a session cookie. */
async function signInFromMail(email: string, template: 'invitation' | 'alumni_invitation') {
  const mail = (await outbox(server)).find((item) => item.to === email && item.template === template);
  assert.ok(mail, `a ${template} to ${email}`);
  const token = new URL(mail.links.find((link) => link.includes('/me/link?token='))!).searchParams.get('token')!;
  return followMagicLink(overHttp(server.url), token, { Origin: server.url });
}

const contactSettings = (overrides: Record<string, unknown> = {}) => ({
  granted: true,
  settings: { channels: ['message'], weeklyCap: 3, pausedUntil: null, bookingUrl: null, ...overrides },
});

async function seedEveryState() {
  const people = STATES.map((state, index) => {
    const canary = `Cnry${state.replace(/-/g, '')}${randomBytes(3).toString('hex')}`;
    const visible = VISIBLE.includes(state);
    return {
      state,
      canary,
      email: `${canary.toLowerCase()}@beaumont-hotels.example`,
      fullName: visible ? `Tessa ${canary}` : `${canary}First ${canary}Last`,
      externalId: `EXT-${canary}`,
      // "Aa…" sorts first among equals, so the visible ones are on the job page's first cards.
      displayName: visible ? `Aa${index} ${state}` : `${canary}Display`,
      bio: visible ? `PUBLIC-BIO of ${state}` : `${canary} private bio`,
    };
  });
  const rows = people.map((p) => ({
    email: p.email,
    full_name: p.fullName,
    job_title: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: 'en',
    external_id: p.externalId,
  }));
  await api('POST', '/v1/admin/sites/beaumont/people/import', { json: rows, admin: true });
  const listed = (await api('GET', '/v1/admin/sites/beaumont/people?limit=500', { admin: true })).items as { id: string; email?: string; externalId?: string }[];

  for (const person of people) {
    const publicId = listed.find((item) => item.externalId === person.externalId)!.id;
    seeded.push({ state: person.state, canary: person.canary, email: person.email, publicId, displayName: person.displayName, bio: person.bio });
    if (person.state === 'never-invited') continue;
    await api('POST', '/v1/admin/sites/beaumont/invitations', { json: { person: person.email }, admin: true });
    if (person.state === 'invited') continue;

    const cookie = await signInFromMail(person.email, 'invitation');
    const profile = {
      displayName: person.displayName,
      jobTitle: 'Front Desk Agent',
      team: 'Front Office',
      location: 'London',
      languages: ['en'],
      bio: person.bio,
      linkedinUrl: `https://www.linkedin.com/in/${person.canary}`,
    };
    await api('PUT', '/v1/me/profile', { cookie, json: profile });
    await api('PUT', '/v1/me/consent', { cookie, json: { showProfile: true } });
    await settle(person.state, person, cookie);
  }
}

/** Takes an opted-in person to their state. */
async function settle(state: State, person: { email: string; canary: string; externalId: string }, cookie: string) {
  const status = (json: unknown) => api('POST', `/v1/admin/sites/beaumont/people/${person.externalId}/status`, { json, admin: true });
  switch (state) {
    case 'messages':
      return api('PUT', '/v1/me/consent', { cookie, json: { contact: contactSettings() } });
    case 'paused':
      return api('PUT', '/v1/me/consent', {
        cookie,
        json: { contact: contactSettings({ pausedUntil: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }) },
      });
    case 'at-cap':
      await api('PUT', '/v1/me/consent', { cookie, json: { contact: contactSettings({ weeklyCap: 1 }) } });
      return askAndConfirm(person.email);
    case 'withdrawn': {
      const draft = { quote: `${person.canary} quote`, roles: ['Front Desk Agent'], fromYear: 2019, toYear: null, currentRole: null, nameStyle: 'full', publish: true };
      await api('PUT', '/v1/me/testimonial', { cookie, json: draft });
      const pending = (await api('GET', '/v1/admin/sites/beaumont/testimonials?status=pending', { admin: true })).items as { id: string; quote: string }[];
      await api('POST', `/v1/admin/sites/beaumont/testimonials/${pending.find((t) => t.quote.includes(person.canary))!.id}/approve`, { admin: true });
      return api('POST', '/v1/me/withdraw', { cookie });
    }
    case 'left':
      return status({ status: 'left' });
    case 'alumni-hidden':
      return status({ status: 'left', inviteAlumni: true });
    case 'alumni-shown': {
      await status({ status: 'left', inviteAlumni: true });
      const alumniCookie = await signInFromMail(person.email, 'alumni_invitation');
      // "Show my profile" still stands from before they left: saving it again is their decision to come back.
      return api('PUT', '/v1/me/consent', { cookie: alumniCookie, json: { showProfile: true } });
    }
    case 'erased':
      return api('DELETE', '/v1/me', { cookie });
    default:
      return undefined;
  }
}

/** One question, confirmed by the candidate: the person reaches their weekly limit of 1. */
async function askAndConfirm(employeeEmail: string) {
  const publicId = (await api('GET', '/v1/admin/sites/beaumont/people?limit=500', { admin: true })).items.find((p: { email: string }) => p.email === employeeEmail).id;
  const challenge = await api('GET', '/v1/sites/beaumont/challenge');
  let number = 0;
  while (
    createHash('sha256')
      .update(challenge.salt + number)
      .digest('hex') !== challenge.challenge
  )
    number++;
  clock.advance(MIN_FILL_MS); // a person takes a few seconds to write
  const proof = { algorithm: 'SHA-256', challenge: challenge.challenge, salt: challenge.salt, number, signature: challenge.signature };
  const question = { name: candidate.name, email: candidate.email, message: `Private question ${candidate.name}`, consent: true, lang: 'en', proof };
  await api('POST', `/v1/sites/beaumont/people/${publicId}/contact`, { json: question });
  const mail = (await outbox(server)).find((item) => item.to === candidate.email)!;
  const token = new URL(mail.links.find((link) => link.includes('/contact/confirm?'))!).searchParams.get('token')!;
  const confirmed = await fetch(`${server.url}/contact/confirm`, { method: 'POST', body: new URLSearchParams({ token }) });
  assert.equal(confirmed.status, 200);
}

// ---- the crawler ----

interface Seen {
  url: string;
  method: string;
  status: number;
  type: string;
  headers: string;
  body: string;
}

/** Anyone can ask anything; only the development outbox (never mounted with SMTP) is left out. */
const isPublic = (path: string) => !path.startsWith('/dev/');

async function crawl(): Promise<Seen[]> {
  const origin = server.url;
  const seen: Seen[] = [];
  const queued = new Set<string>();
  const queue: string[] = [];
  const enqueue = (url: string) => {
    const absolute = new URL(url, origin);
    absolute.hash = '';
    if (absolute.origin !== origin || !isPublic(absolute.pathname) || queued.has(absolute.href)) return;
    queued.add(absolute.href);
    queue.push(absolute.href);
  };

  const ids = { person: new Set<string>(['unknown-person-id', '0', '1', "1' or '1'='1"]), jobs: new Set<string>(['Front Desk Agent']) };
  for (const person of seeded) ids.person.add(person.publicId); // hidden ones too: they must answer 404
  for (const path of [
    '/',
    '/fr/',
    '/fr/index.html',
    '/me',
    '/me/withdraw',
    '/me/link',
    '/contact/confirm',
    '/healthz',
    '/v1/openapi.json',
    '/hallway.js',
    '/me.js',
    '/robots.txt',
    '/v1/nothing-here',
  ])
    enqueue(path);
  // Without a session or the admin key, the employee's and the admin's API answer 401 and nothing else.
  for (const path of [
    '/v1/me',
    '/v1/me/export',
    '/v1/me/contact-stats',
    '/v1/admin/sites',
    '/v1/admin/sites/beaumont/people',
    '/v1/admin/sites/beaumont/testimonials?status=pending',
  ])
    enqueue(path);

  const expandOpenApi = (document: { paths: Record<string, Record<string, unknown>> }) => {
    const templates = Object.entries(document.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    for (const asset of ['avatar.svg', 'photo.webp']) assert.ok(templates.includes(`/v1/sites/{site}/people/{id}/${asset}`), `OpenAPI describes ${asset}`);
    for (const template of templates) {
      for (const site of ['beaumont', 'no-such-site']) {
        const withSite = template.replace('{site}', site);
        if (!withSite.includes('{id}')) {
          enqueue(withSite);
          continue;
        }
        for (const id of ids.person) enqueue(withSite.replace('{id}', encodeURIComponent(id)));
      }
    }
    for (const query of queries()) enqueue(`/v1/sites/beaumont/people?${query}`);
    for (const query of ['', 'limit=50', 'job=Receptionist', 'team=Front%20Office', 'limit=0', 'limit=x', 'job=']) enqueue(`/v1/sites/beaumont/testimonials?${query}`);
  };
  const queries = () => [
    'limit=50',
    'limit=1',
    ...[...ids.jobs].map((job) => `job=${encodeURIComponent(job)}&limit=2`),
    'team=Front%20Office&limit=50',
    'location=London&lang=fr&limit=50',
    'location=Lyon&lang=fr',
    // Invalid queries: their errors must not echo anything private either.
    'limit=0',
    'limit=abc',
    'limit=51',
    'cursor=not-a-cursor',
    `cursor=${'A'.repeat(200)}`,
    'lang=%3Cscript%3E',
    `job=${'x'.repeat(201)}`,
    'job=',
  ];

  while (queue.length) {
    const url = queue.shift()!;
    const response = await fetch(url, { redirect: 'manual', headers: { 'Accept-Language': url.includes('/fr') ? 'fr' : 'en' } });
    const body = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const record = (method: string, r: Response, text: string) =>
      seen.push({
        url,
        method,
        status: r.status,
        type: r.headers.get('content-type') ?? '',
        headers: [...r.headers].map(([k, v]) => `${k}: ${v}`).join('\n'),
        body: text,
      });
    record('GET', response, body);
    for (const method of ['HEAD', 'OPTIONS']) {
      const other = await fetch(url, { method, redirect: 'manual', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
      record(method, other, await other.text());
    }
    const location = response.headers.get('location');
    if (location) enqueue(location);

    if (type.includes('html')) {
      for (const [, link] of body.matchAll(/\b(?:href|src|action)="([^"]+)"/g)) {
        const target = new URL(link!.replace(/&amp;/g, '&'), url);
        target.hash = '';
        if (target.origin === origin) linkedFromPages.add(target.href);
        enqueue(target.href);
      }
    } else if (type.includes('javascript')) {
      for (const [chunk] of body.matchAll(/chunks\/[\w.-]+\.js/g)) enqueue(`/${chunk}`);
    } else if (type.includes('json')) {
      const json = JSON.parse(body);
      if (url.endsWith('/v1/openapi.json')) expandOpenApi(json);
      for (const item of json.items ?? []) {
        if (item.jobTitle) ids.jobs.add(item.jobTitle);
        // A testimonial's id has no route of its own; a person's has three.
        if (item.quote === undefined && item.id && !ids.person.has(item.id)) {
          ids.person.add(item.id);
          for (const suffix of ['', '/avatar.svg', '/photo.webp']) enqueue(`/v1/sites/beaumont/people/${item.id}${suffix}`);
        }
      }
      if (json.nextCursor) {
        const next = new URL(url);
        next.searchParams.set('cursor', json.nextCursor);
        enqueue(next.href);
      }
      for (const value of stringsOf(json)) if (/^https?:\/\//.test(value)) enqueue(value);
      if (json.jobTitle) for (const query of [`job=${encodeURIComponent(json.jobTitle)}&limit=50`]) enqueue(`/v1/sites/beaumont/people?${query}`);
    }
  }
  return seen;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Keys and ids of the database: no public JSON may carry one. */
function assertNoInternalIds(value: unknown, where: string, path = '$') {
  if (Array.isArray(value)) return value.forEach((item, i) => assertNoInternalIds(item, where, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    assert.ok(
      !/^(email|full_?name|fullName|external_?id|externalId|person_?id|personId|site_?id|siteId|linkedin|linkedinUrl|bookingUrl|booking_url|token|session)$/i.test(key),
      `${where}: private key ${path}.${key}`,
    );
    if (/(^id$|Id$|_id$)/.test(key)) assert.ok(typeof item === 'string' && !/^\d+$/.test(item), `${where}: ${path}.${key} is a database id (${JSON.stringify(item)})`);
    assertNoInternalIds(item, where, `${path}.${key}`);
  }
}

// ---- what must never be seen ----

const hiddenDemo = demoPeople.filter((person) => !person.showProfile || person.status === 'left');
const E_MAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** Every private string and who it belongs to. */
function secrets(): [string, string][] {
  const list: [string, string][] = [];
  for (const person of seeded) {
    list.push([person.canary, `${person.state}'s private fields`], [person.email, `${person.state}'s e-mail`]);
    if (!VISIBLE.includes(person.state))
      list.push([person.displayName, `${person.state}'s display name`], [person.bio, `${person.state}'s bio`], [person.publicId, `${person.state}'s public id`]);
  }
  for (const person of hiddenDemo) list.push([person.fullName, 'a hidden demo person'], [person.displayName, 'a hidden demo person'], [person.bio, 'a hidden demo bio']);
  // Authors who chose to sign their testimonial with their full name publish it themselves.
  const signed = new Set(demoTestimonials.filter((t) => t.nameStyle === 'full' && t.status === 'approved').map((t) => t.fullName));
  for (const person of demoPeople) {
    list.push([person.email, 'a demo e-mail'], [person.externalId, 'an external id']);
    if (!signed.has(person.fullName)) list.push([person.fullName, 'a full name']);
  }
  list.push(['HIDDEN-CANARY', 'the demo canary'], [candidate.name, 'the candidate'], [candidate.email, 'the candidate e-mail']);
  return list;
}

/** A visible person shows as "Grace O.", never "Grace Okafor", and nobody hidden shows at all. */
function assertClean(text: string, where: string) {
  for (const [secret, what] of secrets()) assert.ok(!text.includes(secret), `${where} holds ${what}: ${secret}`);
  const emails = (text.match(E_MAIL) ?? []).filter((address) => !ALLOWED_EMAILS.has(address));
  assert.deepEqual(emails, [], `${where} holds e-mail addresses`);
  assert.doesNotMatch(text, UUID, `${where} holds a UUID`);
}

/** Addresses that are examples in the interface's own text, not anybody's. */
const ALLOWED_EMAILS = new Set<string>(['name@example.com', 'nom@exemple.fr']);

/**
 * The page's text and attribute values, in the light DOM and every shadow root. A string, not a
 * function: the test's TypeScript transform would add helpers the page does not have.
 */
const ALL_TEXT = `(() => {
  const parts = [document.body.innerText];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) parts.push(attribute.value);
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.textContent || '');
        visit(element.shadowRoot);
      }
    }
  };
  visit(document);
  return parts.join('\\n');
})()`;

// ---- the tests ----

let crawled: Seen[] = [];
/** Every same-origin URL a page links to. */
const linkedFromPages = new Set<string>();

test('control: the checks catch a canary, an address, a hidden name and a database id', () => {
  const hidden = seeded.find((person) => person.state === 'withdrawn')!;
  for (const leak of [hidden.canary, hidden.displayName, 'jane.doe@corp.example', hiddenDemo[0]!.fullName, '123e4567-e89b-12d3-a456-426614174000']) {
    assert.throws(() => assertClean(`before ${leak} after`, 'control'), `catches ${leak}`);
  }
  assert.throws(() => assertNoInternalIds({ items: [{ id: 12 }] }, 'control'));
  assert.throws(() => assertNoInternalIds({ person: { email: 'x' } }, 'control'));
});

test('crawls every public answer: nothing private in any body or header', async () => {
  crawled = await crawl();
  const urls = new Set(crawled.map((entry) => entry.url));
  console.log(`privacy crawl: ${urls.size} URLs, ${crawled.length} responses (GET, HEAD, OPTIONS); statuses ${JSON.stringify(countBy(crawled.map((e) => e.status)))}`);
  for (const entry of crawled) {
    const where = `${entry.method} ${entry.url} (${entry.status})`;
    assertClean(entry.body, where);
    assertClean(entry.headers, where);
    assert.doesNotMatch(entry.headers, /^set-cookie:/im, `${where} sets a cookie`);
    if (entry.type.includes('json') && entry.body && !entry.url.endsWith('/openapi.json')) assertNoInternalIds(JSON.parse(entry.body), where);
  }
  assert.ok(urls.size > 100, 'the crawl reached the API, pages and bundle');
});

test('hidden people answer 404 by their public id, visible ones are listed, all states covered', async () => {
  const get = (url: string) => crawled.find((entry) => entry.method === 'GET' && entry.url === `${server.url}${url}`);
  for (const person of seeded) {
    const card = get(`/v1/sites/beaumont/people/${person.publicId}`);
    assert.ok(card, `the crawl asked for ${person.state}`);
    assert.equal(card.status, VISIBLE.includes(person.state) ? 200 : 404, `${person.state}: ${card.body.slice(0, 200)}`);
    if (VISIBLE.includes(person.state)) {
      assert.equal(JSON.parse(card.body).displayName, person.displayName);
      assert.equal(JSON.parse(card.body).kind, person.state === 'alumni-shown' ? 'alumni' : 'employee');
    }
    for (const suffix of ['/avatar.svg', '/photo.webp']) {
      const asset = get(`/v1/sites/beaumont/people/${person.publicId}${suffix}`);
      if (!VISIBLE.includes(person.state)) assert.equal(asset?.status, 404, `${person.state}${suffix}`);
    }
  }
  const busy = (state: State) => JSON.parse(get(`/v1/sites/beaumont/people/${seeded.find((p) => p.state === state)!.publicId}`)!.body).availability;
  assert.equal(busy('paused'), 'busy');
  assert.equal(busy('at-cap'), 'busy');
  assert.equal(busy('messages'), 'open');
});

test('the pages, rendered in Chromium, show nobody hidden, in the light and the shadow DOM', async () => {
  const pages = [...new Set(crawled.filter((e) => e.method === 'GET' && e.status === 200 && e.type.includes('html')).map((e) => e.url))];
  const shown = new Set<string>();
  for (const url of pages) {
    const page = await browser.newPage();
    // The Hallway server's own pages (/me, /contact, /dev) stay on its origin; the careers pages move to theirs.
    const { pathname } = new URL(url);
    await page.goto(/^\/(me|contact|dev)(\/|$)/.test(pathname) ? url : `${site.url}${pathname}`);
    await page.waitForLoadState('networkidle');
    if (await page.locator('hw-people-grid').count()) await page.locator('hw-person-card').first().waitFor();
    const text = await page.evaluate<string>(ALL_TEXT);
    assertClean(text, `rendered ${url}`);
    for (const person of seeded) if (text.includes(person.displayName)) shown.add(person.state);
    await page.close();
  }
  console.log(`privacy crawl: ${pages.length} pages rendered in Chromium: ${pages.map((url) => new URL(url).pathname).join(' ')}`);
  const paths = pages.map((url) => new URL(url).pathname);
  for (const path of ['/', '/fr/index.html', '/me', '/jobs/front-desk-agent-london.html', '/jobs/receptionniste-lyon.html'])
    assert.ok(paths.includes(path), `${path} rendered`);
  assert.ok(shown.size > 0, 'a visible person is on the London front desk page: the check can see people');
  for (const state of STATES) if (!VISIBLE.includes(state)) assert.ok(!shown.has(state), state);
});

test('no link of a public page is dead', () => {
  const dead = crawled.filter((entry) => entry.method === 'GET' && entry.status === 404 && linkedFromPages.has(entry.url));
  assert.deepEqual(
    dead.map((entry) => entry.url),
    [],
  );
});

const countBy = (values: number[]) => values.reduce<Record<number, number>>((counts, v) => ((counts[v] = (counts[v] ?? 0) + 1), counts), {});
