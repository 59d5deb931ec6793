import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { PeopleList, PublicPerson } from '../sdk/schemas.js';
import { createApp } from './app.js';
import { Links } from './auth/links.js';
import type { Db } from './store/database.js';
import { createPerson, recordConsent, setStatus, type NewPersonInput } from './store/people.js';
import { createSite } from './store/sites.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';

const PUBLIC_URL = 'https://hallway.example.com';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const ids: Record<string, { id: number; public_id: string }> = {};
const emails: string[] = [];

async function addPerson(key: string, person: Omit<NewPersonInput, 'siteId' | 'email' | 'fullName'>, siteId: number) {
  const email = `${key.toLowerCase()}@acme.example`;
  emails.push(email);
  ids[key] = await createPerson(db, { ...person, siteId, email, fullName: `${key} Fullname-${key}` });
  return ids[key]!;
}

const consent = (key: string, granted: boolean, purpose: 'show_profile' | 'contact' = 'show_profile', details?: Record<string, unknown>) =>
  recordConsent(db, { personId: ids[key]!.id, purpose, granted, textVersion: 'v1', source: 'me', ...(details ? { details } : {}) });

async function getJson(path: string, headers?: Record<string, string>) {
  const response = await app.request(path, { headers });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json');
  return { response, text, body: isJson ? JSON.parse(text) : undefined };
}

async function list(query = '') {
  const { response, body, text } = await getJson(`/v1/sites/acme/people${query}`);
  assert.equal(response.status, 200, text);
  return PeopleList.parse(body);
}

const forgedCursor = (offset: number) => Buffer.from(JSON.stringify([offset, 'all'])).toString('base64url');

const names = (people: { displayName: string }[]) => people.map((p) => p.displayName);

before(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret') });
  const site = await createSite(db, { slug: 'acme', name: 'Acme Logistics' });
  const other = await createSite(db, { slug: 'other', name: 'Other' });
  const s = site.id;
  await addPerson('Ana', { displayName: 'Ana L.', jobTitle: 'Logistics Manager', team: 'Logistics', location: 'London', languages: ['en'] }, s);
  await addPerson('Bruno', { displayName: 'Bruno M.', jobTitle: 'Logistics Manager', team: 'Logistics', location: 'Paris', languages: ['fr', 'en'] }, s);
  await addPerson('Chloe', { displayName: 'Chloé R.', jobTitle: "Responsable d'entrepôt", team: 'Logistics', location: 'Lyon', languages: ['fr'] }, s);
  await addPerson('Dev', { displayName: 'Dev K.', jobTitle: 'Software Engineer', team: 'Tech', location: 'London', languages: ['en'] }, s);
  await addPerson('Jo', { displayName: 'Jo P.', jobTitle: 'Logistic Manager', team: 'Logistics', location: 'Lyon', languages: ['en'] }, s);
  await addPerson('Ivy', { displayName: 'Ivy A.', jobTitle: 'Warehouse Operator', team: 'Logistics', location: 'Paris', languages: ['en'], status: 'alumni' }, s);
  // Never to be shown: no consent at all, a withdrawn consent, someone who left, someone of another site.
  await addPerson('Eve', { displayName: 'Eve N.', jobTitle: 'Logistics Manager', team: 'Logistics', location: 'London' }, s);
  await addPerson('Fay', { displayName: 'Fay W.', jobTitle: 'Logistics Manager', team: 'Logistics', location: 'London' }, s);
  await addPerson('Gus', { displayName: 'Gus L.', jobTitle: 'Logistics Manager', team: 'Logistics', location: 'London', status: 'left' }, s);
  await addPerson('Oz', { displayName: 'Oz O.', jobTitle: 'Logistics Manager', team: 'Logistics', location: 'London' }, other.id);
  for (const key of ['Ana', 'Bruno', 'Chloe', 'Dev', 'Jo', 'Ivy', 'Gus', 'Oz']) await consent(key, true);
  await consent('Fay', true);
  await consent('Fay', false);
  await consent('Ana', true, 'contact', { channels: ['message', 'booking'] });
});

after(() => drop());

describe('matching', () => {
  test('people in the job come first, the closest title first, with accents and case folded', async () => {
    const result = await list('?job=Logistics%20Manager');
    assert.equal(result.match, 'job');
    assert.deepEqual(names(result.items), ['Ana L.', 'Bruno M.', 'Jo P.']);
    assert.deepEqual(names((await list('?job=LOGISTICS%20manager')).items), ['Ana L.', 'Bruno M.', 'Jo P.']);
    const french = await list(`?job=${encodeURIComponent('RESPONSABLE D’ENTREPOT')}`);
    assert.deepEqual([french.match, ...names(french.items)], ['job', 'Chloé R.']);
  });

  test('among equally close titles, the asked team, location and language come first', async () => {
    assert.deepEqual(names((await list('?job=Logistics%20Manager&location=paris')).items), ['Bruno M.', 'Ana L.', 'Jo P.']);
    assert.deepEqual(names((await list('?job=Logistics%20Manager&lang=fr-CA')).items), ['Bruno M.', 'Ana L.', 'Jo P.']);
  });

  test('without anyone in the job it falls back to the team, then the location, then everyone', async () => {
    const team = await list('?job=Astronaut&team=logistics&location=London');
    assert.equal(team.match, 'team');
    assert.deepEqual(names(team.items), ['Ana L.', 'Bruno M.', 'Chloé R.', 'Ivy A.', 'Jo P.']);
    const location = await list('?job=Astronaut&team=Space&location=LONDON');
    assert.deepEqual([location.match, ...names(location.items)], ['location', 'Ana L.', 'Dev K.']);
    const everyone = await list('?job=Astronaut');
    assert.equal(everyone.match, 'all');
    assert.deepEqual(names(everyone.items), ['Ana L.', 'Bruno M.', 'Chloé R.', 'Dev K.', 'Ivy A.', 'Jo P.']);
  });

  test('the order is the same on every request and cursors walk through it once', async () => {
    const first = await list('?team=Logistics&limit=2');
    const second = await list(`?team=Logistics&limit=2&cursor=${first.nextCursor}`);
    const third = await list(`?team=Logistics&limit=2&cursor=${second.nextCursor}`);
    assert.equal(third.nextCursor, null);
    const walked = [...first.items, ...second.items, ...third.items].map((p) => p.displayName);
    assert.deepEqual(walked, names((await list('?team=Logistics')).items));
    assert.equal(new Set(walked).size, 5);
  });
});

describe('consent', () => {
  test('only people whose latest "show my profile" decision is a grant, and who still work there or are alumni', async () => {
    const everyone = names((await list('?limit=50')).items);
    for (const hidden of ['Eve N.', 'Fay W.', 'Gus L.', 'Oz O.']) assert.ok(!everyone.includes(hidden), hidden);
    const ivy = (await list('?job=Warehouse%20Operator')).items[0]!;
    assert.equal(ivy.kind, 'alumni');
  });

  test('a withdrawal hides the person on the next request; a new grant shows them again', async () => {
    await consent('Dev', false);
    assert.ok(!names((await list()).items).includes('Dev K.'));
    const { response } = await getJson(`/v1/sites/acme/people/${ids.Dev!.public_id}`);
    assert.equal(response.status, 404);
    await consent('Dev', true);
    assert.ok(names((await list()).items).includes('Dev K.'));
  });

  test('a write made anywhere else (another instance, a script) shows on the next request despite the cache', async () => {
    const before = names((await list('?job=Software%20Engineer')).items);
    assert.ok(before.includes('Dev K.'));
    await sql`insert into consents (person_id, purpose, granted, text_version, source) values (${ids.Dev!.id}, 'show_profile', false, 'v1', 'me')`.execute(db);
    assert.ok(!names((await list('?job=Software%20Engineer')).items).includes('Dev K.'));
    await sql`update people set display_name = 'Devi K.' where id = ${ids.Dev!.id}`.execute(db);
    await consent('Dev', true);
    assert.ok(names((await list('?job=Software%20Engineer')).items).includes('Devi K.'));
    await sql`update people set display_name = 'Dev K.' where id = ${ids.Dev!.id}`.execute(db);
  });

  test('leaving the company hides the person at once', async () => {
    await setStatus(db, ids.Jo!.id, 'left');
    assert.ok(!names((await list()).items).includes('Jo P.'));
    await setStatus(db, ids.Jo!.id, 'employee');
  });

  test('contact channels come from the latest contact consent', async () => {
    const ana = (await list('?job=Logistics%20Manager')).items.find((p) => p.displayName === 'Ana L.')!;
    assert.deepEqual(ana.channels, ['message', 'booking']);
    const bruno = (await list('?job=Logistics%20Manager')).items.find((p) => p.displayName === 'Bruno M.')!;
    assert.deepEqual(bruno.channels, []);
  });

  test('a new job title matches at once and the old one no longer; a person who left counts for no title', async () => {
    const siteId = (await db.selectFrom('sites').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id;
    const tess = await addPerson('Tess', { displayName: 'Tess H.', jobTitle: 'Lighthouse Keeper', team: 'Coast' }, siteId);
    await consent('Tess', true);
    const titles = () => db.selectFrom('listed_titles').select(['job_title_key', 'people']).where('site_id', '=', siteId).where('people', '>', 0).execute();
    assert.equal((await list('?job=Lighthouse%20Keeper')).match, 'job');

    await sql`update people set job_title = 'Harbour Pilot' where id = ${tess.id}`.execute(db);
    assert.equal((await list('?job=Lighthouse%20Keeper')).match, 'all');
    assert.deepEqual(names((await list('?job=Harbour%20Pilot')).items), ['Tess H.']);

    await setStatus(db, tess.id, 'left');
    assert.equal((await list('?job=Harbour%20Pilot')).match, 'all');
    assert.ok(!(await titles()).some((title) => title.job_title_key === 'harbour pilot'));
    await setStatus(db, tess.id, 'employee');
    await consent('Tess', false);
    assert.ok(!(await titles()).some((title) => title.job_title_key === 'harbour pilot'));
    // Every count equals the listed people who have that title.
    const counted = await sql<{ job_title_key: string; people: number }>`
      select job_title_key, count(*)::int as people from people where site_id = ${siteId} and listed group by job_title_key order by 1`.execute(db);
    assert.deepEqual(
      (await titles()).sort((a, b) => (a.job_title_key < b.job_title_key ? -1 : 1)),
      counted.rows,
    );
  });

  test('consent records are append-only', async () => {
    await assert.rejects(sql`update consents set granted = true`.execute(db), /append-only/);
    await assert.rejects(sql`delete from consents`.execute(db), /append-only/);
  });
});

describe('privacy', () => {
  test('public responses hold the public fields only: no e-mail, full name or internal id', async () => {
    const responses = [
      await getJson('/v1/sites/acme/people?limit=50'),
      await getJson(`/v1/sites/acme/people/${ids.Ana!.public_id}`),
      await getJson(`/v1/sites/acme/people/${ids.Ana!.public_id}/avatar.svg`),
      await getJson('/v1/openapi.json'),
    ].map((r) => r.text);
    const internalIds = Object.values(ids).map((p) => `"id":${p.id}`);
    for (const text of responses) {
      for (const email of emails) assert.ok(!text.includes(email), `leaks ${email}`);
      assert.ok(!/Fullname-/.test(text), 'leaks a full name');
      for (const internalId of internalIds) assert.ok(!text.includes(internalId), `leaks ${internalId}`);
    }
    const person = (await list()).items[0]!;
    // What a person shares only if they choose to: their reply time and their path here.
    const shared = ['replyDays', 'path'];
    assert.deepEqual(
      Object.keys(person).sort(),
      Object.keys(PublicPerson.def.shape)
        .filter((key) => !shared.includes(key))
        .sort(),
    );
  });

  test('avatars are served for listed people only, as inert SVG', async () => {
    const ana = await app.request(`/v1/sites/acme/people/${ids.Ana!.public_id}/avatar.svg`);
    assert.equal(ana.status, 200);
    assert.match(ana.headers.get('content-type')!, /^image\/svg\+xml/);
    assert.match(ana.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.match(await ana.text(), /<svg[^>]*>[\s\S]*AL[\s\S]*<\/svg>/);
    assert.equal((await app.request(`/v1/sites/acme/people/${ids.Eve!.public_id}/avatar.svg`)).status, 404);
  });

  test('photo URLs are absolute on the public URL', async () => {
    const person = (await list()).items[0]!;
    assert.equal(person.photoUrl, `${PUBLIC_URL}/v1/sites/acme/people/${person.id}/avatar.svg`);
  });
});

describe('HTTP', () => {
  test("the site answers any page which origins may send questions (this server's included), cacheable, revalidated", async () => {
    await db
      .updateTable('sites')
      .set({ allowed_origins: ['https://careers.acme.example'] })
      .where('slug', '=', 'acme')
      .execute();
    const { response, body } = await getJson('/v1/sites/acme');
    assert.deepEqual(body, {
      slug: 'acme',
      name: 'Acme Logistics',
      contactOrigins: ['https://careers.acme.example', 'https://hallway.example.com'],
      langs: ['en', 'fr'],
      defaultLang: 'en',
    });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=600');
    const again = await app.request('/v1/sites/acme', { headers: { 'If-None-Match': response.headers.get('etag')! } });
    assert.equal(again.status, 304);
    const unknown = await app.request('/v1/sites/nope');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'site_not_found');
  });

  test('public reads may be cached a minute, fetched from any origin and revalidated with an ETag', async () => {
    const { response } = await getJson('/v1/sites/acme/people?job=Logistics%20Manager');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=600');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const etag = response.headers.get('etag')!;
    assert.ok(etag);
    const again = await app.request('/v1/sites/acme/people?job=Logistics%20Manager', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');

    await consent('Bruno', false);
    const changed = await app.request('/v1/sites/acme/people?job=Logistics%20Manager', { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    await consent('Bruno', true);
  });

  test('lists come gzipped to clients that accept it, with the same ETag, and the same bytes once unzipped', async () => {
    const path = '/v1/sites/acme/people?job=Logistics%20Manager';
    const plain = await app.request(path);
    const zipped = await app.request(path, { headers: { 'Accept-Encoding': 'br;q=1, gzip;q=0.8' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
    assert.equal(zipped.headers.get('etag'), plain.headers.get('etag'));
    assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString(), await plain.text());
    const refused = await app.request(path, { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } });
    assert.equal(refused.headers.get('content-encoding'), null);
  });

  test('any origin may read: preflights pass, and errors carry the CORS header too', async () => {
    const preflight = await app.request('/v1/sites/acme/people', {
      method: 'OPTIONS',
      headers: { Origin: 'https://careers.example', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const missing = await app.request('/v1/sites/nowhere/people', { headers: { Origin: 'https://careers.example' } });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
    const { response } = await getJson('/v1/sites/acme/people?limit=0');
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  test('an If-None-Match list or * revalidates as well', async () => {
    const path = '/v1/sites/acme/testimonials';
    const etag = (await app.request(path)).headers.get('etag')!;
    assert.equal((await app.request(path, { headers: { 'If-None-Match': `"other", ${etag.replace('W/', '')}` } })).status, 304);
    assert.equal((await app.request(path, { headers: { 'If-None-Match': '*' } })).status, 304);
    assert.equal((await app.request(path, { headers: { 'If-None-Match': '"other"' } })).status, 200);
  });

  test('errors have a stable code, a message, and name the bad field', async () => {
    const cases: [string, number, string, string?][] = [
      ['/v1/sites/nope/people', 404, 'site_not_found'],
      ['/v1/sites/nope/people/x', 404, 'site_not_found'],
      ['/v1/sites/acme/people/unknown-id', 404, 'person_not_found'],
      [`/v1/sites/acme/people/${ids.Eve!.public_id}`, 404, 'person_not_found'],
      ['/v1/sites/acme/people?limit=0', 400, 'invalid_query', 'limit'],
      ['/v1/sites/acme/people?limit=abc', 400, 'invalid_query', 'limit'],
      ['/v1/sites/acme/people?limit=51', 400, 'invalid_query', 'limit'],
      ['/v1/sites/acme/people?lang=%3Cscript%3E', 400, 'invalid_query', 'lang'],
      [`/v1/sites/acme/people?job=${'x'.repeat(201)}`, 400, 'invalid_query', 'job'],
      ['/v1/sites/acme/people?cursor=not-a-cursor', 400, 'invalid_query', 'cursor'],
      // Forged offsets past what SQL takes (once a 500 and a logged SQL error).
      [`/v1/sites/acme/people?cursor=${forgedCursor(1e21)}`, 400, 'invalid_query', 'cursor'],
      [`/v1/sites/acme/people?cursor=${forgedCursor(2 ** 63)}`, 400, 'invalid_query', 'cursor'],
      [`/v1/sites/acme/people?cursor=${forgedCursor(1_000_001)}`, 400, 'invalid_query', 'cursor'],
      ['/v1/nothing-here', 404, 'not_found'],
    ];
    for (const [path, status, code, field] of cases) {
      const { response, body } = await getJson(path);
      assert.equal(response.status, status, path);
      assert.equal(body.error.code, code, path);
      assert.equal(typeof body.error.message, 'string');
      assert.ok(body.error.message.length > 10, path);
      if (field) assert.equal(body.error.field, field, path);
      if (path.startsWith('/v1/sites/')) assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
    }
  });

  test('one person by id', async () => {
    const { response, body } = await getJson(`/v1/sites/acme/people/${ids.Chloe!.public_id}`);
    assert.equal(response.status, 200);
    assert.equal(PublicPerson.parse(body).displayName, 'Chloé R.');
    assert.equal((await app.request(`/v1/sites/other/people/${ids.Chloe!.public_id}`)).status, 404);
  });

  test('the OpenAPI document describes the people routes with the contract schemas', async () => {
    const { body } = await getJson('/v1/openapi.json');
    assert.equal(body.openapi, '3.1.0');
    assert.ok(body.paths['/v1/sites/{site}/people'].get);
    assert.deepEqual(Object.keys(body.components.schemas.PublicPerson.properties).sort(), Object.keys(PublicPerson.def.shape).sort());
    const limit = body.paths['/v1/sites/{site}/people'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    assert.equal(limit.schema.maximum, 50);
  });

  test('health check', async () => {
    assert.deepEqual((await getJson('/healthz')).body, { status: 'ok' });
  });
});
