import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type PersonStatus = 'employee' | 'left' | 'alumni';
export type ConsentPurpose = 'show_profile' | 'contact' | 'alumni' | 'testimonial';
/** Where a consent decision was made; `demo` marks the demo seed's made-up people. */
export type ConsentSource = 'me' | 'email_link' | 'demo';

type CreatedAt = ColumnType<Date, never, never>;

export interface SitesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** Origins allowed to send writes (contact requests) from their careers pages. */
  allowed_origins: string[];
  default_lang: string;
  consent_text_version: Generated<string>;
  /** `#rrggbb`, lower case: the landing pages' and mails' buttons and links. */
  accent_color: string | null;
  /** The careers site the landing pages lead back to. */
  careers_url: string | null;
  /** Days after a SCIM user is provisioned before they are invited automatically; null: never. */
  scim_invite_after_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Invite a user the identity provider deactivates to appear as alumni. */
  scim_invite_alumni: Generated<boolean>;
  created_at: CreatedAt;
  /** The site's filter (issue 18): questions with links, phone numbers or these words are held for moderation. */
  hold_links: Generated<boolean>;
  hold_phones: Generated<boolean>;
  held_words: Generated<string[]>;
  /** Days a confirmed question may wait for its answer before the candidate is offered someone else (migration 0021). */
  answer_window_days: Generated<number>;
  /** IANA time zone of the site's working days (Mon–Fri, 9–17): the only hours a reminder goes out. */
  time_zone: Generated<string>;
  /** The languages the site offers (migration 0023); `default_lang` is one of them. */
  langs: Generated<string[]>;
  /** Theme tokens for the elements (`/v1/sites/:site/theme.css`): corner radius in px, font stack key, `#rrggbb` colours. */
  theme_radius: ColumnType<number | null, number | null | undefined, number | null>;
  theme_font: ColumnType<string | null, string | null | undefined, string | null>;
  theme_surface: ColumnType<string | null, string | null | undefined, string | null>;
  theme_text: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PeopleTable {
  id: Generated<number>;
  /** The only identifier that leaves the server. */
  public_id: string;
  site_id: number;
  email: string;
  external_id: string | null;
  full_name: string;
  display_name: string;
  job_title: string;
  /** Generated: `job_title` case- and accent-folded, for trigram matching. */
  job_title_key: ColumnType<string, never, never>;
  /** Generated: `display_name` folded, the order of names. */
  name_key: ColumnType<string, never, never>;
  team: string | null;
  location: string | null;
  /** Generated: `team` and `location` folded, for matching. */
  team_key: ColumnType<string | null, never, never>;
  location_key: ColumnType<string | null, never, never>;
  /** Generated: name, e-mail, title, team and location folded, for the HR workspace's search. */
  search_key: ColumnType<string, never, never>;
  languages: string[];
  bio: string | null;
  photo_url: string | null;
  status: PersonStatus;
  /** Kept by triggers: still there or alumni, and the latest "show my profile" decision is a grant. */
  listed: ColumnType<boolean, never, never>;
  linkedin_url: string | null;
  booking_url: string | null;
  /** Confirmed contact requests a week the person accepts (1–10). */
  weekly_cap: Generated<number>;
  paused_until: Date | null;
  /** Language of the e-mails to this person; the site's default when null. */
  locale: string | null;
  invited_at: Date | null;
  /** Set when the person deleted their data: the row only anchors the consent audit trail. */
  erased_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
  /** "My path here": `PathStep[]`, oldest first (migration 0020). */
  career_path: ColumnType<{ role: string; fromYear: number; toYear: number | null }[], string | undefined, string>;
  /** The person's opt-in to show candidates their reply time. */
  show_reply_time: Generated<boolean>;
  /** Median answer time over 90 days in whole days rounded up; null before enough answers (record/reply-time.ts). */
  reply_days: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface PhotosTable {
  person_id: number;
  content_type: string;
  data: Uint8Array;
  /** Changes with every upload, so photo URLs can be cached for long. */
  version: string;
}

export type TokenPurpose = 'invitation' | 'sign_in' | 'alumni_invitation';

export interface TokensTable {
  id: Generated<number>;
  /** Hex SHA-256 of the token; the token itself is only ever in the e-mail. */
  token_hash: string;
  person_id: number;
  purpose: TokenPurpose;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number;
  expires_at: Date;
  created_at: CreatedAt;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  template: string;
  locale: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: ColumnType<Record<string, string>, string | undefined, never>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface AdminKeysTable {
  id: Generated<number>;
  key_hash: string;
  created_at: CreatedAt;
}

export type AdminRoleName = 'owner' | 'editor' | 'moderator';

/** An HR workspace account (issue 16). */
export interface AdminUsersTable {
  id: Generated<number>;
  public_id: string;
  email: string;
  name: string | null;
  role: AdminRoleName;
  created_at: CreatedAt;
  last_sign_in_at: Date | null;
}

/** A workspace sign-in link (its hash) or session (its cookie's hash). */
export interface AdminTokensTable {
  id: Generated<number>;
  token_hash: string;
  admin_id: number;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface AdminSessionsTable {
  id: Generated<number>;
  token_hash: string;
  admin_id: number;
  expires_at: Date;
  created_at: CreatedAt;
}

/** A named API key: only the SHA-256 of its secret is stored. */
export interface AdminApiKeysTable {
  id: Generated<number>;
  public_id: string;
  name: string;
  scopes: string[];
  prefix: string;
  key_hash: string;
  /** Who made it (the account's e-mail or the key's name), null for the bootstrap key. */
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. */
export interface AdminAuditTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_kind: 'user' | 'key' | 'bootstrap' | 'scim';
  actor_id: string | null;
  actor_label: string;
  action: string;
  site: string | null;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Append-only: a trigger refuses updates and deletes. */
export interface ConsentsTable {
  id: Generated<number>;
  person_id: number;
  purpose: ConsentPurpose;
  granted: boolean;
  text_version: string;
  source: ConsentSource;
  /** Purpose-specific choices, e.g. `{ "channels": ["message"] }` for `contact`. */
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: CreatedAt;
}

export type ContactRequestStatus = 'unconfirmed' | 'confirmed' | 'answered' | 'declined' | 'refused_cap' | 'refused_unavailable' | 'held';

/** A candidate's question to one person: stored before the 202, forwarded once the candidate confirms. */
export interface ContactRequestsTable {
  id: Generated<number>;
  /** The request's id in API answers and in the employee's one-click links. */
  public_id: string;
  site_id: number;
  person_id: number;
  candidate_name: string;
  candidate_email: string;
  message: string;
  job: string | null;
  /** Language of the candidate's e-mails and pages. */
  lang: string;
  /** The careers site the question was sent from (an allowed origin), linked from the candidate's notes. */
  page_origin: string;
  status: Generated<ContactRequestStatus>;
  /** Hex SHA-256 of the confirmation token; the token itself is only in the candidate's e-mail. */
  confirm_token_hash: string;
  confirm_expires_at: Date;
  created_at: ColumnType<Date, Date | undefined, never>;
  confirmed_at: Date | null;
  answered_at: Date | null;
  declined_at: Date | null;
  /** The employee's answer, when the relay received their reply or they typed it on /me; null after "I answered" only. */
  answer_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** How the answer arrived: a reply through the relay, typed on /me, or the "I answered" link (no text). */
  answer_via: ColumnType<'mail' | 'me' | 'link' | null, 'mail' | 'me' | 'link' | null | undefined, 'mail' | 'me' | 'link' | null>;
  /** When the candidate clicked "thank you" after the answer (at most once). */
  thanked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When the one gentle reminder went to the employee (never more than one). */
  reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When the candidate was offered another person, the question being unanswered in the site's window. */
  second_chance_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When the candidate, offered another person, clicked "Ask <name> instead" (migration 0021; once). */
  asked_instead_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A sender who may no longer ask anyone on the site: a keyed hash of their address or of its domain. */
export interface ContactBlocksTable {
  id: Generated<number>;
  public_id: string;
  site_id: number;
  kind: 'address' | 'domain';
  key_hash: string;
  /** Named for domain blocks only. */
  domain: string | null;
  source: 'employee' | 'moderator' | 'reports';
  request_id: number | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** An employee's report of a question, for the moderators. */
export interface ContactReportsTable {
  id: Generated<number>;
  site_id: number;
  request_id: number;
  person_id: number;
  reason: 'abusive' | 'spam' | 'recruiter';
  /** Keyed hash of the sender's domain: repeated reports from different employees block it. */
  domain_hash: string;
  created_at: ColumnType<Date, Date | undefined, never>;
}

/** A message received by the relay for one question, from one side (issue 18). */
export interface RelayMessagesTable {
  id: Generated<number>;
  request_id: number;
  sender: 'employee' | 'candidate';
  /** The message's Message-ID (or a digest of it when it has none): a redelivery is recorded once. */
  message_id: string;
  /** The new text of the message, quoted text and signature removed; never HTML. */
  text: string;
  received_at: Date;
}

export interface UsedChallengesTable {
  /** The hex challenge of a proof of work already accepted once. */
  challenge: string;
  expires_at: Date;
}

export interface RateLimitsTable {
  /** `scope:keyed-hash:window`; never a raw IP address or e-mail. */
  bucket: string;
  hits: number;
  expires_at: Date;
}

export type TestimonialStatus = 'pending' | 'approved' | 'rejected';
export type TestimonialNameStyle = 'full' | 'first_initial' | 'initials';

/** One per person: their own words, public once approved and while their 'testimonial' consent stands. */
export interface TestimonialsTable {
  id: Generated<number>;
  /** The testimonial's id in API answers (public and admin); unrelated to the database key. */
  public_id: string;
  person_id: number;
  quote: string;
  roles: string[];
  from_year: number;
  to_year: number | null;
  current_role: string | null;
  name_style: TestimonialNameStyle;
  /** The quote's language (BCP 47), as the author chose it. */
  lang: string;
  status: Generated<TestimonialStatus>;
  /** The moderator's reason, shown to the author; set only while rejected. */
  rejection_reason: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** When last approved or rejected. */
  moderated_at: Date | null;
}

/** Bumped by triggers on every write that can change a site's public answers. */
export interface PublicVersionsTable {
  site_id: number;
  version: ColumnType<string, never, never>;
  /** Moves only with who the site's people lists show and in which order (a subset of `version`'s moves). */
  order_version: ColumnType<string, never, never>;
}

/** Kept by triggers: how many listed people of a site have each (folded) title, team and location ('' for none). */
export interface ListedGroupsTable {
  site_id: number;
  job_title_key: string;
  team_key: string;
  location_key: string;
  people: number;
}

/** Kept by triggers: how many listed people of a site with each (folded) title speak each language. */
export interface ListedLanguagesTable {
  site_id: number;
  job_title_key: string;
  language: string;
  people: number;
}

/** A view of listed_groups: how many listed people of a site have each (folded) job title. */
export interface ListedTitlesTable {
  site_id: number;
  job_title_key: string;
  people: number;
}

/** Aggregate counts of the workspace's analytics; `week` is the ISO week's Monday (`YYYY-MM-DD`). */
export interface AnalyticsWeeklyTable {
  site_id: number;
  week: string;
  job: string;
  metric: string;
  count: ColumnType<string, number, number>;
}

/** A site's open jobs (migration 0013), as its job list gives them. */
export interface SiteJobsTable {
  id: Generated<number>;
  site_id: number;
  /** Which list filled the row: `upload`, or `feed` (the site's job feed, issue 17). */
  source: string;
  /** The job's place in its list. */
  position: number;
  title: string;
  url: string | null;
  team: string | null;
  location: string | null;
  /** Generated: folded as `people`'s keys are, for matching. */
  title_key: ColumnType<string, never, never>;
  team_key: ColumnType<string | null, never, never>;
  location_key: ColumnType<string | null, never, never>;
  created_at: CreatedAt;
  /** The URL normalised (normaliseJobUrl, migration 0017): a careers page without JobPosting is matched by it. */
  url_key: string | null;
}

/** A site's job feed (migration 0017): where its jobs are read from, and how the last fetch went. */
export interface SiteJobFeedsTable {
  site_id: number;
  url: string;
  kind: string;
  interval_minutes: ColumnType<number, number | undefined, number>;
  etag: string | null;
  last_modified: string | null;
  status: ColumnType<string, string | undefined, string>;
  message: string | null;
  detected_kind: string | null;
  job_count: number | null;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  next_fetch_at: ColumnType<Date, Date | undefined, Date>;
  /** A fetch in progress holds the feed until then. */
  claimed_until: Date | null;
}

/** A site's SCIM bearer token (migration 0015): only the SHA-256 of its secret is stored. */
export interface ScimTokensTable {
  id: Generated<number>;
  public_id: string;
  site_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** The identity provider's user provisioning a person (migration 0015). */
export interface ScimUsersTable {
  person_id: number;
  site_id: number;
  /** As the provider sent it; unique per site in any letter case. */
  user_name: string;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  active: boolean;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  deactivated_at: Date | null;
  invited_new_at: Date | null;
  invited_alumni_at: Date | null;
}

/** A question and its answer the employee chose to publish (migration 0019): their wording, never the candidate's name or address. */
export interface PublishedAnswersTable {
  id: Generated<number>;
  public_id: string;
  person_id: number;
  /** The question it came from, until the retention purge deletes it (then null). */
  request_id: number | null;
  question: string;
  answer: string;
  /** The language the candidate asked in. */
  lang: string;
  /** The candidate's decision, from the signed links of their mail. */
  candidate: ColumnType<'pending' | 'agreed' | 'declined', 'pending' | 'agreed' | 'declined' | undefined>;
  moderation: ColumnType<'pending' | 'approved' | 'rejected', 'pending' | 'approved' | 'rejected' | undefined>;
  /** When the employee withdrew it; hidden from then on. */
  withdrawn_at: Date | null;
  /** When it last became public (the last of the three decisions). */
  published_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface Database {
  sites: SitesTable;
  people: PeopleTable;
  consents: ConsentsTable;
  photos: PhotosTable;
  tokens: TokensTable;
  sessions: SessionsTable;
  outbox: OutboxTable;
  admin_keys: AdminKeysTable;
  admin_users: AdminUsersTable;
  admin_tokens: AdminTokensTable;
  admin_sessions: AdminSessionsTable;
  admin_api_keys: AdminApiKeysTable;
  admin_audit: AdminAuditTable;
  settings: SettingsTable;
  public_versions: PublicVersionsTable;
  contact_requests: ContactRequestsTable;
  used_challenges: UsedChallengesTable;
  relay_messages: RelayMessagesTable;
  rate_limits: RateLimitsTable;
  testimonials: TestimonialsTable;
  listed_groups: ListedGroupsTable;
  listed_languages: ListedLanguagesTable;
  listed_titles: ListedTitlesTable;
  analytics_weekly: AnalyticsWeeklyTable;
  site_jobs: SiteJobsTable;
  contact_blocks: ContactBlocksTable;
  contact_reports: ContactReportsTable;
  site_job_feeds: SiteJobFeedsTable;
  site_oidc: SiteOidcTable;
  oidc_flows: OidcFlowsTable;
  scim_tokens: ScimTokensTable;
  scim_users: ScimUsersTable;
  published_answers: PublishedAnswersTable;
}

export type Site = Selectable<SitesTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type Consent = Selectable<ConsentsTable>;

/** A site's company sign-in (OpenID Connect): one row per site that has one. */
export interface SiteOidcTable {
  site_id: number;
  /** https (http only for loopback, for tests). */
  issuer: string;
  client_id: string;
  /** AES-GCM sealed with a key derived from the link secret: a dump of the database alone does not reveal it. */
  client_secret_sealed: string;
  /** The company's name on the button: "Sign in with <display_name>". */
  display_name: string;
  /** Whether the site's people may still sign in by e-mail link. */
  email_sign_in: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A company sign-in under way: single-use, expiring. */
export interface OidcFlowsTable {
  state_hash: string;
  browser_hash: string;
  site_id: number;
  audience: 'me' | 'admin';
  code_verifier: string;
  nonce: string;
  expires_at: Date;
}
