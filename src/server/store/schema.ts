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
  created_at: CreatedAt;
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
  team: string | null;
  location: string | null;
  languages: string[];
  bio: string | null;
  photo_url: string | null;
  status: PersonStatus;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, Date>;
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

export interface Database {
  sites: SitesTable;
  people: PeopleTable;
  consents: ConsentsTable;
}

export type Site = Selectable<SitesTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type Consent = Selectable<ConsentsTable>;
