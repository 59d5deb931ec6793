/**
 * The job feed formats a site can point at, read into the job list's shape. Each schema takes what
 * it needs and ignores the rest: the providers add fields over time.
 */
import { parseHTML } from 'linkedom';
import * as z from 'zod/mini';
import { JOB_TEXT_MAX, JOB_URL_MAX, isCareersUrl, type SiteJobInput } from '../../sdk/admin-schemas.js';
import { pageJobPosting } from '../../components/shared/job-posting.js';
import { FeedFailure } from './feed-http.js';

export type ReadKind = 'greenhouse' | 'lever' | 'sitemap';

const text = z.optional(z.nullable(z.string()));
const named = z.optional(z.nullable(z.object({ name: text })));

/** Greenhouse Job Board API: `GET https://boards-api.greenhouse.io/v1/boards/<board>/jobs`. */
export const GreenhouseFeed = z.object({
  jobs: z.array(
    z.object({
      title: z.string(),
      absolute_url: text,
      location: named,
      departments: z.optional(z.nullable(z.array(z.object({ name: text })))),
    }),
  ),
});

/** Lever Postings API: `GET https://api.lever.co/v0/postings/<company>?mode=json`. */
export const LeverFeed = z.array(
  z.object({
    text: z.string(),
    hostedUrl: text,
    categories: z.optional(z.nullable(z.object({ team: text, department: text, location: text }))),
  }),
);

/** A value as the job list stores it: whitespace collapsed, within the limit, or nothing. */
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim().slice(0, JOB_TEXT_MAX) || null;
const cleanUrl = (value: string | null | undefined) => (value && value.length <= JOB_URL_MAX && isCareersUrl(value) ? value : null);

function job(title: string | null | undefined, url: string | null | undefined, team: string | null | undefined, location: string | null | undefined): SiteJobInput[] {
  const cleaned = clean(title);
  return cleaned ? [{ title: cleaned, url: cleanUrl(url), team: clean(team), location: clean(location) }] : [];
}

/** A JSON feed's jobs, in its kind (or the kind its shape says, for `auto`). */
export function readJsonFeed(body: string, kind: 'auto' | 'greenhouse' | 'lever'): { kind: ReadKind; jobs: SiteJobInput[] } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new FeedFailure('not_json', `the feed is not JSON (${(error as Error).message})`);
  }
  if (kind !== 'lever') {
    const greenhouse = GreenhouseFeed.safeParse(value);
    if (greenhouse.success)
      return { kind: 'greenhouse', jobs: greenhouse.data.jobs.flatMap((j) => job(j.title, j.absolute_url, j.departments?.[0]?.name, j.location?.name)) };
    if (kind === 'greenhouse') throw wrongShape('Greenhouse', greenhouse.error);
  }
  const lever = LeverFeed.safeParse(value);
  if (lever.success)
    return { kind: 'lever', jobs: lever.data.flatMap((j) => job(j.text, j.hostedUrl, j.categories?.team ?? j.categories?.department, j.categories?.location)) };
  if (kind === 'lever') throw wrongShape('Lever', lever.error);
  throw new FeedFailure('wrong_shape', 'the JSON is neither a Greenhouse job board ({ "jobs": [...] }) nor a Lever postings list ([{ "text", "hostedUrl" }])');
}

function wrongShape(format: string, error: z.core.$ZodError): FeedFailure {
  const issue = error.issues[0]!;
  return new FeedFailure('wrong_shape', `not a ${format} feed: ${issue.path.join('.') || 'the document'}: ${issue.message}`);
}

/** Whether a body looks like XML (a sitemap) rather than JSON. */
export const looksLikeXml = (body: string) => body.trimStart().startsWith('<');

/** A sitemap's addresses (`<loc>`), and whether it is an index of sitemaps. */
export function readSitemap(body: string): { index: boolean; urls: string[] } {
  const index = /<(\w+:)?sitemapindex[\s>]/.test(body);
  if (!index && !/<(\w+:)?urlset[\s>]/.test(body)) throw new FeedFailure('wrong_shape', 'the XML is not a sitemap (no <urlset> or <sitemapindex>)');
  const urls = [...body.matchAll(/<(?:\w+:)?loc>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*<\/(?:\w+:)?loc>/gs)].map((match) => decodeXml(match[1]!.trim()));
  return { index, urls: urls.filter((url) => URL.canParse(url)) };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (value: string) =>
  value.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, name: string) =>
    name.startsWith('#') ? String.fromCodePoint(parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10)) : (XML_ENTITIES[name] ?? entity),
  );

/** The job of a page with a schema.org JobPosting (read as the elements read it), at the page's address. */
export function readJobPage(html: string, url: string): SiteJobInput | undefined {
  const { document } = parseHTML(html);
  const posting = pageJobPosting(document);
  return job(posting.job, url, posting.team, posting.location)[0];
}
