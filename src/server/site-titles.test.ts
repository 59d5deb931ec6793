import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { listPublicPeople } from './public-people.js';
import { siteReader } from './site.js';
import { foldAll, siteTitles } from './site-titles.js';
import type { Db } from './store/database.js';
import { createPerson, recordConsent } from './store/people.js';
import { createSite } from './store/sites.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';

let db: Db;
let drop: () => Promise<void>;
before(async () => ({ db, drop } = await openTestDatabase()));
after(() => drop());

async function listedPerson(siteId: number, n: number, fields: { jobTitle: string; team?: string; location?: string; languages?: string[] }) {
  const person = await createPerson(db, { siteId, email: `p${n}@example.com`, fullName: `Person ${n}`, displayName: `Person ${n}.`, ...fields });
  await recordConsent(db, { personId: person.id, purpose: 'show_profile', granted: true, textVersion: 'v1', source: 'me' });
  return person;
}

test('folded here as the database folds: ASCII without asking it, anything else by it', async () => {
  const values = ['Front Desk Agent', 'VP, People & Culture (EMEA) #1 ~/_', 'Réceptionniste', 'Œnologue à Zürich', 'ﬁnance', undefined] as const;
  const folded = await foldAll(db, values);
  const { rows } = await sql<{
    folded: string | null;
  }>`select hw_fold(v) as folded from unnest(${values.map((v) => v ?? null)}::text[]) with ordinality t(v, n) order by n`.execute(db);
  assert.deepEqual(
    folded,
    rows.map((row) => row.folded ?? undefined),
  );
  // Every printable ASCII character, which the shortcut lowers without the database.
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const [mine] = await foldAll(db, [ascii]);
  const { rows: theirs } = await sql<{ folded: string }>`select hw_fold(${ascii}) as folded`.execute(db);
  assert.equal(mine, theirs[0]!.folded);
});

test('a site’s titles are read once per order version, and again when the order moves', async () => {
  const site = await createSite(db, { slug: 'kept', name: 'Kept' });
  const reader = siteReader(db);
  const version = async () => (await reader.read('kept'))!.publicVersion;
  const ana = await listedPerson(site.id, 1, { jobTitle: 'Head Chef', team: 'Kitchen', location: 'Lyon' });

  const first = await version();
  const titles = await siteTitles(db, site.id, first);
  assert.deepEqual([...titles.people], [['head chef', 1]]);
  assert.deepEqual([...titles.byTeam.get('kitchen')!], [['head chef', 1]]);
  assert.equal(await siteTitles(db, site.id, first), titles, 'kept for the same version');

  // A card-only write moves the version, not its order part: the titles are kept.
  await db.updateTable('people').set({ bio: 'Hello' }).where('id', '=', ana.id).execute();
  const afterBio = await version();
  assert.notEqual(afterBio, first);
  assert.equal(await siteTitles(db, site.id, afterBio), titles);

  // A new team moves the order: read again, and the next list sees it.
  await db.updateTable('people').set({ team: 'Pâtisserie' }).where('id', '=', ana.id).execute();
  const afterTeam = await version();
  const again = await siteTitles(db, site.id, afterTeam);
  assert.notEqual(again, titles);
  assert.deepEqual([...again.byTeam.keys()], ['patisserie']);
  const list = await listPublicPeople(db, site, { job: 'Astronaut', team: 'Pâtisserie' }, 'https://hallway.test', afterTeam);
  assert.equal(list.match, 'team');
  assert.deepEqual(
    list.items.map((person) => person.displayName),
    ['Person 1.'],
  );
});

test('a fallback lists every person of the team, page after page, and of the location', async () => {
  const site = await createSite(db, { slug: 'fallbacks', name: 'Fallbacks' });
  // Many people outside the team, ranked as close to the job as its own few.
  for (let n = 0; n < 30; n++) await listedPerson(site.id, 100 + n, { jobTitle: `Physicist ${n % 3}`, team: 'Science', location: 'Paris' });
  for (let n = 0; n < 5; n++) await listedPerson(site.id, 200 + n, { jobTitle: `Gardener ${n}`, team: 'Grounds', location: n < 2 ? 'Paris' : undefined });
  const { publicVersion } = (await siteReader(db).read('fallbacks'))!;
  const list = (query: object) => listPublicPeople(db, site, { job: 'Astronaut', limit: 2, ...query }, 'https://hallway.test', publicVersion);

  const names: string[] = [];
  let page = await list({ team: 'grounds' });
  assert.equal(page.match, 'team');
  for (;;) {
    names.push(...page.items.map((person) => person.displayName));
    if (!page.nextCursor) break;
    page = await list({ team: 'grounds', cursor: page.nextCursor });
  }
  assert.deepEqual(names.sort(), ['Person 200.', 'Person 201.', 'Person 202.', 'Person 203.', 'Person 204.']);

  const inParis = await list({ team: 'Nobody', location: 'PARIS', limit: 50 });
  assert.equal(inParis.match, 'location');
  assert.equal(inParis.items.length, 32);
  assert.equal((await list({ team: 'Nobody', location: 'Nowhere' })).match, 'all');
});

test('titles, teams and locations holding the separators the counts are read with come back whole', async () => {
  const site = await createSite(db, { slug: 'odd', name: 'Odd' });
  await listedPerson(site.id, 300, { jobTitle: 'Chef\x1fde\x1epartie', team: 'A\x1eB', location: 'Lyon' });
  await listedPerson(site.id, 301, { jobTitle: 'Waiter', team: 'Floor', location: 'Lyon', languages: ['fr', 'x\x1fy'] });
  const titles = await siteTitles(db, site.id);
  assert.deepEqual([...titles.speakers.get('waiter')!].sort(), [
    ['fr', 1],
    ['x\x1fy', 1],
  ]);
  assert.deepEqual([...titles.people].sort(), [
    ['chef\x1fde\x1epartie', 1],
    ['waiter', 1],
  ]);
  assert.deepEqual([...titles.byTeam.keys()].sort(), ['a\x1eb', 'floor']);
  assert.deepEqual([...titles.byLocation.get('lyon')!].sort(), [
    ['chef\x1fde\x1epartie', 1],
    ['waiter', 1],
  ]);
});

test('a language every one of a title speaks, or none does, still lists them all, in name order', async () => {
  const site = await createSite(db, { slug: 'speakers', name: 'Speakers' });
  for (const n of [3, 1, 2]) await listedPerson(site.id, 400 + n, { jobTitle: 'Chef', team: 'Kitchen', languages: ['fr'] });
  await listedPerson(site.id, 410, { jobTitle: 'Chef', team: 'Floor', languages: ['de'] });
  const { publicVersion } = (await siteReader(db).read('speakers'))!;
  const names = async (query: object) =>
    (await listPublicPeople(db, site, { job: 'Chef', ...query }, 'https://hallway.test', publicVersion)).items.map((person) => person.displayName);
  assert.deepEqual(await names({ lang: 'fr', team: 'Kitchen' }), ['Person 401.', 'Person 402.', 'Person 403.', 'Person 410.']);
  assert.deepEqual(await names({ lang: 'es', team: 'Floor' }), ['Person 410.', 'Person 401.', 'Person 402.', 'Person 403.']);
  assert.deepEqual(await names({ lang: 'de' }), ['Person 410.', 'Person 401.', 'Person 402.', 'Person 403.']);
});
