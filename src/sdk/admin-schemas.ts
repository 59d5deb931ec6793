/**
 * The admin side of the contract: `/v1/admin`, reached with `Authorization: Bearer <admin key>`.
 * The server validates every request with these schemas; the admin client (and so the CLI) validates
 * every answer with them. Nothing here reaches the careers-page bundle: the elements never import it.
 */
import * as z from 'zod/mini';
import { TestimonialStatus } from './testimonial-schemas.js';

/** A people import (CSV or JSON) is at most this large; bigger files are split. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Every other admin request body. */
export const ADMIN_BODY_MAX_BYTES = 64 * 1024;
/** The longest value of an import cell (name, job title, team, …). */
export const IMPORT_TEXT_MAX = 200;
/** What an import takes for an e-mail address: no spaces, one `@`, a dot in the domain. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest e-mail address (64 + 1 + 255); also the longest person reference, which may be one. */
export const EMAIL_MAX = 320;
export const SITE_NAME_MAX = 200;
export const SITE_ORIGINS_MAX = 50;
export const CONSENT_VERSION_MAX = 40;
/** The largest page of `GET /v1/admin/sites/:site/people`. */
export const ADMIN_PAGE_MAX = 500;
export const REJECTION_REASON_MAX = 500;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An https origin, or http on this machine only (a web team's local copy of its careers site). */
export function isAllowedOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.origin === value && (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)));
}

/** A careers page: https, or http on this machine only, like the allowed origins. */
export function isCareersUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return !url.username && !url.password && (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)));
}

export const CAREERS_URL_MAX = 2000;
/** The site filter's listed words (issue 18): how many, and how long each. */
export const HELD_WORDS_MAX = 200;
export const HELD_WORD_MAX = 60;
export const SCIM_INVITE_AFTER_DAYS_MAX = 365;

/** The site's answer window (issue 18): days a confirmed question may wait before the candidate is offered someone else. */
export const ANSWER_WINDOW_MIN_DAYS = 1;
export const ANSWER_WINDOW_MAX_DAYS = 30;
export const DEFAULT_ANSWER_WINDOW_DAYS = 5;
export const DEFAULT_TIME_ZONE = 'Europe/Paris';
const TIME_ZONE_MAX = 64;

/** An IANA time zone this runtime knows, such as `Europe/Paris`. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length <= TIME_ZONE_MAX;
  } catch {
    return false;
  }
}

/** `#rrggbb` (or `#rgb`), any case; stored as lower-case `#rrggbb`. */
const AccentColor = z.pipe(
  z.string().check(z.regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a hex colour such as #8a2f3c')),
  z.transform((hex) => (hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (digit) => digit + digit) : hex).toLowerCase()),
);
const CareersUrl = z
  .string()
  .check(z.maxLength(CAREERS_URL_MAX), z.refine(isCareersUrl, 'must be a web address such as https://careers.example.com/jobs (http only for localhost)'));

const Origin = z.string().check(z.refine(isAllowedOrigin, 'must be an origin such as https://careers.example.com (http only for localhost)'));
const line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** The languages Hallway speaks: a site offers some of them. */
export const SITE_LANGS = ['en', 'fr'] as const;
export const THEME_RADIUS_MAX = 24;
/** The fonts a site may give its elements: keys of safe stacks, never free CSS; `inherit` takes the page's. */
export const THEME_FONT_STACKS = {
  inherit: 'inherit',
  'system-ui': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'sans-serif': 'Helvetica, Arial, sans-serif',
  serif: 'Georgia, "Times New Roman", serif',
  rounded: 'ui-rounded, "Trebuchet MS", sans-serif',
  monospace: 'ui-monospace, Menlo, Consolas, monospace',
} as const;
export type ThemeFont = keyof typeof THEME_FONT_STACKS;

/** `POST /v1/admin/sites`. */
export const SiteCreate = z.strictObject({
  slug: z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, '2 to 40 characters among a-z, 0-9 and -')),
  name: line(SITE_NAME_MAX),
  /** Origins whose pages may send questions to the site's people. */
  allowedOrigins: z.optional(z.array(Origin).check(z.maxLength(SITE_ORIGINS_MAX))),
  defaultLang: z.optional(z.enum(['en', 'fr'])),
  consentTextVersion: z.optional(line(CONSENT_VERSION_MAX)),
  /** The brand colour of the pages people land on from a mail, and of the mails' buttons; `null` clears it. */
  accentColor: z.optional(z.nullable(AccentColor)),
  /** Where those pages lead back to; without it, the page a question came from or the first allowed origin. `null` clears it. */
  careersUrl: z.optional(z.nullable(CareersUrl)),
  /** The site's filter (issue 18): questions with links, phone numbers or one of these words wait for a moderator. */
  holdLinks: z.optional(z.boolean()),
  holdPhones: z.optional(z.boolean()),
  heldWords: z.optional(z.array(line(HELD_WORD_MAX)).check(z.maxLength(HELD_WORDS_MAX))),
  /** SCIM: invite a newly provisioned user this many days after they arrive; `null`: never. */
  scimInviteAfterDays: z.optional(z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(SCIM_INVITE_AFTER_DAYS_MAX)))),
  /** SCIM: invite a user the identity provider deactivates to appear as alumni. */
  scimInviteAlumni: z.optional(z.boolean()),
  /** Days a confirmed question may stay unanswered before the candidate is offered someone else (default 5). */
  answerWindowDays: z.optional(z.int().check(z.minimum(ANSWER_WINDOW_MIN_DAYS), z.maximum(ANSWER_WINDOW_MAX_DAYS))),
  /** The site's working days' time zone (IANA, default `Europe/Paris`): a reminder goes out Mon–Fri, 9–17 there only. */
  timeZone: z.optional(z.string().check(z.refine(isTimeZone, 'must be a time zone such as Europe/Paris'))),
  /** The languages the site offers; elements on a page in another language speak `defaultLang`, which must be one of them. */
  langs: z.optional(
    z.array(z.enum(SITE_LANGS)).check(
      z.minLength(1),
      z.refine((langs) => new Set(langs).size === langs.length, 'must not repeat a language'),
    ),
  ),
  /** Theme of the elements (`/v1/sites/:site/theme.css`): corner radius in px; `null` clears each token. */
  themeRadius: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(THEME_RADIUS_MAX)))),
  themeFont: z.optional(z.nullable(z.enum(Object.keys(THEME_FONT_STACKS) as [ThemeFont, ...ThemeFont[]]))),
  /** The cards' background and text: together, and readable (WCAG AA, 4.5:1). */
  themeSurface: z.optional(z.nullable(AccentColor)),
  themeText: z.optional(z.nullable(AccentColor)),
});

/** `PATCH /v1/admin/sites/:site`: only the fields given change. */
export const SiteUpdate = z.partial(SiteCreate);

export const AdminSite = z.object({
  slug: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  defaultLang: z.string(),
  consentTextVersion: z.string(),
  accentColor: z.nullable(z.string()),
  careersUrl: z.nullable(z.string()),
  scimInviteAfterDays: z.nullable(z.number()),
  scimInviteAlumni: z.boolean(),
  createdAt: z.iso.datetime(),
  holdLinks: z.optional(z.boolean()),
  holdPhones: z.optional(z.boolean()),
  heldWords: z.optional(z.array(z.string())),
  answerWindowDays: z.optional(z.number()),
  timeZone: z.optional(z.string()),
  langs: z.optional(z.array(z.string())),
  themeRadius: z.optional(z.nullable(z.number())),
  themeFont: z.optional(z.nullable(z.string())),
  themeSurface: z.optional(z.nullable(z.string())),
  themeText: z.optional(z.nullable(z.string())),
});

export const AdminSiteList = z.object({ items: z.array(AdminSite) });

export const PersonStatus = z.enum(['employee', 'left', 'alumni']);

/** The largest id of an `integer` column: a cursor past it is forged. */
const MAX_ID = 2_147_483_647;
const NOT_A_CURSOR = 'not a cursor this server returned';

/** Query of `GET /v1/admin/sites/:site/people`. */
export const AdminPeopleQuery = z.strictObject({
  status: z.optional(PersonStatus),
  /** Words found in the name, e-mail, job title, team or location (HR workspace search). */
  q: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(ADMIN_PAGE_MAX)), 100),
  /** The `nextCursor` of the previous page. */
  cursor: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,10}$/, NOT_A_CURSOR)), z.transform(Number)).check(z.refine((id) => id <= MAX_ID, NOT_A_CURSOR))),
});

/** What an admin sees of a person: HR data, e-mail included, and the consent state (read only). */
export const AdminPerson = z.object({
  /** The public id. */
  id: z.string(),
  externalId: z.nullable(z.string()),
  email: z.string(),
  fullName: z.string(),
  displayName: z.string(),
  jobTitle: z.string(),
  team: z.nullable(z.string()),
  location: z.nullable(z.string()),
  languages: z.array(z.string()),
  status: PersonStatus,
  invitedAt: z.nullable(z.iso.datetime()),
  showProfile: z.boolean(),
  contact: z.boolean(),
});

export const AdminPeopleList = z.object({
  items: z.array(AdminPerson),
  /** Pass it back as `cursor` for the next page; `null` on the last one. */
  nextCursor: z.nullable(z.string()),
});

/** The answer to a people import (`text/csv` or `application/json` body). */
export const ImportReport = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  total: z.number(),
  /** People whose e-mail address changed: the links sent to the old address and their sessions were revoked. */
  emailChanged: z.number(),
});

/** One reason a file was refused. CSV: `line` in the file (header = 1); JSON: position in the array (first = 1). */
export const ImportProblem = z.object({
  line: z.number(),
  field: z.string(),
  /** English, for API users; `code` and `params` say the same, for a UI in another language. */
  reason: z.string(),
  /** One of IMPORT_PROBLEM_CODES (a newer server may send others: show `reason` then). */
  code: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

/** What can be wrong in a people file; `params` by code: row_too_long `kb`, invalid_csv `detail`, value_count `expected` `found`,
 * unknown_column/unknown_field `expected`, same_*_as_line `other`, too_long `max`, invalid_languages `values`, invalid_status `value`,
 * email_has_external_id `externalId`. */
export const IMPORT_PROBLEM_CODES = [
  'row_too_long',
  'invalid_csv',
  'value_count',
  'unknown_column',
  'duplicate_column',
  'missing_column',
  'not_an_array',
  'not_an_object',
  'unknown_field',
  'not_a_string',
  'same_email_as_line',
  'same_external_id_as_line',
  'required',
  'too_long',
  'nul_character',
  'invalid_email',
  'invalid_languages',
  'invalid_status',
  'email_of_another_person',
  'email_has_external_id',
  'same_person_as_line',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/**
 * Why a job list was refused (`PUT …/jobs`, 400 `invalid_body`): `line` (CSV: header = 1; JSON: the job's place, first = 1),
 * `field`, and a code: invalid_csv/invalid_json/invalid_list `detail`, unknown_column `expected`, missing_column,
 * value_count `expected` `found`, invalid_value `detail` (the contract's English words).
 */
export const JobListProblem = z.object({
  line: z.optional(z.number()),
  field: z.optional(z.string()),
  code: z.string(),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type JobListProblem = z.infer<typeof JobListProblem>;
export const JobListRefusal = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()), problem: JobListProblem }),
});
export type JobListRefusal = z.infer<typeof JobListRefusal>;

/** The 422 answer to an import refused as a whole (nothing was imported). */
export const ImportRefusal = z.object({
  error: z.object({
    code: z.literal('invalid_import'),
    message: z.string(),
    /** The first problems (at most 100); `problemCount` says how many there are in all. */
    problems: z.array(ImportProblem),
    problemCount: z.number(),
  }),
});

/** `POST /v1/admin/sites/:site/invitations`: one person (public id, external id or e-mail), or every employee not yet invited. */
export const InvitationRequest = z.strictObject({ person: z.optional(line(EMAIL_MAX)), all: z.optional(z.literal(true)) }).check(
  z.refine((body) => (body.person === undefined) !== (body.all === undefined), {
    message: 'give either "person" (a public id, external id or e-mail) or "all": true',
    path: ['person'],
  }),
);

export const InvitationResult = z.object({
  invited: z.number(),
  /** With `all`: people already invited, or not current employees. */
  skipped: z.optional(z.number()),
});

/** `POST /v1/admin/sites/:site/people/:ref/status`. */
export const StatusChange = z
  .strictObject({
    status: z.enum(['employee', 'left'], {
      error: 'must be "employee" or "left" (people become alumni only by accepting an alumni invitation themselves)',
    }),
    /** E-mail the person an invitation to stay visible as alumni. */
    inviteAlumni: z.optional(z.boolean()),
  })
  .check(z.refine((body) => !body.inviteAlumni || body.status === 'left', { message: 'only with status "left"', path: ['inviteAlumni'] }));

export const StatusChanged = z.object({ person: AdminPerson, alumniInvited: z.boolean() });

/** Query of `GET /v1/admin/sites/:site/testimonials`. */
export const ModerationQuery = z.strictObject({ status: z.optional(TestimonialStatus) });

/** Moderation decides approval only: no key for consent, nor for the text (only the author writes either). */
export const Approval = z.strictObject({});
export const Rejection = z.strictObject({ reason: line(REJECTION_REASON_MAX) });

/** A testimonial as its moderators see it: the author's full name and e-mail included. */
export const ModeratedTestimonial = z.object({
  id: z.string(),
  author: z.string(),
  email: z.string(),
  quote: z.string(),
  roles: z.array(z.string()),
  fromYear: z.number(),
  toYear: z.nullable(z.number()),
  currentRole: z.nullable(z.string()),
  status: TestimonialStatus,
  rejectionReason: z.nullable(z.string()),
  /** The author's publish consent (read only: only the author decides it). */
  consent: z.boolean(),
  updatedAt: z.iso.datetime(),
});

export const ModerationList = z.object({ items: z.array(ModeratedTestimonial) });
export const Moderated = z.object({ testimonial: ModeratedTestimonial });

/**
 * The HR workspace's accounts (issue 16). What an admin or an API key may do is a set of scopes; a
 * role is a named set: `owner` has all, `editor` people + settings + analytics, `moderator` moderation.
 */
export const AdminScope = z.enum(['people', 'settings', 'moderation', 'analytics', 'audit', 'admins']);
export const AdminRole = z.enum(['owner', 'editor', 'moderator']);
export const ROLE_SCOPES: Record<AdminRole, readonly AdminScope[]> = {
  owner: ['people', 'settings', 'moderation', 'analytics', 'audit', 'admins'],
  editor: ['people', 'settings', 'analytics'],
  moderator: ['moderation'],
};
export const ADMIN_NAME_MAX = 200;
export const API_KEY_NAME_MAX = 100;

/** An HR workspace account; it signs in with an e-mail link at `/admin`. */
export const AdminUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.nullable(z.string()),
  role: AdminRole,
  createdAt: z.iso.datetime(),
  lastSignInAt: z.nullable(z.iso.datetime()),
});
export const AdminUserList = z.object({ items: z.array(AdminUser) });
/** `POST /v1/admin/users` (owner). */
export const AdminUserCreate = z.strictObject({
  email: z.string().check(z.trim(), z.maxLength(EMAIL_MAX), z.regex(EMAIL_PATTERN, 'must be an e-mail address')),
  name: z.optional(line(ADMIN_NAME_MAX)),
  role: AdminRole,
});
/** `PATCH /v1/admin/users/:id` (owner). */
export const AdminUserUpdate = z.strictObject({ name: z.optional(line(ADMIN_NAME_MAX)), role: z.optional(AdminRole) });

/**
 * `GET /v1/admin/session`: who is signed in to the workspace. Every write made with the session cookie
 * carries `X-Hallway-CSRF: <csrfToken>`; requests with a bearer key need none.
 */
export const AdminSession = z.object({ user: AdminUser, scopes: z.array(AdminScope), csrfToken: z.string() });

/** A named, revocable API key for the CLI and scripts; its secret is shown once, at creation. */
export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(AdminScope),
  /** The secret's first characters, to recognise it (`hw_live_ab12…`). */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.iso.datetime()),
  revokedAt: z.nullable(z.iso.datetime()),
});
export const ApiKeyList = z.object({ items: z.array(ApiKey) });
/** `POST /v1/admin/keys` (scope `admins`); a key never has scopes its creator lacks. */
export const ApiKeyCreate = z.strictObject({
  name: line(API_KEY_NAME_MAX),
  scopes: z.array(AdminScope).check(z.minLength(1)),
});
export const ApiKeyCreated = z.object({ key: ApiKey, secret: z.string() });

/** One line of the append-only audit log: who did what to what, when. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ kind: z.enum(['user', 'key', 'bootstrap', 'scim']), id: z.nullable(z.string()), label: z.string() }),
  /** e.g. `site.update`, `people.import`, `person.status`, `testimonial.reject`, `key.create`. */
  action: z.string(),
  site: z.nullable(z.string()),
  target: z.nullable(z.string()),
  details: z.record(z.string(), z.unknown()),
});
/** An action (`person.status`) or a family of actions (`person`, `testimonial`) of the audit log. */
export const AUDIT_ACTION_PATTERN = /^[a-z_]+(\.[a-z_]+)?$/;
export const AUDIT_ACTOR_MAX = 320;
/** A day, `YYYY-MM-DD` (UTC). */
const Day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-03'),
  z.refine((day) => !Number.isNaN(Date.parse(day)), 'must be a real date'),
);

/** The filters of the audit log, for its page and its CSV export. */
export const AuditFilters = z.strictObject({
  /** One action (`person.status`), or every action of a family (`person`). */
  action: z.optional(z.string().check(z.maxLength(60), z.regex(AUDIT_ACTION_PATTERN, 'must be an action such as person.status, or a family such as person'))),
  /** Who: an account's e-mail address, a key's name (any case), or their id. */
  actor: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(AUDIT_ACTOR_MAX))),
  /** From this day on (UTC), included. */
  from: z.optional(Day),
  /** Up to this day (UTC), included. */
  to: z.optional(Day),
});
/** Query of `GET /v1/admin/audit`: `cursor` is the previous page's `nextCursor`. */
export const AuditQuery = z.strictObject({
  ...AuditFilters.shape,
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(ADMIN_PAGE_MAX)), 100),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,18}$/, NOT_A_CURSOR))),
});
/** `GET /v1/admin/audit?cursor=&limit=` (scope `audit`), newest first; `/v1/admin/audit.csv` exports it. */
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });

export type AdminScope = z.infer<typeof AdminScope>;
export type AdminRole = z.infer<typeof AdminRole>;
export type AdminUser = z.infer<typeof AdminUser>;
export type AdminUserList = z.infer<typeof AdminUserList>;
export type AdminUserCreate = z.infer<typeof AdminUserCreate>;
export type AdminUserUpdate = z.infer<typeof AdminUserUpdate>;
export type AdminSession = z.infer<typeof AdminSession>;
export type ApiKey = z.infer<typeof ApiKey>;
export type ApiKeyList = z.infer<typeof ApiKeyList>;
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditPage = z.infer<typeof AuditPage>;
export type AuditFilters = z.infer<typeof AuditFilters>;

export type SiteCreate = z.infer<typeof SiteCreate>;
export type SiteUpdate = z.infer<typeof SiteUpdate>;
export type AdminSite = z.infer<typeof AdminSite>;
export type AdminSiteList = z.infer<typeof AdminSiteList>;
export type PersonStatus = z.infer<typeof PersonStatus>;
export type AdminPeopleQuery = z.input<typeof AdminPeopleQuery>;
export type AdminPerson = z.infer<typeof AdminPerson>;
export type AdminPeopleList = z.infer<typeof AdminPeopleList>;
export type ImportReport = z.infer<typeof ImportReport>;
export type ImportProblem = z.infer<typeof ImportProblem>;
export type ImportRefusal = z.infer<typeof ImportRefusal>;
export type InvitationRequest = z.infer<typeof InvitationRequest>;
export type InvitationResult = z.infer<typeof InvitationResult>;
export type StatusChange = z.infer<typeof StatusChange>;
export type StatusChanged = z.infer<typeof StatusChanged>;
export type ModerationQuery = z.infer<typeof ModerationQuery>;
export type Rejection = z.infer<typeof Rejection>;
export type ModeratedTestimonial = z.infer<typeof ModeratedTestimonial>;
export type ModerationList = z.infer<typeof ModerationList>;
export type Moderated = z.infer<typeof Moderated>;

// ---- people import preview (`POST /v1/admin/sites/:site/people/import?preview=1`) ----

/** The preview lists at most this many people of each kind; its counts say how many there are in all. */
export const IMPORT_PREVIEW_ROWS = 50;

/** An HR field an import would change on a person, as it is and as the file has it. */
export const ImportFieldChange = z.object({ field: z.string(), from: z.string(), to: z.string() });

/** A person in the file; `line` is where (CSV: header = 1; JSON: position, first = 1). */
export const ImportPreviewRow = z.object({
  line: z.number(),
  email: z.string(),
  fullName: z.string(),
  jobTitle: z.string(),
});

export const ImportPreviewUpdate = z.extend(ImportPreviewRow, {
  /** The person's public id. */
  id: z.string(),
  changes: z.array(ImportFieldChange),
});

/** An employee in Hallway whom the file does not name: they may have left (nothing marks them so by itself). */
export const ImportPreviewMissing = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  jobTitle: z.string(),
});

/** What an import of this file would do; nothing was written. `problems` non-empty: the import would be refused. */
export const ImportPreview = z.object({
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  missing: z.number(),
  rows: z.object({
    created: z.array(ImportPreviewRow),
    updated: z.array(ImportPreviewUpdate),
    unchanged: z.array(ImportPreviewRow),
    missing: z.array(ImportPreviewMissing),
  }),
  /** The first problems (at most 100), by line; `problemCount` says how many there are in all. */
  problems: z.array(ImportProblem),
  problemCount: z.number(),
});

export type ImportFieldChange = z.infer<typeof ImportFieldChange>;
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;
export type ImportPreviewUpdate = z.infer<typeof ImportPreviewUpdate>;
export type ImportPreviewMissing = z.infer<typeof ImportPreviewMissing>;
export type ImportPreview = z.infer<typeof ImportPreview>;
// ---- Consent record export (issue 16, scope `audit`)

/**
 * Query of `GET /v1/admin/sites/:site/consents` (and `consents.csv`): one person (public id, external
 * id or e-mail) or, without `person`, every person of the site, erased ones included.
 */
export const ConsentRecordQuery = z.strictObject({
  person: z.optional(line(EMAIL_MAX)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(ADMIN_PAGE_MAX)), 100),
  cursor: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,10}$/, NOT_A_CURSOR)), z.transform(Number)).check(z.refine((id) => id <= MAX_ID, NOT_A_CURSOR))),
});

/** What a consent is for: `show_profile` (listed), `contact` (contactable), `alumni`, `testimonial` (publish it). */
export const ConsentPurpose = z.enum(['show_profile', 'contact', 'alumni', 'testimonial']);

/**
 * One decision of the append-only consent record. Only the person decides: on their page (`me`), by
 * an e-mail's one-click link (`email_link`), or made up by the demo seed (`demo`); never HR.
 */
export const ConsentEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  person: z.object({
    id: z.string(),
    externalId: z.nullable(z.string()),
    /** `null` once the person erased their data: the record stays, under their public id. */
    email: z.nullable(z.string()),
    fullName: z.nullable(z.string()),
    erased: z.boolean(),
  }),
  purpose: ConsentPurpose,
  granted: z.boolean(),
  /** The site's consent text version the person read when deciding. */
  textVersion: z.string(),
  by: z.enum(['employee', 'demo']),
  source: z.enum(['me', 'email_link', 'demo']),
  /** Purpose-specific choices, e.g. `{ "channels": ["message"] }` for `contact`. */
  details: z.record(z.string(), z.unknown()),
});
/** Oldest first; `cursor` is the previous page's `nextCursor`; `/consents.csv` has the same lines. */
export const ConsentRecordPage = z.object({ items: z.array(ConsentEvent), nextCursor: z.nullable(z.string()) });

export type ConsentRecordQuery = z.input<typeof ConsentRecordQuery>;
export type ConsentEvent = z.infer<typeof ConsentEvent>;
export type ConsentRecordPage = z.infer<typeof ConsentRecordPage>;
// — Analytics (scope `analytics`) —

/** The longest range one report covers, in weeks; the default is the last `ANALYTICS_DEFAULT_WEEKS`. */
export const ANALYTICS_MAX_WEEKS = 104;
export const ANALYTICS_DEFAULT_WEEKS = 12;
const IsoWeek = z.string().check(z.regex(/^\d{4}-W\d{2}$/, 'must be an ISO week, e.g. 2026-W49'));
/** `GET /v1/admin/sites/:site/analytics?from=&to=` (and `analytics.csv`): ISO weeks, both included. */
export const AnalyticsQuery = z.object({ from: z.optional(IsoWeek), to: z.optional(IsoWeek) });
/** Counts of a week, a job or the whole range; the job `""` is "no job". */
export const AnalyticsFigures = z.object({
  /** People lists served (first pages, cached answers and 304s included). */
  lists: z.number(),
  asked: z.number(),
  confirmed: z.number(),
  answered: z.number(),
  declined: z.number(),
  testimonials: z.number(),
  /** From forwarding to "I answered", to the hour above (the delays are kept in hour buckets); null without answers. */
  medianAnswerHours: z.nullable(z.number()),
});
export const AnalyticsReport = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.extend(AnalyticsFigures, { week: z.string() })),
  jobs: z.array(z.extend(AnalyticsFigures, { job: z.string() })),
  totals: AnalyticsFigures,
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;
export type AnalyticsFigures = z.infer<typeof AnalyticsFigures>;
export type AnalyticsReport = z.infer<typeof AnalyticsReport>;
// ---- Overview: the site's open jobs and the coverage of each (issue 16) ----

/** A job list (`PUT /v1/admin/sites/:site/jobs`, CSV or JSON) is at most this large. */
export const JOBS_MAX_BYTES = 2 * 1024 * 1024;
/** The most open jobs a site's list holds. */
export const SITE_JOBS_MAX = 5000;
export const JOB_TEXT_MAX = 200;
export const JOB_URL_MAX = 2000;
/** Where a site's job list came from: uploaded, or read from its job feed (issue 17). */
export const JobSource = z.enum(['upload', 'feed']);

const optionalLine = (max: number) => z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max))));

/** One open job as uploaded: CSV columns or JSON keys `title`, `url`, `team`, `location`. */
export const SiteJobInput = z.strictObject({
  title: line(JOB_TEXT_MAX),
  url: z.optional(z.nullable(z.string().check(z.maxLength(JOB_URL_MAX), z.refine(isCareersUrl, 'must be a web address such as https://careers.example.com/jobs/42')))),
  team: optionalLine(JOB_TEXT_MAX),
  location: optionalLine(JOB_TEXT_MAX),
});
/** The whole list: it replaces the site's previous one. */
export const SiteJobsUpload = z.array(SiteJobInput).check(z.maxLength(SITE_JOBS_MAX));
/** The answer of `PUT /v1/admin/sites/:site/jobs`. */
export const SiteJobsReplaced = z.object({ jobs: z.number(), source: JobSource });

/**
 * One open job and who the careers page shows for it, as the public matching ranks them: `listed`
 * people in the job (title similarity), of whom `contactable` accept questions; with nobody in it,
 * `match` says what the page falls back to (the job's team, its location, or everyone).
 */
export const JobCoverage = z.object({
  title: z.string(),
  url: z.nullable(z.string()),
  team: z.nullable(z.string()),
  location: z.nullable(z.string()),
  listed: z.number(),
  contactable: z.number(),
  match: z.enum(['job', 'team', 'location', 'all']),
});
/** People of a team or location (employees and alumni), and how many of them candidates see. */
export const GroupCount = z.object({ name: z.nullable(z.string()), people: z.number(), listed: z.number() });
/** `GET /v1/admin/sites/:site/overview` (scope `people` or `analytics`): the workspace's home. */
export const SiteOverview = z.object({
  jobs: z.array(JobCoverage),
  jobsSource: z.nullable(JobSource),
  jobsUpdatedAt: z.nullable(z.iso.datetime()),
  people: z.object({ total: z.number(), listed: z.number(), contactable: z.number() }),
  teams: z.array(GroupCount),
  locations: z.array(GroupCount),
  /** Employees invited, and of them those who opted in (listed). */
  invitations: z.object({ sent: z.number(), accepted: z.number() }),
  pendingTestimonials: z.number(),
});

export type SiteJobInput = z.infer<typeof SiteJobInput>;
export type SiteJobsReplaced = z.infer<typeof SiteJobsReplaced>;
export type JobCoverage = z.infer<typeof JobCoverage>;
export type GroupCount = z.infer<typeof GroupCount>;
export type SiteOverview = z.infer<typeof SiteOverview>;

/** Safety for employees (issue 18): what moderators see and do. */
export const ReportReason = z.enum(['abusive', 'spam', 'recruiter']);
export const DOMAIN_MAX = 253;

/** A question as moderators see it: never the candidate's address, only its domain; never who reported. */
export const SafetyQuestion = z.object({
  id: z.string(),
  candidateName: z.string(),
  senderDomain: z.string(),
  message: z.string(),
  job: z.nullable(z.string()),
  /** The display name of the person it was for. */
  to: z.string(),
  askedAt: z.iso.datetime(),
  /** Whether the sender's address or domain is blocked now. */
  senderBlocked: z.boolean(),
});
export const SafetyReport = z.object({ question: SafetyQuestion, reason: ReportReason, reportedAt: z.iso.datetime() });
export const HeldQuestion = z.object({ question: SafetyQuestion, holdReasons: z.array(z.enum(['link', 'phone', 'word'])) });
export const SenderBlock = z.object({
  id: z.string(),
  kind: z.enum(['address', 'domain']),
  /** The domain of a domain block; an address is kept only as a keyed hash. */
  domain: z.nullable(z.string()),
  /** The candidate's name on the question that led to an address block, while that question is kept. */
  candidateName: z.nullable(z.string()),
  source: z.enum(['employee', 'moderator', 'reports']),
  createdAt: z.iso.datetime(),
});
export const SafetyOverview = z.object({ reports: z.array(SafetyReport), held: z.array(HeldQuestion), blocks: z.array(SenderBlock) });
/** `POST /v1/admin/sites/:site/safety/blocks`: the sender of a question (`request`), or a `domain`. */
export const BlockCreate = z
  .strictObject({
    request: z.optional(line(40)),
    domain: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.regex(/^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain such as example.com'))),
  })
  .check(z.refine((body) => (body.request === undefined) !== (body.domain === undefined), 'give either request or domain'));
export const HeldDecided = z.object({ status: z.enum(['confirmed', 'refused_cap', 'refused_unavailable']) });

export type ReportReason = z.infer<typeof ReportReason>;
export type SafetyQuestion = z.infer<typeof SafetyQuestion>;
export type SafetyReport = z.infer<typeof SafetyReport>;
export type HeldQuestion = z.infer<typeof HeldQuestion>;
export type SenderBlock = z.infer<typeof SenderBlock>;
export type SafetyOverview = z.infer<typeof SafetyOverview>;
export type BlockCreate = z.infer<typeof BlockCreate>;
export type HeldDecided = z.infer<typeof HeldDecided>;
// ---- Job feeds: a site's open jobs read from its careers site (issue 17) ----

/** The shortest and longest time between two scheduled fetches of a feed. */
export const FEED_INTERVAL_MIN_MINUTES = 15;
export const FEED_INTERVAL_MAX_MINUTES = 7 * 24 * 60;
export const FEED_INTERVAL_DEFAULT_MINUTES = 60;
/** A feed (or a sitemap, or one of its pages) larger than this is not read: the fetch stops there. */
export const FEED_MAX_BYTES = 5 * 1024 * 1024;
/** A sitemap's pages read at most. */
export const FEED_MAX_PAGES = 500;

/** The feed's format: Greenhouse's Job Board API, Lever's Postings API, or a sitemap of pages with JobPosting JSON-LD; `auto` tells them apart. */
export const FeedKind = z.enum(['auto', 'greenhouse', 'lever', 'sitemap']);
/**
 * How the last fetch went: `pending` (never fetched yet), `ok`, `not_modified` (the server said 304:
 * the list is kept); the others are failures, which keep the previous list.
 */
export const FeedStatusCode = z.enum([
  'pending',
  'ok',
  'not_modified',
  'timeout',
  'too_large',
  'too_many_redirects',
  'redirect_loop',
  'insecure_url',
  'private_address',
  'unreachable',
  'http_error',
  'not_json',
  'wrong_shape',
  'no_job_postings',
  'too_many_jobs',
]);

/** `PUT /v1/admin/sites/:site/job-feed` (scope `settings`). */
export const JobFeedSet = z.strictObject({
  url: CareersUrl,
  kind: z.optional(FeedKind),
  intervalMinutes: z.optional(z.number().check(z.int(), z.minimum(FEED_INTERVAL_MIN_MINUTES), z.maximum(FEED_INTERVAL_MAX_MINUTES))),
});
/** `GET`, `PUT …/job-feed` and `POST …/job-feed/fetch`: the feed and how its last fetch went. `null` (GET) when the site has none. */
export const JobFeed = z.object({
  url: z.string(),
  kind: FeedKind,
  /** The format the last successful fetch read (`auto` finds it). */
  detectedKind: z.nullable(z.enum(['greenhouse', 'lever', 'sitemap'])),
  intervalMinutes: z.number(),
  status: FeedStatusCode,
  /** What went wrong, in English, for the logs and the CLI; the workspace says it by `status`. */
  message: z.nullable(z.string()),
  jobCount: z.nullable(z.number()),
  lastAttemptAt: z.nullable(z.iso.datetime()),
  lastSuccessAt: z.nullable(z.iso.datetime()),
  nextFetchAt: z.iso.datetime(),
});
export const JobFeedAnswer = z.object({ feed: z.nullable(JobFeed) });

export type FeedKind = z.infer<typeof FeedKind>;
export type FeedStatusCode = z.infer<typeof FeedStatusCode>;
export type JobFeedSet = z.infer<typeof JobFeedSet>;
export type JobFeed = z.infer<typeof JobFeed>;
// Company sign-in (OpenID Connect, issue 17): `GET|PUT|DELETE /v1/admin/sites/:site/oidc`, scope `settings`.
export const OIDC_ISSUER_MAX = 2000;
export const OIDC_CLIENT_ID_MAX = 255;
export const OIDC_CLIENT_SECRET_MAX = 1000;
export const OIDC_DISPLAY_NAME_MAX = 80;
/** The scopes Hallway asks the provider for: the verified e-mail address is what it matches people by. */
export const OIDC_SCOPES = 'openid email profile';

/** An issuer: https (http only on this machine, for tests), no query, fragment or credentials. */
export const isIssuerUrl = (value: string) => isCareersUrl(value) && !new URL(value).search && !new URL(value).hash;

/** `PUT …/oidc`: the secret is write-only; left out, the stored one is kept. */
export const SiteOidcUpdate = z.strictObject({
  issuer: z.string().check(z.trim(), z.maxLength(OIDC_ISSUER_MAX), z.refine(isIssuerUrl, 'must be the issuer URL, https://… (http only for localhost)')),
  clientId: line(OIDC_CLIENT_ID_MAX),
  clientSecret: z.optional(line(OIDC_CLIENT_SECRET_MAX)),
  /** The company's name on the button: "Beaumont" for "Sign in with Beaumont" (and "Se connecter avec Beaumont"). */
  displayName: line(OIDC_DISPLAY_NAME_MAX),
  /** Whether the site's employees may still ask for a sign-in link by e-mail (default: yes). */
  emailSignIn: z.optional(z.boolean()),
});

/** A site's company sign-in as the API shows it: never the secret. */
export const SiteOidc = z.object({
  issuer: z.string(),
  clientId: z.string(),
  displayName: z.string(),
  emailSignIn: z.boolean(),
  updatedAt: z.iso.datetime(),
});

/** `GET …/oidc`: the settings (null when none) and the redirect URI to register at the provider. */
export const SiteOidcAnswer = z.object({ settings: z.nullable(SiteOidc), redirectUri: z.string(), scopes: z.string() });

export type SiteOidcUpdate = z.infer<typeof SiteOidcUpdate>;
export type SiteOidc = z.infer<typeof SiteOidc>;
export type SiteOidcAnswer = z.infer<typeof SiteOidcAnswer>;

export const SCIM_TOKEN_NAME_MAX = 100;
/** A site's SCIM bearer token (scope `settings`); its secret is shown once, at creation. */
export const ScimToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The secret's first characters, to recognise it (`hw_scim_ab12…`). */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.nullable(z.string()),
  lastUsedAt: z.nullable(z.iso.datetime()),
  revokedAt: z.nullable(z.iso.datetime()),
});
export const ScimTokenList = z.object({ items: z.array(ScimToken), baseUrl: z.string() });
/** `POST /v1/admin/sites/:site/scim/tokens`. */
export const ScimTokenCreate = z.strictObject({ name: line(SCIM_TOKEN_NAME_MAX) });
/** The secret and the base URL to paste into the identity provider. */
export const ScimTokenCreated = z.object({ token: ScimToken, secret: z.string(), baseUrl: z.string() });

export type ScimToken = z.infer<typeof ScimToken>;
export type ScimTokenList = z.infer<typeof ScimTokenList>;
export type ScimTokenCreate = z.infer<typeof ScimTokenCreate>;
export type ScimTokenCreated = z.infer<typeof ScimTokenCreated>;

/** The most people one "Invite" of the workspace's selection sends to (issue 16). */
export const BULK_INVITE_MAX = 500;
/** `POST /v1/admin/sites/:site/invitations/many` (scope `people`): the people chosen, by public id. */
export const BulkInvitationRequest = z.strictObject({
  people: z.array(z.string().check(z.minLength(1), z.maxLength(EMAIL_MAX))).check(z.minLength(1), z.maxLength(BULK_INVITE_MAX)),
});
/**
 * What became of each: `invited` (the mail is on its way), `already_listed` (they opted in already),
 * `left` (not a current employee), `recently_invited` (within the last 24 hours), `not_found`.
 */
export const BulkInvitationOutcome = z.enum(['invited', 'already_listed', 'left', 'recently_invited', 'not_found']);
export const BulkInvitationResult = z.object({
  results: z.array(z.object({ person: z.string(), outcome: BulkInvitationOutcome })),
  invited: z.number(),
});
export type BulkInvitationRequest = z.infer<typeof BulkInvitationRequest>;
export type BulkInvitationOutcome = z.infer<typeof BulkInvitationOutcome>;
export type BulkInvitationResult = z.infer<typeof BulkInvitationResult>;

/**
 * Every action the server writes to the audit log (issue 25): the workspace names each one, and
 * filters by the family before the first dot.
 */
export const AUDIT_ACTIONS = [
  'site.create',
  'site.update',
  'site.oidc.update',
  'site.oidc.remove',
  'people.import',
  'person.status',
  'invitation.send',
  'invitation.all',
  'testimonial.approve',
  'testimonial.reject',
  'answer.approve',
  'answer.reject',
  'question.release',
  'question.reject',
  'sender.block',
  'sender.unblock',
  'jobs.replace',
  'jobs.feed.set',
  'jobs.feed.fetch',
  'jobs.feed.remove',
  'scim_token.create',
  'scim_token.revoke',
  'scim_user.create',
  'scim_user.update',
  'scim_user.deactivate',
  'scim_user.delete',
  'user.create',
  'user.update',
  'user.remove',
  'key.create',
  'key.revoke',
  'session.sign_in',
  'session.sign_out',
  'consents.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
