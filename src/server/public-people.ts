/**
 * The public people read model: who a candidate may see for a query, and what of them (PublicPerson).
 */
import { sql, type AliasedSelectQueryBuilder, type RawBuilder } from 'kysely';
import { DEFAULT_LIMIT, type Channel, type Match, type PathStep, type PeopleQuery, type PublicPerson } from '../sdk/schemas.js';
import { activeJobSource } from './admin/coverage.js';
import { hasNul } from './nul.js';
import { foldAll, siteTitles, type ListedGroup, type SiteTitles } from './site-titles.js';
import type { Db } from './store/database.js';

/** Below this title similarity (0–1, trigrams, case and accents folded) a person is not "in the job". */
export const JOB_SIMILARITY_THRESHOLD = 0.4;

export interface ListedPeople {
  items: PublicPerson[];
  match: Match;
  nextCursor: string | null;
  /** The job found at the query's `url`, when the page was matched by its address. */
  job?: string;
}

interface Cursor {
  offset: number;
  match: Match;
}

export class InvalidCursorError extends Error {}

/**
 * The public people of a site for a candidate's query: those in the job first (title similarity),
 * else those of the team, else of the location, else everyone. Only people whose latest
 * "show my profile" consent is a grant and who still work there (or opted in as alumni) are listed.
 * With `publicVersion` (the site's, as the request read it), the site's titles are read once per order
 * version (site-titles.ts): a list never asked before then costs one statement.
 */
export async function listPublicPeople(db: Db, site: { id: number; slug: string }, asked: PeopleQuery, photoBase: string, publicVersion?: string): Promise<ListedPeople> {
  const atUrl = !asked.job && asked.url ? await jobAtUrl(db, site.id, asked.url) : undefined;
  const query = atUrl ? { ...asked, job: atUrl.title, team: asked.team ?? atUrl.team ?? undefined, location: asked.location ?? atUrl.location ?? undefined } : asked;
  const limit = Number(query.limit ?? DEFAULT_LIMIT);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const [listed, [job, team, location]] = await Promise.all([
    siteTitles(db, site.id, publicVersion),
    foldAll(db, [query.job, query.team || undefined, query.location || undefined] as const),
  ]);
  // Outside the job (a later page of a fallback list), every title is ranked.
  const threshold = !cursor || cursor.match === 'job' ? JOB_SIMILARITY_THRESHOLD : Infinity;
  const titles = job === undefined ? undefined : scoredTitles(listed, job, threshold);
  const keys = { team, location, language: query.lang?.split('-')[0]?.toLowerCase() };
  const match = cursor?.match ?? bestMatch(listed, keys, titles);
  const conditions = conditionsOf(keys);
  const offset = cursor?.offset ?? 0;
  const inMatch = titles && titlesOfMatch(listed, match, keys, titles);

  // Titles rank first: the page lies among the best-ranked titles holding enough people. The query
  // reads those titles' people only, and again with more titles when the match keeps too few of them.
  let rows: Awaited<ReturnType<typeof pageOf>>;
  for (let wanted = offset + limit + 1; ; wanted *= 8) {
    const kept = inMatch && bestRanked(inMatch, wanted);
    rows = await pageOf(db, site.id, { match, conditions, titles: kept, listed, keys, offset, limit });
    if (rows.length > limit || kept === inMatch || kept?.length === inMatch?.length) break;
  }

  const hasMore = rows.length > limit;
  return {
    items: rows.slice(0, limit).map((row) => toPublicPerson(row, site.slug, photoBase)),
    match,
    nextCursor: hasMore ? encodeCursor({ offset: offset + limit, match }) : null,
    ...(atUrl && { job: atUrl.title }),
  };
}

/**
 * The titles whose people the match keeps, each with how many of them it keeps: in the job, the
 * titles reaching the threshold; in a team or location, its titles only, counted there.
 */
function titlesOfMatch(listed: SiteTitles, match: Match, keys: Keys, titles: ScoredTitle[]): ScoredTitle[] {
  if (match === 'job') return titles.filter((title) => title.score >= JOB_SIMILARITY_THRESHOLD);
  const within = match === 'team' ? listed.byTeam.get(keys.team!) : match === 'location' ? listed.byLocation.get(keys.location!) : undefined;
  if (!within) return titles;
  return titles.flatMap((title) => (within.has(title.key) ? [{ ...title, people: within.get(title.key)! }] : []));
}

/** The job of the site's list (the feed's, else the upload's) at a careers page's normalised address. */
function jobAtUrl(db: Db, siteId: number, urlKey: string) {
  return db
    .selectFrom('site_jobs')
    .select(['title', 'team', 'location'])
    .where('site_id', '=', siteId)
    .where('url_key', '=', urlKey)
    .where('source', '=', activeJobSource(siteId))
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
}

/** The best-ranked titles, whole ranks at a time, until they hold `wanted` listed people; all if they never do. */
function bestRanked(titles: ScoredTitle[], wanted: number): ScoredTitle[] {
  const sorted = [...titles].sort((a, b) => b.rank - a.rank);
  let people = 0;
  for (let i = 0; i < sorted.length; i++) {
    people += sorted[i]!.people;
    if (people >= wanted && sorted[i + 1]?.rank !== sorted[i]!.rank) return sorted.slice(0, i + 1);
  }
  return titles;
}

interface PageRequest {
  match: Match;
  conditions: Ranking;
  /** The titles whose people may be on the page (in the job, or all ranked); undefined without a job. */
  titles: ScoredTitle[] | undefined;
  /** The site's counts: a group nobody is in is not read. */
  listed: SiteTitles;
  keys: Keys;
  offset: number;
  limit: number;
}

/** The ids of a page's people, with the keys that order them (`rank0`…, `name_order`, `public_id`). */
interface ChosenPage {
  chosen: AliasedSelectQueryBuilder<{ id: number; public_id: string; name_order: string }, 'c'>;
  criteria: RawBuilder<unknown>[];
}

/** The rows of one page, and the one after it if there is one, in list order. */
async function pageOf(db: Db, siteId: number, request: PageRequest) {
  // The page is chosen first from the listed people's ids and sort keys alone (an index holds them);
  // then its few rows get their public columns.
  const { chosen, criteria }: ChosenPage = request.titles ? chosenByTitle(db, siteId, { ...request, titles: request.titles }) : chosenBySort(db, siteId, request);
  let ordered = publicColumns(db.selectFrom(chosen).innerJoin('people as p', 'p.id', 'c.id') as unknown as ReturnType<typeof visiblePeople>);
  for (const i of criteria.keys()) ordered = ordered.orderBy(sql.ref(`c.rank${i}`), 'desc');
  return ordered.orderBy(sql.ref('c.name_order')).orderBy(sql.ref('c.public_id')).execute();
}

/**
 * With a job, the list is ordered by title rank, then by the other criteria (true first), then by
 * name. Every title and combination of criteria is a group whose people an index lists in name
 * order, so each group gives its first `offset + limit + 1` people and stops there; only those few
 * are sorted, never the whole site or a tie of thousands of equally ranked people.
 */
function chosenByTitle(db: Db, siteId: number, { match, conditions, titles, listed, keys, offset, limit }: PageRequest & { titles: ScoredTitle[] }): ChosenPage {
  const ranking = ranked(conditions);
  // The match's own criterion is true for everyone it keeps: it orders nothing.
  const open = [
    match === 'team' ? undefined : ranking.team && { sql: ranking.team, holds: (group: ListedGroup) => group.team === keys.team },
    match === 'location' ? undefined : ranking.location && { sql: ranking.location, holds: (group: ListedGroup) => group.location === keys.location },
    ranking.speaks && { sql: ranking.speaks, holds: undefined },
  ].filter((criterion) => criterion !== undefined);
  const combinations = open.reduce<boolean[][]>(
    (all) =>
      all.flatMap((values) => [
        [...values, true],
        [...values, false],
      ]),
    [[]],
  );
  // Whether someone of the title may have these values (a group known empty is not read): the
  // title's groups say it of team and location together, its speakers of the language.
  const speaks = open.findIndex(({ holds }) => !holds);
  const anyone = (title: ScoredTitle, values: boolean[]) => {
    const speakers = listed.speakers.get(title.key)?.get(keys.language!) ?? 0;
    if (speaks >= 0 && (values[speaks] ? speakers === 0 : speakers >= listed.people.get(title.key)!)) return false;
    return (listed.groups.get(title.key) ?? []).some((group) => open.every(({ holds }, i) => !holds || holds(group) === values[i]));
  };
  const groups = titles.flatMap((title) => combinations.filter((values) => anyone(title, values)).map((values) => ({ title, values })));
  const column = <T>(type: string, value: (group: (typeof groups)[number]) => T) => sql`unnest(${groups.map(value)}::${sql.raw(type)})`;
  const groupColumns = [
    sql`${column('text[]', (g) => g.title.key)} as key`,
    sql`${column('float8[]', (g) => g.title.rank)} as rank`,
    ...open.map((_, i) => sql`${column('bool[]', (g) => g.values[i])} as ${sql.ref(`b${i}`)}`),
  ];
  const group = sql<{ key: string; rank: number }>`(select ${sql.join(groupColumns)})`;

  let firstOfGroup = visiblePeople(db, siteId)
    .select(['p.id', 'p.public_id', sql<string>`p.name_key collate "C"`.as('name_order')])
    .where('p.job_title_key', '=', sql<string>`g.key`)
    .where(matchCondition(match, conditions, true));
  open.forEach((criterion, i) => (firstOfGroup = firstOfGroup.where(sql<boolean>`${criterion.sql} = ${sql.ref(`g.b${i}`)}`)));
  const first = firstOfGroup
    .orderBy(sql`p.name_key collate "C"`)
    .orderBy('p.public_id')
    .limit(offset + limit + 1);

  const criteria: RawBuilder<unknown>[] = [sql`g.rank`, ...open.map((_, i) => sql`${sql.ref(`g.b${i}`)}`)];
  let page = db
    .selectFrom(group.as('g'))
    .innerJoinLateral(first.as('f'), (join) => join.onTrue())
    .select(['f.id', 'f.public_id', 'f.name_order'])
    .select(criteria.map((criterion, i) => criterion.as(`rank${i}`)));
  for (const criterion of criteria) page = page.orderBy(criterion, 'desc');
  return {
    chosen: page
      .orderBy('f.name_order')
      .orderBy('f.public_id')
      .limit(limit + 1)
      .offset(offset)
      .as('c'),
    criteria,
  };
}

/** Without a job: the listed people kept by the match, sorted by the criteria, then by name. */
function chosenBySort(db: Db, siteId: number, { match, conditions, offset, limit }: PageRequest): ChosenPage {
  const ranking = ranked(conditions);
  const criteria: RawBuilder<unknown>[] = [];
  for (const criterion of [ranking.team, ranking.location, ranking.speaks]) if (criterion) criteria.push(criterion);
  let page = visiblePeople(db, siteId)
    .where(matchCondition(match, conditions, false))
    .select(['p.id', 'p.public_id', sql<string>`p.name_key collate "C"`.as('name_order')])
    .select(criteria.map((criterion, i) => criterion.as(`rank${i}`)));
  for (const criterion of criteria) page = page.orderBy(criterion, 'desc');
  return {
    chosen: page
      .orderBy(sql`p.name_key collate "C"`)
      .orderBy('p.public_id')
      .limit(limit + 1)
      .offset(offset)
      .as('c'),
    criteria,
  };
}

/**
 * The same page with its cards read again: for a write that changed what cards say but not who is
 * listed or in which order (the site's order version did not move). Chosen again if someone is gone.
 */
export async function refreshPublicPeople(
  db: Db,
  site: { id: number; slug: string },
  query: PeopleQuery,
  previous: ListedPeople,
  photoBase: string,
  publicVersion?: string,
): Promise<ListedPeople> {
  const ids = previous.items.map((person) => person.id);
  if (ids.length === 0) return previous;
  const rows = await publicColumns(visiblePeople(db, site.id)).where('p.public_id', 'in', ids).execute();
  if (rows.length !== ids.length) return listPublicPeople(db, site, query, photoBase, publicVersion);
  const byId = new Map(rows.map((row) => [row.public_id, row]));
  return { ...previous, items: ids.map((id) => toPublicPerson(byId.get(id)!, site.slug, photoBase)) };
}

interface ScoredTitle {
  key: string;
  score: number;
  /** Listed people with this title (kept by triggers). */
  people: number;
  /** The score to 2 decimals: titles this close rank together, then by team, location, language. */
  rank: number;
}

/** The site's listed titles scored against the candidate's (folded): those reaching `threshold`, or when none does, all of them. */
function scoredTitles(listed: SiteTitles, job: string, threshold: number): ScoredTitle[] {
  return listed.scorer.score(job, threshold).map(({ title, score }) => ({
    key: title,
    score,
    people: listed.people.get(title)!,
    rank: Math.round(score * 100) / 100,
  }));
}

export async function findPublicPerson(db: Db, site: { id: number; slug: string }, publicId: string, photoBase: string) {
  if (hasNul(publicId)) return undefined;
  const row = await publicColumns(visiblePeople(db, site.id)).where('p.public_id', '=', publicId).executeTakeFirst();
  return row && toPublicPerson(row, site.slug, photoBase);
}

/** The cards of listed people by database id, as the grid shows them (published answers name who answered). */
export async function listedCards(db: Db, site: { id: number; slug: string }, personIds: number[], photoBase: string): Promise<Map<number, PublicPerson>> {
  if (personIds.length === 0) return new Map();
  const rows = await publicColumns(visiblePeople(db, site.id)).select('p.id').where('p.id', 'in', personIds).execute();
  return new Map(rows.map((row) => [row.id, toPublicPerson(row, site.slug, photoBase)]));
}

/** The card a person's profile makes, whether or not it is listed: the preview on /me. */
export async function previewPerson(db: Db, personId: number, photoBase: string) {
  const row = await publicColumns(db.selectFrom('people as p'))
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select('s.slug')
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  return toPublicPerson(row, row.slug, photoBase);
}

/** A listed person's photo; undefined for anyone not listed or without one. */
export async function findListedPhoto(db: Db, siteId: number, publicId: string) {
  if (hasNul(publicId)) return undefined;
  return visiblePeople(db, siteId)
    .innerJoin('photos as ph', 'ph.person_id', 'p.id')
    .select(['ph.data', 'ph.content_type'])
    .where('p.public_id', '=', publicId)
    .executeTakeFirst();
}

/** The display name of a listed person, for the avatar; undefined for anyone not listed. */
export async function findListedDisplayName(db: Db, siteId: number, publicId: string) {
  if (hasNul(publicId)) return undefined;
  const row = await visiblePeople(db, siteId).select('p.display_name').where('p.public_id', '=', publicId).executeTakeFirst();
  return row?.display_name;
}

/** Listed: still there or alumni, and their latest "show my profile" decision is a grant (kept by triggers). */
function visiblePeople(db: Db, siteId: number) {
  return db.selectFrom('people as p').where('p.site_id', '=', siteId).where('p.listed', '=', true);
}

/** The team and location a query names, folded as the people's `team_key` and `location_key` are, and its language. */
interface Keys {
  team: string | undefined;
  location: string | undefined;
  language: string | undefined;
}

/** SQL for each criterion besides the job title that the query names; absent when it doesn't. */
interface Ranking {
  team?: RawBuilder<boolean>;
  location?: RawBuilder<boolean>;
  speaks?: RawBuilder<boolean>;
}

/**
 * Each criterion as a condition (null for a person without a team or location) on the folded
 * columns, as the indexes have them; `ranked` makes them never null, to sort on.
 */
function conditionsOf(keys: Keys): Ranking {
  const language = keys.language;
  return {
    team: keys.team === undefined ? undefined : sql<boolean>`p.team_key = ${keys.team}`,
    location: keys.location === undefined ? undefined : sql<boolean>`p.location_key = ${keys.location}`,
    // `@>` rather than `= any`: the GIN index on languages serves it, and it is never null.
    speaks: language ? sql<boolean>`p.languages @> array[${language}]::text[]` : undefined,
  };
}

function ranked(conditions: Ranking): Ranking {
  const never = (condition?: RawBuilder<boolean>) => condition && sql<boolean>`coalesce(${condition}, false)`;
  return { team: never(conditions.team), location: never(conditions.location), speaks: conditions.speaks };
}

/** The first of job, team and location (those the query names) that some listed person matches; else all. */
function bestMatch(listed: SiteTitles, keys: Keys, titles: ScoredTitle[] | undefined): Match {
  if (titles?.some((title) => title.score >= JOB_SIMILARITY_THRESHOLD)) return 'job';
  if (keys.team !== undefined && listed.byTeam.has(keys.team)) return 'team';
  if (keys.location !== undefined && listed.byLocation.has(keys.location)) return 'location';
  return 'all';
}

/** Who the match keeps; for `job`, the job's titles already did (`titlesKept`), if the query names one. */
function matchCondition(match: Match, conditions: Ranking, titlesKept: boolean) {
  switch (match) {
    case 'job':
      return sql<boolean>`${sql.lit(titlesKept)}`;
    case 'team':
      return conditions.team ?? sql<boolean>`false`;
    case 'location':
      return conditions.location ?? sql<boolean>`false`;
    case 'all':
      return sql<boolean>`true`;
  }
}

function publicColumns(people: ReturnType<typeof visiblePeople>) {
  return people.select([
    'p.paused_until',
    // At the weekly cap: as busy as paused (the cap counts requests forwarded in the last 7 days).
    sql<boolean>`(
      select count(*) from contact_requests r
      where r.person_id = p.id and r.status in ('confirmed', 'answered', 'declined')
        and r.confirmed_at > now() - interval '7 days'
    ) >= p.weekly_cap`.as('at_cap'),
    sql<string | null>`(select ph.version from photos ph where ph.person_id = p.id)`.as('photo_version'),
    'p.public_id',
    'p.display_name',
    'p.job_title',
    'p.team',
    'p.location',
    'p.languages',
    'p.bio',
    'p.photo_url',
    'p.status',
    'p.career_path',
    // The reply time leaves the server only with the person's opt-in.
    sql<number | null>`case when p.show_reply_time then p.reply_days end`.as('reply_days'),
    sql<Channel[] | null>`(
      select case when c.granted then c.details->'channels' end from consents c
      where c.person_id = p.id and c.purpose = 'contact'
      order by c.id desc limit 1
    )`.as('channels'),
  ]);
}

type PublicRow = {
  paused_until: Date | null;
  at_cap: boolean;
  photo_version: string | null;
  public_id: string;
  display_name: string;
  job_title: string;
  team: string | null;
  location: string | null;
  languages: string[];
  bio: string | null;
  photo_url: string | null;
  status: string;
  channels: Channel[] | null;
  career_path: PathStep[];
  reply_days: number | null;
};

/** The only way a person leaves the server: field by field, nothing else. */
function toPublicPerson(row: PublicRow, siteSlug: string, photoBase: string, now = new Date()): PublicPerson {
  const personUrl = `${photoBase}/v1/sites/${encodeURIComponent(siteSlug)}/people/${row.public_id}`;
  const pausedUntil = row.paused_until && row.paused_until > now ? row.paused_until : null;
  return {
    id: row.public_id,
    displayName: row.display_name,
    jobTitle: row.job_title,
    team: row.team,
    location: row.location,
    languages: row.languages,
    bio: row.bio,
    photoUrl: row.photo_version ? `${personUrl}/photo.webp?v=${row.photo_version}` : (row.photo_url ?? `${personUrl}/avatar.svg`),
    hasPhoto: Boolean(row.photo_version || row.photo_url),
    channels: row.channels ?? [],
    availability: row.at_cap || pausedUntil ? 'busy' : 'open',
    availableFrom: pausedUntil && pausedUntil.toISOString().slice(0, 10),
    kind: row.status === 'alumni' ? 'alumni' : 'employee',
    ...(row.reply_days === null ? {} : { replyDays: row.reply_days }),
    ...(row.career_path.length === 0 ? {} : { path: row.career_path }),
  };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.offset, cursor.match])).toString('base64url');
}

/** Far past any site's staff; a larger offset is forged (and would overflow the SQL's bigint). */
const MAX_OFFSET = 1_000_000;

function decodeCursor(value: string): Cursor {
  try {
    const [offset, match] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Number.isInteger(offset) && offset > 0 && offset <= MAX_OFFSET && ['job', 'team', 'location', 'all'].includes(match)) {
      return { offset, match };
    }
  } catch {
    // fall through: any malformed cursor is the caller's mistake
  }
  throw new InvalidCursorError('cursor is not one this server returned');
}
