/**
 * The HTTP contract of Hallway, v1. The server validates with these very schemas and the SDK
 * validates every response with them, so the two cannot drift apart.
 */
import * as z from 'zod/mini';
import { normaliseJobUrl } from './job-url.js';
import { MAX_LIMIT } from './limits.js';
import { PATH_MAX_STEPS, TESTIMONIAL_LIMITS } from './role-limits.js';

export { DEFAULT_LIMIT, MAX_LIMIT } from './limits.js';
export { PATH_MAX_STEPS } from './role-limits.js';

/** Contact ways a person opted into. */
export const Channel = z.enum(['message', 'booking']);

const pathYear = z.number().check(z.int(), z.minimum(TESTIMONIAL_LIMITS.firstYear), z.maximum(TESTIMONIAL_LIMITS.lastYear));

/** One role of a person's "My path here", limited as a testimonial's roles held. */
export const PathStep = z
  .object({
    role: z.string().check(z.trim(), z.minLength(1), z.maxLength(TESTIMONIAL_LIMITS.role)),
    fromYear: pathYear,
    /** null for the role the person holds now. */
    toYear: z.nullable(pathYear),
  })
  .check(z.refine((step) => step.toYear === null || step.toYear >= step.fromYear, 'toYear must not be before fromYear'));

/** Roles held at the company, oldest first. */
export const CareerPath = z.array(PathStep).check(z.maxLength(PATH_MAX_STEPS));

/** What a candidate may see of a person: nothing else ever leaves the server. */
export const PublicPerson = z.object({
  /** Opaque public id; not the database key. */
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string(),
  team: z.nullable(z.string()),
  location: z.nullable(z.string()),
  /** BCP 47 language codes the person speaks, e.g. `["fr", "en"]`. */
  languages: z.array(z.string()),
  bio: z.nullable(z.string()),
  /** Served by the Hallway server itself, or any https URL. */
  photoUrl: z.url({ protocol: /^https?$/ }),
  /**
   * `false` when the person has no photo: `photoUrl` is then an initials avatar, which a page may draw
   * itself instead (initials of `displayName`, colour from `id`: see `initials.ts`). Absent from older servers.
   */
  hasPhoto: z.optional(z.boolean()),
  channels: z.array(Channel),
  /** `busy` while the person paused contacts or reached their weekly cap. */
  availability: z.enum(['open', 'busy']),
  /** While the person paused contacts: the day (`YYYY-MM-DD`, UTC) they take questions again; else `null` (also at the weekly cap). */
  availableFrom: z.nullable(z.string()),
  kind: z.enum(['employee', 'alumni']),
  /**
   * How the person usually replies: the median of their answer times over the last 90 days, in whole
   * days rounded up (1 is "within a day"). Only once they answered at least 3 questions, and only if they allow it.
   */
  replyDays: z.optional(z.number().check(z.int(), z.minimum(1))),
  /** "My path here": the roles the person held at the company, oldest first; absent when they wrote none. */
  path: z.optional(CareerPath),
});

/** Which criterion the list was matched on, from the most to the least specific. */
export const Match = z.enum(['job', 'team', 'location', 'all']);

export const PeopleList = z.object({
  items: z.array(PublicPerson),
  match: Match,
  /** Pass it back as `cursor` for the next page; `null` on the last one. */
  nextCursor: z.nullable(z.string()),
  /** The job found at the query's `url`, when the page was matched by its address. */
  job: z.optional(z.string()),
});

/** What any page may know of a site: who it is, and which origins may send its people questions. */
export const PublicSite = z.object({
  slug: z.string(),
  name: z.string(),
  /** Origins (`https://careers.example.com`) whose pages may send questions; the Hallway server's own included. */
  contactOrigins: z.array(z.string()),
  /** The languages the site offers, and the one its elements speak on a page in another. */
  langs: z.optional(z.array(z.string())),
  defaultLang: z.optional(z.string()),
});

/** No NUL character: nothing a person types holds one, and PostgreSQL text cannot store it. */
export const noNul = () => z.refine<string>((value) => !value.includes('\0'), 'must not contain a NUL character');

const text = (max: number) => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max), noNul()));

/** Query of `GET /v1/sites/:site/people`. */
export const PeopleQuery = z.object({
  job: text(200),
  team: text(200),
  location: text(200),
  /** The candidate's language: people who speak it come first among equals. */
  lang: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  /**
   * The careers page's address, sent when the page has no JobPosting: the job of the site's list at
   * that address (normalised: no query, hash or trailing slash) then gives job, team and location.
   */
  url: z.optional(z.pipe(z.string().check(z.maxLength(2000), noNul()), z.transform(normaliseJobUrl))),
});

/** Stable error codes; clients branch on `code`, never on `message`. */
export const ErrorCode = z.enum([
  'not_found',
  'site_not_found',
  'person_not_found',
  'invalid_query',
  'invalid_body',
  'unauthorized',
  'forbidden',
  'token_invalid',
  'token_expired',
  'token_used',
  'invite_cooldown',
  'invalid_import',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'origin_not_allowed',
  'not_contactable',
  'cap_reached',
  'rate_limited',
  'challenge_failed',
  'internal',
  'unavailable',
  'overloaded',
]);

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The offending field, for `invalid_query` and `invalid_body`. */
    field: z.optional(z.string()),
  }),
});

export type Channel = z.infer<typeof Channel>;
export type PathStep = z.infer<typeof PathStep>;
export type PublicPerson = z.infer<typeof PublicPerson>;
export type Match = z.infer<typeof Match>;
export type PeopleList = z.infer<typeof PeopleList>;
export type PublicSite = z.infer<typeof PublicSite>;
export type PeopleQuery = z.input<typeof PeopleQuery>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type ErrorBody = z.infer<typeof ErrorBody>;
