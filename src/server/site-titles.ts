/**
 * What matching knows of a site before it chooses a page: its listed people counted by title, team and
 * location (`listed_groups`, kept by triggers) and its titles' trigrams. Read once per order version of
 * the site — every write that changes who is listed, or their title, team or location, moves it — and
 * kept per process, so a list never asked before costs one statement.
 */
import { sql } from 'kysely';
import type { Db } from './store/database.js';
import { TitleScorer } from './trigrams.js';

/** Listed people of one title in one team and location ('' for none). */
export interface ListedGroup {
  team: string;
  location: string;
  people: number;
}

export interface SiteTitles {
  scorer: TitleScorer;
  /** Per title: its listed people, and how they spread over teams and locations. */
  people: Map<string, number>;
  groups: Map<string, ListedGroup[]>;
  /** Per team and per location: listed people by title. */
  byTeam: Map<string, Map<string, number>>;
  byLocation: Map<string, Map<string, number>>;
  /** Per title: how many of its listed people speak each language. */
  speakers: Map<string, Map<string, number>>;
  /** Rows of counts read. */
  rows: number;
}

/**
 * Counts kept per database, in rows read (about 150 bytes each once in maps): the least recently
 * used site out first beyond this. A 300k-person site holds ~4,000; a small one a few dozen.
 */
const MAX_ROWS = 250_000;
interface Kept {
  orderVersion: string;
  titles: Promise<SiteTitles>;
  rows: number;
}
const keptBy = new WeakMap<Db, { sites: Map<number, Kept>; rows: number }>();

/**
 * The site's titles, read again when `publicVersion` (the site reader's "version.order") has a new
 * order part; without one (no request behind the call), read every time.
 */
export function siteTitles(db: Db, siteId: number, publicVersion?: string): Promise<SiteTitles> {
  if (publicVersion === undefined) return readSiteTitles(db, siteId);
  const orderVersion = publicVersion.slice(publicVersion.indexOf('.') + 1);
  let kept = keptBy.get(db);
  if (!kept) keptBy.set(db, (kept = { sites: new Map(), rows: 0 }));
  const { sites } = kept;
  const entry = sites.get(siteId);
  if (entry) forget(kept, siteId);
  if (entry?.orderVersion === orderVersion) {
    sites.set(siteId, entry);
    kept.rows += entry.rows;
    return entry.titles;
  }
  // Read after the version was: what is kept is at least as new as the version it is kept for.
  const titles = readSiteTitles(db, siteId);
  const added: Kept = { orderVersion, titles, rows: 0 };
  sites.set(siteId, added);
  titles.then(
    (read) => {
      if (sites.get(siteId) !== added) return;
      added.rows = read.rows;
      kept.rows += read.rows;
      for (const oldest of sites.keys()) if (kept.rows > MAX_ROWS && oldest !== siteId) forget(kept, oldest);
    },
    () => sites.get(siteId) === added && forget(kept, siteId),
  );
  return titles;
}

function forget(kept: { sites: Map<number, Kept>; rows: number }, siteId: number) {
  kept.rows -= kept.sites.get(siteId)?.rows ?? 0;
  kept.sites.delete(siteId);
}

/** Between fields and between rows in the one text each table is read as. */
const FIELD = '\x1f';
const ROW = '\x1e';

async function readSiteTitles(db: Db, siteId: number): Promise<SiteTitles> {
  const { groups, languages } = await readCounts(db, siteId);
  const titles: SiteTitles = {
    scorer: undefined!,
    people: new Map(),
    groups: new Map(),
    byTeam: new Map(),
    byLocation: new Map(),
    speakers: new Map(),
    rows: groups.length + languages.length,
  };
  const add = (map: Map<string, Map<string, number>>, key: string, title: string, people: number) => {
    if (key === '') return;
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = new Map()));
    counts.set(title, (counts.get(title) ?? 0) + people);
  };
  for (const [title, team, location, people] of groups) {
    titles.people.set(title, (titles.people.get(title) ?? 0) + people);
    const kept = titles.groups.get(title);
    if (kept) kept.push({ team, location, people });
    else titles.groups.set(title, [{ team, location, people }]);
    add(titles.byTeam, team, title, people);
    add(titles.byLocation, location, title, people);
  }
  for (const [title, language, people] of languages) add(titles.speakers, title, language, people);
  titles.scorer = new TitleScorer([...titles.people.keys()]);
  return titles;
}

/**
 * The site's non-zero counts, each table as one text: PGlite makes rows ~10× slower than this and
 * PostgreSQL no faster, and JSON costs both more to build. Keys holding a separator (no title, team,
 * location or language should) are read as rows.
 */
async function readCounts(db: Db, siteId: number) {
  const counted = (columns: string[], table: 'listed_groups' | 'listed_languages') => ({
    keys: sql.raw(columns.join(', ')),
    joined: sql.raw(columns.join(' || ')),
    table: sql.table(table),
  });
  const groups = counted(['job_title_key', 'team_key', 'location_key'], 'listed_groups');
  const languages = counted(['job_title_key', 'language'], 'listed_languages');
  // A table's rows as one text, and whether a key holds a separator, in one pass.
  const asText = ({ keys, joined, table }: typeof groups) => sql`(
    select string_agg(concat_ws(${FIELD}::text, ${keys}, people), ${ROW}::text) as text,
      bool_or(strpos(${joined}, ${FIELD}::text) + strpos(${joined}, ${ROW}::text) > 0) as separated
    from ${table} where site_id = ${siteId} and people > 0)`;
  const { rows } = await sql<{ groups: string | null; groups_separated: boolean | null; languages: string | null; languages_separated: boolean | null }>`
    select g.text as groups, g.separated as groups_separated, l.text as languages, l.separated as languages_separated
    from ${asText(groups)} g, ${asText(languages)} l`.execute(db);
  const read = rows[0]!;
  const split = (text: string | null) => (text?.split(ROW) ?? []).map((row) => row.split(FIELD).map((field, i, all) => (i === all.length - 1 ? Number(field) : field)));
  const asRows = async ({ keys, table }: typeof groups) =>
    (
      await sql<{ row: (string | number)[] }>`select json_build_array(${keys}, people) as row from ${table} where site_id = ${siteId} and people > 0`.execute(db)
    ).rows.map(({ row }) => row);
  return {
    groups: (read.groups_separated ? await asRows(groups) : split(read.groups)) as [string, string, string, number][],
    languages: (read.languages_separated ? await asRows(languages) : split(read.languages)) as [string, string, number][],
  };
}

/**
 * Folded as the database's `hw_fold` folds (lower case, accents removed): ASCII here, as `lower` does
 * it (unaccent maps no ASCII character), anything else by the database, in one statement.
 */
export async function foldAll<T extends readonly (string | undefined)[]>(db: Db, values: T): Promise<{ [K in keyof T]: string | undefined }> {
  const ascii = /^[\x20-\x7e]*$/;
  if (values.every((value) => value === undefined || ascii.test(value))) return values.map((value) => value?.toLowerCase()) as never;
  const { rows } = await sql<{ folded: (string | null)[] }>`select array[${sql.join(values.map((value) => sql`hw_fold(${value ?? null}::text)`))}] as folded`.execute(db);
  return rows[0]!.folded.map((value) => value ?? undefined) as never;
}
