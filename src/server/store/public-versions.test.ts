import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { siteReader } from '../site.js';
import type { Db } from './database.js';
import { createPerson, newPublicId, recordConsent, setStatus } from './people.js';
import { createSite } from './sites.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';

let db: Db;
let drop: () => Promise<void>;
before(async () => ({ db, drop } = await openTestDatabase()));
after(() => drop());

/** A site's public version; none yet is 0, as the site reader reads it. */
const version = async (siteId: number) =>
  Number((await db.selectFrom('public_versions').select('version').where('site_id', '=', siteId).executeTakeFirst())?.version ?? 0);

/** listed_groups as kept by the triggers, and as counted from people: they must agree. */
async function titleCounts(siteId: number) {
  const kept = await db
    .selectFrom('listed_groups')
    .select(['job_title_key', 'team_key', 'location_key', 'people'])
    .where('site_id', '=', siteId)
    .where('people', '>', 0)
    .orderBy(['job_title_key', 'team_key', 'location_key'])
    .execute();
  const counted = await db
    .selectFrom('people')
    .select([
      'job_title_key',
      sql<string>`coalesce(team_key, '')`.as('team_key'),
      sql<string>`coalesce(location_key, '')`.as('location_key'),
      sql<number>`count(*)::integer`.as('people'),
    ])
    .where('site_id', '=', siteId)
    .where('listed', '=', true)
    .groupBy(['job_title_key', 'team_key', 'location_key'])
    .orderBy(['job_title_key', 'team_key', 'location_key'])
    .execute();
  const keptLanguages = await db
    .selectFrom('listed_languages')
    .select(['job_title_key', 'language', 'people'])
    .where('site_id', '=', siteId)
    .where('people', '>', 0)
    .orderBy(['job_title_key', 'language'])
    .execute();
  const { rows: countedLanguages } = await sql<{ job_title_key: string; language: string; people: number }>`
    select job_title_key, language, count(*)::integer as people
    from people, lateral (select distinct unnest(languages) as language) l
    where site_id = ${siteId} and listed group by 1, 2 order by 1, 2`.execute(db);
  return { kept: { groups: kept, languages: keptLanguages }, counted: { groups: counted, languages: countedLanguages } };
}

async function insertPeople(siteId: number, count: number, title: (i: number) => string) {
  return db
    .insertInto('people')
    .values(
      Array.from({ length: count }, (_, i) => ({
        public_id: newPublicId(),
        site_id: siteId,
        email: `p${i}-${siteId}@example.com`,
        full_name: `Person ${i}`,
        display_name: `Person ${i}`,
        job_title: title(i),
        languages: [],
        status: 'employee' as const,
      })),
    )
    .returning('id')
    .execute();
}

test('a statement writing many rows bumps its site’s version once, and only its site’s', async () => {
  const site = await createSite(db, { slug: 'many', name: 'Many' });
  const other = await createSite(db, { slug: 'other', name: 'Other' });
  const [before, otherBefore] = [await version(site.id), await version(other.id)];
  const ids = await insertPeople(site.id, 500, (i) => (i % 2 ? 'Chef' : 'Waiter'));
  assert.equal(await version(site.id), before + 1);

  const consents = ids.map(({ id }) => ({ person_id: id, purpose: 'show_profile' as const, granted: true, text_version: 'v1', source: 'demo' as const }));
  await db.insertInto('consents').values(consents).execute();
  // The consents' statement, and the one update of people it makes: two bumps for 500 people.
  assert.equal(await version(site.id), before + 3);
  assert.equal(await version(other.id), otherBefore, 'another site’s cached lists stay valid');

  const { kept, counted } = await titleCounts(site.id);
  assert.deepEqual(kept, counted);
  assert.deepEqual(counted.groups, [
    { job_title_key: 'chef', team_key: '', location_key: '', people: 250 },
    { job_title_key: 'waiter', team_key: '', location_key: '', people: 250 },
  ]);
});

test('every kind of write moves the version a request reads next, and title counts follow', async () => {
  const site = await createSite(db, { slug: 'writes', name: 'Writes' });
  const reader = siteReader(db);
  const read = async () => (await reader.read('writes'))!.publicVersion;
  const person = await createPerson(db, { siteId: site.id, email: 'a@example.com', fullName: 'Ana B', displayName: 'Ana B.', jobTitle: 'Chef' });
  const seen = new Set([await read()]);
  const wrote = async (what: string) => {
    const now = await read();
    assert.ok(!seen.has(now), `${what} shows on the next request`);
    seen.add(now);
    const { kept, counted } = await titleCounts(site.id);
    assert.deepEqual(kept, counted, `title counts after ${what}`);
  };

  await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: 'v1', source: 'me' });
  await wrote('an opt-in');
  await db.updateTable('people').set({ job_title: 'Sous Chef' }).where('id', '=', person.id).execute();
  await wrote('a new job title');
  await db.updateTable('people').set({ team: 'Cuisine', location: 'Léon' }).where('id', '=', person.id).execute();
  await wrote('a team and a location');
  await db.updateTable('people').set({ team: 'Pâtisserie', location: null }).where('id', '=', person.id).execute();
  await wrote('a new team, no location');
  await db
    .updateTable('people')
    .set({ languages: ['fr', 'en', 'fr'] })
    .where('id', '=', person.id)
    .execute();
  await wrote('languages');
  await db
    .updateTable('people')
    .set({ languages: ['de'] })
    .where('id', '=', person.id)
    .execute();
  await wrote('other languages');
  await db
    .insertInto('photos')
    .values({ person_id: person.id, content_type: 'image/webp', data: Buffer.from('x'), version: 'v1' })
    .execute();
  await wrote('a photo');
  await db.updateTable('photos').set({ version: 'v2' }).where('person_id', '=', person.id).execute();
  await wrote('a new photo');
  await db.deleteFrom('photos').where('person_id', '=', person.id).execute();
  await wrote('a photo removed');
  await setStatus(db, person.id, 'left');
  await wrote('leaving');
  await setStatus(db, person.id, 'employee');
  await wrote('coming back');
  await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: false, textVersion: 'v1', source: 'me' });
  await wrote('a withdrawal');
  const listed = await db.selectFrom('people').select('listed').where('id', '=', person.id).executeTakeFirstOrThrow();
  assert.equal(listed.listed, false);
});

test('in one statement, the newest decision per person decides who is listed', async () => {
  const site = await createSite(db, { slug: 'decisions', name: 'Decisions' });
  const [a, b] = await insertPeople(site.id, 2, () => 'Concierge');
  const decision = (person_id: number, granted: boolean) => ({ person_id, purpose: 'show_profile' as const, granted, text_version: 'v1', source: 'demo' as const });
  await db
    .insertInto('consents')
    .values([decision(a!.id, true), decision(a!.id, false), decision(b!.id, false), decision(b!.id, true)])
    .execute();
  const rows = await db.selectFrom('people').select(['id', 'listed']).where('site_id', '=', site.id).orderBy('id').execute();
  assert.deepEqual(
    rows.map((row) => row.listed),
    [false, true],
  );
  assert.deepEqual((await titleCounts(site.id)).kept.groups, [{ job_title_key: 'concierge', team_key: '', location_key: '', people: 1 }]);
});

test('the order version moves with who is listed and what orders them, not with a card’s content', async () => {
  const site = await createSite(db, { slug: 'order', name: 'Order' });
  const person = await createPerson(db, { siteId: site.id, email: 'o@example.com', fullName: 'Olga P', displayName: 'Olga P.', jobTitle: 'Chef' });
  const versions = async () => {
    const row = await db.selectFrom('public_versions').select(['version', 'order_version']).where('site_id', '=', site.id).executeTakeFirstOrThrow();
    return [Number(row.version), Number(row.order_version)] as const;
  };
  const moves = async (write: () => Promise<unknown>) => {
    const [version, order] = await versions();
    await write();
    const [after, orderAfter] = await versions();
    assert.ok(after > version, 'every write moves the version');
    return orderAfter > order;
  };
  const set = (values: Record<string, unknown>) => () => db.updateTable('people').set(values).where('id', '=', person.id).execute();
  assert.equal(await moves(() => recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: 'v1', source: 'me' })), true);
  assert.equal(await moves(set({ bio: 'Hello' })), false);
  assert.equal(await moves(set({ paused_until: new Date() })), false);
  assert.equal(
    await moves(() => recordConsent(db, { personId: person.id, purpose: 'contact', granted: true, textVersion: 'v1', source: 'me', details: { channels: ['message'] } })),
    false,
  );
  for (const values of [{ display_name: 'Olga Q.' }, { job_title: 'Sous Chef' }, { team: 'Kitchen' }, { location: 'Lyon' }, { languages: ['fr'] }]) {
    assert.equal(await moves(set(values)), true, Object.keys(values).join());
  }
  assert.equal(await moves(() => setStatus(db, person.id, 'left')), true, 'no longer listed');
});
