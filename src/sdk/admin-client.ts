import ky, { type KyInstance, type KyResponse } from 'ky';
import { AnswerModerated, ModeratedAnswers } from './answer-schemas.js';
import {
  JobListRefusal,
  type JobListProblem,
  AdminPeopleList,
  AdminSession,
  AnalyticsReport,
  type AnalyticsQuery,
  AdminUser,
  AdminUserList,
  ApiKey,
  ApiKeyCreated,
  ApiKeyList,
  AuditPage,
  BulkInvitationResult,
  ConsentRecordPage,
  type AuditFilters,
  type AdminUserCreate,
  type AdminUserUpdate,
  type ApiKeyCreate,
  AdminSite,
  AdminSiteList,
  ImportPreview,
  ImportRefusal,
  ImportReport,
  InvitationResult,
  Moderated,
  ModerationList,
  StatusChanged,
  SiteJobsReplaced,
  SiteOverview,
  SafetyOverview,
  HeldDecided,
  type BlockCreate,
  JobFeedAnswer,
  type JobFeed,
  type JobFeedSet,
  type ImportProblem,
  type InvitationRequest,
  type PersonStatus,
  type SiteCreate,
  type SiteUpdate,
  type StatusChange,
  ScimToken,
  ScimTokenCreated,
  ScimTokenList,
  type ScimTokenCreate,
  SiteOidcAnswer,
  type SiteOidcUpdate,
} from './admin-schemas.js';
import { HttpError, SchemaError } from './errors.js';
import { request, send, text, type Schema } from './http.js';
import { uploadFetch } from './upload-fetch.js';
import type { TestimonialStatus } from './testimonial-schemas.js';

export interface AdminClientOptions {
  /** The Hallway server, e.g. `https://hallway.example.com`. */
  baseUrl: string | URL;
  /** An API key, or the bootstrap admin key (`HALLWAY_ADMIN_KEY`, or the one the server printed on its first start). */
  key?: string;
  /**
   * In the HR workspace, instead of a key: the signed-in session's CSRF token (`GET /v1/admin/session`),
   * sent with every request; the session cookie goes along by itself (same origin).
   */
  csrfToken?: string;
  /** Milliseconds before a request fails with `TimeoutError`, or `false` to wait as long as it takes. Default `10000`. */
  timeout?: number | false;
  fetch?: typeof fetch;
}

/** The refusal of a whole import: nothing was imported; `problems` lists the first ones, with their line. */
export class ImportRefusedError extends HttpError {
  readonly problems: ImportProblem[];
  /** How many problems the file has in all (`problems` holds at most 100). */
  readonly problemCount: number;
  constructor(status: number, error: ImportRefusal['error']) {
    super(status, error.code, error.message);
    this.problems = error.problems;
    this.problemCount = error.problemCount;
  }
}

export interface PeoplePageQuery {
  status?: PersonStatus;
  /** Words found in the name, e-mail, job title, team or location. */
  q?: string;
  /** 1 to 500; default 100. */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string;
}

/** A people file: its content type says how the server reads it. */
export interface PeopleFile {
  type: 'text/csv' | 'application/json';
  body: BodyInit;
}

export interface UploadOptions {
  /**
   * Called as the file goes up, with the bytes sent and the file's size. In a browser only (it sends
   * with XMLHttpRequest); elsewhere it is never called.
   */
  onUploadProgress?: (sent: number, total: number) => void;
}

/** A people file takes longer than a read to go up a slow line: the import waits at least this long. */
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * The admin API (`/v1/admin`), as the `hallway` CLI and the HR workspace use it. Every answer is
 * validated against the contract; every failure is a typed `HallwayError`. `site` is a site's slug;
 * `ref` a person's public id, external id or e-mail address.
 */
export interface AdminClient {
  readonly baseUrl: string;
  sites: {
    list(): Promise<AdminSiteList>;
    create(site: SiteCreate): Promise<AdminSite>;
    update(slug: string, fields: SiteUpdate): Promise<AdminSite>;
  };
  people: {
    /** One page of the site's people, e-mails and consent state included. */
    list(site: string, query?: PeoplePageQuery): Promise<AdminPeopleList>;
    /** Upserts by external id, then e-mail; all or nothing (`ImportRefusedError` lists the problems). */
    import(site: string, file: PeopleFile, options?: UploadOptions): Promise<ImportReport>;
    setStatus(site: string, ref: string, change: StatusChange): Promise<StatusChanged>;
  };
  /** Invites one employee, or every employee not invited yet (`{ all: true }`). */
  invite(site: string, who: InvitationRequest): Promise<InvitationResult>;
  testimonials: {
    list(site: string, query?: { status?: TestimonialStatus }): Promise<ModerationList>;
    /** Approves it: candidates see it while its author's consent to publish stands. The author is e-mailed. */
    approve(site: string, id: string): Promise<Moderated>;
    /** Rejects it; the author is e-mailed the reason. */
    reject(site: string, id: string, reason: string): Promise<Moderated>;
  };
  /** The HR workspace's signed-in user, their scopes and CSRF token; `end()` signs out. */
  session: {
    get(): Promise<AdminSession>;
    end(): Promise<void>;
  };
  /** The workspace's accounts (scope `admins`). */
  users: {
    list(): Promise<AdminUserList>;
    create(user: AdminUserCreate): Promise<AdminUser>;
    update(id: string, fields: AdminUserUpdate): Promise<AdminUser>;
    remove(id: string): Promise<void>;
  };
  /** Named API keys (scope `admins`); the secret is in `create`'s answer only. */
  keys: {
    list(): Promise<ApiKeyList>;
    create(key: ApiKeyCreate): Promise<ApiKeyCreated>;
    revoke(id: string): Promise<ApiKey>;
  };
  /** The audit log, newest first, filtered by action, actor and days (scope `audit`). */
  audit(query?: AuditFilters & { cursor?: string; limit?: number }): Promise<AuditPage>;
  /** The audit log as CSV, newest first, with the same filters (scope `audit`). */
  auditCsv(filters?: AuditFilters): Promise<string>;
  /** A person's consent record (`person`: public id, external id or e-mail), or the whole site's, oldest first (scope `audit`; the export is audit-logged). */
  consents(site: string, query?: { person?: string; cursor?: string; limit?: number }): Promise<ConsentRecordPage>;
  /** The same record as CSV. */
  consentsCsv(site: string, query?: { person?: string }): Promise<string>;
  /**
   * What importing this file would do (created, updated with old → new, unchanged, employees the file
   * does not name) and its problems by line, without writing anything (scope `people`).
   */
  previewImport(site: string, file: PeopleFile, options?: UploadOptions): Promise<ImportPreview>;
  /** Aggregate counts per ISO week and job, by default of the last 12 weeks (scope `analytics`). */
  analytics: {
    report(site: string, query?: AnalyticsQuery): Promise<AnalyticsReport>;
    csv(site: string, query?: AnalyticsQuery): Promise<string>;
    /** The CSV's address, for a download link in a signed-in browser (the session cookie goes along). */
    csvUrl(site: string, query?: AnalyticsQuery): string;
  };
  /** Replaces the site's open jobs with this list (CSV or a JSON array of `{ title, url, team, location }`). */
  replaceJobs(site: string, file: PeopleFile): Promise<SiteJobsReplaced>;
  /** The site's coverage: its open jobs and who candidates see for each, people by team and location (scope `people` or `analytics`). */
  overview(site: string): Promise<SiteOverview>;
  /** Safety for employees (issue 18), scope `moderation`: reports, held questions and blocked senders. */
  safety: {
    overview(site: string): Promise<SafetyOverview>;
    release(site: string, questionId: string): Promise<HeldDecided>;
    reject(site: string, questionId: string): Promise<HeldDecided>;
    block(site: string, json: BlockCreate): Promise<void>;
    unblock(site: string, blockId: string): Promise<void>;
  };
  /** The site's job feed: where its open jobs are read from and how the last fetch went (scope `settings`). */
  jobFeed: {
    /** `null` when the site has none. */
    get(site: string): Promise<JobFeed | null>;
    /** Sets it (a new address is fetched at the next poll, within a minute). */
    set(site: string, feed: JobFeedSet): Promise<JobFeed>;
    /** Fetches it now and answers how it went (a sitemap may take a while: up to 2 minutes). */
    fetch(site: string): Promise<JobFeed>;
    /** Removes it and its jobs: an uploaded list, if any, is the site's again. */
    remove(site: string): Promise<void>;
  };
  /** The site's company sign-in (OpenID Connect; scope `settings`): the secret is write-only, never answered. */
  oidc: {
    get(site: string): Promise<SiteOidcAnswer>;
    /** Without `clientSecret`, the stored one is kept. */
    set(site: string, settings: SiteOidcUpdate): Promise<SiteOidcAnswer>;
    remove(site: string): Promise<SiteOidcAnswer>;
  };
  /** The site's SCIM tokens (scope `settings`); the secret is in `create`'s answer only. */
  scimTokens: {
    list(site: string): Promise<ScimTokenList>;
    create(site: string, token: ScimTokenCreate): Promise<ScimTokenCreated>;
    revoke(site: string, id: string): Promise<ScimToken>;
  };
  /** Invites the chosen employees (public ids, at most 500) in one request; says what became of each (scope `people`). */
  inviteMany(site: string, people: string[]): Promise<BulkInvitationResult>;
  /** Published Q&A (issue 18, scope `moderation`): public once the employee, the candidate and a moderator agreed. */
  answers: {
    /** Those still to be published or public: none withdrawn or declined by the candidate, the latest change first. */
    list(site: string): Promise<ModeratedAnswers>;
    approve(site: string, id: string): Promise<AnswerModerated>;
    reject(site: string, id: string): Promise<AnswerModerated>;
  };
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const timeout = options.timeout ?? 10_000;
  const baseUrl = String(options.baseUrl).replace(/\/+$/, '');
  const api = ky.create({
    prefixUrl: `${baseUrl}/v1/admin`,
    timeout,
    retry: 0,
    headers: options.key ? { Authorization: `Bearer ${options.key}` } : { 'X-Hallway-CSRF': options.csrfToken ?? '' },
    // A 2xx that is not JSON is not a Hallway answer: a SchemaError, like any other answer off the contract.
    parseJson: (text) => {
      try {
        return JSON.parse(text);
      } catch {
        throw new SchemaError([{ path: [], message: 'not JSON' }]);
      }
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const call = <T>(response: ReturnType<KyInstance['get']>, schema: Schema<T>) => request(response, schema, timeout || 0);
  const site = (slug: string, ...path: string[]) => ['sites', slug, ...path].map(encodeURIComponent).join('/');
  const uploadTimeout = timeout === false ? false : Math.max(timeout, UPLOAD_TIMEOUT_MS);
  const upload = <T>(path: string, file: PeopleFile, { onUploadProgress }: UploadOptions = {}, schema: Schema<T>) =>
    request(
      api.post(path, {
        body: file.body,
        headers: { 'Content-Type': file.type },
        timeout: uploadTimeout,
        hooks: { afterResponse: [throwImportRefusal] },
        ...(onUploadProgress && typeof XMLHttpRequest === 'function' ? { fetch: uploadFetch(onUploadProgress) } : {}),
      }),
      schema,
      uploadTimeout || 0,
    );

  return {
    baseUrl,
    sites: {
      list: () => call(api.get('sites'), AdminSiteList),
      create: (json) => call(api.post('sites', { json }), AdminSite),
      update: (slug, json) => call(api.patch(site(slug), { json }), AdminSite),
    },
    people: {
      list: (slug, query = {}) => call(api.get(site(slug, 'people'), { searchParams: definedOnly(query) }), AdminPeopleList),
      import: (slug, file, options) => upload(site(slug, 'people', 'import'), file, options, ImportReport),
      setStatus: (slug, ref, json) => call(api.post(site(slug, 'people', ref, 'status'), { json }), StatusChanged),
    },
    invite: (slug, json) => call(api.post(site(slug, 'invitations'), { json }), InvitationResult),
    testimonials: {
      list: (slug, query = {}) => call(api.get(site(slug, 'testimonials'), { searchParams: definedOnly(query) }), ModerationList),
      approve: (slug, id) => call(api.post(site(slug, 'testimonials', id, 'approve'), { json: {} }), Moderated),
      reject: (slug, id, reason) => call(api.post(site(slug, 'testimonials', id, 'reject'), { json: { reason } }), Moderated),
    },
    session: {
      get: () => call(api.get('session'), AdminSession),
      end: () => send(api.delete('session'), timeout || 0),
    },
    users: {
      list: () => call(api.get('users'), AdminUserList),
      create: (json) => call(api.post('users', { json }), AdminUser),
      update: (id, json) => call(api.patch(`users/${encodeURIComponent(id)}`, { json }), AdminUser),
      remove: (id) => send(api.delete(`users/${encodeURIComponent(id)}`), timeout || 0),
    },
    keys: {
      list: () => call(api.get('keys'), ApiKeyList),
      create: (json) => call(api.post('keys', { json }), ApiKeyCreated),
      revoke: (id) => call(api.delete(`keys/${encodeURIComponent(id)}`), ApiKey),
    },
    audit: (query = {}) => call(api.get('audit', { searchParams: definedOnly(query) }), AuditPage),
    auditCsv: (filters = {}) => text(api.get('audit.csv', { searchParams: definedOnly(filters) }), timeout || 0),
    consents: (slug, query = {}) => call(api.get(site(slug, 'consents'), { searchParams: definedOnly(query) }), ConsentRecordPage),
    consentsCsv: (slug, query = {}) => text(api.get(site(slug, 'consents.csv'), { searchParams: definedOnly(query) }), timeout || 0),
    previewImport: (slug, file, options) => upload(`${site(slug, 'people', 'import')}?preview=1`, file, options, ImportPreview),
    analytics: {
      report: (slug, query = {}) => call(api.get(site(slug, 'analytics'), { searchParams: definedOnly(query) }), AnalyticsReport),
      csv: (slug, query = {}) => text(api.get(site(slug, 'analytics.csv'), { searchParams: definedOnly(query) }), timeout || 0),
      csvUrl: (slug, query = {}) => {
        const search = new URLSearchParams(definedOnly(query)).toString();
        return new URL(`v1/admin/${site(slug, 'analytics.csv')}${search ? `?${search}` : ''}`, `${baseUrl}/`).href;
      },
    },
    replaceJobs: (slug, file) =>
      call(api.put(site(slug, 'jobs'), { body: file.body, headers: { 'Content-Type': file.type }, hooks: { afterResponse: [throwJobListRefusal] } }), SiteJobsReplaced),
    overview: (slug) => call(api.get(site(slug, 'overview')), SiteOverview),
    safety: {
      overview: (slug) => call(api.get(site(slug, 'safety')), SafetyOverview),
      release: (slug, id) => call(api.post(site(slug, 'safety', 'held', id, 'release')), HeldDecided),
      reject: (slug, id) => call(api.post(site(slug, 'safety', 'held', id, 'reject')), HeldDecided),
      block: (slug, json) => send(api.post(site(slug, 'safety', 'blocks'), { json }), timeout || 0),
      unblock: (slug, id) => send(api.delete(site(slug, 'safety', 'blocks', id)), timeout || 0),
    },
    jobFeed: {
      get: async (slug) => (await call(api.get(site(slug, 'job-feed')), JobFeedAnswer)).feed,
      set: async (slug, json) => (await call(api.put(site(slug, 'job-feed'), { json }), JobFeedAnswer)).feed!,
      fetch: async (slug) => (await request(api.post(site(slug, 'job-feed', 'fetch'), { timeout: FEED_FETCH_TIMEOUT_MS }), JobFeedAnswer, FEED_FETCH_TIMEOUT_MS)).feed!,
      remove: async (slug) => void (await call(api.delete(site(slug, 'job-feed')), JobFeedAnswer)),
    },
    oidc: {
      get: (slug) => call(api.get(site(slug, 'oidc')), SiteOidcAnswer),
      set: (slug, json) => call(api.put(site(slug, 'oidc'), { json }), SiteOidcAnswer),
      remove: (slug) => call(api.delete(site(slug, 'oidc')), SiteOidcAnswer),
    },
    scimTokens: {
      list: (slug) => call(api.get(site(slug, 'scim', 'tokens')), ScimTokenList),
      create: (slug, json) => call(api.post(site(slug, 'scim', 'tokens'), { json }), ScimTokenCreated),
      revoke: (slug, id) => call(api.delete(site(slug, 'scim', 'tokens', id)), ScimToken),
    },
    inviteMany: (slug, people) => call(api.post(site(slug, 'invitations', 'many'), { json: { people } }), BulkInvitationResult),
    answers: {
      list: (slug) => call(api.get(site(slug, 'answers')), ModeratedAnswers),
      approve: (slug, id) => call(api.post(site(slug, 'answers', id, 'approve')), AnswerModerated),
      reject: (slug, id) => call(api.post(site(slug, 'answers', id, 'reject')), AnswerModerated),
    },
  };
}

/** A fetch of a feed ends within 2 minutes on the server (a sitemap's pages included). */
const FEED_FETCH_TIMEOUT_MS = 150_000;

/** The query's given values, in the caller's order. */
function definedOnly(query: object): Record<string, string> {
  return Object.fromEntries(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
}

/** A refused import carries its problems, which the generic error mapping would drop. */
async function throwImportRefusal(_request: Request, _options: unknown, response: KyResponse) {
  if (response.ok) return;
  const refusal = ImportRefusal.safeParse(
    await response
      .clone()
      .json()
      .catch(() => null),
  );
  if (refusal.success) throw new ImportRefusedError(response.status, refusal.data.error);
}

/** A refused job list (`replaceJobs`): `problem` says why as a code, with its line and field; nothing changed. */
export class JobListRefusedError extends HttpError {
  readonly problem: JobListProblem;
  constructor(status: number, error: JobListRefusal['error']) {
    super(status, error.code, error.message, error.field);
    this.problem = error.problem;
  }
}

async function throwJobListRefusal(_request: Request, _options: unknown, response: KyResponse) {
  if (response.status !== 400) return;
  const refusal = JobListRefusal.safeParse(
    await response
      .clone()
      .json()
      .catch(() => null),
  );
  if (refusal.success) throw new JobListRefusedError(response.status, refusal.data.error);
}
