/**
 * Reads the job on the page as search engines do: the first schema.org `JobPosting` in JSON-LD, else
 * in microdata. Pure DOM reading (querySelectorAll, getAttribute, textContent), so that it works on
 * any `ParentNode`, a linkedom document in Node included, and touches no Trusted Types sink.
 */

/** What the elements ask the API for, read from the page's `JobPosting`, and where it came from. */
export interface PageJobPosting {
  /** `title`, else `occupationalCategory` (text, or its `name`). */
  job?: string;
  /** `employmentUnit`, else `hiringOrganization.department` (text, or its `name`). */
  team?: string;
  /** The first `jobLocation`'s `address.addressLocality`, else the town (before the first comma) of its `address` when that is text. */
  location?: string;
  /** Where the posting was found; none when the page has no `JobPosting` with a job. */
  source?: 'json-ld' | 'microdata';
  /** Which fields were read, for the web team: `JSON-LD JobPosting: title, employmentUnit.name, …`. */
  why?: string;
}

/** The properties read, each in the order tried; a step into an array takes its first item. */
const FIELDS = {
  job: ['title', 'occupationalCategory', 'occupationalCategory.name'],
  team: ['employmentUnit', 'employmentUnit.name', 'hiringOrganization.department', 'hiringOrganization.department.name'],
  location: ['jobLocation.address.addressLocality', 'jobLocation.address'],
};

type Node = Record<string, unknown>;
type Reader = (path: string) => string | undefined;

/** The job, team and location of the page's first schema.org `JobPosting`: JSON-LD first, then microdata. */
export function pageJobPosting(root: ParentNode): PageJobPosting {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const posting = findPosting(JSON.parse(script.textContent ?? ''));
      if (posting) return read('json-ld', (path) => text(path.split('.').reduce(step, posting), decodeEntities));
    } catch {
      // The page's invalid JSON-LD is not ours to report.
    }
  }
  const item = root.querySelector('[itemscope][itemtype$="schema.org/JobPosting"]');
  // An itemprop that is itself an item has no text value: its properties are read instead.
  const value = (element: Element | null) => (element?.hasAttribute('itemscope') ? undefined : (element?.getAttribute('content') ?? element?.textContent));
  return item ? read('microdata', (path) => text(value(item.querySelector(path.replace(/\w+/g, '[itemprop~=$&]').replace(/\./g, ' '))))) : {};
}

function read(source: 'json-ld' | 'microdata', field: Reader): PageJobPosting {
  const posting: PageJobPosting = { source };
  const used: string[] = [];
  for (const [name, paths] of Object.entries(FIELDS) as ['job' | 'team' | 'location', string[]][]) {
    for (const path of paths) {
      posting[name] = field(path);
      if (posting[name]) {
        used.push(path);
        break;
      }
    }
  }
  // An address as text ("Bristol, UK", as WP Job Manager writes it without geolocation): its town.
  if (used.includes('jobLocation.address')) posting.location = text(posting.location!.split(',')[0]);
  if (!posting.job) return {};
  posting.why = `${source === 'json-ld' ? 'JSON-LD' : 'microdata'} JobPosting: ${used.join(', ')}`;
  return posting;
}

/** One step of a path; arrays (several locations, units, addresses) give their first item. */
const step = (value: unknown, key: string): unknown => {
  const node = [value].flat()[0];
  return node && typeof node === 'object' ? (node as Node)[key] : undefined;
};

/** The first `JobPosting` with a job, anywhere in the JSON-LD: in an array, a `@graph`, or nested. */
function findPosting(value: unknown): Node | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const node = value as Node;
  // `@type` may be an array, and a full IRI: `JobPosting`, `schema:JobPosting`, `https://schema.org/JobPosting`.
  if ([node['@type']].flat().some((type) => /^(.*[/:])?JobPosting$/.test(String(type))) && FIELDS.job.some((path) => text(path.split('.').reduce(step, node))))
    return node;
  for (const child of Object.values(node)) {
    const found = findPosting(child);
    if (found) return found;
  }
}

/** A string, decoded, its whitespace collapsed, trimmed, non-empty, within the API's limit (200); else `undefined`. */
const text = (value: unknown, decode = (text: string) => text) => (typeof value === 'string' && decode(value).replace(/\s+/g, ' ').trim().slice(0, 200)) || undefined;

/** The named entities that site generators write, besides accented letters (`&eacute;`). */
const NAMED: Node = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  euro: '€',
  middot: '·',
  bull: '•',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
};
const MARKS: Node = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a', cedil: '\u0327' };

/**
 * HTML character references decoded as a browser does in text (`&amp;`, `&#8211;`, `&#x2019;`,
 * `&eacute;`): generators HTML-escape their JSON-LD strings. Not through the DOM, which is a Trusted
 * Types sink; an unknown name stays as written.
 */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x?)?([a-z\d]+);/gi, (entity, hash: string | undefined, name: string) => {
    if (hash) {
      const code = parseInt(name, hash.length > 1 ? 16 : 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '\ufffd';
    }
    const mark = MARKS[name.slice(1)];
    return (NAMED[name] as string) ?? (mark ? (name[0]! + mark).normalize() : entity);
  });
}
