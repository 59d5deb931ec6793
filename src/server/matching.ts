import { sql, type Expression, type RawBuilder } from 'kysely';
import { DEFAULT_LIMIT, type Channel, type Match, type PeopleQuery, type PublicPerson } from '../sdk/schemas.js';
import { hasNul } from './nul.js';
import type { Db } from './store/database.js';
import { scoreTitles } from './trigrams.js';

/** Below this title similarity (0–1, trigrams, case and accents folded) a person is not "in the job". */
export const JOB_SIMILARITY_THRESHOLD = 0.4;

export interface ListedPeople {
  items: PublicPerson[];
  match: Match;
  nextCursor: string | null;
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
 */
export async function listPublicPeople(
  db: Db,
  site: { id: number; slug: string },
  query: PeopleQuery,
  photoBase: string,
): Promise<ListedPeople> {
  const limit = Number(query.limit ?? DEFAULT_LIMIT);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  // Outside the job (a later page of a fallback list), every title is ranked.
  const threshold = !cursor || cursor.match === 'job' ? JOB_SIMILARITY_THRESHOLD : Infinity;
  const titles = query.job ? await scoredTitles(db, site.id, query.job, threshold) : undefined;
  const ranking = rankingOf(query);
  const match = cursor?.match ?? (await bestMatch(db, site.id, ranking, titles));
  const offset = cursor?.offset ?? 0;

  // The page is chosen first from the listed people alone; then its few rows get their public columns.
  let people = visiblePeople(db, site.id);
  let score: RawBuilder<number> | undefined;
  if (titles && match === 'job') {
    // Only the job's titles, whose people the index finds directly; each one's rank read from the list.
    const inJob = titles.filter((title) => title.score >= JOB_SIMILARITY_THRESHOLD);
    const keys = inJob.map((title) => title.key);
    people = people.where('p.job_title_key', '=', sql<string>`any(${keys}::text[])`);
    score = sql<number>`(${inJob.map((title) => title.rank)}::float8[])[array_position(${keys}::text[], p.job_title_key)]`;
  } else if (titles) {
    // Outside the job, every title ranks: joined, rather than looked up person by person.
    const keys = titles.map((title) => title.key);
    const ranks = titles.map((title) => title.rank);
    const scored = sql<{ key: string; rank: number }>`(select unnest(${keys}::text[]) as key, unnest(${ranks}::float8[]) as rank)`;
    people = people.innerJoin(scored.as('titles'), 'titles.key', 'p.job_title_key');
    score = sql<number>`titles.rank`;
  }
  const criteria: RawBuilder<unknown>[] = [];
  for (const criterion of [score, ranking.team, ranking.location, ranking.speaks]) if (criterion) criteria.push(criterion);
  let page = people
    .where(matchCondition(match, ranking, titles !== undefined))
    .selectAll('p')
    .select(sql<string>`p.name_key collate "C"`.as('name_order'))
    .select(criteria.map((criterion, i) => criterion.as(`rank${i}`)));
  for (const criterion of criteria) page = page.orderBy(criterion, 'desc');
  const chosen = page.orderBy(sql`p.name_key collate "C"`).orderBy('p.public_id').limit(limit + 1).offset(offset);

  // Selected from the page as `p`: the public columns' subqueries run for its rows only.
  let ordered = publicColumns(db.selectFrom(chosen.as('p')) as unknown as ReturnType<typeof visiblePeople>);
  for (const i of criteria.keys()) ordered = ordered.orderBy(sql.ref(`p.rank${i}`), 'desc');
  const rows = await ordered.orderBy(sql.ref('p.name_order')).orderBy('p.public_id').execute();

  const hasMore = rows.length > limit;
  return {
    items: rows.slice(0, limit).map((row) => toPublicPerson(row, site.slug, photoBase)),
    match,
    nextCursor: hasMore ? encodeCursor({ offset: offset + limit, match }) : null,
  };
}

interface ScoredTitle {
  key: string;
  score: number;
  /** The score to 2 decimals: titles this close rank together, then by team, location, language. */
  rank: number;
}

/**
 * The site's listed job titles scored against the candidate's (one small read): those reaching
 * `threshold`, or when none does, all of them.
 */
async function scoredTitles(db: Db, siteId: number, job: string, threshold: number): Promise<ScoredTitle[]> {
  const { folded, keys } = await db
    .selectNoFrom([
      sql<string>`hw_fold(${job})`.as('folded'),
      // As JSON: both drivers parse it faster than a text array.
      sql<string[]>`(select coalesce(json_agg(job_title_key), '[]') from listed_titles where site_id = ${siteId} and people > 0)`.as('keys'),
    ])
    .executeTakeFirstOrThrow();
  return scoreTitles(folded, keys, threshold).map(({ title, score }) => ({ key: title, score, rank: Math.round(score * 100) / 100 }));
}

export async function findPublicPerson(db: Db, site: { id: number; slug: string }, publicId: string, photoBase: string) {
  if (hasNul(publicId)) return undefined;
  const row = await publicColumns(visiblePeople(db, site.id))
    .where('p.public_id', '=', publicId)
    .executeTakeFirst();
  return row && toPublicPerson(row, site.slug, photoBase);
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

/** SQL for each criterion besides the job title that the query names; absent when it doesn't. */
interface Ranking {
  team?: RawBuilder<boolean>;
  location?: RawBuilder<boolean>;
  speaks?: RawBuilder<boolean>;
}

function rankingOf(query: PeopleQuery): Ranking {
  const language = query.lang?.split('-')[0]?.toLowerCase();
  return {
    team: query.team ? sql<boolean>`coalesce(hw_fold(p.team) = hw_fold(${query.team}), false)` : undefined,
    location: query.location ? sql<boolean>`coalesce(hw_fold(p.location) = hw_fold(${query.location}), false)` : undefined,
    speaks: language ? sql<boolean>`${language} = any(p.languages)` : undefined,
  };
}

/** The first of job, team and location (those the query names) that some listed person matches; else all. */
async function bestMatch(db: Db, siteId: number, ranking: Ranking, titles: ScoredTitle[] | undefined): Promise<Match> {
  if (titles?.some((title) => title.score >= JOB_SIMILARITY_THRESHOLD)) return 'job';
  const listed = visiblePeople(db, siteId).select(sql`1`.as('one'));
  const asked: [Match, Expression<unknown>][] = [];
  if (ranking.team) asked.push(['team', listed.where(ranking.team)]);
  if (ranking.location) asked.push(['location', listed.where(ranking.location)]);
  if (asked.length === 0) return 'all';
  const found: Record<string, boolean> = await db
    .selectNoFrom(asked.map(([name, subquery]) => sql<boolean>`exists (${subquery})`.as(name)))
    .executeTakeFirstOrThrow();
  return asked.find(([name]) => found[name])?.[0] ?? 'all';
}

/** Who the match keeps; for `job`, the job's titles already did (`titlesKept`), if the query names one. */
function matchCondition(match: Match, ranking: Ranking, titlesKept: boolean) {
  switch (match) {
    case 'job':
      return sql<boolean>`${sql.lit(titlesKept)}`;
    case 'team':
      return ranking.team ?? sql<boolean>`false`;
    case 'location':
      return ranking.location ?? sql<boolean>`false`;
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
    photoUrl: row.photo_version
      ? `${personUrl}/photo.webp?v=${row.photo_version}`
      : (row.photo_url ?? `${personUrl}/avatar.svg`),
    hasPhoto: Boolean(row.photo_version || row.photo_url),
    channels: row.channels ?? [],
    availability: row.at_cap || pausedUntil ? 'busy' : 'open',
    availableFrom: pausedUntil && pausedUntil.toISOString().slice(0, 10),
    kind: row.status === 'alumni' ? 'alumni' : 'employee',
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
