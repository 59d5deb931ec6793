import { sql, type RawBuilder } from 'kysely';
import type { Match } from '../../sdk/schemas.js';
import { DEFAULT_TESTIMONIAL_LIMIT, type MyTestimonial, type NameStyle, type PublicTestimonial, type TestimonialDraft } from '../../sdk/testimonial-schemas.js';
import type { Links } from '../auth/links.js';
import { enqueueMail } from '../mail/index.js';
import { JOB_SIMILARITY_THRESHOLD } from '../public-people.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import { latestConsentGranted, newPublicId, recordConsent } from '../store/people.js';
import type { ConsentSource, Site, TestimonialStatus } from '../store/schema.js';

/** The latest 'testimonial' decision of a person: false when never decided. */
async function publishConsent(db: Db, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('consents')
    .select('granted')
    .where('person_id', '=', personId)
    .where('purpose', '=', 'testimonial')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.granted ?? false;
}

async function siteOf(db: Db, personId: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['s.consent_text_version', 's.default_lang'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
}

const textVersionOf = async (db: Db, personId: number) => (await siteOf(db, personId)).consent_text_version;

/** The author's own view; `published` says whether candidates see it right now. */
export async function loadMyTestimonial(db: Db, personId: number): Promise<MyTestimonial | null> {
  const row = await db
    .selectFrom('testimonials as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .selectAll('t')
    .select([sql<boolean>`${latestConsentGranted('testimonial')}`.as('consent'), 'p.status as person_status', 'p.erased_at'])
    .where('t.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    quote: row.quote,
    roles: row.roles,
    fromYear: row.from_year,
    toYear: row.to_year,
    currentRole: row.current_role,
    nameStyle: row.name_style,
    lang: row.lang,
    publish: row.consent,
    status: row.status,
    rejectionReason: row.rejection_reason,
    published: row.status === 'approved' && row.consent && row.erased_at === null && row.person_status !== 'left',
  };
}

/**
 * Saves the author's testimonial. Any change to what candidates would read sends it (back) to
 * moderation, hidden until approved again; `publish` is the author's consent, recorded when it changes.
 * The language alone is not what candidates read: changing it only relabels the quote.
 */
export async function saveMyTestimonial(db: Db, personId: number, draft: TestimonialDraft) {
  await db.transaction().execute(async (trx) => {
    const values = {
      quote: draft.quote,
      roles: draft.roles,
      from_year: draft.fromYear,
      to_year: draft.toYear,
      current_role: draft.currentRole ? draft.currentRole : null,
      name_style: draft.nameStyle,
    };
    const existing = await trx.selectFrom('testimonials').selectAll().where('person_id', '=', personId).forUpdate().executeTakeFirst();
    const lang = draft.lang ?? existing?.lang ?? (await siteOf(trx, personId)).default_lang;
    const unchanged =
      existing !== undefined &&
      existing.quote === values.quote &&
      existing.roles.join('\n') === values.roles.join('\n') &&
      existing.from_year === values.from_year &&
      existing.to_year === values.to_year &&
      existing.current_role === values.current_role &&
      existing.name_style === values.name_style;
    if (!existing) {
      await trx
        .insertInto('testimonials')
        .values({ ...values, lang, public_id: newPublicId(), person_id: personId })
        .execute();
    } else if (!unchanged) {
      await trx
        .updateTable('testimonials')
        .set({ ...values, lang, status: 'pending', rejection_reason: null, updated_at: new Date() })
        .where('id', '=', existing.id)
        .execute();
    } else if (existing.lang !== lang) {
      await trx.updateTable('testimonials').set({ lang }).where('id', '=', existing.id).execute();
    }
    if (draft.publish !== (await publishConsent(trx, personId))) {
      await recordConsent(trx, {
        personId,
        purpose: 'testimonial',
        granted: draft.publish,
        textVersion: await textVersionOf(trx, personId),
        source: 'me',
      });
    }
  });
}

/** Deletes the author's testimonial and withdraws the consent to publish it. */
export async function deleteMyTestimonial(db: Db, personId: number, source: ConsentSource = 'me') {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('testimonials').where('person_id', '=', personId).execute();
    if (await publishConsent(trx, personId)) {
      await recordConsent(trx, { personId, purpose: 'testimonial', granted: false, textVersion: await textVersionOf(trx, personId), source });
    }
  });
}

// ---- public ----

/** Approved, the author's latest 'testimonial' decision a grant, and the author still there or alumni. */
function publicTestimonials(db: Db, siteId: number) {
  return db
    .selectFrom('testimonials as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .where('p.site_id', '=', siteId)
    .where('t.status', '=', 'approved')
    .where('p.erased_at', 'is', null)
    .where('p.status', 'in', ['employee', 'alumni'])
    .where(latestConsentGranted('testimonial'));
}

interface Criteria {
  job?: RawBuilder<boolean>;
  team?: RawBuilder<boolean>;
}

function criteriaOf(query: { job?: string | undefined; team?: string | undefined }): Criteria {
  const job = query.job;
  return {
    // The best fit among the roles held, the current role and the person's job title.
    job:
      job === undefined
        ? undefined
        : sql<boolean>`coalesce((
            select max(greatest(similarity(hw_fold(r), hw_fold(${job})), word_similarity(hw_fold(${job}), hw_fold(r)), word_similarity(hw_fold(r), hw_fold(${job}))))
            from unnest(t.roles || array[t."current_role", p.job_title]) as r
          ), 0) >= ${sql.lit(JOB_SIMILARITY_THRESHOLD)}`,
    team: query.team === undefined ? undefined : sql<boolean>`coalesce(hw_fold(p.team) = hw_fold(${query.team}), false)`,
  };
}

export async function listPublicTestimonials(
  db: Db,
  siteId: number,
  query: { job?: string | undefined; team?: string | undefined; limit?: number | undefined; lang?: string | undefined },
): Promise<{ items: PublicTestimonial[]; match: Match }> {
  const criteria = criteriaOf(query);
  const asked = (['job', 'team'] as const).filter((name) => criteria[name] !== undefined);
  let match: Match = 'all';
  if (asked.length > 0) {
    const found = await publicTestimonials(db, siteId)
      .select(asked.map((name) => sql<boolean>`coalesce(bool_or(${criteria[name]!}), false)`.as(name)))
      .executeTakeFirstOrThrow();
    match = asked.find((name) => (found as Record<string, boolean>)[name]) ?? 'all';
  }
  const condition = match === 'all' ? sql<boolean>`true` : criteria[match as 'job' | 'team']!;
  // Only the primary subtag counts, as for people: an `fr-CA` page reads `fr` quotes first.
  const language = query.lang?.split('-')[0]!.toLowerCase() ?? '';
  const rows = await publicTestimonials(db, siteId)
    .where(condition)
    .select(['t.public_id', 't.quote', 't.roles', 't.from_year', 't.to_year', 't.current_role', 't.name_style', 't.lang', 'p.full_name', 'p.status'])
    .orderBy(sql`lower(split_part(t.lang, '-', 1)) = ${language}`, 'desc')
    .orderBy('t.moderated_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(query.limit ?? DEFAULT_TESTIMONIAL_LIMIT)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.public_id,
      quote: row.quote,
      author: formatAuthor(row.full_name, row.name_style),
      roles: row.roles,
      fromYear: row.from_year,
      toYear: row.to_year,
      currentRole: row.current_role,
      kind: row.status === 'alumni' ? 'alumni' : 'employee',
      lang: row.lang,
    })),
    match,
  };
}

/** The name each choice would publish, for the author to choose from on /me. */
export function authorNames(fullName: string): Record<NameStyle, string> {
  return { full: formatAuthor(fullName, 'full'), first_initial: formatAuthor(fullName, 'first_initial'), initials: formatAuthor(fullName, 'initials') };
}

/** "Marie Dupont", "Marie D." or "M. D.", as the author chose. */
export function formatAuthor(fullName: string, style: NameStyle): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const initial = (word: string) => `${[...word][0]!.toLocaleUpperCase()}.`;
  const first = words[0] ?? '';
  const last = words.length > 1 ? words.at(-1)! : undefined;
  switch (style) {
    case 'full':
      return words.join(' ');
    case 'first_initial':
      return last ? `${first} ${initial(last)}` : first;
    case 'initials':
      return [first, last]
        .filter((word): word is string => Boolean(word))
        .map(initial)
        .join(' ');
  }
}

// ---- moderation ----

export interface ModeratedTestimonial {
  id: string;
  author: string;
  email: string;
  quote: string;
  roles: string[];
  fromYear: number;
  toYear: number | null;
  currentRole: string | null;
  status: TestimonialStatus;
  rejectionReason: string | null;
  /** The author's publish consent (read only: only the author decides it). */
  consent: boolean;
  updatedAt: string;
}

function moderationRows(db: Db, siteId: number) {
  return db
    .selectFrom('testimonials as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .where('p.site_id', '=', siteId)
    .where('p.erased_at', 'is', null)
    .selectAll('t')
    .select(['p.full_name', 'p.email', 'p.public_id as person_public_id', 'p.locale', sql<boolean>`${latestConsentGranted('testimonial')}`.as('consent')]);
}

/** The moderation queue, oldest change first. */
export async function listForModeration(db: Db, siteId: number, status?: TestimonialStatus): Promise<ModeratedTestimonial[]> {
  let select = moderationRows(db, siteId).orderBy('t.updated_at').orderBy('t.id');
  if (status) select = select.where('t.status', '=', status);
  return (await select.execute()).map((row) => ({
    id: row.public_id,
    author: row.full_name,
    email: row.email,
    quote: row.quote,
    roles: row.roles,
    fromYear: row.from_year,
    toYear: row.to_year,
    currentRole: row.current_role,
    status: row.status,
    rejectionReason: row.rejection_reason,
    consent: row.consent,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

export type Decision = { status: 'approved' } | { status: 'rejected'; reason: string };

/**
 * Approves or rejects a testimonial and e-mails the author, in one transaction. Deciding what is
 * already decided changes nothing and sends nothing. Undefined when the site has no such testimonial.
 */
export async function moderate(db: Db, links: Links, site: Site, publicId: string, decision: Decision, now = new Date()) {
  return inTransaction(db, async (trx) => {
    const row = await moderationRows(trx, site.id).where('t.public_id', '=', publicId).forUpdate(['t']).executeTakeFirst();
    if (!row) return undefined;
    const reason = decision.status === 'rejected' ? decision.reason : null;
    if (row.status !== decision.status || row.rejection_reason !== reason) {
      await trx.updateTable('testimonials').set({ status: decision.status, rejection_reason: reason, moderated_at: now }).where('id', '=', row.id).execute();
      const common = {
        siteName: site.name,
        accentColor: site.accent_color,
        name: row.full_name,
        link: `${links.publicUrl}/me`,
        withdrawUrl: links.withdraw(row.person_public_id, row.email),
      };
      const locale = row.locale ?? site.default_lang;
      if (decision.status === 'approved') {
        await enqueueMail(trx, { to: row.email, template: 'testimonial_approved', locale, data: { ...common, published: row.consent } });
      } else {
        await enqueueMail(trx, { to: row.email, template: 'testimonial_rejected', locale, data: { ...common, reason: decision.reason } });
      }
    }
    return (await listForModeration(trx, site.id)).find((item) => item.id === publicId)!;
  });
}
