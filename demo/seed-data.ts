/**
 * Seed data of the demo careers site: "Beaumont Hotels" / "Hôtels Beaumont", a fictional hotel group
 * with hotels in London, Paris and Lyon. `npm start` seeds it once into a fresh database.
 *
 * Everything here is invented: names, addresses and e-mails (`@beaumont-hotels.example`, a reserved
 * domain that never delivers).
 *
 * Shape of the data, which tests rely on:
 * - 4 teams: Front Office, Food & Beverage, Housekeeping, Sales & Revenue.
 * - 3 locations: London, Paris, Lyon.
 * - Job titles are in English in London and in French in Paris and Lyon. The demo job pages'
 *   jobs each have at least 4 visible people: "Front Desk Agent" (London), "Head Chef" (London),
 *   "Revenue Manager" (London), "Réceptionniste" (Lyon).
 * - London staff write their bio in English; Paris and Lyon staff in French (the language of the
 *   pages they appear on), including every French-only speaker.
 *
 * People who must NEVER appear in any public list, card or API response:
 * - showProfile: false (never opted in to be shown):
 *     "Zebedee Quartermaine"  (Zebedee Q.,   Front Desk Agent, London)
 *     "Wilhelmina Cravenshaw" (Wilhelmina C., Revenue Manager, London)
 *     "Eudoxie Quincampoix"   (Eudoxie Q.,   Réceptionniste, Lyon)
 *     "Philomène Tartempion"  (Philomène T., Gouvernante générale, Paris)
 * - status 'left' (had opted in, then left the company: hidden until they opt in again as alumni):
 *     "Ignatius Fairweather"  (Ignatius F.,  Head Chef, London)
 * Their bios also contain the marker word "HIDDEN-CANARY" so a test can grep any output for it.
 *
 * Alumni who opted in again (shown with kind 'alumni'): "James Porter" (Front Desk Agent, London)
 * and "Nathalie Roux" (Réceptionniste, Lyon).
 *
 * Paused (shown, but not taking questions for a few days from the seeding, as a holiday would):
 * "Kwame Mensah" (Head Chef, London) and "Léa Fontaine" (Réceptionniste, Lyon).
 */

export interface DemoPerson {
  externalId: string;
  email: string;
  fullName: string;
  displayName: string;
  jobTitle: string;
  team: string;
  location: string;
  languages: string[];
  bio: string;
  status: 'employee' | 'left' | 'alumni';
  showProfile: boolean;
  contactChannels: ('message' | 'booking')[];
  /** Not taking questions for this many days after the seeding. */
  pausedForDays?: number;
}

export const demoSite: { slug: string; name: string; defaultLang: 'en' | 'fr'; allowedOrigins: string[] } = {
  slug: 'beaumont',
  name: 'Beaumont Hotels',
  defaultLang: 'en',
  // The demo pages are served by the Hallway server itself (same origin); these cover the usual
  // local URLs. The server should also allow its own PUBLIC_URL origin when it seeds the site.
  allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
};

/** The French trading name, used on the French pages. */
export const demoSiteNameFr = 'Hôtels Beaumont';

export const DEMO_TEAMS = ['Front Office', 'Food & Beverage', 'Housekeeping', 'Sales & Revenue'] as const;
export const DEMO_LOCATIONS = ['London', 'Paris', 'Lyon'] as const;

type Team = (typeof DEMO_TEAMS)[number];
type Location = (typeof DEMO_LOCATIONS)[number];

interface Row {
  fullName: string;
  jobTitle: string;
  team: Team;
  location: Location;
  languages: string[];
  bio: string;
  status?: DemoPerson['status'];
  showProfile?: boolean;
  contactChannels?: DemoPerson['contactChannels'];
  pausedForDays?: number;
}

const rows: Row[] = [
  // ── London · Front Office ────────────────────────────────────────────────────────────────
  {
    fullName: 'Amelia Clarke',
    jobTitle: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: ['en', 'fr'],
    bio: 'I started on nights while finishing my degree and never left. Ask me what a 6 a.m. check-in really looks like, or how the shift rota works.',
    contactChannels: ['message', 'booking'],
  },
  {
    fullName: 'Tomasz Nowak',
    jobTitle: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: ['en', 'pl', 'de'],
    bio: "Moved from Kraków three years ago with a suitcase and bad English. Now I train the new starters. Happy to tell you what I wish I'd known.",
  },
  {
    fullName: 'Priya Raman',
    jobTitle: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: ['en', 'hi'],
    bio: 'I like the puzzle of a fully booked Friday. Outside work I run a small book club with two of the housekeepers.',
  },
  {
    fullName: 'Grace Okafor',
    jobTitle: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: ['en', 'fr'],
    bio: "Front desk by day, part-time law student by night. My manager built my rota around my exams, which I didn't expect.",
  },
  {
    fullName: 'Zebedee Quartermaine',
    jobTitle: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: ['en'],
    bio: 'HIDDEN-CANARY I did not opt in: this text must never be shown.',
    showProfile: false,
    // A trap: channels set, but no consent to be shown, so still never listed nor contactable.
    contactChannels: ['message'],
  },
  {
    fullName: 'James Porter',
    jobTitle: 'Front Desk Agent',
    team: 'Front Office',
    location: 'London',
    languages: ['en'],
    bio: 'I spent four years on the desk before moving into hotel software. Still the best team I have worked with.',
    status: 'alumni',
  },
  {
    fullName: 'Daniel Whitfield',
    jobTitle: 'Concierge',
    team: 'Front Office',
    location: 'London',
    languages: ['en', 'it', 'fr'],
    bio: 'Twenty years of theatre tickets, lost passports and one marriage proposal on the roof. I still love the job.',
    contactChannels: ['message', 'booking'],
  },

  // ── London · Food & Beverage ─────────────────────────────────────────────────────────────
  {
    fullName: 'Marcus Bell',
    jobTitle: 'Head Chef',
    team: 'Food & Beverage',
    location: 'London',
    languages: ['en'],
    bio: 'I run the brasserie kitchen in Covent Garden. Seasonal British food, a brigade of twelve, and nobody shouts. That part matters to me.',
  },
  {
    fullName: 'Sofia Marchetti',
    jobTitle: 'Head Chef',
    team: 'Food & Beverage',
    location: 'London',
    languages: ['it', 'en'],
    bio: 'From Bologna, via Lyon, to our Kensington restaurant. Ask me about four-day weeks in a kitchen: we made it work.',
  },
  {
    fullName: 'Hannah Price',
    jobTitle: 'Head Chef',
    team: 'Food & Beverage',
    location: 'London',
    languages: ['en', 'fr'],
    bio: 'I joined as a commis at nineteen and now run the Shoreditch rooftop kitchen. I cook a lot with what our growers send on Monday.',
    contactChannels: ['message', 'booking'],
  },
  {
    fullName: 'Kwame Mensah',
    jobTitle: 'Head Chef',
    team: 'Food & Beverage',
    location: 'London',
    languages: ['en'],
    bio: 'Banqueting and events: two hundred covers on a Saturday is my idea of fun. I mentor young chefs coming out of college.',
    pausedForDays: 10,
  },
  {
    fullName: 'Ignatius Fairweather',
    jobTitle: 'Head Chef',
    team: 'Food & Beverage',
    location: 'London',
    languages: ['en'],
    bio: 'HIDDEN-CANARY I left the company: this text must never be shown.',
    status: 'left',
  },
  {
    fullName: 'Luca Bernardi',
    jobTitle: 'Sommelier',
    team: 'Food & Beverage',
    location: 'London',
    languages: ['it', 'en', 'fr'],
    bio: "I taste with the kitchen every Tuesday. If you're curious about the WSET course the group paid for, ask away.",
  },

  // ── London · Sales & Revenue ─────────────────────────────────────────────────────────────
  {
    fullName: 'Charlotte Evans',
    jobTitle: 'Revenue Manager',
    team: 'Sales & Revenue',
    location: 'London',
    languages: ['en', 'de'],
    bio: 'Spreadsheets, yes, but mostly conversations with the front desk about what guests actually do. I look after our three London hotels.',
    contactChannels: ['message', 'booking'],
  },
  {
    fullName: 'Arjun Mehta',
    jobTitle: 'Revenue Manager',
    team: 'Sales & Revenue',
    location: 'London',
    languages: ['en', 'hi'],
    bio: "I came from airline pricing. Hotels are messier and more human, and that's why I stayed.",
  },
  {
    fullName: 'Emily Foster',
    jobTitle: 'Revenue Manager',
    team: 'Sales & Revenue',
    location: 'London',
    languages: ['en', 'fr'],
    bio: 'Started at reception, then moved into revenue through the internal academy. Proof it happens here.',
    contactChannels: [],
  },
  {
    fullName: 'Jonas Weber',
    jobTitle: 'Revenue Manager',
    team: 'Sales & Revenue',
    location: 'London',
    languages: ['de', 'en'],
    bio: 'I work on group and events pricing and I work from home two days a week. Happy to talk about either.',
  },
  {
    fullName: 'Wilhelmina Cravenshaw',
    jobTitle: 'Revenue Manager',
    team: 'Sales & Revenue',
    location: 'London',
    languages: ['en'],
    bio: 'HIDDEN-CANARY I did not opt in: this text must never be shown.',
    showProfile: false,
    contactChannels: [],
  },

  // ── London · Housekeeping ────────────────────────────────────────────────────────────────
  {
    fullName: 'Ana Ferreira',
    jobTitle: 'Housekeeping Supervisor',
    team: 'Housekeeping',
    location: 'London',
    languages: ['pt', 'en', 'es'],
    bio: 'Eleven years here, from room attendant to supervisor. I care that my team goes home on time and with a sane back.',
  },

  // ── Lyon & Paris · Front Office ──────────────────────────────────────────────────────────
  {
    fullName: 'Camille Girard',
    jobTitle: 'Réceptionniste',
    team: 'Front Office',
    location: 'Lyon',
    languages: ['fr', 'en'],
    bio: "J'ai fait mon alternance ici et on m'a proposé un CDI à la fin. Posez-moi vos questions sur les horaires, je vous dirai la vérité.",
  },
  {
    fullName: 'Mehdi Benali',
    jobTitle: 'Réceptionniste',
    team: 'Front Office',
    location: 'Lyon',
    languages: ['fr', 'ar', 'en'],
    bio: "Je suis de nuit trois semaines sur quatre, par choix. Le calme, les arrivées tardives, les clients qui ont besoin d'un vrai conseil.",
    contactChannels: ['message', 'booking'],
  },
  {
    fullName: 'Léa Fontaine',
    jobTitle: 'Réceptionniste',
    team: 'Front Office',
    location: 'Lyon',
    languages: ['fr', 'es'],
    bio: "Avant, j'étais en boutique. Ici j'apprends tous les jours, et l'équipe m'a fait confiance dès la première semaine.",
    pausedForDays: 12,
  },
  {
    fullName: 'Julien Morel',
    jobTitle: 'Réceptionniste',
    team: 'Front Office',
    location: 'Lyon',
    languages: ['fr', 'en', 'it'],
    bio: "Lyonnais de toujours, je conseille les bouchons et les traboules mieux que n'importe quel guide. Quinze ans de réception, pas lassé.",
    contactChannels: [],
  },
  {
    fullName: 'Eudoxie Quincampoix',
    jobTitle: 'Réceptionniste',
    team: 'Front Office',
    location: 'Lyon',
    languages: ['fr'],
    bio: "HIDDEN-CANARY Je n'ai pas donné mon accord : ce texte ne doit jamais apparaître.",
    showProfile: false,
    contactChannels: [],
  },
  {
    fullName: 'Nathalie Roux',
    jobTitle: 'Réceptionniste',
    team: 'Front Office',
    location: 'Lyon',
    languages: ['fr', 'en'],
    bio: "J'ai passé six belles années à la réception avant de reprendre mes études. Je garde un très bon souvenir de l'équipe.",
    status: 'alumni',
    contactChannels: [],
  },
  {
    fullName: 'Antoine Dubois',
    jobTitle: 'Concierge',
    team: 'Front Office',
    location: 'Paris',
    languages: ['fr', 'en', 'de'],
    bio: "Membre des Clefs d'Or depuis 2019. Une table introuvable, un musée à l'aube : c'est mon terrain de jeu.",
    contactChannels: ['message', 'booking'],
  },

  // ── Lyon & Paris · Food & Beverage ───────────────────────────────────────────────────────
  {
    fullName: 'Thomas Lefèvre',
    jobTitle: 'Chef de cuisine',
    team: 'Food & Beverage',
    location: 'Paris',
    languages: ['fr'],
    bio: 'Trente couverts, produits de saison, et une brigade qui finit à 23 h. Je tiens aux deux jours de repos consécutifs.',
  },
  {
    fullName: 'Sandrine Perrin',
    jobTitle: 'Chef de cuisine',
    team: 'Food & Beverage',
    location: 'Lyon',
    languages: ['fr', 'it'],
    bio: "Je cuisine avec les producteurs des monts du Lyonnais. Je forme deux apprentis par an, c'est ce que je préfère.",
  },
  {
    fullName: 'Claire Vidal',
    jobTitle: 'Sommelière',
    team: 'Food & Beverage',
    location: 'Lyon',
    languages: ['fr', 'en'],
    bio: "Je suis arrivée comme serveuse et le groupe m'a financé ma formation de sommelière. Beaujolais, Rhône… je peux en parler longtemps.",
  },

  // ── Lyon & Paris · Housekeeping ──────────────────────────────────────────────────────────
  {
    fullName: 'Fatou Diallo',
    jobTitle: 'Gouvernante générale',
    team: 'Housekeeping',
    location: 'Paris',
    languages: ['fr', 'en'],
    bio: "J'encadre vingt-deux personnes. Mon principe : le planning est connu trois semaines à l'avance, et on le respecte.",
  },
  {
    fullName: 'Philomène Tartempion',
    jobTitle: 'Gouvernante générale',
    team: 'Housekeeping',
    location: 'Paris',
    languages: ['fr'],
    bio: "HIDDEN-CANARY Je n'ai pas donné mon accord : ce texte ne doit jamais apparaître.",
    showProfile: false,
    contactChannels: [],
  },

  // ── Lyon & Paris · Sales & Revenue ───────────────────────────────────────────────────────
  {
    fullName: 'Nicolas Mercier',
    jobTitle: 'Responsable revenue management',
    team: 'Sales & Revenue',
    location: 'Paris',
    languages: ['fr', 'en'],
    bio: "Je fixe les prix de nos deux hôtels parisiens. Beaucoup de données, mais surtout beaucoup d'échanges avec la réception.",
    contactChannels: ['message', 'booking'],
  },
  {
    fullName: 'Élodie Caron',
    jobTitle: 'Responsable revenue management',
    team: 'Sales & Revenue',
    location: 'Lyon',
    languages: ['fr', 'en', 'es'],
    bio: 'Ancienne réceptionniste, passée au revenue grâce à la formation interne. Je télétravaille le vendredi.',
  },
];

/** ASCII local part of an e-mail address: "Élodie Caron" → "elodie.caron". */
function emailLocalPart(fullName: string): string {
  return fullName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** "First L." from a full name. */
function displayNameOf(fullName: string): string {
  const [first = '', ...rest] = fullName.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${[...last][0]!.toLocaleUpperCase()}.` : first;
}

export const demoPeople: DemoPerson[] = rows.map((row, index) => ({
  externalId: `BH-${String(index + 1).padStart(4, '0')}`,
  email: `${emailLocalPart(row.fullName)}@beaumont-hotels.example`,
  fullName: row.fullName,
  displayName: displayNameOf(row.fullName),
  jobTitle: row.jobTitle,
  team: row.team,
  location: row.location,
  languages: row.languages,
  bio: row.bio,
  status: row.status ?? 'employee',
  showProfile: row.showProfile ?? true,
  contactChannels: row.contactChannels ?? ['message'],
  ...(row.pausedForDays ? { pausedForDays: row.pausedForDays } : {}),
}));

/**
 * Whether a seeded person may appear publicly: opted in to be shown and not 'left'
 * (alumni who opted in again are shown).
 */
export function isDemoPersonVisible(person: DemoPerson): boolean {
  return person.showProfile && person.status !== 'left';
}

/** The people who must never appear anywhere public (see the list at the top of this file). */
export const demoHiddenPeople: readonly DemoPerson[] = demoPeople.filter((p) => !isDemoPersonVisible(p));

export interface DemoTestimonial {
  /** The seeded person who wrote it. */
  fullName: string;
  quote: string;
  roles: string[];
  fromYear: number;
  toYear: number | null;
  currentRole: string | null;
  nameStyle: 'full' | 'first_initial' | 'initials';
  /** The language the quote is written in. */
  lang: 'en' | 'fr';
  status: 'approved' | 'pending';
}

/**
 * Testimonials, each with its author's 'testimonial' consent granted: 3 approved (2 by the alumni
 * James Porter and Nathalie Roux, 1 by a current employee), and 1 still waiting for moderation.
 * Approved ones are listed most recently approved first, in this order.
 */
export const demoTestimonials: DemoTestimonial[] = [
  {
    fullName: 'James Porter',
    quote:
      'I joined on nights with no hotel experience and left four years later running the morning shift. My managers let me try things, including a booking tool I hacked together, which is how I ended up working in hotel software. I still use what I learnt on the desk every day.',
    roles: ['Night Receptionist', 'Front Desk Agent', 'Front Office Shift Leader'],
    fromYear: 2019,
    toYear: 2023,
    currentRole: 'Product Specialist, hotel software',
    nameStyle: 'full',
    lang: 'en',
    status: 'approved',
  },
  {
    fullName: 'Nathalie Roux',
    quote:
      "Six ans à la réception de Lyon, et une équipe qui m'a toujours soutenue, y compris quand j'ai décidé de reprendre mes études. On apprend vite, on rit beaucoup et on n'est jamais seule face à un client difficile.",
    roles: ['Réceptionniste', 'Réceptionniste de nuit'],
    fromYear: 2017,
    toYear: 2023,
    currentRole: 'Étudiante en master de management hôtelier',
    nameStyle: 'first_initial',
    lang: 'fr',
    status: 'approved',
  },
  {
    fullName: 'Tomasz Nowak',
    quote:
      "I arrived from Kraków with a suitcase and not much English. The team trained me patiently, and now I'm the one showing new starters the ropes. If you care about guests, the rest can be learnt here.",
    roles: ['Front Desk Agent'],
    fromYear: 2022,
    toYear: null,
    currentRole: 'Front Desk Agent and new-starter trainer',
    nameStyle: 'first_initial',
    lang: 'en',
    status: 'approved',
  },
  {
    fullName: 'Élodie Caron',
    quote: "J'ai commencé comme réceptionniste et la formation interne m'a permis de passer au revenue management. Ici, on vous laisse évoluer si vous en avez envie.",
    roles: ['Réceptionniste', 'Analyste revenue', 'Responsable revenue management'],
    fromYear: 2016,
    toYear: null,
    currentRole: 'Responsable revenue management',
    nameStyle: 'initials',
    lang: 'fr',
    status: 'pending',
  },
];
