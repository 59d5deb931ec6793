import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { Links } from '../auth/links.js';
import { consumeToken, hashToken, issueToken } from '../auth/tokens.js';
import { listPublicPeople } from '../public-people.js';
import type { Db } from '../store/database.js';
import { recordConsent } from '../store/people.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { INVITE_COOLDOWN_MS, invitePerson } from './invitations.js';
import { ensureAdminKey } from './keys.js';
import { adminRoutes } from './routes.js';

const KEY = 'test-admin-key-0123456789abcdef';
const links = new Links('https://hallway.test', 'secret');

let db: Db;
let drop: () => Promise<void>;
let app: Hono;

interface CallOptions {
  json?: unknown;
  csv?: string;
  raw?: { type: string; body: string };
  key?: string | null;
  authorization?: string;
}

async function call(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers.Authorization = options.authorization ?? `Bearer ${key}`;
  let body: string | undefined;
  if (options.json !== undefined) [headers['Content-Type'], body] = ['application/json', JSON.stringify(options.json)];
  if (options.csv !== undefined) [headers['Content-Type'], body] = ['text/csv', options.csv];
  if (options.raw) [headers['Content-Type'], body] = [options.raw.type, options.raw.body];
  const response = await app.request(`/v1/admin${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: json };
}

const csv = (...lines: string[]) => lines.join('\n') + '\n';
const HEADER = 'email,full_name,job_title,team,location,languages,external_id,status';

const allConsents = () => db.selectFrom('consents').selectAll().orderBy('id').execute();
let consentsAfterSetup: Awaited<ReturnType<typeof allConsents>>;

/** The only consent records of this file: written directly, as the employee's own /me action would. */
async function grantDirectly(personId: number, purpose: 'show_profile' | 'contact' = 'show_profile') {
  await recordConsent(db, { personId, purpose, granted: true, textVersion: 'v1', source: 'me' });
  consentsAfterSetup = await allConsents();
}

const person = (siteSlug: string, email: string) =>
  db
    .selectFrom('people')
    .innerJoin('sites', 'sites.id', 'people.site_id')
    .selectAll('people')
    .where('sites.slug', '=', siteSlug)
    .where('people.email', '=', email)
    .executeTakeFirstOrThrow();

const site = (slug: string) => db.selectFrom('sites').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

const countPeople = async () =>
  Number(
    (
      await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, KEY);
  app = new Hono();
  app.route('/v1/admin', adminRoutes({ db, links }));
  consentsAfterSetup = await allConsents();
});

after(() => drop());

describe('admin key', () => {
  const routes: [string, string][] = [
    ['GET', '/sites'],
    ['POST', '/sites'],
    ['PATCH', '/sites/acme'],
    ['GET', '/sites/acme/people'],
    ['POST', '/sites/acme/people/import'],
    ['POST', '/sites/acme/invitations'],
    ['POST', '/sites/acme/people/someone/status'],
    ['GET', '/sites/nowhere/people'],
  ];

  test('every route answers 401 without a key, with a wrong key or another scheme, and says nothing more', async () => {
    const attempts: CallOptions[] = [{ key: null }, { key: 'wrong-key-0123456789' }, { authorization: `Basic ${KEY}` }, { authorization: 'Bearer' }];
    for (const [method, path] of routes) {
      for (const attempt of attempts) {
        const { status, body, headers } = await call(method, path, method === 'GET' ? attempt : { ...attempt, json: { slug: 'x' } });
        assert.equal(status, 401, `${method} ${path}`);
        assert.deepEqual(body, { error: { code: 'unauthorized', message: 'An admin key or a workspace session is required.' } });
        assert.equal(headers.get('WWW-Authenticate'), 'Bearer');
      }
    }
  });

  test('without HALLWAY_ADMIN_KEY a key is made once, stored only as its SHA-256; the env key then replaces it', async () => {
    const fresh = await openTestDatabase();
    try {
      const { created } = await ensureAdminKey(fresh.db);
      assert.match(created!, /^hw_admin_[\w-]{43}$/);
      assert.deepEqual(await ensureAdminKey(fresh.db), {});
      const stored = await fresh.db.selectFrom('admin_keys').select('key_hash').execute();
      assert.deepEqual(stored, [{ key_hash: hashToken(created!) }]);

      const freshApp = new Hono().route('/v1/admin', adminRoutes({ db: fresh.db, links }));
      const get = (key: string) => freshApp.request('/v1/admin/sites', { headers: { Authorization: `Bearer ${key}` } });
      assert.equal((await get(created!)).status, 200);
      await ensureAdminKey(fresh.db, KEY);
      assert.equal((await get(KEY)).status, 200);
      assert.equal((await get(created!)).status, 401);
      await assert.rejects(ensureAdminKey(fresh.db, 'short'), /at least 16/);
    } finally {
      await fresh.drop();
    }
  });
});

describe('sites', () => {
  test('create, list, update; a taken slug is a conflict', async () => {
    const created = await call('POST', '/sites', {
      json: { slug: 'acme', name: 'Acme', allowedOrigins: ['https://careers.acme.example', 'http://localhost:8080'] },
    });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(
      { ...created.body, createdAt: undefined },
      {
        slug: 'acme',
        name: 'Acme',
        allowedOrigins: ['https://careers.acme.example', 'http://localhost:8080'],
        defaultLang: 'en',
        consentTextVersion: '2026-11',
        accentColor: null,
        careersUrl: null,
        scimInviteAfterDays: null,
        scimInviteAlumni: false,
        createdAt: undefined,
        holdLinks: false,
        holdPhones: false,
        heldWords: [],
        answerWindowDays: 5,
        timeZone: 'Europe/Paris',
        langs: ['en', 'fr'],
        themeRadius: null,
        themeFont: null,
        themeSurface: null,
        themeText: null,
      },
    );
    assert.equal((await call('POST', '/sites', { json: { slug: 'other', name: 'Other', defaultLang: 'fr' } })).status, 201);

    const taken = await call('POST', '/sites', { json: { slug: 'acme', name: 'Again' } });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'conflict');

    const updated = await call('PATCH', '/sites/acme', { json: { name: 'Acme Logistics', defaultLang: 'fr', consentTextVersion: '2027-01' } });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.name, 'Acme Logistics');
    assert.equal(updated.body.defaultLang, 'fr');
    assert.deepEqual(updated.body.allowedOrigins, ['https://careers.acme.example', 'http://localhost:8080']);
    assert.equal((await call('PATCH', '/sites/acme', { json: { defaultLang: 'en' } })).body.defaultLang, 'en');

    assert.equal((await call('PATCH', '/sites/acme', { json: { slug: 'other' } })).status, 409);
    const missing = await call('PATCH', '/sites/nowhere', { json: { name: 'X' } });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'site_not_found');

    const listed = await call('GET', '/sites');
    assert.deepEqual(
      listed.body.items.map((s: { slug: string }) => s.slug),
      ['acme', 'other'],
    );
  });

  test('bad bodies are 400 invalid_body naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ slug: 'A', name: 'x' }, 'slug'],
      [{ slug: 'good-slug', name: '' }, 'name'],
      [{ slug: 'good-slug', name: 'x', allowedOrigins: ['https://careers.example.com/jobs'] }, 'allowedOrigins.0'],
      [{ slug: 'good-slug', name: 'x', allowedOrigins: ['https://ok.example', 'http://careers.example.com'] }, 'allowedOrigins.1'],
      [{ slug: 'good-slug', name: 'x', defaultLang: 'de' }, 'defaultLang'],
      [{ slug: 'good-slug', name: 'x', consent: true }, 'consent'],
      [{ slug: 'good-slug', name: 'x', accentColor: 'red' }, 'accentColor'],
      [{ slug: 'good-slug', name: 'x', accentColor: '#12345' }, 'accentColor'],
      [{ slug: 'good-slug', name: 'x', careersUrl: 'http://careers.example.com/jobs' }, 'careersUrl'],
      [{ slug: 'good-slug', name: 'x', careersUrl: 'javascript:alert(1)' }, 'careersUrl'],
      [{ slug: 'good-slug', name: 'x', careersUrl: '/jobs' }, 'careersUrl'],
    ];
    for (const [json, field] of cases) {
      const { status, body } = await call('POST', '/sites', { json });
      assert.equal(status, 400, JSON.stringify(json));
      assert.equal(body.error.code, 'invalid_body');
      assert.equal(body.error.field, field);
    }
    const notJson = await call('POST', '/sites', { raw: { type: 'application/json', body: '{oops' } });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error.code, 'invalid_body');
  });
});

describe('site brand', () => {
  test('accent colour and careers URL: set on create, normalised, changed, cleared with null, kept when not given', async () => {
    const created = await call('POST', '/sites', {
      json: { slug: 'brand', name: 'Brand', accentColor: '#8A2F3C', careersUrl: 'https://careers.brand.example/jobs?lang=en' },
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.accentColor, '#8a2f3c');
    assert.equal(created.body.careersUrl, 'https://careers.brand.example/jobs?lang=en');
    const stored = await site('brand');
    assert.deepEqual([stored.accent_color, stored.careers_url], ['#8a2f3c', 'https://careers.brand.example/jobs?lang=en']);

    const short = await call('PATCH', '/sites/brand', { json: { accentColor: '#FE0', careersUrl: 'http://localhost:8080/careers' } });
    assert.equal(short.status, 200, short.text);
    assert.deepEqual([short.body.accentColor, short.body.careersUrl], ['#ffee00', 'http://localhost:8080/careers']);
    assert.equal((await call('PATCH', '/sites/brand', { json: { name: 'Brand Co' } })).body.accentColor, '#ffee00');

    const cleared = await call('PATCH', '/sites/brand', { json: { accentColor: null, careersUrl: null } });
    assert.deepEqual([cleared.body.accentColor, cleared.body.careersUrl], [null, null]);
    const row = await site('brand');
    assert.deepEqual([row.accent_color, row.careers_url], [null, null]);
  });
});

describe('people import', () => {
  test('CSV: creates people with a default display name, a public id and no consent', async () => {
    const { status, body, text } = await call('POST', '/sites/acme/people/import', {
      csv: csv(
        HEADER,
        'Marie.Dupont@Acme.example,Marie Dupont,Logistics Manager,Logistics,Paris,fr;en,E1,employee',
        'bob@acme.example,Bob Smith,Driver,Logistics,London,en|fr,,',
        'chloe@acme.example,Chloé van der Berg,Software Engineer,Tech,Lyon,fr en,E3,employee',
      ),
    });
    assert.equal(status, 200, text);
    assert.deepEqual(body, { created: 3, updated: 0, unchanged: 0, total: 3, emailChanged: 0 });

    const marie = await person('acme', 'marie.dupont@acme.example');
    assert.equal(marie.display_name, 'Marie D.');
    assert.deepEqual(marie.languages, ['fr', 'en']);
    assert.equal(marie.status, 'employee');
    assert.equal(marie.external_id, 'E1');
    assert.match(marie.public_id, /^[\w-]{16}$/);
    assert.equal((await person('acme', 'chloe@acme.example')).display_name, 'Chloé B.');
    assert.equal((await person('acme', 'bob@acme.example')).external_id, null);
    assert.deepEqual(await allConsents(), consentsAfterSetup);
  });

  test('the same file again changes nothing', async () => {
    const { body } = await call('POST', '/sites/acme/people/import', {
      csv: csv(
        HEADER,
        'marie.dupont@acme.example,Marie Dupont,Logistics Manager,Logistics,Paris,fr;en,E1,employee',
        'bob@acme.example,Bob Smith,Driver,Logistics,London,en;fr,,',
        'chloe@acme.example,Chloé van der Berg,Software Engineer,Tech,Lyon,fr;en,E3,employee',
      ),
    });
    assert.deepEqual(body, { created: 0, updated: 0, unchanged: 3, total: 3, emailChanged: 0 });
  });

  test('upserts by external id, then by e-mail; HR fields change, what the employee wrote stays', async () => {
    // Marie edits her own profile on /me.
    await db.updateTable('people').set({ display_name: 'Marie', bio: 'Ask me about night shifts.' }).where('external_id', '=', 'E1').execute();
    const marieBefore = await person('acme', 'marie.dupont@acme.example');

    const { body, text } = await call('POST', '/sites/acme/people/import', {
      csv: csv(
        HEADER,
        // New e-mail, same external id: the same person.
        'marie.martin@acme.example,Marie Martin,Head of Logistics,Operations,Lyon,fr,E1,employee',
        // Known by e-mail, gets the external id HR now has.
        'bob@acme.example,Bob Smith,Senior Driver,Logistics,London,en;fr,E2,employee',
        'chloe@acme.example,Chloé van der Berg,Software Engineer,Tech,Lyon,fr;en,E3,employee',
        'dan@acme.example,Dan Brown,Driver,Logistics,London,en,E4,',
      ),
    });
    assert.deepEqual(body, { created: 1, updated: 2, unchanged: 1, total: 4, emailChanged: 1 }, text);

    const marie = await person('acme', 'marie.martin@acme.example');
    assert.equal(marie.id, marieBefore.id);
    assert.equal(marie.public_id, marieBefore.public_id);
    assert.deepEqual(
      [marie.full_name, marie.job_title, marie.team, marie.location, marie.languages],
      ['Marie Martin', 'Head of Logistics', 'Operations', 'Lyon', ['fr']],
    );
    assert.equal(marie.display_name, 'Marie');
    assert.equal(marie.bio, 'Ask me about night shifts.');
    const bob = await person('acme', 'bob@acme.example');
    assert.deepEqual([bob.external_id, bob.job_title], ['E2', 'Senior Driver']);
  });

  test('a new e-mail for an external id revokes every link (withdraw links too) and session of that person, and the report says so', async () => {
    await call('POST', '/sites', { json: { slug: 'moves', name: 'Moves' } });
    const imported = (rows: string[]) => call('POST', '/sites/moves/people/import', { csv: csv(HEADER, ...rows) });
    await imported(['kim@moves.example,Kim Lee,Cook,,,,M1,employee', 'sam@moves.example,Sam Roe,Cook,,,,M2,employee']);
    const [kim, sam] = [await person('moves', 'kim@moves.example'), await person('moves', 'sam@moves.example')];
    const magicLinks = async (personId: number) => [
      await issueToken(db, personId, 'invitation'),
      await issueToken(db, personId, 'sign_in'),
      await issueToken(db, personId, 'alumni_invitation'),
    ];
    const kimLinks = await magicLinks(kim.id);
    const samLinks = await magicLinks(sam.id);
    for (const id of [kim.id, sam.id]) {
      await db
        .insertInto('sessions')
        .values({ token_hash: `session-of-${id}`, person_id: id, expires_at: new Date(Date.now() + 3600_000) })
        .execute();
    }

    // Kim's address now belongs to someone else; Sam's row is unchanged.
    const { body } = await imported(['kim.lee@moves.example,Kim Lee,Cook,,,,M1,employee', 'sam@moves.example,Sam Roe,Head Cook,,,,M2,employee']);
    assert.deepEqual(body, { created: 0, updated: 2, unchanged: 0, total: 2, emailChanged: 1 });
    for (const token of kimLinks) await assert.rejects(consumeToken(db, token), { code: 'token_invalid' });
    assert.ok(
      !links.verifyWithdraw(kim.public_id, 'kim.lee@moves.example', new URL(links.withdraw(kim.public_id, kim.email)).searchParams.get('sig')!),
      'the old withdraw link too',
    );
    assert.ok(links.verifyWithdraw(sam.public_id, sam.email, new URL(links.withdraw(sam.public_id, sam.email)).searchParams.get('sig')!));
    const sessions = await db.selectFrom('sessions').select('person_id').where('person_id', 'in', [kim.id, sam.id]).execute();
    assert.deepEqual(
      sessions.map((s) => s.person_id),
      [sam.id],
    );
    assert.equal((await consumeToken(db, samLinks[0]!)).personId, sam.id, "Sam's links still work");
  });

  test('a column the file does not have is left as it is', async () => {
    const { body } = await call('POST', '/sites/acme/people/import', {
      csv: csv('email,full_name,job_title', 'bob@acme.example,Bob Smith,Senior Driver'),
    });
    assert.deepEqual(body, { created: 0, updated: 0, unchanged: 1, total: 1, emailChanged: 0 });
    const bob = await person('acme', 'bob@acme.example');
    assert.deepEqual([bob.team, bob.location, bob.languages], ['Logistics', 'London', ['en', 'fr']]);
  });

  test('a file with bad rows is refused whole, with each problem at its line', async () => {
    const before = await db.selectFrom('people').selectAll().orderBy('id').execute();
    const { status, body } = await call('POST', '/sites/acme/people/import', {
      csv: csv(
        HEADER,
        'new1@acme.example,New One,Driver,Logistics,London,en,N1,employee',
        'not-an-email,Someone,Driver,,,,,',
        '',
        'new2@acme.example,,Driver,,,,,',
        'new3@acme.example,New Three,Driver,,,,N3,alumni',
        'NEW1@acme.example,New Again,Driver,,,,,',
        'new4@acme.example,New Four,Driver,,,english!,N1,',
        'bob@acme.example,Bob Smith,Senior Driver,,,,E1,',
      ),
    });
    assert.equal(status, 422);
    assert.equal(body.error.code, 'invalid_import');
    assert.deepEqual(body.error.problems, [
      { line: 3, field: 'email', code: 'invalid_email', reason: 'not an e-mail address' },
      { line: 5, field: 'full_name', code: 'required', reason: 'required' },
      { line: 6, field: 'status', code: 'invalid_status', params: { value: 'alumni' }, reason: 'unknown status "alumni" (employee or left)' },
      { line: 7, field: 'email', code: 'same_email_as_line', params: { other: 2 }, reason: 'same e-mail as line 2' },
      { line: 8, field: 'languages', code: 'invalid_languages', params: { values: 'english!' }, reason: 'not a language code: english! (e.g. fr;en)' },
      { line: 8, field: 'external_id', code: 'same_external_id_as_line', params: { other: 2 }, reason: 'same external id as line 2' },
    ]);
    assert.deepEqual(await db.selectFrom('people').selectAll().orderBy('id').execute(), before);

    // Valid rows that contradict the database are refused the same way.
    const clash = await call('POST', '/sites/acme/people/import', {
      csv: csv(HEADER, 'new1@acme.example,New One,Driver,,,,,', 'bob@acme.example,Bob Smith,Driver,,,,E1,'),
    });
    assert.equal(clash.status, 422);
    assert.deepEqual(clash.body.error.problems, [
      { line: 3, field: 'email', code: 'email_of_another_person', reason: 'already the e-mail of another person than this external id' },
    ]);
    assert.deepEqual(await db.selectFrom('people').selectAll().orderBy('id').execute(), before);
  });

  test('line numbers follow the file: BOM, CRLF, blank lines, ";" separators and quoted line breaks', async () => {
    const file = '\uFEFFemail;full_name;job_title\r\n\r\na@acme.example;"Ann\r\nLee";Driver\r\nbad;Bad;Driver\r\n';
    const { status, body } = await call('POST', '/sites/other/people/import', { csv: file });
    assert.equal(status, 422);
    assert.deepEqual(body.error.problems, [{ line: 5, field: 'email', code: 'invalid_email', reason: 'not an e-mail address' }]);
  });

  test('a quote left open is refused at the line where its row passes 16 KB, and nothing is imported', async () => {
    const before = await db.selectFrom('people').selectAll().orderBy('id').execute();
    const file = csv('email,full_name,job_title', 'a@acme.example,Ann Lee,Driver', 'b@acme.example,"Bob,Driver', ...Array(9_000).fill('c@acme.example,Cy,Driver'));
    const { status, body } = await call('POST', '/sites/other/people/import', { csv: file });
    assert.equal(status, 422);
    assert.equal(body.error.code, 'invalid_import');
    const [problem] = body.error.problems;
    assert.equal(problem.field, 'row');
    assert.match(problem.reason, /longer than 16 KB.*quote left open/);
    assert.ok(problem.line > 3 && problem.line < 9_000, `line ${problem.line}: past the opening quote, before the file's end`);
    assert.deepEqual(await db.selectFrom('people').selectAll().orderBy('id').execute(), before);
  });

  test('a missing required column is named; an unknown column (say, consent) is refused', async () => {
    const missing = await call('POST', '/sites/acme/people/import', { csv: csv('email,full_name,team', 'x@acme.example,X Y,Tech') });
    assert.equal(missing.status, 422);
    assert.match(missing.body.error.message, /"job_title" column/);
    assert.deepEqual(missing.body.error.problems, [{ line: 1, field: 'job_title', code: 'missing_column', reason: 'missing required column' }]);

    const consent = await call('POST', '/sites/acme/people/import', {
      csv: csv('email,full_name,job_title,show_profile', 'x@acme.example,X Y,Driver,true'),
    });
    assert.equal(consent.status, 422);
    assert.equal(consent.body.error.problems[0].field, 'show_profile');
    assert.equal(consent.body.error.problems[0].line, 1);
  });

  test('JSON: an array of objects with the CSV column names', async () => {
    const { status, body, text } = await call('POST', '/sites/other/people/import', {
      json: [
        { email: 'lea@other.example', full_name: 'Léa Moreau', job_title: 'Réceptionniste', languages: ['fr', 'en'], external_id: 101 },
        { email: 'tom@other.example', full_name: 'Tom', job_title: 'Chef', team: null, status: 'left' },
      ],
    });
    assert.equal(status, 200, text);
    assert.deepEqual(body, { created: 2, updated: 0, unchanged: 0, total: 2, emailChanged: 0 });
    const lea = await person('other', 'lea@other.example');
    assert.deepEqual([lea.display_name, lea.external_id, lea.languages], ['Léa M.', '101', ['fr', 'en']]);
    assert.equal((await person('other', 'tom@other.example')).display_name, 'Tom');

    const rejected = await call('POST', '/sites/other/people/import', {
      json: [{ email: 'lea@other.example', full_name: 'Léa Moreau', job_title: 'Réceptionniste', showProfile: true, consent: 'yes' }],
    });
    assert.equal(rejected.status, 422);
    assert.deepEqual(
      rejected.body.error.problems.map((p: { line: number; field: string }) => [p.line, p.field]),
      [
        [1, 'showProfile'],
        [1, 'consent'],
      ],
    );
    assert.equal((await call('POST', '/sites/other/people/import', { json: { email: 'x' } })).status, 422);
  });

  test('other content types are 415, more than 10 MB is 413, an unknown site 404', async () => {
    const text = await call('POST', '/sites/acme/people/import', { raw: { type: 'text/plain', body: 'x' } });
    assert.equal(text.status, 415);
    assert.equal(text.body.error.code, 'unsupported_media_type');
    const big = await call('POST', '/sites/acme/people/import', { csv: HEADER + '\n' + 'x'.repeat(10 * 1024 * 1024) });
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'payload_too_large');
    const nowhere = await call('POST', '/sites/nowhere/people/import', { csv: HEADER });
    assert.equal(nowhere.status, 404);
    assert.equal(nowhere.body.error.code, 'site_not_found');
  });

  test('10,000 rows import in batches', async () => {
    assert.equal((await call('POST', '/sites', { json: { slug: 'big', name: 'Big' } })).status, 201);
    const file = (title: (i: number) => string) =>
      csv(HEADER, ...Array.from({ length: 10_000 }, (_, i) => `p${i}@big.example,Person${i} Surname${i},${title(i)},Team ${i % 10},City ${i % 7},fr;en,B${i},employee`));
    let started = performance.now();
    const first = await call('POST', '/sites/big/people/import', { csv: file((i) => `Job ${i % 50}`) });
    console.log(`# 10,000-row import (all new): ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(first.body, { created: 10_000, updated: 0, unchanged: 0, total: 10_000, emailChanged: 0 });

    started = performance.now();
    const second = await call('POST', '/sites/big/people/import', { csv: file((i) => (i % 2 ? `Senior Job ${i % 50}` : `Job ${i % 50}`)) });
    console.log(`# 10,000-row import (half updated): ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(second.body, { created: 0, updated: 5_000, unchanged: 5_000, total: 10_000, emailChanged: 0 });
    assert.equal((await person('big', 'p9999@big.example')).job_title, 'Senior Job 49');
  });
});

describe('people list', () => {
  test('the admin view: e-mails, HR fields and the consent state, filtered and paged', async () => {
    const bob = await person('acme', 'bob@acme.example');
    await grantDirectly(bob.id);
    const all = await call('GET', '/sites/acme/people');
    assert.equal(all.status, 200);
    const listedBob = all.body.items.find((p: { email: string }) => p.email === 'bob@acme.example');
    assert.deepEqual(listedBob, {
      id: bob.public_id,
      externalId: 'E2',
      email: 'bob@acme.example',
      fullName: 'Bob Smith',
      displayName: 'Bob S.',
      jobTitle: 'Senior Driver',
      team: 'Logistics',
      location: 'London',
      languages: ['en', 'fr'],
      status: 'employee',
      invitedAt: null,
      showProfile: true,
      contact: false,
    });
    assert.ok(all.body.items.filter((p: { email: string }) => p.email !== 'bob@acme.example').every((p: { showProfile: boolean }) => !p.showProfile));

    const left = await call('GET', '/sites/other/people?status=left');
    assert.deepEqual(
      left.body.items.map((p: { email: string }) => p.email),
      ['tom@other.example'],
    );

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Awaited<ReturnType<typeof call>> = await call('GET', `/sites/acme/people?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((p: { email: string }) => p.email));
      cursor = page.body.nextCursor;
    }
    assert.deepEqual(
      seen,
      all.body.items.map((p: { email: string }) => p.email),
    );

    const bad = await call('GET', '/sites/acme/people?status=alumnus');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_query');

    // Past the largest id SQL's integer holds: once a 500 and a logged SQL error.
    for (const forged of ['2147483648', '9999999999']) {
      const answer = await call('GET', `/sites/acme/people?cursor=${forged}`);
      assert.equal(answer.status, 400, forged);
      assert.equal(answer.body.error.code, 'invalid_query');
      assert.equal(answer.body.error.field, 'cursor');
    }
    assert.equal((await call('GET', '/sites/acme/people?cursor=2147483647')).status, 200);
  });
});

describe('invitations', () => {
  const outboxTo = (address: string) => db.selectFrom('outbox').selectAll().where('to_address', '=', address).orderBy('id').execute();

  test('one person: a token (only its hash stored) in a sign-in link, a mail in the outbox, invited_at set', async () => {
    const { status, body } = await call('POST', '/sites/acme/invitations', { json: { person: 'CHLOE@acme.example' } });
    assert.equal(status, 202);
    assert.deepEqual(body, { invited: 1 });

    const chloe = await person('acme', 'chloe@acme.example');
    assert.ok(chloe.invited_at);
    const [mail, ...more] = await outboxTo('chloe@acme.example');
    assert.equal(more.length, 0);
    assert.equal(mail!.template, 'invitation');
    assert.equal(mail!.status, 'pending');
    const token = decodeURIComponent(/https:\/\/hallway\.test\/me\/link\?token=([\w%-]+)/.exec(mail!.text_body)![1]!);
    const tokens = await db.selectFrom('tokens').selectAll().where('person_id', '=', chloe.id).execute();
    assert.deepEqual(
      tokens.map((t) => [t.token_hash, t.purpose]),
      [[hashToken(token), 'invitation']],
    );
    assert.ok(!JSON.stringify(tokens).includes(token), 'the raw token is not stored');
    assert.ok(mail!.text_body.includes(links.withdraw(chloe.public_id, chloe.email)));
  });

  test('again within 24 hours: 409 invite_cooldown with the time it is allowed again', async () => {
    const chloe = await person('acme', 'chloe@acme.example');
    const again = await call('POST', '/sites/acme/invitations', { json: { person: chloe.public_id } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'invite_cooldown');
    assert.equal(again.body.error.allowedAt, new Date(chloe.invited_at!.getTime() + INVITE_COOLDOWN_MS).toISOString());
    assert.equal((await outboxTo('chloe@acme.example')).length, 1);

    const later = new Date(chloe.invited_at!.getTime() + INVITE_COOLDOWN_MS);
    assert.deepEqual(await invitePerson(db, links, await site('acme'), chloe, later), { invited: true });
    assert.equal((await outboxTo('chloe@acme.example')).length, 2);
  });

  test('all: every employee never invited; the invited and those who left are skipped', async () => {
    await call('POST', '/sites/acme/people/bob@acme.example/status', { json: { status: 'left' } });
    const { status, body } = await call('POST', '/sites/acme/invitations', { json: { all: true } });
    assert.equal(status, 202);
    // marie.martin and dan are invited; chloe (invited) and bob (left) are not.
    assert.deepEqual(body, { invited: 2, skipped: 2 });
    assert.equal((await outboxTo('marie.martin@acme.example')).length, 1);
    assert.equal((await outboxTo('dan@acme.example')).length, 1);
    assert.equal((await outboxTo('bob@acme.example')).length, 0);
    assert.deepEqual((await call('POST', '/sites/acme/invitations', { json: { all: true } })).body, { invited: 0, skipped: 4 });
    await call('POST', '/sites/acme/people/bob@acme.example/status', { json: { status: 'employee' } });
  });

  test('French sites and people get French mail', async () => {
    await call('POST', '/sites/other/people/import', {
      json: [{ email: 'zoe@other.example', full_name: 'Zoé Petit', job_title: 'Chef' }],
    });
    await call('POST', '/sites/other/invitations', { json: { person: 'zoe@other.example' } });
    assert.equal((await outboxTo('zoe@other.example'))[0]!.locale, 'fr');
  });

  test('refused: someone who left, an unknown person, a body with both or neither', async () => {
    const left = await call('POST', '/sites/other/invitations', { json: { person: 'tom@other.example' } });
    assert.equal(left.status, 409);
    assert.equal(left.body.error.code, 'conflict');
    const unknown = await call('POST', '/sites/acme/invitations', { json: { person: 'nobody@acme.example' } });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'person_not_found');
    for (const json of [{}, { all: true, person: 'E1' }, { all: false }]) {
      const bad = await call('POST', '/sites/acme/invitations', { json });
      assert.equal(bad.status, 400, JSON.stringify(json));
      assert.equal(bad.body.error.code, 'invalid_body');
    }
  });
});

describe('status', () => {
  const publicNames = async () => (await listPublicPeople(db, await site('acme'), { limit: 50 }, 'https://hallway.test')).items.map((p) => p.displayName);

  test('leaving hides the person from the public list at once', async () => {
    const dan = await person('acme', 'dan@acme.example');
    await grantDirectly(dan.id);
    assert.ok((await publicNames()).includes('Dan B.'));

    const { status, body } = await call('POST', '/sites/acme/people/E4/status', { json: { status: 'left' } });
    assert.equal(status, 200);
    assert.equal(body.person.status, 'left');
    assert.equal(body.person.id, dan.public_id);
    assert.equal(body.alumniInvited, false);
    assert.ok(!(await publicNames()).includes('Dan B.'));
  });

  test('with inviteAlumni: an alumni invitation token and mail, but the person stays "left"', async () => {
    const marie = await person('acme', 'marie.martin@acme.example');
    const { status, body } = await call('POST', `/sites/acme/people/${marie.public_id}/status`, { json: { status: 'left', inviteAlumni: true } });
    assert.equal(status, 200);
    assert.equal(body.alumniInvited, true);
    assert.equal(body.person.status, 'left');
    const tokens = await db.selectFrom('tokens').select('purpose').where('person_id', '=', marie.id).orderBy('id').execute();
    assert.deepEqual(
      tokens.map((t) => t.purpose),
      ['invitation', 'alumni_invitation'],
    );
    const mails = await db.selectFrom('outbox').select('template').where('to_address', '=', 'marie.martin@acme.example').orderBy('id').execute();
    assert.deepEqual(
      mails.map((m) => m.template),
      ['invitation', 'alumni_invitation'],
    );
  });

  test('admins cannot make anyone alumni, nor slip consent into the body', async () => {
    const cases: [unknown, string][] = [
      [{ status: 'alumni' }, 'status'],
      [{ status: 'employee', inviteAlumni: true }, 'inviteAlumni'],
      [{ status: 'employee', showProfile: true }, 'showProfile'],
      [{ status: 'employee', consent: { show_profile: true } }, 'consent'],
    ];
    for (const [json, field] of cases) {
      const { status, body } = await call('POST', '/sites/acme/people/E2/status', { json });
      assert.equal(status, 400, JSON.stringify(json));
      assert.equal(body.error.code, 'invalid_body');
      assert.equal(body.error.field, field);
    }
    assert.equal((await person('acme', 'bob@acme.example')).status, 'employee');
    assert.equal((await call('POST', '/sites/acme/people/nobody/status', { json: { status: 'left' } })).status, 404);
  });

  test('"left" in an import hides at once too, and never takes alumni back', async () => {
    const bob = await person('acme', 'bob@acme.example');
    assert.ok((await publicNames()).includes('Bob S.'));
    const { body } = await call('POST', '/sites/acme/people/import', { csv: csv(HEADER, 'bob@acme.example,Bob Smith,Senior Driver,Logistics,London,en;fr,E2,left') });
    assert.equal(body.updated, 1);
    assert.ok(!(await publicNames()).includes('Bob S.'));

    await db.updateTable('people').set({ status: 'alumni' }).where('id', '=', bob.id).execute(); // as if Bob accepted on /me
    const again = await call('POST', '/sites/acme/people/import', { csv: csv(HEADER, 'bob@acme.example,Bob Smith,Senior Driver,Logistics,London,en;fr,E2,left') });
    assert.deepEqual(again.body, { created: 0, updated: 0, unchanged: 1, total: 1, emailChanged: 0 });
    assert.equal((await person('acme', 'bob@acme.example')).status, 'alumni');
  });
});

test('no admin route ever wrote a consent record', async () => {
  assert.ok(consentsAfterSetup.length >= 2, 'the test did record consents of its own');
  assert.deepEqual(await allConsents(), consentsAfterSetup);
  assert.equal((await countPeople()) > 10_000, true);
});
