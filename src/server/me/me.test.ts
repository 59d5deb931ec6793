import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { MyProfile } from '../../sdk/me-schemas.js';
import { PeopleList } from '../../sdk/schemas.js';
import { contrast } from '../accent.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { hashToken, issueToken } from '../auth/tokens.js';
import type { Db } from '../store/database.js';
import { createPerson, recordConsent, setStatus } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { signIn as signInAs } from '../../../tests/support/node/sign-in.js';
import { signInLinksMade } from '../auth/sign-in.js';
import { landingPageParts } from '../../../tests/support/node/test-http.js';

const PUBLIC_URL = 'https://hallway.test';
const ORIGIN = { Origin: PUBLIC_URL };

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let links: Links;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  links = new Links(PUBLIC_URL, 'test-secret');
  app = createApp({ db, publicUrl: PUBLIC_URL, links, devOutbox: true });
  await createSite(db, { slug: 'acme', name: 'Acme Logistics' });
});
after(() => drop());

/** The last `--accent`, `--on-accent` and `--link` a stylesheet part sets. */
const accentVars = (css: string) => Object.fromEntries([...css.matchAll(/(--accent|--on-accent|--link): (#\w{6});/g)].map((match) => [match[1]!, match[2]!]));

let counter = 0;
async function newEmployee(status: 'employee' | 'left' = 'employee') {
  const site = (await db.selectFrom('sites').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id;
  counter++;
  const email = `person${counter}@acme.example`;
  const person = await createPerson(db, {
    siteId: site,
    email,
    fullName: `Person Number${counter}`,
    displayName: `Person ${counter}.`,
    jobTitle: 'Logistics Manager',
    status,
  });
  return { ...person, email };
}

/** Signs in through a magic link, as the person would: GET shows a button, POST uses the token. */
const signIn = (personId: number) => signInAs(app, db, personId, ORIGIN);

const postForm = (path: string, fields: Record<string, string>) => app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: ORIGIN });

async function call(cookie: string, method: string, path: string, json?: unknown) {
  const response = await app.request(path, {
    method,
    headers: { Cookie: cookie, ...ORIGIN, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { response, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

const publicNames = async () => PeopleList.parse(await (await app.request('/v1/sites/acme/people?limit=50')).json()).items.map((p) => p.displayName);

const consentHistory = (personId: number) =>
  db.selectFrom('consents').select(['purpose', 'granted', 'source', 'text_version']).where('person_id', '=', personId).orderBy('id').execute();

describe('magic links', () => {
  test('a link opens a session once: HttpOnly, SameSite=Lax, Secure on https', async () => {
    const person = await newEmployee();
    const token = await issueToken(db, person.id, 'invitation');
    const page = await app.request(`/me/link?token=${token}`);
    assert.equal(page.status, 200, 'opening the link (or a mail scanner fetching it) uses nothing');
    assert.match(await page.text(), /<form method="post" action="\/me\/link">/);
    const first = await postForm('/me/link', { token });
    assert.equal(first.status, 303);
    const cookie = first.headers.get('set-cookie')!;
    assert.match(cookie, /^hw_session=[\w-]{43};/);
    for (const flag of ['HttpOnly', 'SameSite=Lax', 'Secure', 'Path=/']) assert.ok(cookie.includes(flag), flag);

    const again = await postForm('/me/link', { token });
    assert.equal(again.status, 410);
    assert.match(await again.text(), /already used/);
    assert.equal(again.headers.get('set-cookie'), null);
  });

  test('expired and forged tokens are refused, and only hashes are stored', async () => {
    const person = await newEmployee();
    const expired = await issueToken(db, person.id, 'sign_in', new Date(Date.now() - 31 * 60_000));
    assert.match(await (await postForm('/me/link', { token: expired })).text(), /expired/);
    const forged = 'A'.repeat(43);
    const refused = await postForm('/me/link', { token: forged });
    assert.equal(refused.status, 410);
    assert.match(await refused.text(), /not valid/);

    const token = await issueToken(db, person.id, 'invitation');
    const stored = await db.selectFrom('tokens').select('token_hash').execute();
    assert.ok(stored.some((row) => row.token_hash === hashToken(token)));
    assert.ok(!stored.some((row) => row.token_hash.includes(token)));
    assert.ok(Buffer.from(token, 'base64url').length >= 32);
  });

  test('asking for a sign-in link answers the same for known and unknown addresses', async () => {
    const person = await newEmployee();
    const ask = (email: string) => app.request('/v1/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
    const known = await ask(person.email.toUpperCase());
    const unknown = await ask('nobody@acme.example');
    assert.equal(known.status, 202);
    assert.equal(unknown.status, 202);
    assert.deepEqual(await known.json(), await unknown.json());
    await signInLinksMade();
    const mails = await db.selectFrom('outbox').select(['text_body', 'template']).where('to_address', '=', person.email).execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.template, 'sign_in');
    assert.ok(mails[0]!.text_body.includes(`${PUBLIC_URL}/me/link?token=`));
    await ask(person.email);
    await signInLinksMade();
    const after = await db.selectFrom('outbox').select('id').where('to_address', '=', person.email).execute();
    assert.equal(after.length, 1, 'a second request within a minute sends nothing');
  });

  test('/me pages never send a referrer and allow only their own scripts', async () => {
    for (const path of ['/me', '/me/link?token=x', '/me/withdraw?person=x&sig=y']) {
      const response = await app.request(path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(response.headers.get('content-security-policy')!, /script-src 'self';/, path);
      assert.doesNotMatch(response.headers.get('content-security-policy')!, /unsafe-inline|unsafe-eval/, path);
    }
  });
});

describe('the employee decides', () => {
  test('/v1/me needs a session, and writes need the Hallway origin', async () => {
    assert.equal((await app.request('/v1/me')).status, 401);
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const { response, body } = await call(cookie, 'GET', '/v1/me');
    assert.equal(response.status, 200);
    assert.equal(MyProfile.parse(body).email, person.email);
    const crossSite = await app.request('/v1/me/withdraw', { method: 'POST', headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    assert.equal(crossSite.status, 403);
    const noOrigin = await app.request('/v1/me/withdraw', { method: 'POST', headers: { Cookie: cookie } });
    assert.equal(noOrigin.status, 403);
  });

  test('grant, withdraw, grant: each decision is a new record and shows on the next request', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    assert.ok(!(await publicNames()).includes(`Person ${counter}.`));

    let { body } = await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true });
    assert.equal(MyProfile.parse(body).consents.showProfile.granted, true);
    assert.ok((await publicNames()).includes(`Person ${counter}.`));
    ({ body } = await call(cookie, 'POST', '/v1/me/withdraw'));
    assert.equal(body.consents.showProfile.granted, false);
    assert.ok(!(await publicNames()).includes(`Person ${counter}.`));
    await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true });
    await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true }); // no change, no record
    assert.ok((await publicNames()).includes(`Person ${counter}.`));

    assert.deepEqual(
      (await consentHistory(person.id)).map((c) => [c.purpose, c.granted, c.source, c.text_version]),
      [
        ['show_profile', true, 'me', '2026-11'],
        ['show_profile', false, 'me', '2026-11'],
        ['show_profile', true, 'me', '2026-11'],
      ],
    );
  });

  test('contact consent with channels, cap and pause', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const settings = { channels: ['message', 'booking'], weeklyCap: 5, pausedUntil: '2099-01-31', bookingUrl: 'https://cal.example.com/me' };
    const { body } = await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true, contact: { granted: true, settings } });
    const profile = MyProfile.parse(body);
    assert.deepEqual(profile.contact, settings);
    assert.deepEqual(profile.preview.channels, ['message', 'booking']);
    assert.equal(profile.preview.availability, 'busy', 'paused');
    assert.equal(profile.preview.availableFrom, '2099-01-31', 'the card says until when');
    const bad = await call(cookie, 'PUT', '/v1/me/consent', { contact: { granted: true, settings: { ...settings, weeklyCap: 11 } } });
    assert.equal(bad.response.status, 400);
    assert.equal(bad.body.error.field, 'contact.settings.weeklyCap');
  });

  test('profile edits are validated and the preview is the card candidates see', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const profile = {
      displayName: 'Marie D.',
      jobTitle: 'Responsable logistique',
      team: 'Logistique',
      location: '',
      languages: ['fr', 'en', 'fr'],
      bio: 'Posez-moi vos questions.',
      linkedinUrl: 'https://www.linkedin.com/in/marie',
    };
    const { body } = await call(cookie, 'PUT', '/v1/me/profile', profile);
    const saved = MyProfile.parse(body);
    assert.equal(saved.preview.displayName, 'Marie D.');
    assert.equal(saved.preview.location, null);
    assert.deepEqual(saved.preview.languages, ['fr', 'en']);
    for (const [field, value] of [
      ['bio', 'x'.repeat(301)],
      ['linkedinUrl', 'http://www.linkedin.com/in/marie'],
      ['linkedinUrl', 'javascript:alert(1)'],
      ['displayName', '   '],
    ] as const) {
      const { response, body: error } = await call(cookie, 'PUT', '/v1/me/profile', { ...profile, [field]: value });
      assert.equal(response.status, 400, `${field}=${value}`);
      assert.equal(error.error.code, 'invalid_body');
      assert.equal(error.error.field, field);
    }
  });

  test('the own page shows the initials, then the photo, also before opting in (the public avatar is 404 then)', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    const before = MyProfile.parse((await call(cookie, 'GET', '/v1/me')).body);
    assert.equal((await app.request(before.preview.photoUrl.replace(PUBLIC_URL, ''))).status, 404, 'not listed yet');
    assert.equal(before.photoUrl, `${PUBLIC_URL}/v1/me/photo?v=P${counter}`);
    const initials = await call(cookie, 'GET', before.photoUrl.replace(PUBLIC_URL, ''));
    assert.equal(initials.response.status, 200);
    assert.equal(initials.response.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
    assert.equal(initials.response.headers.get('cache-control'), 'no-store', 'like all of /v1/me');
    assert.match(initials.body, new RegExp(`>P${counter}</text>`));
    assert.equal((await app.request('/v1/me/photo')).status, 401, 'for the signed-in person alone');

    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const upload = await app.request('/v1/me/photo', { method: 'PUT', body: new Uint8Array(png), headers: { Cookie: cookie, ...ORIGIN, 'Content-Type': 'image/png' } });
    const after = MyProfile.parse(await upload.json());
    assert.notEqual(after.photoUrl, before.photoUrl, 'a new URL, so the page loads the photo at once');
    const photo = await app.request(after.photoUrl.replace(PUBLIC_URL, ''), { headers: { Cookie: cookie } });
    assert.equal(photo.headers.get('content-type'), 'image/webp');
  });

  test('photos are re-encoded without their metadata, and only images under 2 MB are taken', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true });
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c0392b' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'SECRET-EXIF-MARKER', Artist: 'Somebody' } })
      .toBuffer();
    assert.ok(jpeg.includes('SECRET-EXIF-MARKER'));
    const upload = (body: Uint8Array<ArrayBuffer>, type: string) =>
      app.request('/v1/me/photo', { method: 'PUT', body, headers: { Cookie: cookie, ...ORIGIN, 'Content-Type': type } });

    const saved = MyProfile.parse(await (await upload(new Uint8Array(jpeg), 'image/jpeg')).json());
    assert.equal(saved.hasPhoto, true);
    assert.match(saved.preview.photoUrl, /\/photo\.webp\?v=/);
    const served = await app.request(saved.preview.photoUrl.replace(PUBLIC_URL, ''));
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/webp');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.ok(!bytes.includes('SECRET-EXIF-MARKER'));
    const meta = await sharp(bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.exif], ['webp', 384, 384, undefined]);

    assert.equal((await upload(new Uint8Array(2 * 1024 * 1024 + 1), 'image/jpeg')).status, 413);
    assert.equal((await upload(new TextEncoder().encode('hello'), 'text/plain')).status, 415);
    assert.equal((await upload(new TextEncoder().encode('not really a png'), 'image/png')).status, 415);

    await call(cookie, 'POST', '/v1/me/withdraw');
    assert.equal((await app.request(saved.preview.photoUrl.replace(PUBLIC_URL, ''))).status, 404, 'hidden with the profile');
  });

  test('someone who left and shows their profile again comes back as alumni', async () => {
    const person = await newEmployee();
    await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: 'v0', source: 'me' });
    await setStatus(db, person.id, 'left');
    assert.ok(!(await publicNames()).includes(`Person ${counter}.`));
    const cookie = await signIn(person.id);
    await call(cookie, 'POST', '/v1/me/withdraw');
    const { body } = await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true });
    assert.equal(body.status, 'alumni');
    assert.equal(body.preview.kind, 'alumni');
    assert.ok((await publicNames()).includes(`Person ${counter}.`));
    assert.deepEqual((await consentHistory(person.id)).map((c) => c.purpose).slice(-2), ['show_profile', 'alumni']);
  });
});

describe('withdraw links in e-mails', () => {
  test('one click withdraws everything without signing in; opening the link alone changes nothing', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await call(cookie, 'PUT', '/v1/me/consent', {
      showProfile: true,
      contact: { granted: true, settings: { channels: ['message'], weeklyCap: 3, pausedUntil: null, bookingUrl: null } },
    });
    const url = new URL(links.withdraw(person.public_id, person.email));
    const opened = await app.request(url.pathname + url.search);
    assert.equal(opened.status, 200);
    // Whose consents: the link may have reached someone else (quoted in a reply, forwarded).
    assert.match(await opened.text(), new RegExp(`consents of Person ${counter}\\., on the Acme Logistics careers site`));
    const french = await app.request(url.pathname + url.search, { headers: { 'Accept-Language': 'fr' } });
    assert.match(await french.text(), new RegExp(`consentements de Person ${counter}\\., sur le site carrières Acme Logistics`));
    const forged = await app.request(`/me/withdraw?person=${person.public_id}&sig=${'A'.repeat(43)}`);
    assert.equal(forged.status, 403);
    assert.doesNotMatch(await forged.text(), /Person/);
    assert.ok((await publicNames()).includes(`Person ${counter}.`));

    const done = await postForm('/me/withdraw', Object.fromEntries(url.searchParams));
    assert.equal(done.status, 200);
    assert.ok(!(await publicNames()).includes(`Person ${counter}.`));
    const history = await consentHistory(person.id);
    assert.deepEqual(
      history
        .slice(-2)
        .map((c) => [c.purpose, c.granted, c.source])
        .sort(),
      [
        ['contact', false, 'email_link'],
        ['show_profile', false, 'email_link'],
      ],
    );
  });

  test('mail clients can post the link itself (RFC 8058), and forged signatures change nothing', async () => {
    const person = await newEmployee();
    await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: 'v0', source: 'me' });
    const other = await newEmployee();
    const forged = new URL(links.withdraw(other.public_id, other.email));
    const refused = await app.request(`/me/withdraw?person=${person.public_id}&sig=${forged.searchParams.get('sig')}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(refused.status, 403);
    assert.ok((await publicNames()).includes(`Person ${counter - 1}.`));

    const url = new URL(links.withdraw(person.public_id, person.email));
    const oneClick = await app.request(url.pathname + url.search, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(oneClick.status, 200);
    assert.ok(!(await publicNames()).includes(`Person ${counter - 1}.`));
  });
});

describe('my data', () => {
  test('export holds the profile and the whole consent history', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true });
    await call(cookie, 'POST', '/v1/me/withdraw');
    const { response, body } = await call(cookie, 'GET', '/v1/me/export');
    assert.match(response.headers.get('content-disposition')!, /attachment/);
    assert.equal(body.person.email, person.email);
    assert.deepEqual(
      body.consents.map((c: { purpose: string; granted: boolean }) => [c.purpose, c.granted]),
      [
        ['show_profile', true],
        ['show_profile', false],
      ],
    );
  });

  test('delete erases the profile, ends the session, keeps only the consent trail', async () => {
    const person = await newEmployee();
    const cookie = await signIn(person.id);
    await call(cookie, 'PUT', '/v1/me/consent', { showProfile: true });
    await app.request('/v1/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: person.email }) });
    await signInLinksMade();
    const before = (await consentHistory(person.id)).length;

    const { response } = await call(cookie, 'DELETE', '/v1/me');
    assert.equal(response.status, 204);
    assert.match(response.headers.get('set-cookie')!, /hw_session=;/);
    assert.equal((await call(cookie, 'GET', '/v1/me')).response.status, 401);
    assert.ok(!(await publicNames()).includes(`Person ${counter}.`));

    const row = await db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    assert.equal(row.full_name, '');
    assert.equal(row.display_name, '');
    assert.notEqual(row.email, person.email);
    assert.ok(row.erased_at);
    const trail = await consentHistory(person.id);
    assert.equal(trail.length, before + 1, 'the withdrawal is recorded, nothing is deleted');
    assert.equal((await db.selectFrom('outbox').select('id').where('to_address', '=', person.email).execute()).length, 0);
    assert.equal((await db.selectFrom('tokens').select('id').where('person_id', '=', person.id).execute()).length, 0);
  });
});

describe('the pages people land on', () => {
  const CAREERS = 'https://careers.bistro.example';
  let bistro: number;
  before(async () => {
    bistro = (await createSite(db, { slug: 'bistro', name: 'Bistro Lune', allowedOrigins: [CAREERS], defaultLang: 'fr' })).id;
  });

  /** Someone on the Bistro Lune site (French by default), with or without a language of their own. */
  async function bistroEmployee(locale: string | null) {
    counter++;
    const email = `person${counter}@bistro.example`;
    const person = await createPerson(db, { siteId: bistro, email, fullName: `Léa Martin${counter}`, displayName: `Léa M${counter}.`, jobTitle: 'Cheffe' });
    await db.updateTable('people').set({ locale }).where('id', '=', person.id).execute();
    return { ...person, email };
  }

  /** What a person sees: the page's language, the site named in its header, its link back, its primary action. */
  async function open(path: string, { acceptLanguage, form }: { acceptLanguage?: string; form?: Record<string, string> } = {}) {
    const headers = { ...ORIGIN, ...(acceptLanguage ? { 'Accept-Language': acceptLanguage } : {}) };
    const response = await app.request(path, form ? { method: 'POST', body: new URLSearchParams(form), headers } : { headers });
    const text = await response.text();
    return {
      status: response.status,
      text,
      ...landingPageParts(text),
    };
  }

  test('a sign-in link opens in the person’s language, else their browser’s, else their site’s', async () => {
    const french = await bistroEmployee('fr');
    const page = await open(`/me/link?token=${await issueToken(db, french.id, 'sign_in')}`, { acceptLanguage: 'en-GB,en;q=0.9' });
    assert.equal(page.status, 200);
    assert.equal(page.lang, 'fr', 'a French employee with an English browser');
    assert.match(page.text, /<h1>Connexion à votre profil Hallway<\/h1>/);
    assert.equal(page.action, 'Continuer vers mon profil');
    assert.deepEqual(page.header, [CAREERS, 'Bistro Lune']);
    assert.deepEqual(page.footerLink, [CAREERS, 'Retour au site carrières Bistro Lune']);

    const unsaid = await bistroEmployee(null);
    const token = await issueToken(db, unsaid.id, 'sign_in');
    assert.equal((await open(`/me/link?token=${token}`, { acceptLanguage: 'en-US,fr;q=0.5' })).lang, 'en', 'the browser’s');
    const siteDefault = await open(`/me/link?token=${token}`);
    assert.equal(siteDefault.lang, 'fr', 'the site’s');
    assert.deepEqual(siteDefault.header, [CAREERS, 'Bistro Lune']);
  });

  test('an expired or used sign-in link says how to get a new one, in the person’s language', async () => {
    const person = await bistroEmployee('fr');
    const expired = await issueToken(db, person.id, 'sign_in', new Date(Date.now() - 31 * 60_000));
    const page = await open('/me/link', { form: { token: expired }, acceptLanguage: 'en' });
    assert.equal(page.status, 410);
    assert.equal(page.lang, 'fr');
    assert.match(page.text, /Ce lien a expiré\. Pour en recevoir un nouveau, ouvrez votre page de profil/);
    assert.deepEqual(page.action, ['/me', 'Recevoir un nouveau lien de connexion']);
    assert.deepEqual(page.header, [CAREERS, 'Bistro Lune']);

    const english = await bistroEmployee('en');
    const token = await issueToken(db, english.id, 'invitation');
    assert.equal((await open('/me/link', { form: { token } })).status, 303);
    const used = await open('/me/link', { form: { token }, acceptLanguage: 'fr' });
    assert.equal(used.lang, 'en');
    assert.match(used.text, /already used\. To get a new one, open your profile page and enter your work e-mail address/);
    assert.deepEqual(used.action, ['/me', 'Get a new sign-in link']);
  });

  test('a made-up link names no site and still leads on, in the browser’s language', async () => {
    const page = await open('/me/link', { form: { token: 'A'.repeat(43) }, acceptLanguage: 'fr-FR' });
    assert.equal(page.status, 410);
    assert.equal(page.lang, 'fr');
    assert.deepEqual(page.header, [undefined, 'Hallway']);
    assert.equal(page.footerLink, undefined, 'no careers site to go back to');
    assert.deepEqual(page.action, ['/me', 'Recevoir un nouveau lien de connexion']);
    const forged = await open('/me/withdraw?person=x&sig=y', { acceptLanguage: 'en' });
    assert.equal(forged.status, 403);
    assert.deepEqual(forged.action, ['/me', 'Go to my profile page']);
  });

  test('withdrawing from a mail: the question and the outcome name the site, in the person’s language', async () => {
    const person = await bistroEmployee('fr-CA');
    const url = new URL(links.withdraw(person.public_id, person.email));
    const asked = await open(`${url.pathname}${url.search}`, { acceptLanguage: 'en' });
    assert.equal(asked.lang, 'fr');
    assert.equal(asked.action, 'Tout retirer');
    assert.match(asked.text, /<p class="lead">Il s’agit des consentements de Léa M\d+\., sur le site carrières Bistro Lune\./);
    assert.deepEqual(asked.header, [CAREERS, 'Bistro Lune']);
    const done = await open('/me/withdraw', { form: Object.fromEntries(url.searchParams), acceptLanguage: 'en' });
    assert.equal(done.lang, 'fr');
    assert.match(done.text, /<h1>C’est fait : vous êtes masqué\(e\)<\/h1>/);
    assert.deepEqual(done.action, ['/me', 'Aller à ma page de profil']);
    assert.deepEqual(done.footerLink, [CAREERS, 'Retour au site carrières Bistro Lune']);
  });

  test('the pages’ stylesheet is served from here and has a dark scheme; the pages carry no inline style or script', async () => {
    const css = await app.request('/me/style.css');
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(await css.text(), /@media \(prefers-color-scheme: dark\)/);
    const person = await bistroEmployee('fr');
    const page = await open(`/me/link?token=${await issueToken(db, person.id, 'sign_in')}`);
    assert.doesNotMatch(page.text, /<style|style=|<script/);
    assert.match(page.text, /<link rel="stylesheet" href="\/me\/style.css">/);
  });

  test('a site’s accent and careers URL: the pages link a stylesheet carrying the colour, made readable, and lead back to the careers URL', async () => {
    const SITE_CAREERS = 'https://bistro.example/carrieres';
    await db.updateTable('sites').set({ accent_color: '#ffe000', careers_url: SITE_CAREERS }).where('id', '=', bistro).execute();
    try {
      const person = await bistroEmployee('fr');
      const url = new URL(links.withdraw(person.public_id, person.email));
      const page = await open(`${url.pathname}${url.search}`);
      assert.match(page.text, /<link rel="stylesheet" href="\/me\/style.css\?accent=ffe000">/);
      assert.doesNotMatch(page.text, /<style|style=/);
      assert.deepEqual(page.header, [SITE_CAREERS, 'Bistro Lune']);
      assert.deepEqual(page.footerLink, [SITE_CAREERS, 'Retour au site carrières Bistro Lune']);

      const css = await app.request('/me/style.css?accent=ffe000');
      assert.equal(css.status, 200);
      const [light, dark] = (await css.text()).split('@media (prefers-color-scheme: dark)').slice(-2).map(accentVars);
      // Too light for white text and for links on white: near-black on the yellow button, links darkened.
      assert.equal(light!['--accent'], '#ffe000');
      assert.equal(light!['--on-accent'], '#0d1117');
      assert.notEqual(light!['--link'], '#ffe000');
      assert.ok(contrast(light!['--link']!, '#ffffff') >= 4.5 && contrast(light!['--link']!, '#f6f6f4') >= 4.5, String(light!['--link']));
      assert.ok(contrast(dark!['--accent']!, dark!['--on-accent']!) >= 4.5);
      assert.ok(contrast(dark!['--link']!, '#161b22') >= 4.5);

      const deep = accentVars((await (await app.request('/me/style.css?accent=8a2f3c')).text()).split('@media (prefers-color-scheme: dark)').at(-2)!);
      assert.deepEqual(deep, { '--accent': '#8a2f3c', '--on-accent': '#ffffff', '--link': '#8a2f3c' });
      for (const forged of ['red', 'ffe000;}body{display:none', 'FFE000', '']) {
        assert.equal((await app.request(`/me/style.css?accent=${encodeURIComponent(forged)}`)).status, 400, forged);
      }
    } finally {
      await db.updateTable('sites').set({ accent_color: null, careers_url: null }).where('id', '=', bistro).execute();
    }
  });
});
