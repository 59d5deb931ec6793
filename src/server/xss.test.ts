/**
 * The XSS corpus (tests/support/xss-payloads.ts) through every user-controlled field, by the real routes:
 * admin site and import, /me profile and choices, testimonials and their moderation, contact
 * requests. Links take only https URLs; every page, SVG and e-mail (received by a real SMTP server)
 * shows a payload only escaped; e-mail headers get no injected line; JSON gives the text back as text.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { REFUSED_URLS, XSS_PAYLOADS, type Payload } from '../../tests/support/xss-payloads.js';
import { Challenge, type ChallengeSolution } from '../sdk/contact-schemas.js';
import { ensureAdminKey } from './admin/keys.js';
import { createApp } from './app.js';
import { Links } from './auth/links.js';
import { MIN_FILL_MS } from './contact/challenge.js';
import { createTransport, findLinks, startMailWorker, type MailTransport, type MailWorker } from './mail/index.js';
import type { Db } from './store/database.js';
import { createPerson, recordConsent } from './store/people.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { testClock } from '../../tests/support/clock.js';
import { signIn as signInAs } from '../../tests/support/node/sign-in.js';
import { header, startSmtpServer, type SmtpMail, type SmtpServerForTests } from '../../tests/support/node/received-mail.js';

const PUBLIC_URL = 'https://hallway.test';
const links = new Links(PUBLIC_URL, 'test-secret');
const CAREERS = 'https://careers.acme.example';
const ADMIN_KEY = 'xss-admin-key-0123456789';
const FROM = 'Hallway <hallway@localhost>';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let smtp: SmtpServerForTests;
let transport: MailTransport;
let worker: MailWorker;
const clock = testClock();
/** Inputs sent, and what the server rendered with them (pages, SVGs, mails): the figures of the report. */
const counts = { requests: 0, pages: 0, mails: 0, refusedUrls: 0 };

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, ADMIN_KEY);
  smtp = await startSmtpServer();
  transport = createTransport(smtp.url);
  worker = startMailWorker({ db, transport, from: FROM, intervalMs: 3_600_000, log: () => {} });
  const unlimited = [{ max: 1_000_000, windowMs: 60_000 }];
  app = createApp({
    db,
    publicUrl: PUBLIC_URL,
    links,
    devOutbox: true,
    contact: { limits: { perIp: unlimited, perEmail: unlimited }, now: clock.now, challengeMaxNumber: 20 },
  });
  const site = await admin('POST', '/sites', { slug: 'acme', name: 'Acme Logistics', allowedOrigins: [CAREERS] });
  assert.equal(site.status, 201);
});

after(async () => {
  console.log(`xss: ${XSS_PAYLOADS.length} payloads, ${REFUSED_URLS.length} refused URLs; ${JSON.stringify(counts)}`);
  await worker.stop();
  transport.close();
  await smtp.close();
  await drop();
});

// ---- requests ----

async function call(method: string, path: string, { json, cookie, headers = {} }: { json?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
  counts.requests++;
  const response = await app.request(path, {
    method,
    headers: {
      Origin: PUBLIC_URL,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  const body = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
  return { status: response.status, text, body, headers: response.headers };
}

const admin = (method: string, path: string, json?: unknown) => call(method, `/v1/admin${path}`, { json, headers: { Authorization: `Bearer ${ADMIN_KEY}` } });

const signIn = (personId: number) => signInAs(app, db, personId, { Origin: PUBLIC_URL });

let people = 0;
async function newEmployee(displayName = 'Ana L.') {
  const site = await db.selectFrom('sites').select(['id', 'consent_text_version']).where('slug', '=', 'acme').executeTakeFirstOrThrow();
  const email = `employee${++people}@acme.example`;
  const person = await createPerson(db, { siteId: site.id, email, fullName: 'Ana Lopez', displayName, jobTitle: 'Logistics Manager' });
  return { ...person, email, textVersion: site.consent_text_version };
}

const MESSAGE_ONLY = { granted: true, settings: { channels: ['message'], weeklyCap: 10, pausedUntil: null, bookingUrl: null } };

// ---- what "inert" means in markup ----

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background']);
const FORBIDDEN_TAGS = new Set(['iframe', 'frame', 'object', 'embed', 'base', 'math', 'applet', 'svg', 'animate']);

/** An attribute value as a browser reads it: entities decoded, whitespace and controls ignored in a scheme. */
const decoded = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    // eslint-disable-next-line no-control-regex -- browsers skip control characters in a URL's scheme
    .replace(/[\s\u0000-\u001f]+/g, '');

/**
 * Markup the server wrote itself (a page, an SVG, an e-mail's HTML) may hold no handler attribute,
 * inline or foreign script, frame, object, base, script or data URL, nor CSS expression. Escaped
 * text is not markup, so only real tags are read.
 */
function assertNoActiveMarkup(markup: string, where: string, { svgRoot = false, sandboxedFrames = false } = {}) {
  for (const [tag, rawName, attributes] of markup.matchAll(TAG)) {
    const name = rawName!.toLowerCase();
    const attrs = [...attributes!.matchAll(ATTRIBUTE)].map(([, key, ...values]) => [key!.toLowerCase(), values.find((v) => v !== undefined) ?? ''] as const);
    if (sandboxedFrames && name === 'iframe' && isSandboxedSrcdoc(attrs)) {
      assertNoActiveMarkup(srcdocOf(attrs), `a frame in ${where}`);
      continue;
    }
    if (!(svgRoot && ['svg', 'title', 'rect', 'text', 'circle'].includes(name))) {
      assert.ok(!FORBIDDEN_TAGS.has(name), `a <${name}> in ${where}: ${tag}`);
    }
    if (name === 'script')
      assert.ok(
        attrs.some(([key, value]) => key === 'src' && /^\/[\w./-]+$/.test(value)),
        `an inline or foreign script in ${where}: ${tag}`,
      );
    if (name === 'meta') assert.ok(!attrs.some(([key]) => key === 'http-equiv'), `a meta refresh in ${where}`);
    for (const [key, value] of attrs) {
      assert.ok(!key.startsWith('on'), `a ${key} handler in ${where}: ${tag}`);
      if (URL_ATTRIBUTES.has(key)) assert.doesNotMatch(decoded(value), /^(javascript|vbscript|data:(?!,$))/i, `a script or data URL in ${where}: ${tag}`);
      if (key === 'style' || key === 'srcdoc') assert.doesNotMatch(decoded(value), /expression\(|javascript:|<script/i, `${key} in ${where}: ${tag}`);
    }
  }
  for (const [, css] of markup.matchAll(/<style[^>]*>([^<]*)<\/style>/gi)) assert.doesNotMatch(css!, /expression\(|javascript:|@import/i, `CSS in ${where}`);
}

/** A frame sandboxed of everything (no script, form, navigation or same origin), its document given inline. */
const isSandboxedSrcdoc = (attrs: (readonly [string, string])[]) =>
  attrs.some(([key, value]) => key === 'sandbox' && value === '') && !attrs.some(([key]) => key === 'src') && attrs.some(([key]) => key === 'srcdoc');

/** The document of a srcdoc attribute, as the browser reads it. */
const srcdocOf = (attrs: (readonly [string, string])[]) =>
  attrs
    .find(([key]) => key === 'srcdoc')![1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Markup that shows `text` shows it escaped, never as markup of its own. */
function assertEscaped(markup: string, text: string, where: string) {
  if (/[<>"'&]/.test(text)) assert.ok(!markup.includes(text), `raw payload in ${where}: ${JSON.stringify(text.slice(0, 80))}`);
}

/** What a field of at most `max` characters keeps of a payload, or undefined when it must be refused. */
function expectedText(payload: Payload, max: number): string | undefined {
  const trimmed = payload.value.trim();
  return trimmed.length >= 1 && trimmed.length <= max && !trimmed.includes('\u0000') ? trimmed : undefined;
}

// ---- e-mail, as received ----

/** Headers nodemailer writes for our mails; anything else was injected. */
const MAIL_HEADERS = new Set([
  'content-type',
  'from',
  'to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'list-unsubscribe',
  'list-unsubscribe-post',
  'auto-submitted',
  'reply-to',
  'x-auto-response-suppress',
  'precedence',
]);

/** Sends what is due, and answers the mails received since `since` (an index into smtp.received). */
async function mailsSince(since: number) {
  await worker.drain();
  return smtp.received.slice(since);
}

function checkMail(mail: SmtpMail, payload: Payload, intended: string) {
  counts.mails++;
  const where = `mail "${header(mail.headers, 'subject')}" (${payload.name})`;
  assert.deepEqual(mail.envelopeTo, [intended], `only the intended recipient: ${where}`);
  for (const [name] of mail.headers) assert.ok(MAIL_HEADERS.has(name), `no injected header "${name}" in ${where}`);
  assert.equal(mail.headers.filter(([name]) => name === 'subject').length, 1, `one subject in ${where}`);
  // An encoded word the payload wrote itself decodes to what it says, but only inside the subject.
  if (!payload.value.includes('=?')) assert.doesNotMatch(header(mail.headers, 'subject') ?? '', /[\r\n]/, `a one-line subject in ${where}`);
  assertNoActiveMarkup(mail.html, where);
  assertEscaped(mail.html, payload.value.trim(), where);
  // Text the candidate wrote may mention a URL (mail clients link it); the HTML part links only ours.
  for (const [, href] of mail.html.matchAll(/\bhref="([^"]*)"/g)) {
    assert.ok(href!.startsWith(`${PUBLIC_URL}/`) || href!.startsWith(CAREERS), `only our links in ${where}: ${href}`);
  }
}

// ---- pages ----

async function checkPage(path: string, payload: Payload, expectStatus: number[] = [200]) {
  const page = await call('GET', path, { headers: { Origin: '' } });
  counts.pages++;
  assert.ok(expectStatus.includes(page.status), `${path} answered ${page.status}`);
  assertNoActiveMarkup(page.text, `${path} (${payload.name})`);
  assertEscaped(page.text, payload.value.trim(), `${path} (${payload.name})`);
  return page;
}

// ---- the tests ----

describe('links only take https URLs', () => {
  test('every javascript:, data:, vbscript:, http:, protocol-relative and obfuscated URL is refused with invalid_body', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const profile = { displayName: 'Ana L.', jobTitle: 'Logistics Manager', team: null, location: null, languages: [], bio: null };
    for (const url of REFUSED_URLS) {
      const linkedin = await call('PUT', '/v1/me/profile', { cookie, json: { ...profile, linkedinUrl: url } });
      assert.equal(linkedin.status, 400, `linkedinUrl ${JSON.stringify(url)}`);
      assert.equal(linkedin.body.error.code, 'invalid_body');
      assert.equal(linkedin.body.error.field, 'linkedinUrl');
      const booking = await call('PUT', '/v1/me/consent', {
        cookie,
        json: { contact: { granted: true, settings: { ...MESSAGE_ONLY.settings, channels: ['booking'], bookingUrl: url } } },
      });
      assert.equal(booking.status, 400, `bookingUrl ${JSON.stringify(url)}`);
      assert.equal(booking.body.error.field, 'contact.settings.bookingUrl');
      const origin = await admin('PATCH', '/sites/acme', { allowedOrigins: [url] });
      assert.equal(origin.status, 400, `allowedOrigins ${JSON.stringify(url)}`);
      assert.equal(origin.body.error.code, 'invalid_body');
      assert.equal(origin.body.error.field, 'allowedOrigins.0');
      counts.refusedUrls += 3;
    }
    const me = await call('GET', '/v1/me', { cookie });
    assert.equal(me.body.profile.linkedinUrl, null, 'nothing was stored');
    assert.equal(me.body.contact.bookingUrl, null);
    const accepted = await call('PUT', '/v1/me/profile', { cookie, json: { ...profile, linkedinUrl: 'https://www.linkedin.com/in/ana' } });
    assert.equal(accepted.status, 200, 'an https link is taken');
  });

  test('a photo is an image the server re-encodes: an SVG with a script is refused', async () => {
    const cookie = await signIn((await newEmployee()).id);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="__xss(0)"><script>__xss(0)</script></svg>';
    for (const type of ['image/svg+xml', 'image/png', 'text/html']) {
      const response = await app.request('/v1/me/photo', { method: 'PUT', body: svg, headers: { Cookie: cookie, Origin: PUBLIC_URL, 'Content-Type': type } });
      counts.requests++;
      assert.equal(response.status, 415, type);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unsupported_media_type');
    }
  });
});

describe('/me: display name, job title, team, location, bio', () => {
  const FIELDS = { displayName: 80, jobTitle: 120, team: 80, location: 80, bio: 300 } as const;

  test('each payload in each field is refused or kept as text, and only escaped in the avatar', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    assert.equal((await call('PUT', '/v1/me/consent', { cookie, json: { showProfile: true } })).status, 200);
    const base = { displayName: 'Ana L.', jobTitle: 'Logistics Manager', team: null, location: null, languages: ['en'], bio: null, linkedinUrl: null };
    for (const payload of XSS_PAYLOADS) {
      for (const [field, max] of Object.entries(FIELDS)) {
        const saved = await call('PUT', '/v1/me/profile', { cookie, json: { ...base, [field]: payload.value } });
        const expected = expectedText(payload, max);
        if (expected === undefined) {
          assert.equal(saved.status, 400, `${field} ← ${payload.name}: ${saved.text.slice(0, 200)}`);
          assert.equal(saved.body.error.code, 'invalid_body');
          assert.equal(saved.body.error.field, field);
          continue;
        }
        assert.equal(saved.status, 200, `${field} ← ${payload.name}: ${saved.text.slice(0, 200)}`);
        assert.equal(saved.body.profile[field], expected, `/v1/me gives ${field} back as text`);
        const shown = await call('GET', `/v1/sites/acme/people/${person.public_id}`);
        assert.equal(shown.body[field], expected, `public ${field} is the text (${payload.name})`);
        if (field === 'displayName') {
          // The public avatar, and the person's own one (/v1/me/photo), drawn by the same function.
          for (const path of [`/v1/sites/acme/people/${person.public_id}/avatar.svg`, '/v1/me/photo']) {
            const avatar = await call('GET', path, { cookie });
            counts.pages++;
            assert.equal(avatar.status, 200);
            assertNoActiveMarkup(avatar.text, `${path} (${payload.name})`, { svgRoot: true });
            assertEscaped(avatar.text, expected, `${path} (${payload.name})`);
          }
        }
      }
    }
  });

  test('languages take only language codes', async () => {
    const cookie = await signIn((await newEmployee()).id);
    const base = { displayName: 'Ana L.', jobTitle: 'Logistics Manager', team: null, location: null, bio: null, linkedinUrl: null };
    for (const payload of XSS_PAYLOADS) {
      const saved = await call('PUT', '/v1/me/profile', { cookie, json: { ...base, languages: ['en', payload.value] } });
      assert.equal(saved.status, 400, payload.name);
      assert.equal(saved.body.error.field, 'languages.1');
    }
  });
});

describe('admin: site names and people import, and the invitation e-mail', () => {
  test('each payload as the site name and in every imported HR field', async () => {
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const slug = `xss-${index + 1}`;
      const site = await admin('POST', '/sites', { slug, name: payload.value, allowedOrigins: [CAREERS] });
      const siteName = expectedText(payload, 200);
      if (siteName === undefined) {
        assert.equal(site.status, 400, `site name ← ${payload.name}: ${site.text.slice(0, 200)}`);
        assert.equal(site.body.error.field, 'name');
        continue;
      }
      assert.equal(site.status, 201, `site name ← ${payload.name}: ${site.text.slice(0, 200)}`);
      assert.equal(site.body.name, siteName);

      const email = `imported${index + 1}@acme.example`;
      const row = {
        email,
        full_name: payload.value,
        job_title: payload.value,
        team: payload.value,
        location: payload.value,
        languages: 'en',
        external_id: `X-${index + 1}`,
      };
      const imported = await admin('POST', `/sites/${slug}/people/import`, [row]);
      const kept = expectedText(payload, 200);
      if (kept === undefined) {
        assert.equal(imported.status, 422, `import ← ${payload.name}: ${imported.text.slice(0, 200)}`);
        assert.equal(imported.body.error.code, 'invalid_import');
        continue;
      }
      assert.equal(imported.status, 200, `import ← ${payload.name}: ${imported.text.slice(0, 300)}`);
      const listed = await admin('GET', `/sites/${slug}/people`);
      const person = listed.body.items[0];
      assert.deepEqual([person.jobTitle, person.team, person.location], [kept, kept, kept], 'HR fields kept as text');

      const since = smtp.received.length;
      assert.equal((await admin('POST', `/sites/${slug}/invitations`, { person: email })).status, 202);
      const [mail, ...more] = await mailsSince(since);
      assert.ok(mail && more.length === 0, 'one invitation');
      checkMail(mail, payload, email);

      // The person opts in; the public card gives the HR fields back as text.
      const row2 = await db.selectFrom('people').select(['id', 'public_id']).where('email', '=', email).executeTakeFirstOrThrow();
      const cookie = await signIn(row2.id);
      assert.equal((await call('PUT', '/v1/me/consent', { cookie, json: { showProfile: true } })).status, 200);
      const card = await call('GET', `/v1/sites/${slug}/people/${row2.public_id}`);
      assert.equal(card.status, 200);
      assert.deepEqual([card.body.jobTitle, card.body.team, card.body.location], [kept, kept, kept]);
      // The withdraw page names the person and the site: both are the payload here.
      const withdraw = new URL(links.withdraw(row2.public_id, email));
      await checkPage(withdraw.pathname + withdraw.search, payload);
      await checkPage(`/me/withdraw?person=${encodeURIComponent(payload.value)}&sig=${encodeURIComponent(payload.value)}`, payload, [403]);
      await checkPage(`/me/link?token=${encodeURIComponent(payload.value)}`, payload);
    }
  });
});

describe('testimonials: quote, roles, current role, and the moderator reason', () => {
  test('each payload is kept as text, published as text, and only escaped in the e-mails', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    for (const payload of XSS_PAYLOADS) {
      const draft = { quote: payload.value, roles: [payload.value], fromYear: 2015, toYear: 2020, currentRole: payload.value, nameStyle: 'full', publish: true };
      const saved = await call('PUT', '/v1/me/testimonial', { cookie, json: draft });
      const role = expectedText(payload, 120);
      if (role === undefined) {
        assert.equal(saved.status, 400, `${payload.name}: ${saved.text.slice(0, 200)}`);
        const quoteOnly = await call('PUT', '/v1/me/testimonial', { cookie, json: { ...draft, roles: ['Receptionist'], currentRole: null } });
        assert.equal(quoteOnly.status, expectedText(payload, 600) === undefined ? 400 : 200, `quote ← ${payload.name}`);
        if (quoteOnly.status !== 200) continue;
      } else {
        assert.equal(saved.status, 200, `${payload.name}: ${saved.text.slice(0, 200)}`);
        assert.equal(saved.body.testimonial.quote, payload.value.trim());
        assert.deepEqual(saved.body.testimonial.roles, [role]);
      }
      const id = (await admin('GET', '/sites/acme/testimonials?status=pending')).body.items[0].id as string;
      const since = smtp.received.length;
      assert.equal((await admin('POST', `/sites/acme/testimonials/${id}/approve`)).status, 200);
      const listed = await call('GET', '/v1/sites/acme/testimonials?limit=50');
      assert.equal(listed.body.items.find((item: { id: string }) => item.id === id)?.quote, payload.value.trim(), 'published as text');

      const reason = expectedText(payload, 500);
      const rejected = await admin('POST', `/sites/acme/testimonials/${id}/reject`, { reason: payload.value });
      assert.equal(rejected.status, reason === undefined ? 400 : 200, `reason ← ${payload.name}`);
      for (const mail of await mailsSince(since)) checkMail(mail, payload, person.email);
    }
  });
});

describe('contact: candidate name, message, job and address', () => {
  async function proof(): Promise<ChallengeSolution> {
    clock.advance(-(MIN_FILL_MS + 1000));
    const challenge = Challenge.parse((await call('GET', '/v1/sites/acme/challenge')).body);
    clock.advance(MIN_FILL_MS + 1000);
    for (let number = 0; number <= challenge.maxnumber; number++) {
      if (
        createHash('sha256')
          .update(challenge.salt + number)
          .digest('hex') === challenge.challenge
      ) {
        return { algorithm: 'SHA-256', challenge: challenge.challenge, salt: challenge.salt, number, signature: challenge.signature };
      }
    }
    throw new Error('no solution');
  }

  const send = async (personId: string, body: Record<string, unknown>) =>
    call('POST', `/v1/sites/acme/people/${personId}/contact`, {
      json: { email: 'casey@mail.example', message: 'Hello', consent: true, lang: 'en', ...body, proof: await proof() },
      headers: { Origin: CAREERS },
    });

  test('a payload is never taken as the candidate address', async () => {
    const person = await newEmployee();
    await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: person.textVersion, source: 'me' });
    await recordConsent(db, {
      personId: person.id,
      purpose: 'contact',
      granted: true,
      textVersion: person.textVersion,
      source: 'me',
      details: { channels: ['message'] },
    });
    for (const payload of XSS_PAYLOADS) {
      const sent = await send(person.public_id, { name: 'Casey', email: `${payload.value}@mail.example` });
      assert.equal(sent.status, 400, payload.name);
      assert.equal(sent.body.error.field, 'email');
    }
  });

  test('each payload as the name, message and job, and as the employee display name, through every page and mail', async () => {
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      const person = await newEmployee(payload.value.replaceAll('\0', '').slice(0, 80));
      const consent = { personId: person.id, textVersion: person.textVersion, source: 'me' as const };
      await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
      await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
      const candidate = `casey${index + 1}@mail.example`;
      const since = smtp.received.length;
      const sent = await send(person.public_id, { name: payload.value, email: candidate, message: payload.value, job: payload.value });
      const name = expectedText(payload, 100);
      const job = payload.value.trim().length <= 200 && !payload.value.includes('\u0000');
      if (name === undefined || !job) {
        assert.equal(sent.status, 400, `${payload.name}: ${sent.text.slice(0, 200)}`);
        assert.equal(sent.body.error.code, 'invalid_body');
        continue;
      }
      assert.equal(sent.status, 202, `${payload.name}: ${sent.text.slice(0, 200)}`);

      const [confirmMail] = await mailsSince(since);
      assert.ok(confirmMail, 'the confirmation mail');
      checkMail(confirmMail, payload, candidate);
      const confirmLink = findLinks(confirmMail.text).find((link) => link.includes('/contact/confirm?'))!;
      const path = confirmLink.slice(PUBLIC_URL.length);
      await checkPage(path, payload);
      const confirmed = await app.request('/contact/confirm', { method: 'POST', body: new URLSearchParams({ token: new URL(confirmLink).searchParams.get('token')! }) });
      const confirmedPage = await confirmed.text();
      counts.pages++;
      assertNoActiveMarkup(confirmedPage, `confirmed page (${payload.name})`);
      assertEscaped(confirmedPage, payload.value.slice(0, 80), `confirmed page (${payload.name})`);

      const employeeMails = (await mailsSince(since)).filter((mail) => mail.envelopeTo.includes(person.email));
      assert.equal(employeeMails.length, 1, 'the question reached the employee');
      const question = employeeMails[0]!;
      checkMail(question, payload, person.email);
      assert.ok(question.text.includes(name.replace(/\r\n?/g, '\n')) || question.text.includes(name.replace(/\s+/g, ' ')), 'the name shows as text in the plain part');
      for (const link of findLinks(question.text).filter((url) => /\/contact\/(answered|decline)\?/.test(url))) {
        await checkPage(link.slice(PUBLIC_URL.length), payload);
      }
    }
  });

  test('a forged or payload link shows no payload back', async () => {
    for (const payload of XSS_PAYLOADS) {
      const value = encodeURIComponent(payload.value);
      await checkPage(`/contact/confirm?token=${value}`, payload, [410]);
      await checkPage(`/contact/answered?request=${value}&sig=${value}`, payload, [403]);
    }
  });
});

describe('development transport', () => {
  test('logs one line per mail, whatever line breaks a name put in the subject', async () => {
    const lines: string[] = [];
    const dev = createTransport(undefined, (line) => lines.push(line));
    for (const payload of XSS_PAYLOADS) {
      await dev.send({ from: FROM, to: 'ana@acme.example', subject: `A question from ${payload.value}`, text: '', html: '', headers: {}, messageId: '<1@localhost>' });
    }
    assert.equal(lines.length, XSS_PAYLOADS.length);
    for (const line of lines) assert.doesNotMatch(line, /[\r\n]/);
  });
});

describe('development outbox', () => {
  test('every mail above shows only escaped in /dev/outbox', async () => {
    const outbox = await call('GET', '/dev/outbox');
    counts.pages++;
    // Each mail's HTML part is shown in a frame sandboxed of everything: its document is checked as the mail itself.
    assertNoActiveMarkup(outbox.text, '/dev/outbox', { sandboxedFrames: true });
    const frames = [...outbox.text.matchAll(/<iframe [^>]*srcdoc="([^"]*)"/g)].map(([, srcdoc]) => srcdocOf([['srcdoc', srcdoc!]]));
    assert.ok(frames.length > 0, 'the HTML parts are shown');
    for (const markup of [outbox.text, ...frames]) {
      for (const payload of XSS_PAYLOADS) assertEscaped(markup, payload.value.trim(), `/dev/outbox (${payload.name})`);
    }
  });
});
