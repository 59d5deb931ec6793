import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { seedDemo } from '../../../demo/seed.js';
import { MyProfile } from '../../sdk/me-schemas.js';
import { TestimonialList, type TestimonialDraft } from '../../sdk/testimonial-schemas.js';
import { ensureAdminKey } from '../admin/keys.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import { main } from '../../cli/main.js';
import { openApiDocument } from '../openapi.js';
import type { Db } from '../store/database.js';
import { createPerson, setStatus } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { signIn } from '../../../tests/support/node/sign-in.js';
import { formatAuthor } from './testimonials.js';

const PUBLIC_URL = 'https://hallway.test';
const ORIGIN = { Origin: PUBLIC_URL };
const KEY = 'testimonials-admin-key-0123456789';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let links: Links;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  links = new Links(PUBLIC_URL, 'test-secret');
  app = createApp({ db, publicUrl: PUBLIC_URL, links });
  await ensureAdminKey(db, KEY);
});
after(() => drop());

let counter = 0;

async function newSite(defaultLang?: 'en' | 'fr') {
  counter++;
  const slug = `site-${counter}`;
  const site = await createSite(db, { slug, name: `Company ${counter}`, ...(defaultLang ? { defaultLang } : {}) });
  return { slug, id: site.id };
}

interface PersonOptions {
  fullName?: string;
  jobTitle?: string;
  team?: string;
  status?: 'employee' | 'left' | 'alumni';
}

async function newPerson(site: { id: number }, options: PersonOptions = {}) {
  counter++;
  const email = `author${counter}@example.test`;
  const person = await createPerson(db, {
    siteId: site.id,
    email,
    fullName: options.fullName ?? `Marie Dupont${counter}`,
    displayName: 'Marie D.',
    jobTitle: options.jobTitle ?? 'Warehouse Operator',
    team: options.team ?? 'Logistics',
    status: options.status ?? 'employee',
  });
  return { ...person, email, cookie: await signIn(app, db, person.id, ORIGIN) };
}

async function me(cookie: string, method: string, path: string, json?: unknown) {
  const response = await app.request(`/v1/me${path}`, {
    method,
    headers: { Cookie: cookie, ...ORIGIN, ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return MyProfile.parse(await response.json());
}

async function admin(method: string, path: string, json?: unknown, key: string | null = KEY) {
  const response = await app.request(`/v1/admin${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function publicList(slug: string, query = '') {
  const response = await app.request(`/v1/sites/${slug}/testimonials${query}`);
  assert.equal(response.status, 200);
  const text = await response.text();
  return { text, headers: response.headers, ...TestimonialList.parse(JSON.parse(text)) };
}

const draft = (overrides: Partial<TestimonialDraft> = {}): TestimonialDraft => ({
  quote: 'The best team I have worked with.',
  roles: ['Warehouse Operator'],
  fromYear: 2018,
  toYear: null,
  currentRole: null,
  nameStyle: 'first_initial',
  publish: true,
  ...overrides,
});

/** The admin id of the person's testimonial. */
async function testimonialId(slug: string, email: string) {
  const { body } = await admin('GET', `/sites/${slug}/testimonials`);
  return (body.items as { id: string; email: string }[]).find((item) => item.email === email)!.id;
}

const mailsTo = (address: string) => db.selectFrom('outbox').select(['template', 'text_body', 'headers']).where('to_address', '=', address).orderBy('id').execute();

const testimonialConsents = (personId: number) =>
  db.selectFrom('consents').select(['granted', 'source']).where('person_id', '=', personId).where('purpose', '=', 'testimonial').orderBy('id').execute();

describe('the name the author chooses', () => {
  test('is published exactly as /v1/me showed it when they chose (not their display name)', async () => {
    const site = await newSite();
    const author = await newPerson(site, { fullName: 'Abigail Turner' });
    await db.updateTable('people').set({ display_name: 'Abigail T.' }).where('id', '=', author.id).execute();
    const shown = (await me(author.cookie, 'GET', '')).testimonialNames;
    assert.deepEqual(shown, { full: 'Abigail Turner', first_initial: 'Abigail T.', initials: 'A. T.' });
    for (const nameStyle of ['full', 'first_initial', 'initials'] as const) {
      await me(author.cookie, 'PUT', '/testimonial', draft({ nameStyle, quote: `Chosen: ${nameStyle}.` }));
      await admin('POST', `/sites/${site.slug}/testimonials/${await testimonialId(site.slug, author.email)}/approve`);
      assert.deepEqual(
        (await publicList(site.slug)).items.map((t) => t.author),
        [shown[nameStyle]],
        nameStyle,
      );
    }
  });
});

describe('moderation', () => {
  test('pending is hidden; approved shows; an edit sends it back; rejected carries the reason; the author is mailed', async () => {
    const site = await newSite();
    const author = await newPerson(site, { fullName: 'Marie Dupont' });

    let profile = await me(author.cookie, 'PUT', '/testimonial', draft());
    assert.equal(profile.testimonial?.status, 'pending');
    assert.equal(profile.testimonial?.published, false);
    assert.equal(profile.testimonial?.publish, true);
    assert.deepEqual(await testimonialConsents(author.id), [{ granted: true, source: 'me' }]);
    assert.equal((await publicList(site.slug)).items.length, 0);

    const pending = await admin('GET', `/sites/${site.slug}/testimonials?status=pending`);
    assert.equal(pending.status, 200);
    assert.equal(pending.body.items.length, 1);
    const item = pending.body.items[0];
    assert.equal(item.author, 'Marie Dupont');
    assert.equal(item.email, author.email);
    assert.equal(item.consent, true);
    assert.equal(item.status, 'pending');

    assert.equal((await admin('POST', `/sites/${site.slug}/testimonials/${item.id}/approve`)).status, 200);
    let list = await publicList(site.slug);
    assert.deepEqual(
      list.items.map((t) => [t.author, t.kind, t.quote]),
      [['Marie D.', 'employee', 'The best team I have worked with.']],
    );
    assert.equal(list.match, 'all');
    profile = await me(author.cookie, 'GET', '');
    assert.equal(profile.testimonial?.published, true);

    // The author changes the style only: still a change of what candidates read, so back to moderation.
    profile = await me(author.cookie, 'PUT', '/testimonial', draft({ nameStyle: 'initials', quote: 'Still the best team.' }));
    assert.equal(profile.testimonial?.status, 'pending');
    assert.equal(profile.testimonial?.published, false);
    assert.equal((await publicList(site.slug)).items.length, 0, 'an edited testimonial disappears until approved again');
    assert.deepEqual(await testimonialConsents(author.id), [{ granted: true, source: 'me' }], 'consent unchanged: no new record');

    await admin('POST', `/sites/${site.slug}/testimonials/${item.id}/approve`, {});
    list = await publicList(site.slug);
    assert.deepEqual(
      list.items.map((t) => t.author),
      ['M. D.'],
    );

    const rejected = await admin('POST', `/sites/${site.slug}/testimonials/${item.id}/reject`, { reason: 'Please leave out the manager’s name.' });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.testimonial.status, 'rejected');
    assert.equal((await publicList(site.slug)).items.length, 0);
    profile = await me(author.cookie, 'GET', '');
    assert.equal(profile.testimonial?.status, 'rejected');
    assert.equal(profile.testimonial?.rejectionReason, 'Please leave out the manager’s name.');

    const mails = await mailsTo(author.email);
    assert.deepEqual(
      mails.map((m) => m.template),
      ['testimonial_approved', 'testimonial_approved', 'testimonial_rejected'],
    );
    assert.match(mails[2]!.text_body, /Please leave out the manager’s name\./);
    for (const mail of mails) {
      assert.ok(mail.text_body.includes(links.withdraw(author.public_id, author.email)), 'every author mail ends with the withdraw link');
      assert.ok(mail.headers['List-Unsubscribe']);
    }

    // Approving again after a rejection mails once; approving what is already approved mails nobody.
    await admin('POST', `/sites/${site.slug}/testimonials/${item.id}/approve`);
    await admin('POST', `/sites/${site.slug}/testimonials/${item.id}/approve`);
    assert.equal((await mailsTo(author.email)).length, 4);
  });

  test('French authors get French mails', async () => {
    const site = await newSite();
    const author = await newPerson(site);
    await db.updateTable('people').set({ locale: 'fr' }).where('id', '=', author.id).execute();
    await me(author.cookie, 'PUT', '/testimonial', draft());
    const id = await testimonialId(site.slug, author.email);
    await admin('POST', `/sites/${site.slug}/testimonials/${id}/reject`, { reason: 'Trop long.' });
    const [mail] = await mailsTo(author.email);
    assert.equal(mail!.template, 'testimonial_rejected');
    assert.match(mail!.text_body, /n’a pas été approuvé en l’état/);
    assert.match(mail!.text_body, /Trop long\./);
    assert.match(mail!.text_body, /Retirer tous mes consentements/);
  });

  test('author names per style', () => {
    assert.equal(formatAuthor('Marie Dupont', 'full'), 'Marie Dupont');
    assert.equal(formatAuthor('Marie Dupont', 'first_initial'), 'Marie D.');
    assert.equal(formatAuthor('Marie Dupont', 'initials'), 'M. D.');
    assert.equal(formatAuthor('élodie de la Caron', 'initials'), 'É. C.');
    assert.equal(formatAuthor('Cher', 'first_initial'), 'Cher');
  });
});

describe('consent', () => {
  async function approvedTestimonial(options: PersonOptions = {}) {
    const site = await newSite();
    const author = await newPerson(site, options);
    await me(author.cookie, 'PUT', '/testimonial', draft());
    const id = await testimonialId(site.slug, author.email);
    await admin('POST', `/sites/${site.slug}/testimonials/${id}/approve`);
    assert.equal((await publicList(site.slug)).items.length, 1);
    return { site, author, id };
  }

  test('deleting it unpublishes at once and records the withdrawal', async () => {
    const { site, author } = await approvedTestimonial();
    const profile = await me(author.cookie, 'DELETE', '/testimonial');
    assert.equal(profile.testimonial, null);
    assert.equal((await publicList(site.slug)).items.length, 0);
    assert.deepEqual(await testimonialConsents(author.id), [
      { granted: true, source: 'me' },
      { granted: false, source: 'me' },
    ]);
  });

  test('withdrawing everything on /me unpublishes at once', async () => {
    const { site, author } = await approvedTestimonial();
    const profile = await me(author.cookie, 'POST', '/withdraw');
    assert.equal(profile.testimonial?.publish, false);
    assert.equal(profile.testimonial?.published, false);
    assert.equal(profile.testimonial?.status, 'approved');
    assert.equal((await publicList(site.slug)).items.length, 0);
  });

  test('the withdraw link of any e-mail unpublishes at once', async () => {
    const { site, author } = await approvedTestimonial();
    const url = new URL(links.withdraw(author.public_id, author.email));
    const done = await app.request('/me/withdraw', { method: 'POST', body: url.searchParams, headers: ORIGIN });
    assert.equal(done.status, 200);
    assert.equal((await publicList(site.slug)).items.length, 0);
    assert.deepEqual((await testimonialConsents(author.id)).at(-1), { granted: false, source: 'email_link' });
  });

  test('publish=false is never public, even approved; agreeing later publishes the approved text as is', async () => {
    const site = await newSite();
    const author = await newPerson(site);
    await me(author.cookie, 'PUT', '/testimonial', draft({ publish: false }));
    assert.deepEqual(await testimonialConsents(author.id), [], 'no decision to record: never granted');
    const id = await testimonialId(site.slug, author.email);
    const approved = await admin('POST', `/sites/${site.slug}/testimonials/${id}/approve`);
    assert.equal(approved.body.testimonial.consent, false);
    assert.equal((await publicList(site.slug)).items.length, 0);
    assert.match((await mailsTo(author.email))[0]!.text_body, /you chose not to publish it/);

    const profile = await me(author.cookie, 'PUT', '/testimonial', draft({ publish: true }));
    assert.equal(profile.testimonial?.status, 'approved', 'the same text needs no second review');
    assert.equal(profile.testimonial?.published, true);
    assert.equal((await publicList(site.slug)).items.length, 1);
  });

  test('someone who left is hidden; alumni show as alumni; erasing deletes the testimonial', async () => {
    const { site, author } = await approvedTestimonial();
    await setStatus(db, author.id, 'left');
    assert.equal((await publicList(site.slug)).items.length, 0);
    assert.equal((await me(author.cookie, 'GET', '')).testimonial?.published, false);
    await setStatus(db, author.id, 'alumni');
    assert.deepEqual(
      (await publicList(site.slug)).items.map((t) => t.kind),
      ['alumni'],
    );

    const erased = await app.request('/v1/me', { method: 'DELETE', headers: { Cookie: author.cookie, ...ORIGIN } });
    assert.equal(erased.status, 204);
    assert.equal((await publicList(site.slug)).items.length, 0);
    assert.equal((await db.selectFrom('testimonials').select('id').where('person_id', '=', author.id).execute()).length, 0);
  });

  test('it does not need the show-profile consent: it is its own purpose', async () => {
    const { author } = await approvedTestimonial();
    const profile = await me(author.cookie, 'GET', '');
    assert.equal(profile.consents.showProfile.granted, false);
    assert.equal(profile.testimonial?.published, true);
  });
});

describe('public list', () => {
  test('job (roles, current role or job title), else team, else all; match says which; newest approval first', async () => {
    const site = await newSite();
    const write = async (options: PersonOptions, overrides: Partial<TestimonialDraft>) => {
      const author = await newPerson(site, options);
      await me(author.cookie, 'PUT', '/testimonial', draft(overrides));
      await admin('POST', `/sites/${site.slug}/testimonials/${await testimonialId(site.slug, author.email)}/approve`);
    };
    await write({ fullName: 'Anna Receptionist', jobTitle: 'Concierge', team: 'Front Office' }, { roles: ['Receptionist'], quote: 'A' });
    await write({ fullName: 'Bruno Chef', jobTitle: 'Head Chef', team: 'Kitchen' }, { roles: ['Commis Chef'], quote: 'B' });
    await write({ fullName: 'Chloe Analyst', jobTitle: 'Revenue Manager', team: 'Sales' }, { roles: ['Night Auditor'], currentRole: 'Data Analyst', quote: 'C' });
    await write({ fullName: 'Dan Porter', jobTitle: 'Réceptionniste', team: 'Front Office' }, { roles: ['Bellboy'], quote: 'D' });

    const quotes = async (query: string) => {
      const list = await publicList(site.slug, query);
      return [list.match, list.items.map((t) => t.quote).join('')];
    };
    assert.deepEqual(await quotes(''), ['all', 'DCBA']);
    assert.deepEqual(await quotes('?job=receptionist'), ['job', 'DA'], 'roles and the job title, accents folded');
    assert.deepEqual(await quotes('?job=Chef'), ['job', 'B']);
    assert.deepEqual(await quotes('?job=Data%20Analyst'), ['job', 'C'], 'the current role');
    assert.deepEqual(await quotes('?job=Astronaut&team=front%20office'), ['team', 'DA']);
    assert.deepEqual(await quotes('?job=Astronaut&team=Space'), ['all', 'DCBA']);
    assert.deepEqual(await quotes('?limit=2'), ['all', 'DC']);

    const bad = await app.request(`/v1/sites/${site.slug}/testimonials?limit=0`);
    assert.equal(bad.status, 400);
    assert.equal((await app.request('/v1/sites/nope/testimonials')).status, 404);
  });

  test('no e-mail, no database id, only the contract fields; cached, CORS, ETag like people', async () => {
    const site = await newSite();
    const author = await newPerson(site, { fullName: 'Zoe Hidden-Surname' });
    await me(author.cookie, 'PUT', '/testimonial', draft({ nameStyle: 'first_initial' }));
    const id = await testimonialId(site.slug, author.email);
    await admin('POST', `/sites/${site.slug}/testimonials/${id}/approve`);
    const { text, items, headers } = await publicList(site.slug);
    assert.ok(!text.includes(author.email));
    assert.ok(!text.includes('Hidden-Surname'), 'the full name is not sent when the author chose another style');
    assert.ok(!text.includes(author.public_id), 'not the person id either');
    const row = await db.selectFrom('testimonials').select(['id', 'public_id']).where('person_id', '=', author.id).executeTakeFirstOrThrow();
    assert.equal(items[0]!.id, row.public_id);
    assert.notEqual(items[0]!.id, String(row.id));
    assert.deepEqual(Object.keys(JSON.parse(text).items[0]).sort(), ['author', 'currentRole', 'fromYear', 'id', 'kind', 'lang', 'quote', 'roles', 'toYear']);
    assert.equal(headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=600');
    assert.equal(headers.get('access-control-allow-origin'), '*');
    const etag = headers.get('etag')!;
    assert.ok(etag);
    const again = await app.request(`/v1/sites/${site.slug}/testimonials`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.ok('/v1/sites/{site}/testimonials' in openApiDocument.paths);
  });

  test("each quote says its language, the author's choice else the site's; `lang` ranks the page's first", async () => {
    const site = await newSite('fr');
    const write = async (quote: string, lang?: string) => {
      const author = await newPerson(site);
      const profile = await me(author.cookie, 'PUT', '/testimonial', draft({ quote, ...(lang ? { lang } : {}) }));
      await admin('POST', `/sites/${site.slug}/testimonials/${await testimonialId(site.slug, author.email)}/approve`);
      return { author, profile };
    };
    const { author, profile } = await write('Une équipe formidable.');
    assert.equal(profile.testimonial?.lang, 'fr', "unchosen: the site's default language");
    await write('Great people.', 'en');
    await write('Kind managers.', 'en-GB');

    const quotes = async (query: string) => (await publicList(site.slug, query)).items.map((t) => `${t.lang} ${t.quote}`);
    assert.deepEqual(await quotes(''), ['en-GB Kind managers.', 'en Great people.', 'fr Une équipe formidable.'], 'newest approval first');
    assert.deepEqual(await quotes('?lang=fr'), ['fr Une équipe formidable.', 'en-GB Kind managers.', 'en Great people.']);
    assert.deepEqual(await quotes('?lang=fr-CA'), await quotes('?lang=fr'), 'the primary subtag counts');
    assert.deepEqual(await quotes('?lang=en'), await quotes(''));
    assert.deepEqual(await quotes('?lang=fr&limit=1'), ['fr Une équipe formidable.'], 'before the limit');
    assert.equal((await app.request(`/v1/sites/${site.slug}/testimonials?lang=French!`)).status, 400);

    // Relabelling is not rewording: the quote stays approved and public.
    let mine = await me(author.cookie, 'PUT', '/testimonial', draft({ quote: 'Une équipe formidable.', lang: 'en' }));
    assert.deepEqual([mine.testimonial?.lang, mine.testimonial?.status, mine.testimonial?.published], ['en', 'approved', true]);
    assert.deepEqual(await quotes('?lang=fr&limit=1'), ['en-GB Kind managers.'], 'the cached answer changed too');
    mine = await me(author.cookie, 'PUT', '/testimonial', draft({ quote: 'Une équipe formidable !' }));
    assert.equal(mine.testimonial?.lang, 'en', 'a draft without `lang` keeps the chosen one');

    const invalid = await app.request('/v1/me/testimonial', {
      method: 'PUT',
      headers: { Cookie: author.cookie, ...ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify(draft({ lang: 'fr"><script>' })),
    });
    assert.equal(invalid.status, 400);
  });
});

describe('admin API', () => {
  test('needs the key; cannot set consent nor text; reasons are 1..500', async () => {
    const site = await newSite();
    const author = await newPerson(site);
    await me(author.cookie, 'PUT', '/testimonial', draft({ publish: false }));
    const id = await testimonialId(site.slug, author.email);
    const base = `/sites/${site.slug}/testimonials`;

    assert.equal((await admin('GET', base, undefined, null)).status, 401);
    assert.equal((await admin('POST', `${base}/${id}/approve`, undefined, null)).status, 401);
    assert.equal((await admin('GET', base, undefined, 'wrong-key-wrong-key-wrong-key')).status, 401);

    const consent = await admin('POST', `${base}/${id}/approve`, { consent: true });
    assert.equal(consent.status, 400);
    assert.equal(consent.body.error.field, 'consent');
    const text = await admin('POST', `${base}/${id}/reject`, { reason: 'x', quote: 'Better words' });
    assert.equal(text.status, 400);
    assert.equal(text.body.error.field, 'quote');
    assert.equal((await admin('POST', `${base}/${id}/reject`, { reason: '  ' })).status, 400);
    assert.equal((await admin('POST', `${base}/${id}/reject`, { reason: 'x'.repeat(501) })).status, 400);
    assert.equal((await admin('POST', `${base}/${id}/reject`)).status, 400);
    assert.equal((await admin('GET', `${base}?status=published`)).status, 400);
    assert.equal((await admin('POST', `${base}/nope/approve`)).status, 404);
    const other = await newSite();
    assert.equal((await admin('POST', `/sites/${other.slug}/testimonials/${id}/approve`)).status, 404, 'ids are per site');

    const approved = await admin('POST', `${base}/${id}/approve`, {});
    assert.equal(approved.body.testimonial.consent, false);
    assert.deepEqual(await testimonialConsents(author.id), [], 'moderation never records consent');
    assert.equal((await publicList(site.slug)).items.length, 0);
  });
});

describe('CLI', () => {
  let server: Server;
  let url: string;
  before(async () => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  async function hallway(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(
      args,
      { HALLWAY_URL: url, HALLWAY_ADMIN_KEY: KEY },
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      },
    );
    return { code, stdout, stderr };
  }

  test('testimonials list [--pending], approve, reject --reason', async () => {
    const site = await newSite();
    const first = await newPerson(site, { fullName: 'Paul Martin' });
    const second = await newPerson(site, { fullName: 'Lucie Bernard' });
    await me(first.cookie, 'PUT', '/testimonial', draft({ quote: 'Great place to learn.' }));
    await me(second.cookie, 'PUT', '/testimonial', draft({ quote: 'Kind people.' }));
    const firstId = await testimonialId(site.slug, first.email);
    const secondId = await testimonialId(site.slug, second.email);

    let run = await hallway('testimonials', 'list', '--site', site.slug, '--pending');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /ID\s+AUTHOR\s+E-MAIL\s+STATUS\s+PUBLISH/);
    assert.match(run.stdout, /Paul Martin/);
    assert.match(run.stdout, /2 testimonials\n$/);

    run = await hallway('testimonials', 'approve', firstId, '--site', site.slug);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Approved the testimonial of Paul Martin \(candidates see it now\)/);

    run = await hallway('testimonials', 'reject', secondId, '--site', site.slug);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /needs --reason/);
    run = await hallway('testimonials', 'reject', secondId, '--site', site.slug, '--reason', 'Please remove the client name.');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Rejected the testimonial of Lucie Bernard/);

    run = await hallway('testimonials', 'list', '--site', site.slug, '--pending');
    assert.match(run.stdout, /0 testimonials\n$/);
    run = await hallway('testimonials', 'list', '--site', site.slug);
    assert.match(run.stdout, /approved/);
    assert.match(run.stdout, /rejected/);
    assert.equal((await publicList(site.slug)).items.length, 1);

    run = await hallway('testimonials', 'approve', 'nope', '--site', site.slug);
    assert.equal(run.code, 1);
    assert.match((await hallway('help')).stdout, /testimonials reject <id> --site <slug> --reason/);
  });
});

describe('demo seed', () => {
  test('3 public testimonials (2 alumni, 1 employee) and 1 pending', async () => {
    await seedDemo(db);
    const list = await publicList('beaumont', '?limit=50');
    assert.deepEqual(
      list.items.map((t) => [t.author, t.kind, t.lang]),
      [
        ['James Porter', 'alumni', 'en'],
        ['Nathalie R.', 'alumni', 'fr'],
        ['Tomasz N.', 'employee', 'en'],
      ],
    );
    assert.equal((await publicList('beaumont', '?lang=fr')).items[0]!.author, 'Nathalie R.', 'a French page reads the French quote first');
    assert.ok(!list.text.includes('HIDDEN-CANARY'));
    const pending = await admin('GET', '/sites/beaumont/testimonials?status=pending');
    assert.equal(pending.body.items.length, 1);
    assert.equal(pending.body.items[0].consent, true);
    const receptionists = await publicList('beaumont', '?job=R%C3%A9ceptionniste');
    assert.equal(receptionists.match, 'job');
  });
});
