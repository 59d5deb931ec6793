import type { IncomingMessage, ServerResponse } from 'node:http';
import { PeopleQuery, type Match } from '../sdk/schemas.js';
import { NO_JOB, analyticsCounter } from './analytics/counter.js';
import { TestimonialQuery } from '../sdk/testimonial-schemas.js';
import { listPublicPeople, refreshPublicPeople, type ListedPeople } from './public-people.js';
import { PublicCache, acceptsGzip, etagMatches, type CachedAnswer } from './public-cache.js';
import { siteReader } from './site.js';
import type { Db } from './store/database.js';
import type { Site } from './store/schema.js';
import { listPublicTestimonials } from './testimonials/testimonials.js';
import { AnswerQuery } from '../sdk/answer-schemas.js';
import { listPublicAnswers } from './answers/published.js';

/** Public reads: any page may fetch them, caches may keep them a minute and revalidate with ETags. */
export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=600';
export const PUBLIC_READ_HEADERS = {
  'Cache-Control': PUBLIC_CACHE,
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
  Vary: 'Accept-Encoding',
};

export type ListKind = 'people' | 'testimonials' | 'questions';

export interface ListAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | null;
}

const QUERIES = { people: PeopleQuery, testimonials: TestimonialQuery, questions: AnswerQuery };

/**
 * The public people and testimonial lists, from an in-process cache keyed by the site's public
 * version (bumped by a trigger with every write that changes what candidates see). The Hono routes
 * answer through it, and so does `fastPath`, which serves them straight from `node:http`.
 */
export function publicLists(db: Db, publicUrl: string, cache = new PublicCache()) {
  const produce: Record<ListKind, (site: Site, version: string, query: never, stale?: unknown) => Promise<unknown>> = {
    people: (site, version, query: PeopleQuery, stale?: unknown) =>
      stale ? refreshPublicPeople(db, site, query, stale as ListedPeople, publicUrl, version) : listPublicPeople(db, site, query, publicUrl, version),
    testimonials: (site, _version, query: Parameters<typeof listPublicTestimonials>[2]) => listPublicTestimonials(db, site.id, query),
    questions: (site, _version, query: AnswerQuery) => listPublicAnswers(db, site, query, publicUrl),
  };

  const parse = (kind: ListKind, query: Record<string, string>) => QUERIES[kind].safeParse(query);

  /** The list answer, 304 when `ifNoneMatch` names it, gzipped when the client accepts it. */
  async function answer(
    kind: ListKind,
    site: Site,
    version: string,
    query: unknown,
    request: { ifNoneMatch?: string | undefined; acceptEncoding?: string | undefined },
  ): Promise<ListAnswer> {
    const cached = await cache.get(`${site.id} ${kind} ${JSON.stringify(query)}`, version, (stale) => produce[kind](site, version, query as never, stale));
    countServed(kind, site, query as { job?: string; cursor?: string }, matchOf.get(cached) ?? readMatch(cached));
    const headers = answerHeaders(cached);
    if (etagMatches(request.ifNoneMatch, cached.etag)) return { status: 304, headers: headers.notModified, body: null };
    if (acceptsGzip(request.acceptEncoding)) return { status: 200, headers: headers.gzipped, body: cached.gzipped() };
    return { status: 200, headers: headers.plain, body: cached.body };
  }

  // Analytics: a list's first page served (304s too) counts once, for the page's job when the list
  // matched it. A map increment: nothing waits for the database (analytics/counter.ts).
  const counter = analyticsCounter(db);
  const matchOf = new WeakMap<CachedAnswer, Match>();
  function readMatch(cached: CachedAnswer) {
    const { match } = JSON.parse(cached.body) as { match: Match };
    matchOf.set(cached, match);
    return match;
  }
  function countServed(kind: ListKind, site: Site, query: { job?: string; cursor?: string }, match: Match) {
    if (query.cursor || kind === 'questions') return;
    counter.count(site.id, match === 'job' ? query.job : NO_JOB, kind === 'people' ? 'lists' : 'testimonials');
  }

  // The headers of each answer, made once per cached answer rather than once per request.
  const headersOf = new WeakMap<CachedAnswer, { notModified: Record<string, string>; gzipped: Record<string, string>; plain: Record<string, string> }>();
  function answerHeaders(cached: CachedAnswer) {
    let headers = headersOf.get(cached);
    if (!headers) {
      const notModified = { ...PUBLIC_READ_HEADERS, ETag: cached.etag };
      const plain = { ...notModified, 'Content-Type': 'application/json' };
      headers = { notModified, plain, gzipped: { ...plain, 'Content-Encoding': 'gzip' } };
      headersOf.set(cached, headers);
    }
    return headers;
  }

  // A query string read once: the same few come from every candidate on a job page.
  const parsedQueries = new Map<string, ReturnType<typeof parse> | undefined>();
  function parseSearch(kind: ListKind, raw: string) {
    const key = `${kind}?${raw}`;
    if (parsedQueries.has(key)) return parsedQueries.get(key);
    const search = new URLSearchParams(raw);
    const query = Object.fromEntries(search);
    // A repeated key is the app's to judge.
    const parsed = Object.keys(query).length === search.size ? parse(kind, query) : undefined;
    if (parsedQueries.size >= 2_000) parsedQueries.delete(parsedQueries.keys().next().value!);
    parsedQueries.set(key, parsed);
    return parsed;
  }

  const sites = siteReader(db);
  const PATH = /^\/v1\/sites\/([\w-]+)\/(people|testimonials|questions)(?:\?(.*))?$/;

  /**
   * Answers a valid GET of a list without Hono, or returns false and leaves the request to the app
   * (anything else, and every error, whose answer the app gives).
   */
  function fastPath(request: IncomingMessage, response: ServerResponse, fallback: () => void): boolean {
    const match = request.method === 'GET' ? PATH.exec(request.url ?? '') : null;
    if (!match) return false;
    void (async () => {
      const kind = match[2] as ListKind;
      const parsed = parseSearch(kind, match[3] ?? '');
      const found = parsed?.success ? await sites.read(match[1]!) : undefined;
      if (!found || !parsed?.success) return fallback();
      const { ifNoneMatch, acceptEncoding } = { ifNoneMatch: request.headers['if-none-match'], acceptEncoding: request.headers['accept-encoding'] };
      const list = await answer(kind, found.site, found.publicVersion, parsed.data, { ifNoneMatch, acceptEncoding });
      response.writeHead(list.status, list.headers).end(list.body);
    })().catch(() => fallback());
    return true;
  }

  return { parse, answer, fastPath };
}
