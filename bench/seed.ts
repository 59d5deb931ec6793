/**
 * The `bench` site: 10,000 made-up people with realistic titles, teams and locations, most of them
 * opted in. Multi-row inserts straight through Kysely (the import API would take minutes and is not
 * what is measured here). Deterministic: the same people on every run and every database.
 */
import { sql } from 'kysely';
import type { Db } from '../src/server/store/database.js';
import { newPublicId } from '../src/server/store/people.js';
import type { ConsentPurpose, PersonStatus, Site } from '../src/server/store/schema.js';
import { createSite } from '../src/server/store/sites.js';

export const BENCH_SITE = 'bench';
export const BENCH_PEOPLE = 10_000;

const TEAMS: Record<string, { en: string[]; fr: string[] }> = {
  'Front Office': {
    en: ['Front Desk Agent', 'Night Auditor', 'Concierge', 'Guest Relations Manager', 'Front Office Manager', 'Reservations Agent', 'Bell Attendant'],
    fr: ['Réceptionniste', 'Veilleur de nuit', 'Concierge', 'Responsable de la réception', 'Agent de réservation', 'Bagagiste'],
  },
  'Food & Beverage': {
    en: ['Head Chef', 'Sous Chef', 'Chef de Partie', 'Commis Chef', 'Pastry Chef', 'Restaurant Manager', 'Waiter', 'Bartender', 'Sommelier', 'Kitchen Porter'],
    fr: ['Chef de cuisine', 'Second de cuisine', 'Chef de partie', 'Commis de cuisine', 'Chef pâtissier', 'Maître d’hôtel', 'Serveur', 'Barman', 'Sommelier', 'Plongeur'],
  },
  Housekeeping: {
    en: ['Room Attendant', 'Housekeeping Supervisor', 'Executive Housekeeper', 'Laundry Attendant', 'Public Area Cleaner'],
    fr: ['Femme de chambre', 'Valet de chambre', 'Gouvernante', 'Gouvernante générale', 'Lingère'],
  },
  'Sales & Revenue': {
    en: ['Revenue Manager', 'Sales Executive', 'Events Coordinator', 'Marketing Manager', 'Reservations Manager'],
    fr: ['Responsable des revenus', 'Commercial', 'Coordinatrice événementielle', 'Responsable marketing'],
  },
  Engineering: {
    en: ['Maintenance Technician', 'Chief Engineer', 'Electrician', 'Facilities Manager'],
    fr: ['Technicien de maintenance', 'Chef technique', 'Électricien'],
  },
  Finance: {
    en: ['Accountant', 'Payroll Specialist', 'Financial Controller', 'Purchasing Officer', 'Night Auditor'],
    fr: ['Comptable', 'Gestionnaire de paie', 'Contrôleur de gestion', 'Acheteur'],
  },
  People: {
    en: ['HR Business Partner', 'Recruiter', 'Learning and Development Manager', 'HR Assistant'],
    fr: ['Chargée de recrutement', 'Responsable RH', 'Assistante RH'],
  },
  Technology: {
    en: ['Software Engineer', 'Data Analyst', 'IT Support Technician', 'Product Manager', 'Systems Administrator'],
    fr: ['Développeur', 'Analyste de données', 'Technicien support informatique', 'Chef de produit'],
  },
  'Spa & Leisure': {
    en: ['Spa Therapist', 'Fitness Instructor', 'Spa Manager', 'Lifeguard'],
    fr: ['Praticienne spa', 'Coach sportif', 'Responsable spa', 'Maître-nageur'],
  },
};
const LOCATIONS: { city: string; french: boolean; languages: string[] }[] = [
  { city: 'London', french: false, languages: ['en'] },
  { city: 'Manchester', french: false, languages: ['en'] },
  { city: 'Edinburgh', french: false, languages: ['en'] },
  { city: 'Dublin', french: false, languages: ['en'] },
  { city: 'New York', french: false, languages: ['en', 'es'] },
  { city: 'Paris', french: true, languages: ['fr', 'en'] },
  { city: 'Lyon', french: true, languages: ['fr'] },
  { city: 'Nice', french: true, languages: ['fr', 'it'] },
  { city: 'Bordeaux', french: true, languages: ['fr'] },
  { city: 'Barcelona', french: false, languages: ['es', 'ca', 'en'] },
  { city: 'Berlin', french: false, languages: ['de', 'en'] },
  { city: 'Amsterdam', french: false, languages: ['nl', 'en'] },
];
const SENIORITY = ['', '', '', '', 'Senior ', 'Junior ', 'Assistant ', 'Trainee '];
const FIRST =
  'Amelia Oliver Léa Hugo Chloé Noah Isla Arthur Manon Jules Sofia Lucas Emma Gabriel Ava Louis Mia Raphaël Zoe Adam Inès Leo Camille Theo Nora Ethan Alice Samir Yasmin Tomás Aoife Finn Greta Lars Marta Pablo Priya Kenji Fatou Olu'.split(
    ' ',
  );
const LAST =
  'Clarke Martin Bernard Dubois Thomas Robert Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia Evans Walsh Murphy Byrne Schmidt Müller Jansen Visser Rossi Ferrari Sato Okafor Mensah Kowalski Novak Silva Santos Haddad Nguyen Ó Briain Fernández López Patel Khan Ahmed'.split(
    ' ',
  );
const BIOS = [
  'I started on this team as a trainee and stayed for the people.',
  'Ask me about shifts, training, or what a normal week looks like.',
  'Happy to tell you what the first three months are really like.',
  'Rotas, guests, and the odd midnight surprise: ask me anything.',
  'I moved here from another hotel group; happy to compare.',
  null,
];

/** Job titles a candidate might be looking at: exact, close, in French, and some nobody has. */
export const QUERY_TITLES = [
  'Front Desk Agent',
  'Receptionist',
  'Night Receptionist',
  'Réceptionniste',
  'Night Auditor',
  'Concierge',
  'Head Concierge',
  'Guest Relations Manager',
  'Reservations Agent',
  'Head Chef',
  'Executive Chef',
  'Sous-Chef',
  'Chef de partie',
  'Pastry Cook',
  'Commis de cuisine',
  'Restaurant Manager',
  'Waitress',
  'Serveuse',
  'Bartender',
  'Barman',
  'Sommelier',
  'Kitchen Porter',
  'Room Attendant',
  'Housekeeper',
  'Gouvernante générale',
  'Laundry Attendant',
  'Revenue Manager',
  'Revenue Analyst',
  'Sales Executive',
  'Events Coordinator',
  'Marketing Manager',
  'Maintenance Technician',
  'Chief Engineer',
  'Electrician',
  'Accountant',
  'Comptable',
  'Payroll Specialist',
  'Financial Controller',
  'HR Business Partner',
  'Recruiter',
  'Software Engineer',
  'Senior Software Engineer',
  'Data Analyst',
  'Data Scientist',
  'Product Manager',
  'Spa Therapist',
  'Fitness Instructor',
  'Lifeguard',
  'Pilot',
  'Astronaut',
];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeds the bench site, 1,000 people per transaction as an import writes them (a single transaction
 * for 300k people would leave every count row with hundreds of versions no one could prune until its
 * end), then vacuums and analyses what it wrote, as autovacuum does within a minute of a bulk write:
 * queries are measured on the site as it then stays. (Until then, every listed person's row has a dead
 * version — its consent updated it — and index-only scans visit the table: lists at 300k run ~2× slower.)
 */
export async function seedBenchSite(db: Db, count = BENCH_PEOPLE, slug = BENCH_SITE): Promise<{ siteId: number; people: number; listed: number }> {
  const rnd = random(42);
  const site = await createSite(db, { slug, name: 'Bench Hotels', allowedOrigins: ['https://careers.bench.example'] });
  const listed = await seedPeople(db, [site], count, rnd);
  await sql`vacuum (analyze) people, consents, listed_groups, listed_languages, public_versions`.execute(db);
  return { siteId: site.id, people: count, listed };
}

/** `sites` small sites (`many-0`, `many-1`, …) of `people` each. */
export async function seedManySites(db: Db, sites: number, people: number): Promise<string[]> {
  const rnd = random(7);
  const slugs = Array.from({ length: sites }, (_, i) => `many-${i}`);
  const created = await db
    .insertInto('sites')
    .values(slugs.map((slug) => ({ slug, name: `Many ${slug}`, allowed_origins: [], default_lang: 'en' })))
    .returningAll()
    .execute();
  await seedPeople(db, created, people, rnd);
  await sql`analyze`.execute(db);
  return slugs;
}

/** Multi-row inserts of `count` people per site and their consents, a transaction per 1,000; returns how many are listed. */
async function seedPeople(db: Db, sites: Site[], perSite: number, rnd: () => number): Promise<number> {
  const count = sites.length * perSite;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const teams = Object.keys(TEAMS);
  let listed = 0;
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const site = sites[Math.floor((start + k) / perSite)]!;
      const i = (start + k) % perSite;
      const team = pick(teams);
      const place = pick(LOCATIONS);
      const first = pick(FIRST);
      const last = pick(LAST);
      const roll = rnd();
      const status: PersonStatus = roll < 0.03 ? 'left' : roll < 0.05 ? 'alumni' : 'employee';
      const consent = rnd(); // < 0.85 opted in; < 0.9 opted in then withdrew; else never answered
      return {
        person: {
          public_id: newPublicId(),
          site_id: site.id,
          email: `person${i}@${site.slug}.example`,
          external_id: `B${i}`,
          full_name: `${first} ${last}`,
          display_name: `${first} ${last[0]}.`,
          job_title: pick(SENIORITY) + pick(TEAMS[team]![place.french ? 'fr' : 'en']),
          team,
          location: place.city,
          languages: rnd() < 0.3 ? [...place.languages, 'en'].filter((l, n, all) => all.indexOf(l) === n) : place.languages,
          bio: pick(BIOS),
          status,
        },
        shown: consent < 0.85,
        withdrawn: consent >= 0.85 && consent < 0.9,
        channels: rnd() < 0.7 ? (rnd() < 0.3 ? ['message', 'booking'] : ['message']) : [],
        textVersion: site.consent_text_version,
      };
    });
    await db.transaction().execute(async (trx) => {
      const ids = await trx
        .insertInto('people')
        .values(batch.map((b) => b.person))
        .returning('id')
        .execute();
      const consents: { person_id: number; purpose: ConsentPurpose; granted: boolean; text_version: string; source: 'demo'; details: string }[] = [];
      batch.forEach((b, k) => {
        const id = ids[k]!.id;
        const add = (person_id: number, purpose: ConsentPurpose, granted: boolean, details: object = {}) =>
          consents.push({ person_id, purpose, granted, text_version: b.textVersion, source: 'demo', details: JSON.stringify(details) });
        if (b.shown || b.withdrawn) add(id, 'show_profile', true);
        if (b.withdrawn) add(id, 'show_profile', false);
        if (b.shown && b.channels.length) add(id, 'contact', true, { channels: b.channels });
        if (b.person.status === 'alumni' && b.shown) add(id, 'alumni', true);
        if (b.shown && b.person.status !== 'left') listed++;
      });
      for (let c = 0; c < consents.length; c += 2000)
        await trx
          .insertInto('consents')
          .values(consents.slice(c, c + 2000))
          .execute();
    });
  }
  return listed;
}
