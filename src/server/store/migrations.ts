import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { normaliseJobUrl } from '../../sdk/job-url.js';

/** Migrations live in code, in order; a name once released never changes. */
const migrations: Record<string, Migration> = {
  '0001_sites_people_consents': {
    async up(db) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await sql`create extension if not exists unaccent`.execute(db);
      // unaccent() is only STABLE; a fixed dictionary makes this fold safe to index.
      await sql`
        create function hw_fold(value text) returns text
        language sql immutable parallel safe strict
        as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$
      `.execute(db);

      await db.schema
        .createTable('sites')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('default_lang', 'text', (c) => c.notNull().defaultTo('en'))
        .addColumn('consent_text_version', 'text', (c) => c.notNull().defaultTo('2026-11'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      await db.schema
        .createTable('people')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('job_title', 'text', (c) => c.notNull())
        .addColumn('job_title_key', 'text', (c) => c.generatedAlwaysAs(sql`hw_fold(job_title)`).stored())
        .addColumn('team', 'text')
        .addColumn('location', 'text')
        .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('bio', 'text')
        .addColumn('photo_url', 'text')
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .defaultTo('employee')
            .check(sql`status in ('employee', 'left', 'alumni')`),
        )
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('people_site_email', ['site_id', 'email'])
        .addUniqueConstraint('people_site_external_id', ['site_id', 'external_id'])
        .execute();
      await sql`create index people_job_title_trgm on people using gin (job_title_key gin_trgm_ops)`.execute(db);
      await db.schema.createIndex('people_site_status').on('people').columns(['site_id', 'status']).execute();

      await db.schema
        .createTable('consents')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
        .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('show_profile', 'contact', 'alumni', 'testimonial')`))
        .addColumn('granted', 'boolean', (c) => c.notNull())
        .addColumn('text_version', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('me', 'email_link', 'demo')`))
        .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('consents_latest').on('consents').columns(['person_id', 'purpose', 'id desc']).execute();
      await sql`
        create function hw_consents_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'consents are append-only: record a new decision instead';
        end $$
      `.execute(db);
      await sql`
        create trigger consents_append_only before update or delete on consents
        for each row execute function hw_consents_append_only()
      `.execute(db);
    },
  },
  '0002_employees_mail_admin': {
    async up(db) {
      await db.schema
        .alterTable('people')
        .addColumn('linkedin_url', 'text')
        .addColumn('booking_url', 'text')
        .addColumn('weekly_cap', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(3)
            .check(sql`weekly_cap between 1 and 10`),
        )
        .addColumn('paused_until', 'timestamptz')
        .addColumn('locale', 'text')
        .addColumn('invited_at', 'timestamptz')
        .addColumn('erased_at', 'timestamptz')
        .execute();

      await db.schema
        .createTable('photos')
        .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('data', 'bytea', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .execute();

      // Magic links: only the SHA-256 of a token is stored.
      await db.schema
        .createTable('tokens')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invitation', 'sign_in', 'alumni_invitation')`))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('used_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      // Transactional outbox: a mail is written in the same transaction as what caused it.
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`status in ('pending', 'sent', 'failed')`),
        )
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('sent_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();

      await db.schema
        .createTable('admin_keys')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      /** Server-wide values made on first start, e.g. the secret that signs withdraw links. */
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0003_contact_requests': {
    async up(db) {
      // A candidate's question to one person; the candidate's data is deleted after the retention period.
      await db.schema
        .createTable('contact_requests')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('candidate_name', 'text', (c) => c.notNull())
        .addColumn('candidate_email', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('job', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('page_origin', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .defaultTo('unconfirmed')
            .check(sql`status in ('unconfirmed', 'confirmed', 'answered', 'declined', 'refused_cap', 'refused_unavailable')`),
        )
        .addColumn('confirm_token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('confirm_expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('confirmed_at', 'timestamptz')
        .addColumn('answered_at', 'timestamptz')
        .addColumn('declined_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('contact_requests_person_confirmed').on('contact_requests').columns(['person_id', 'confirmed_at']).execute();
      await db.schema.createIndex('contact_requests_created').on('contact_requests').column('created_at').execute();

      // Proofs of work already spent, kept until their challenge expires.
      await db.schema
        .createTable('used_challenges')
        .addColumn('challenge', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();

      // Fixed-window counters, shared by every server instance; `bucket` holds a keyed hash, never an IP or e-mail.
      await db.schema
        .createTable('rate_limits')
        .addColumn('bucket', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0004_testimonials': {
    async up(db) {
      // One testimonial per person; shown only once approved and while the 'testimonial' consent stands.
      await db.schema
        .createTable('testimonials')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('person_id', 'integer', (c) => c.notNull().unique().references('people.id').onDelete('cascade'))
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('from_year', 'integer', (c) => c.notNull())
        .addColumn('to_year', 'integer')
        .addColumn('current_role', 'text')
        .addColumn('name_style', 'text', (c) => c.notNull().check(sql`name_style in ('full', 'first_initial', 'initials')`))
        .addColumn('status', 'text', (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`status in ('pending', 'approved', 'rejected')`),
        )
        .addColumn('rejection_reason', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('moderated_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('testimonials_status').on('testimonials').columns(['status', 'moderated_at']).execute();
    },
  },
  '0005_public_versions': {
    async up(db) {
      // Every write that can change what candidates see bumps its site's version, in the same
      // transaction, whoever makes it (this instance, another one, a script): the in-process cache of
      // public answers is keyed by it, so it can never serve what a committed write changed.
      await db.schema
        .createTable('public_versions')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`insert into public_versions (site_id) select id from sites`.execute(db);
      await sql`
        create function hw_touch_site(site integer) returns void language sql as $$
          insert into public_versions (site_id, version) select site, 1 where site is not null
          on conflict (site_id) do update set version = public_versions.version + 1
        $$
      `.execute(db);
      await sql`
        create function hw_site_changed() returns trigger language plpgsql as $$
        begin
          perform hw_touch_site(case when tg_op = 'DELETE' then old.id else new.id end);
          return null;
        end $$
      `.execute(db);
      await sql`
        create function hw_person_row_changed() returns trigger language plpgsql as $$
        begin
          perform hw_touch_site(case when tg_op = 'DELETE' then old.site_id else new.site_id end);
          return null;
        end $$
      `.execute(db);
      await sql`
        create function hw_person_detail_changed() returns trigger language plpgsql as $$
        begin
          perform hw_touch_site((select site_id from people where id = case when tg_op = 'DELETE' then old.person_id else new.person_id end));
          return null;
        end $$
      `.execute(db);
      await sql`create trigger sites_public after update on sites for each row execute function hw_site_changed()`.execute(db);
      await sql`create trigger people_public after insert or update or delete on people for each row execute function hw_person_row_changed()`.execute(db);
      for (const table of ['consents', 'photos', 'testimonials']) {
        await sql`create trigger ${sql.raw(`${table}_public`)} after insert or update or delete on ${sql.table(table)}
          for each row execute function hw_person_detail_changed()`.execute(db);
      }
      // Confirmed questions count towards the weekly cap, which shows as "busy".
      await sql`create trigger contact_requests_public after update of status on contact_requests
        for each row when (old.status is distinct from new.status) execute function hw_person_detail_changed()`.execute(db);
    },
  },
  '0006_listed_people': {
    async up(db) {
      // Who is listed (still there or alumni, latest "show my profile" decision a grant) is kept on the
      // person by triggers, so public queries read a flag instead of each person's consent history; and
      // a site's listed job titles are counted, so matching scores a hundred titles, not every person.
      await sql`alter table people add column listed boolean not null default false`.execute(db);
      await sql`alter table people add column name_key text generated always as (hw_fold(display_name)) stored`.execute(db);
      await sql`
        create function hw_is_listed(person integer, status text) returns boolean language sql stable as $$
          select status in ('employee', 'alumni') and coalesce((
            select c.granted from consents c where c.person_id = person and c.purpose = 'show_profile'
            order by c.id desc limit 1), false)
        $$
      `.execute(db);
      await sql`update people set listed = hw_is_listed(id, status)`.execute(db);
      await sql`
        create function hw_status_listed() returns trigger language plpgsql as $$
        begin
          new.listed := hw_is_listed(new.id, new.status);
          return new;
        end $$
      `.execute(db);
      await sql`create trigger people_listed before insert or update of status on people
        for each row execute function hw_status_listed()`.execute(db);
      // Consents are append-only: the newest "show my profile" record is the decision.
      await sql`
        create function hw_consent_listed() returns trigger language plpgsql as $$
        begin
          update people set listed = new.granted and status in ('employee', 'alumni')
          where id = new.person_id and listed is distinct from (new.granted and status in ('employee', 'alumni'));
          return null;
        end $$
      `.execute(db);
      await sql`create trigger consents_listed after insert on consents
        for each row when (new.purpose = 'show_profile') execute function hw_consent_listed()`.execute(db);

      await db.schema
        .createTable('listed_titles')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('job_title_key', 'text', (c) => c.notNull())
        .addColumn('people', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('listed_titles_pkey', ['site_id', 'job_title_key'])
        .execute();
      await sql`
        insert into listed_titles (site_id, job_title_key, people)
        select site_id, job_title_key, count(*) from people where listed group by site_id, job_title_key
      `.execute(db);
      await sql`
        create function hw_count_title(site integer, title text, delta integer) returns void language sql as $$
          insert into listed_titles (site_id, job_title_key, people) values (site, title, delta)
          on conflict (site_id, job_title_key) do update set people = listed_titles.people + delta
        $$
      `.execute(db);
      await sql`
        create function hw_listed_titles() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') and old.listed then perform hw_count_title(old.site_id, old.job_title_key, -1); end if;
          if tg_op in ('INSERT', 'UPDATE') and new.listed then perform hw_count_title(new.site_id, new.job_title_key, 1); end if;
          return null;
        end $$
      `.execute(db);
      await sql`create trigger people_listed_titles after insert or delete or update of listed, status, job_title, site_id on people
        for each row execute function hw_listed_titles()`.execute(db);
      await sql`create index people_listed_title on people (site_id, job_title_key) where listed`.execute(db);
      await sql`create index people_listed_name on people (site_id, (name_key collate "C"), public_id) where listed`.execute(db);
      await sql`create index people_listed_team on people (site_id, hw_fold(team)) where listed`.execute(db);
      await sql`create index people_listed_location on people (site_id, hw_fold(location)) where listed`.execute(db);
    },
  },
  '0007_testimonial_lang': {
    async up(db) {
      // The quote's language, chosen by its author; those written before were in the site's default language.
      await sql`alter table testimonials add column lang text`.execute(db);
      await sql`update testimonials t set lang = s.default_lang from people p join sites s on s.id = p.site_id where p.id = t.person_id`.execute(db);
      await sql`alter table testimonials alter column lang set not null`.execute(db);
    },
  },
  '0008_site_brand': {
    async up(db) {
      // Optional: without them the landing pages use Hallway's blue and the page a question came from.
      await sql`alter table sites add column accent_color text, add column careers_url text`.execute(db);
    },
  },
  '0009_fast_at_every_size': {
    async up(db) {
      // Team and location folded once, on write, as job titles and names are: matching compares and
      // sorts plain columns (no unaccent per row), and the indexes below serve its conditions as written.
      await sql`alter table people add column team_key text generated always as (hw_fold(team)) stored`.execute(db);
      await sql`alter table people add column location_key text generated always as (hw_fold(location)) stored`.execute(db);
      // A page reads the people of its best-ranked titles (public-people.ts): of the team or location when
      // that is the match, and in name order within a title.
      await sql`create index people_listed_team_title on people (site_id, team_key, job_title_key) where listed`.execute(db);
      await sql`create index people_listed_location_title on people (site_id, location_key, job_title_key) where listed`.execute(db);
      await sql`create index people_listed_title_name on people (site_id, job_title_key, (name_key collate "C"), public_id) where listed`.execute(db);
      await sql`create index people_listed_languages on people using gin (languages) where listed`.execute(db);
      // Titles are scored in the server (trigrams.ts) since 0006; the planner took this index for
      // `job_title_key = any(…)` and read thousands of rows through it, and every write paid for it.
      await sql`drop index people_job_title_trgm`.execute(db);

      // Statement-level triggers: a statement writing 1,000 rows bumps its site's version once and each
      // title's count once, rather than updating the same row 1,000 times (which made imports quadratic).
      // `order_version` moves only with what decides who a list shows and in which order; a write that
      // changes only what a card says (a bio, a photo, availability) moves `version` alone, and a cached
      // list then refreshes its few cards instead of choosing its page again.
      await sql`alter table public_versions add column order_version bigint not null default 0`.execute(db);
      await sql`
        create function hw_touch_sites(sites integer[], reordered integer[] default '{}') returns void language sql as $$
          insert into public_versions (site_id, version, order_version)
          select site, 1, 1 from (select distinct unnest(sites || reordered) as site) s where site in (select id from sites)
          on conflict (site_id) do update set version = public_versions.version + 1,
            order_version = public_versions.order_version + (excluded.site_id = any(reordered))::integer
        $$
      `.execute(db);
      await sql`drop trigger people_public on people`.execute(db);
      await sql`drop trigger people_listed_titles on people`.execute(db);
      await sql`drop trigger consents_listed on consents`.execute(db);
      for (const table of ['consents', 'photos', 'testimonials']) await sql`drop trigger ${sql.raw(`${table}_public`)} on ${sql.table(table)}`.execute(db);
      await sql`drop trigger contact_requests_public on contact_requests`.execute(db);

      // people: the sites of the rows written, and the listed-title counts by difference. A transition
      // table exists only for the events that have it, hence one branch per event.
      await sql`
        create function hw_count_titles(counts jsonb) returns void language sql as $$
          insert into listed_titles (site_id, job_title_key, people)
          select (c->>0)::integer, c->>1, (c->>2)::integer from jsonb_array_elements(counts) c
          where (c->>0)::integer in (select id from sites)
          on conflict (site_id, job_title_key) do update set people = listed_titles.people + excluded.people
        $$
      `.execute(db);
      await sql`
        create function hw_people_written() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            perform hw_touch_sites('{}', array(select site_id from new_rows));
            perform hw_count_titles((select jsonb_agg(jsonb_build_array(site_id, job_title_key, n)) from (
              select site_id, job_title_key, count(*) as n from new_rows where listed group by site_id, job_title_key) d));
          elsif tg_op = 'DELETE' then
            perform hw_touch_sites('{}', array(select site_id from old_rows));
            perform hw_count_titles((select jsonb_agg(jsonb_build_array(site_id, job_title_key, -n)) from (
              select site_id, job_title_key, count(*) as n from old_rows where listed group by site_id, job_title_key) d));
          else
            perform hw_touch_sites(
              array(select site_id from new_rows),
              -- Who is listed, and what matching and the order read (folded columns follow theirs).
              array(select o.site_id from old_rows o join new_rows n on n.id = o.id
                where (o.listed, o.site_id, o.public_id, o.display_name, o.job_title, o.team, o.location, o.languages)
                  is distinct from (n.listed, n.site_id, n.public_id, n.display_name, n.job_title, n.team, n.location, n.languages)
                union select n.site_id from old_rows o join new_rows n on n.id = o.id where o.site_id <> n.site_id));
            perform hw_count_titles((select jsonb_agg(jsonb_build_array(site_id, job_title_key, n)) from (
              select site_id, job_title_key, sum(delta) as n from (
                select site_id, job_title_key, -1 as delta from old_rows where listed
                union all select site_id, job_title_key, 1 from new_rows where listed
              ) deltas group by site_id, job_title_key having sum(delta) <> 0) d));
          end if;
          return null;
        end $$
      `.execute(db);
      // A trigger with transition tables names one event; the function reads the tables its event has.
      await sql`create trigger people_inserted after insert on people referencing new table as new_rows
        for each statement execute function hw_people_written()`.execute(db);
      await sql`create trigger people_updated after update on people referencing old table as old_rows new table as new_rows
        for each statement execute function hw_people_written()`.execute(db);
      await sql`create trigger people_deleted after delete on people referencing old table as old_rows
        for each statement execute function hw_people_written()`.execute(db);

      // consents, photos, testimonials: the sites of the people whose rows were written.
      await sql`
        create function hw_details_written() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            perform hw_touch_sites(array(select p.site_id from people p where p.id in (select person_id from new_rows)));
          elsif tg_op = 'DELETE' then
            perform hw_touch_sites(array(select p.site_id from people p where p.id in (select person_id from old_rows)));
          else
            perform hw_touch_sites(array(select p.site_id from people p where p.id in (
              select person_id from old_rows union select person_id from new_rows)));
          end if;
          return null;
        end $$
      `.execute(db);
      for (const table of ['consents', 'photos', 'testimonials']) {
        const trigger = (event: string, referencing: string) =>
          sql`create trigger ${sql.raw(`${table}_${event}_public`)} after ${sql.raw(event)} on ${sql.table(table)}
            referencing ${sql.raw(referencing)} for each statement execute function hw_details_written()`.execute(db);
        await trigger('insert', 'new table as new_rows');
        if (table !== 'consents') {
          await trigger('update', 'old table as old_rows new table as new_rows');
          await trigger('delete', 'old table as old_rows');
        }
      }
      // Consents are append-only: per person, the newest "show my profile" record of the statement decides.
      await sql`
        create function hw_consents_listed() returns trigger language plpgsql as $$
        begin
          update people p set listed = d.granted and p.status in ('employee', 'alumni')
          from (select distinct on (person_id) person_id, granted from new_rows where purpose = 'show_profile' order by person_id, id desc) d
          where p.id = d.person_id and p.listed is distinct from (d.granted and p.status in ('employee', 'alumni'));
          return null;
        end $$
      `.execute(db);
      await sql`create trigger consents_listed after insert on consents referencing new table as new_rows
        for each statement execute function hw_consents_listed()`.execute(db);
      // Confirmed questions count towards the weekly cap, which shows as "busy".
      await sql`
        create function hw_requests_status_written() returns trigger language plpgsql as $$
        begin
          perform hw_touch_sites(array(select p.site_id from people p where p.id in (
            select n.person_id from new_rows n join old_rows o on o.id = n.id where o.status is distinct from n.status)));
          return null;
        end $$
      `.execute(db);
      await sql`create trigger contact_requests_public after update on contact_requests referencing old table as old_rows new table as new_rows
        for each statement execute function hw_requests_status_written()`.execute(db);
    },
  },
  '0010_covering_list_indexes': {
    async up(db) {
      // A page is chosen from the people of each title (and of the team or location when that is the
      // match) in name order, stopping at the page's end (public-people.ts): these indexes hold every
      // column that choice reads, so it never visits the table, and a tie of thousands of equally ranked
      // people costs a few index pages. They replace the indexes they extend.
      const listed = (name: string, leading: string, included: string) =>
        sql`create index ${sql.raw(name)} on people (site_id, ${sql.raw(leading)}job_title_key, (name_key collate "C"), public_id)
          include (id, name_key, languages${sql.raw(included)}) where listed`.execute(db);
      await listed('people_listed_title_order', '', ', team_key, location_key');
      await listed('people_listed_team_order', 'team_key, ', ', location_key');
      await listed('people_listed_location_order', 'location_key, ', ', team_key');
      await sql`drop index people_listed_title, people_listed_title_name, people_listed_team_title, people_listed_location_title`.execute(db);
      // Unused since 0009 (conditions read team_key and location_key), yet kept up to date by every write.
      await sql`drop index people_listed_team, people_listed_location`.execute(db);
      // Matching reads a site's title counts with every query; after an import their rows are spread over
      // many mostly empty pages, which a scan of the table would read each time.
      await sql`create index listed_titles_counted on listed_titles (site_id) include (job_title_key, people) where people > 0`.execute(db);
      // The expired-row purge (contact/retention.ts) reads the oldest rows first, a batch at a time.
      await sql`create index rate_limits_expires on rate_limits (expires_at)`.execute(db);
      await sql`create index used_challenges_expires on used_challenges (expires_at)`.execute(db);
    },
  },
  '0011_admin_accounts': {
    async up(db) {
      // The HR workspace's accounts: roles instead of one shared key (issue 16).
      await db.schema
        .createTable('admin_users')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'editor', 'moderator')`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_sign_in_at', 'timestamptz')
        .execute();
      // Sign-in links and sessions: only hashes are stored, as for employees.
      await db.schema
        .createTable('admin_tokens')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('admin_id', 'integer', (c) => c.notNull().references('admin_users.id').onDelete('cascade'))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('used_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('admin_tokens_admin').on('admin_tokens').columns(['admin_id', 'created_at']).execute();
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('admin_id', 'integer', (c) => c.notNull().references('admin_users.id').onDelete('cascade'))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('admin_api_keys')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scopes', sql`text[]`, (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_used_at', 'timestamptz')
        .addColumn('revoked_at', 'timestamptz')
        .execute();
      await db.schema
        .createTable('admin_audit')
        .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('actor_kind', 'text', (c) => c.notNull().check(sql`actor_kind in ('user', 'key', 'bootstrap')`))
        .addColumn('actor_id', 'text')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('site', 'text')
        .addColumn('target', 'text')
        .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .execute();
      // Append-only: the code has no path that changes or removes a line, and the database refuses one.
      await sql`
        create function hw_audit_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'admin_audit is append-only';
        end $$
      `.execute(db);
      await sql`create trigger admin_audit_append_only before update or delete on admin_audit
        for each row execute function hw_audit_append_only()`.execute(db);
      await sql`create trigger admin_audit_no_truncate before truncate on admin_audit
        for each statement execute function hw_audit_append_only()`.execute(db);

      // The workspace's people search: every field HR searches, folded once on write.
      await sql`alter table people add column search_key text generated always as (hw_fold(
        full_name || ' ' || display_name || ' ' || email || ' ' || job_title || ' ' || coalesce(team, '') || ' ' || coalesce(location, ''))) stored`.execute(db);
    },
  },
  '0012_analytics': {
    async up(db) {
      // The workspace's analytics (issue 16): aggregate counts only, per site, ISO week (its Monday),
      // job and metric. Nothing here names or tracks a person; the server counts in memory and adds
      // its counts to these rows every few seconds (analytics/counter.ts).
      await db.schema
        .createTable('analytics_weekly')
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('week', 'date', (c) => c.notNull())
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('analytics_weekly_pk', ['site_id', 'week', 'job', 'metric'])
        .execute();
    },
  },
  '0013_site_jobs': {
    async up(db) {
      // A site's open jobs, for the workspace's coverage (issue 16). `source` says which list filled
      // them: an upload now; a JSON feed or a sitemap later (issue 17) replaces its own rows the same way.
      await db.schema
        .createTable('site_jobs')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('team', 'text')
        .addColumn('location', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      // Folded as the people's columns are, so a job is matched as the careers page matches it.
      await sql`alter table site_jobs add column title_key text generated always as (hw_fold(title)) stored,
        add column team_key text generated always as (hw_fold(team)) stored,
        add column location_key text generated always as (hw_fold(location)) stored`.execute(db);
      await db.schema.createIndex('site_jobs_site').on('site_jobs').columns(['site_id', 'source', 'position']).execute();
    },
  },
  '0014_answers': {
    async up(db) {
      // The employee's answer as the relay received it (a reply to the question's mail) or as typed on
      // /me (issue 18). Kept with the question, so the retention purge deletes both together.
      await db.schema
        .alterTable('contact_requests')
        .addColumn('answer_text', 'text')
        .addColumn('answer_via', 'text', (c) => c.check(sql`answer_via in ('mail', 'me', 'link')`))
        .addColumn('thanked_at', 'timestamptz')
        .addColumn('reminded_at', 'timestamptz')
        .addColumn('second_chance_at', 'timestamptz')
        .execute();
    },
  },
  '0018_safety': {
    async up(db) {
      // Safety for employees (issue 18). A question held by the site's filter waits for a moderator.
      await sql`alter table contact_requests drop constraint contact_requests_status_check`.execute(db);
      await sql`alter table contact_requests add constraint contact_requests_status_check
        check (status in ('unconfirmed', 'confirmed', 'answered', 'declined', 'refused_cap', 'refused_unavailable', 'held'))`.execute(db);
      await db.schema
        .alterTable('sites')
        .addColumn('hold_links', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('hold_phones', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('held_words', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .execute();
      // Blocked senders: a keyed hash of the address or of its domain, never the address itself. A
      // domain is named (it is a company's, not a person's) so moderators can see what they unblock.
      await db.schema
        .createTable('contact_blocks')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('address', 'domain')`))
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('domain', 'text')
        .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('employee', 'moderator', 'reports')`))
        // The question that led to it, while that question is kept: what moderators see of an address.
        .addColumn('request_id', 'integer', (c) => c.references('contact_requests.id').onDelete('set null'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('contact_blocks_key', ['site_id', 'kind', 'key_hash'])
        .execute();
      // An employee's report keeps the question for the moderators as long as the question is kept.
      await db.schema
        .createTable('contact_reports')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('request_id', 'integer', (c) => c.notNull().unique().references('contact_requests.id').onDelete('cascade'))
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('abusive', 'spam', 'recruiter')`))
        .addColumn('domain_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('contact_reports_domain').on('contact_reports').columns(['site_id', 'domain_hash', 'created_at']).execute();
    },
  },
  '0020_profile_path': {
    async up(db) {
      // The card's "More about" view (issue 18): the person's path at the company, their opt-in to show
      // their reply time, and that time, kept up to date when they answer (record/reply-time.ts) so the
      // people lists read one column instead of each person's questions.
      await db.schema
        .alterTable('people')
        .addColumn('career_path', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('show_reply_time', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('reply_days', 'integer')
        .execute();
    },
  },
  '0022_relay': {
    async up(db) {
      // Every message the relay accepted (issue 18), stored before it answers 250: a redelivery of the same
      // Message-ID to the same relay address is recorded once. Deleted with its question.
      await db.schema
        .createTable('relay_messages')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('contact_requests.id').onDelete('cascade'))
        .addColumn('sender', 'text', (c) => c.notNull().check(sql`sender in ('employee', 'candidate')`))
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('received_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('relay_messages_once', ['request_id', 'sender', 'message_id'])
        .execute();
    },
  },
  '0017_job_feeds': {
    async up(db) {
      // A site's job feed (issue 17): where its open jobs are read from, how often, and how the last
      // fetch went. `claimed_until` is a lease: one fetch at a time per site, whichever instance runs it.
      await db.schema
        .createTable('site_job_feeds')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('auto', 'greenhouse', 'lever', 'sitemap')`))
        .addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(60))
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('message', 'text')
        .addColumn('detected_kind', 'text')
        .addColumn('job_count', 'integer')
        .addColumn('last_attempt_at', 'timestamptz')
        .addColumn('last_success_at', 'timestamptz')
        .addColumn('next_fetch_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('claimed_until', 'timestamptz')
        .execute();
      await db.schema.createIndex('site_job_feeds_due').on('site_job_feeds').column('next_fetch_at').execute();
      // A careers page without JobPosting is matched by its address: the job's URL, normalised in code
      // (normaliseJobUrl), kept beside it.
      await db.schema.alterTable('site_jobs').addColumn('url_key', 'text').execute();
      await db.schema.createIndex('site_jobs_url').on('site_jobs').columns(['site_id', 'url_key']).execute();
      const uploaded: { id: number; url: string }[] = await db.selectFrom('site_jobs').select(['id', 'url']).where('url', 'is not', null).execute();
      for (const { id, url } of uploaded)
        await db
          .updateTable('site_jobs')
          .set({ url_key: normaliseJobUrl(url) ?? null })
          .where('id', '=', id)
          .execute();
      // Which people a page's address shows depends on the jobs: a change moves the site's public version.
      await sql`
        create function hw_site_jobs_written() returns trigger language plpgsql as $$
        begin
          perform hw_touch_sites('{}', array(select distinct site_id from changed_rows));
          return null;
        end $$
      `.execute(db);
      for (const [event, side] of [
        ['insert', 'new'],
        ['delete', 'old'],
      ] as const) {
        await sql`create trigger ${sql.raw(`site_jobs_${event}ed`)} after ${sql.raw(event)} on site_jobs
          referencing ${sql.raw(side)} table as changed_rows for each statement execute function hw_site_jobs_written()`.execute(db);
      }
    },
  },
  '0016_oidc': {
    async up(db) {
      // A site's company sign-in (issue 17): its OpenID provider and this server's client there. The
      // client secret is sealed with a key derived from the link secret (oidc/settings.ts).
      await db.schema
        .createTable('site_oidc')
        .addColumn('site_id', 'integer', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret_sealed', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('email_sign_in', 'boolean', (c) => c.notNull().defaultTo(true))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      // A sign-in under way at the provider: found by its state's hash, bound to the browser that
      // started it by a cookie's hash, used once, dead after 10 minutes.
      await db.schema
        .createTable('oidc_flows')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('browser_hash', 'text', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('me', 'admin')`))
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('oidc_flows_expiry').on('oidc_flows').column('expires_at').execute();
    },
  },
  '0015_scim': {
    async up(db) {
      // SCIM provisioning (issue 17). A site's bearer tokens, only their SHA-256 stored.
      await db.schema
        .createTable('scim_tokens')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_used_at', 'timestamptz')
        .addColumn('revoked_at', 'timestamptz')
        .execute();
      // The identity provider's user, next to the person it provisions. Deleted by a SCIM DELETE; the
      // person stays (as left), so the same userName can be provisioned again (a rehire).
      await db.schema
        .createTable('scim_users')
        .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text')
        .addColumn('given_name', 'text')
        .addColumn('family_name', 'text')
        .addColumn('active', 'boolean', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('deactivated_at', 'timestamptz')
        // Each automatic invitation goes once: set in the transaction that sends it.
        .addColumn('invited_new_at', 'timestamptz')
        .addColumn('invited_alumni_at', 'timestamptz')
        .execute();
      // userName is unique per site in any letter case (a 409 across sites would say who works where).
      await sql`create unique index scim_users_user_name on scim_users (site_id, lower(user_name))`.execute(db);
      await db.schema.createIndex('scim_users_external_id').on('scim_users').columns(['site_id', 'external_id']).execute();
      await db.schema
        .alterTable('sites')
        .addColumn('scim_invite_after_days', 'integer')
        .addColumn('scim_invite_alumni', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
    },
  },
  '0021_site_options': {
    async up(db) {
      // Issue 18's second chance: how long a confirmed question may wait for its answer before the
      // candidate is offered someone else, and the time zone of the working days the one reminder keeps to.
      await db.schema
        .alterTable('sites')
        .addColumn('answer_window_days', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(5)
            .check(sql`answer_window_days between 1 and 30`),
        )
        .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
        .execute();
      // Set once the candidate clicked "Ask <name> instead": one click re-sends the question once.
      await db.schema.alterTable('contact_requests').addColumn('asked_instead_at', 'timestamptz').execute();
      // The follow-up job's scans: confirmed questions still open, oldest first.
      await sql`create index contact_requests_open on contact_requests (confirmed_at) where status = 'confirmed'`.execute(db);
    },
  },
  '0019_published_answers': {
    async up(db) {
      // Published Q&A (issue 18): the wording the employee chose, copied out of the question, so it
      // outlives the question's retention purge (the request link is then set null). Never the
      // candidate's name or address. Public while the three decisions stand and the person is listed.
      await db.schema
        .createTable('published_answers')
        .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
        .addColumn('public_id', 'text', (c) => c.notNull().unique())
        .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('request_id', 'integer', (c) => c.unique().references('contact_requests.id').onDelete('set null'))
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('candidate', 'text', (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`candidate in ('pending', 'agreed', 'declined')`),
        )
        .addColumn('moderation', 'text', (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`moderation in ('pending', 'approved', 'rejected')`),
        )
        .addColumn('withdrawn_at', 'timestamptz')
        .addColumn('published_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('published_answers_person').on('published_answers').column('person_id').execute();
      // Every write moves the site's public version, as testimonials do: the cached lists drop it at once.
      const trigger = (event: string, referencing: string) =>
        sql`create trigger ${sql.raw(`published_answers_${event}_public`)} after ${sql.raw(event)} on published_answers
          referencing ${sql.raw(referencing)} for each statement execute function hw_details_written()`.execute(db);
      await trigger('insert', 'new table as new_rows');
      await trigger('update', 'old table as old_rows new table as new_rows');
      await trigger('delete', 'old table as old_rows');
    },
  },
  '0024_hardening': {
    async up(db) {
      // SCIM writes are audited (issue 17), with the SCIM token as the actor.
      await sql`alter table admin_audit drop constraint admin_audit_actor_kind_check`.execute(db);
      await sql`alter table admin_audit add constraint admin_audit_actor_kind_check check (actor_kind in ('user', 'key', 'bootstrap', 'scim'))`.execute(db);
    },
  },
  '0025_listed_groups': {
    async up(db) {
      // Listed people counted by title, team and location, and by title and language (issue 19):
      // matching learns from these few rows whether a team or location has anyone, which titles hold
      // its people, and which groups of a page are empty, without reading people. '' stands for no
      // team or location (a primary key holds no null). `people` is in no index, and pages keep room,
      // so the triggers' updates stay HOT and the tables compact.
      await sql`
        create table listed_groups (
          site_id integer not null references sites (id) on delete cascade,
          job_title_key text not null,
          team_key text not null,
          location_key text not null,
          people integer not null,
          primary key (site_id, job_title_key, team_key, location_key)
        ) with (fillfactor = 70)`.execute(db);
      await sql`
        create table listed_languages (
          site_id integer not null references sites (id) on delete cascade,
          job_title_key text not null,
          language text not null,
          people integer not null,
          primary key (site_id, job_title_key, language)
        ) with (fillfactor = 70)`.execute(db);
      // Each row's keys as the counts have them: a person's distinct languages, one row each.
      const groupsOf = (rows: string) =>
        `select site_id, job_title_key, coalesce(team_key, '') as team_key, coalesce(location_key, '') as location_key from ${rows} where listed`;
      const languagesOf = (rows: string) =>
        `select r.site_id, r.job_title_key, l.language from ${rows} r cross join lateral (select distinct unnest(r.languages) as language) l
          where r.listed and l.language is not null`;
      await sql`insert into listed_groups select *, count(*) from (${sql.raw(groupsOf('people'))}) g group by 1, 2, 3, 4`.execute(db);
      await sql`insert into listed_languages select *, count(*) from (${sql.raw(languagesOf('people'))}) l group by 1, 2, 3`.execute(db);
      await sql`drop table listed_titles`.execute(db);
      // The per-title counts the workspace's coverage reads, as before.
      await sql`
        create view listed_titles as
        select site_id, job_title_key, sum(people)::integer as people from listed_groups group by site_id, job_title_key`.execute(db);

      // The counts a statement moves: its new rows' keys counted up, its old rows' counted down.
      const GROUP = 'site_id, job_title_key, team_key, location_key';
      const LANGUAGE = 'site_id, job_title_key, language';
      const counted = (columns: string, rows: string) =>
        `(select coalesce(jsonb_agg(jsonb_build_array(${columns}, n)), '[]') from (
          select ${columns}, sum(delta) as n from (${rows}) d group by ${columns} having sum(delta) <> 0) c)`;
      const moved = (keys: (rows: string) => string, columns: string, rows: { added?: boolean; removed?: boolean }) =>
        sql.raw(
          counted(
            columns,
            [rows.added && `select *, 1 as delta from (${keys('new_rows')}) a`, rows.removed && `select *, -1 as delta from (${keys('old_rows')}) r`]
              .filter(Boolean)
              .join(' union all '),
          ),
        );
      const counts = (rows: { added?: boolean; removed?: boolean }) =>
        sql`perform hw_count_listed(${moved(groupsOf, GROUP, rows)}, ${moved(languagesOf, LANGUAGE, rows)});`;
      await sql`drop function hw_count_titles(jsonb)`.execute(db);
      await sql`
        create function hw_count_listed(groups jsonb, languages jsonb) returns void language sql as $$
          insert into listed_groups (site_id, job_title_key, team_key, location_key, people)
          select (c->>0)::integer, c->>1, c->>2, c->>3, (c->>4)::integer from jsonb_array_elements(groups) c
          where (c->>0)::integer in (select id from sites)
          on conflict (site_id, job_title_key, team_key, location_key) do update set people = listed_groups.people + excluded.people;
          insert into listed_languages (site_id, job_title_key, language, people)
          select (c->>0)::integer, c->>1, c->>2, (c->>3)::integer from jsonb_array_elements(languages) c
          where (c->>0)::integer in (select id from sites)
          on conflict (site_id, job_title_key, language) do update set people = listed_languages.people + excluded.people
        $$
      `.execute(db);
      // A transition table exists only for the events that have it, hence one branch per event.
      await sql`
        create or replace function hw_people_written() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            perform hw_touch_sites('{}', array(select site_id from new_rows));
            ${counts({ added: true })}
          elsif tg_op = 'DELETE' then
            perform hw_touch_sites('{}', array(select site_id from old_rows));
            ${counts({ removed: true })}
          else
            perform hw_touch_sites(
              array(select site_id from new_rows),
              -- Who is listed, and what matching and the order read (folded columns follow theirs).
              array(select o.site_id from old_rows o join new_rows n on n.id = o.id
                where (o.listed, o.site_id, o.public_id, o.display_name, o.job_title, o.team, o.location, o.languages)
                  is distinct from (n.listed, n.site_id, n.public_id, n.display_name, n.job_title, n.team, n.location, n.languages)
                union select n.site_id from old_rows o join new_rows n on n.id = o.id where o.site_id <> n.site_id));
            ${counts({ added: true, removed: true })}
          end if;
          return null;
        end $$
      `.execute(db);
    },
  },
  '0023_site_theme': {
    async up(db) {
      // The languages a site offers (its default among them) and its theme tokens for the elements (issue 16).
      await db.schema
        .alterTable('sites')
        .addColumn('langs', sql`text[]`, (c) => c.notNull().defaultTo(sql`array['en', 'fr']::text[]`))
        .addColumn('theme_radius', 'integer', (c) => c.check(sql`theme_radius between 0 and 24`))
        .addColumn('theme_font', 'text')
        .addColumn('theme_surface', 'text')
        .addColumn('theme_text', 'text')
        .execute();
      await sql`alter table sites add constraint sites_default_lang_offered check (default_lang = any(langs))`.execute(db);
    },
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator runs on a database of any shape
export async function migrate(db: Kysely<any>) {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'hallway_migrations',
    migrationLockTableName: 'hallway_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
}
