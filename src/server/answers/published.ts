/**
 * Published Q&A (issue 18). An employee's answered question becomes public only when three people
 * agreed: the employee (publish, on /me), the candidate (a signed link, anonymised as "a candidate")
 * and a moderator; and only while the employee is listed. The wording is copied into
 * `published_answers`, so it outlives the question's retention purge; the candidate's name and
 * address are never copied.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AnswerList, AnswerQuery, ModeratedAnswer, MyAnswer, Publication, PublishDraft } from '../../sdk/answer-schemas.js';
import { DEFAULT_QUESTION_LIMIT } from '../../sdk/answer-schemas.js';
import type { Match } from '../../sdk/schemas.js';
import { enqueueMail, mailLocale } from '../mail/index.js';
import { JOB_SIMILARITY_THRESHOLD, listedCards } from '../public-people.js';
import type { Db } from '../store/database.js';
import { newPublicId } from '../store/people.js';
import { scoreTitles } from '../trigrams.js';
import type { AnswerLinks } from './links.js';

type Row = { candidate: 'pending' | 'agreed' | 'declined'; moderation: 'pending' | 'approved' | 'rejected'; withdrawn_at: Date | null };

/** Public once all three agreed and nobody took it back (the person's being listed is checked apart). */
const agreed = (row: Row) => row.candidate === 'agreed' && row.moderation === 'approved' && row.withdrawn_at === null;

const publicAnswer: Expression<SqlBool> = sql<SqlBool>`a.candidate = 'agreed' and a.moderation = 'approved' and a.withdrawn_at is null and p.listed`;

// ---- the employee, on /me ----

/** The employee's answered questions that have the answer's text, and their publications (also those whose question was purged). */
export async function listMyAnswers(db: Db, personId: number): Promise<MyAnswer[]> {
  const answered = await db
    .selectFrom('contact_requests as r')
    .leftJoin('published_answers as a', 'a.request_id', 'r.id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.public_id as request', 'r.message', 'r.answer_text', 'r.answered_at', 'p.listed'])
    .select(publicationColumns)
    .where('r.person_id', '=', personId)
    .where('r.answer_text', 'is not', null)
    .orderBy('r.answered_at', 'desc')
    .execute();
  const orphans = await db
    .selectFrom('published_answers as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.listed'])
    .select(publicationColumns)
    .where('a.person_id', '=', personId)
    .where('a.request_id', 'is', null)
    .orderBy('a.created_at', 'desc')
    .execute();
  return [
    ...answered.map((row) => ({
      request: row.request,
      question: row.message,
      answer: row.answer_text!,
      answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
      publication: toPublication(row),
    })),
    ...orphans.map((row) => ({ request: null, question: row.pa_question!, answer: row.pa_answer!, answeredAt: null, publication: toPublication(row) })),
  ];
}

const publicationColumns = [
  'a.public_id as pa_id',
  'a.question as pa_question',
  'a.answer as pa_answer',
  'a.candidate as pa_candidate',
  'a.moderation as pa_moderation',
  'a.withdrawn_at as pa_withdrawn_at',
] as const;

type PublicationRow = {
  listed: boolean;
  pa_id: string | null;
  pa_question: string | null;
  pa_answer: string | null;
  pa_candidate: Row['candidate'] | null;
  pa_moderation: Row['moderation'] | null;
  pa_withdrawn_at: Date | null;
};

function toPublication(row: PublicationRow): Publication | null {
  if (!row.pa_id) return null;
  const state = { candidate: row.pa_candidate!, moderation: row.pa_moderation!, withdrawn_at: row.pa_withdrawn_at };
  return {
    id: row.pa_id,
    question: row.pa_question!,
    answer: row.pa_answer!,
    candidate: state.candidate,
    moderation: state.moderation,
    withdrawn: state.withdrawn_at !== null,
    public: agreed(state) && row.listed,
  };
}

export type PublishOutcome = 'published' | 'not_found' | 'already' | 'declined';

/**
 * The employee proposes to publish an answered question with the wording given: the candidate is
 * asked by mail (in the same transaction), a moderator reviews it. Proposing again what was withdrawn
 * restores it when the wording is unchanged; a new wording asks the candidate and the moderator again.
 */
export async function publishAnswer(db: Db, links: AnswerLinks, personId: number, requestId: string, draft: PublishDraft, now = new Date()): Promise<PublishOutcome> {
  const linksOf = await links.signer();
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('contact_requests as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select(['r.id', 'r.lang', 'r.candidate_name', 'r.candidate_email', 'p.display_name', 's.name as site_name', 's.accent_color'])
      .where('r.public_id', '=', requestId)
      .where('r.person_id', '=', personId)
      .where('r.answer_text', 'is not', null)
      .forUpdate(['r'])
      .executeTakeFirst();
    if (!request) return 'not_found';
    const existing = await trx.selectFrom('published_answers').selectAll().where('request_id', '=', request.id).executeTakeFirst();
    if (existing && existing.withdrawn_at === null) return 'already';
    if (existing?.candidate === 'declined') return 'declined';
    const sameWording = existing && existing.question === draft.question && existing.answer === draft.answer;
    if (existing && sameWording) {
      await trx.updateTable('published_answers').set({ withdrawn_at: null, updated_at: now }).where('id', '=', existing.id).execute();
      await stampPublished(trx, existing.id, now);
      return 'published';
    }
    const values = { question: draft.question, answer: draft.answer, candidate: 'pending' as const, moderation: 'pending' as const, withdrawn_at: null, updated_at: now };
    const publicId = existing?.public_id ?? newPublicId();
    if (existing) await trx.updateTable('published_answers').set(values).where('id', '=', existing.id).execute();
    else
      await trx
        .insertInto('published_answers')
        .values({ ...values, public_id: publicId, person_id: personId, request_id: request.id, lang: request.lang })
        .execute();
    const { agree, decline } = linksOf(publicId);
    await enqueueMail(trx, {
      to: request.candidate_email,
      template: 'answer_publish_request',
      locale: mailLocale(request.lang),
      data: {
        siteName: request.site_name,
        accentColor: request.accent_color,
        candidateName: request.candidate_name,
        displayName: request.display_name,
        question: draft.question,
        answer: draft.answer,
        agreeUrl: agree,
        declineUrl: decline,
      },
    });
    return 'published';
  });
}

/** The person's publications, for the export of their data: their own words and where each stands. */
export async function exportPublishedAnswers(db: Db, personId: number) {
  const rows = await db
    .selectFrom('published_answers')
    .select(['question', 'answer', 'lang', 'candidate', 'moderation', 'withdrawn_at', 'published_at', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    question: row.question,
    answer: row.answer,
    lang: row.lang,
    candidate: row.candidate,
    moderation: row.moderation,
    withdrawnAt: row.withdrawn_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  }));
}

/** Hidden at once (the public version moves with the write); true when the employee had such a publication. */
export async function withdrawAnswer(db: Db, personId: number, publicationId: string, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('published_answers')
    .set({ withdrawn_at: now, updated_at: now })
    .where('public_id', '=', publicationId)
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return true;
  const mine = await db.selectFrom('published_answers').select('id').where('public_id', '=', publicationId).where('person_id', '=', personId).executeTakeFirst();
  return mine !== undefined;
}

/** The date candidates read: the first time all three agreed. */
async function stampPublished(db: Db, id: number, now: Date) {
  await db
    .updateTable('published_answers')
    .set({ published_at: now })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .where('candidate', '=', 'agreed')
    .where('moderation', '=', 'approved')
    .where('withdrawn_at', 'is', null)
    .execute();
}

// ---- the candidate, from the mail's links ----

/** What the candidate's link pages show: the site, the employee's name, the wording; undefined when gone. */
export function findForCandidate(db: Db, publicationId: string) {
  return db
    .selectFrom('published_answers as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['a.id', 'a.lang', 'a.candidate', 'p.display_name', 's.name as site_name', 's.accent_color', 's.careers_url', 's.allowed_origins'])
    .where('a.public_id', '=', publicationId)
    .executeTakeFirst();
}

/** The candidate's decision; either link works again later, so they may change their mind. */
export async function decideAsCandidate(db: Db, id: number, decision: 'agreed' | 'declined', now = new Date()) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('published_answers').set({ candidate: decision, updated_at: now }).where('id', '=', id).execute();
    await stampPublished(trx, id, now);
  });
}

// ---- moderators, in the workspace ----

function moderationRows(db: Db, siteId: number) {
  return db
    .selectFrom('published_answers as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .where('p.site_id', '=', siteId)
    .where('a.withdrawn_at', 'is', null)
    .where('a.candidate', '<>', 'declined')
    .select(['a.id', 'a.public_id', 'a.question', 'a.answer', 'a.candidate', 'a.moderation', 'a.updated_at', 'p.full_name', 'p.job_title'])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc');
}

const toModerated = (row: Awaited<ReturnType<ReturnType<typeof moderationRows>['execute']>>[number]): ModeratedAnswer => ({
  id: row.public_id,
  employee: row.full_name,
  jobTitle: row.job_title,
  question: row.question,
  answer: row.answer,
  candidate: row.candidate,
  moderation: row.moderation,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** The site's publications that still may be published (none withdrawn or declined), the latest change first. */
export async function listAnswersForModeration(db: Db, siteId: number): Promise<ModeratedAnswer[]> {
  return (await moderationRows(db, siteId).execute()).map(toModerated);
}

/** Approves or rejects; undefined when the site has no such publication. Run it in the audit's transaction. */
export async function moderateAnswer(db: Db, siteId: number, publicationId: string, decision: 'approved' | 'rejected', now = new Date()) {
  const row = await moderationRows(db, siteId).where('a.public_id', '=', publicationId).executeTakeFirst();
  if (!row) return undefined;
  await db.updateTable('published_answers').set({ moderation: decision, updated_at: now }).where('id', '=', row.id).execute();
  await stampPublished(db, row.id, now);
  return toModerated({ ...row, moderation: decision, updated_at: now });
}

// ---- candidates, on the careers page ----

/**
 * The public Q&A of a site for a job, matched as the people grid matches: the answers of people whose
 * title fits the job (the same trigram scoring and threshold), else of the team, else of the location,
 * else all; then those asked in the page's language, then the newest.
 */
export async function listPublicAnswers(db: Db, site: { id: number; slug: string }, query: AnswerQuery, photoBase: string): Promise<AnswerList> {
  const rows = await db
    .selectFrom('published_answers as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .where('p.site_id', '=', site.id)
    .where(publicAnswer)
    .select(['a.public_id', 'a.question', 'a.answer', 'a.lang', 'a.published_at', 'a.person_id', 'p.job_title_key', 'p.team_key', 'p.location_key'])
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(MAX_CONSIDERED)
    .execute();
  const folded = await db
    .selectNoFrom([
      sql<string | null>`hw_fold(${query.job ?? null})`.as('job'),
      sql<string | null>`hw_fold(${query.team ?? null})`.as('team'),
      sql<string | null>`hw_fold(${query.location ?? null})`.as('location'),
    ])
    .executeTakeFirstOrThrow();
  const scores = new Map(
    folded.job ? scoreTitles(folded.job, [...new Set(rows.map((row) => row.job_title_key))], JOB_SIMILARITY_THRESHOLD).map((t) => [t.title, t.score]) : [],
  );
  type R = (typeof rows)[number];
  const criteria: [Match, ((row: R) => boolean) | undefined][] = [
    ['job', folded.job ? (row) => (scores.get(row.job_title_key) ?? 0) >= JOB_SIMILARITY_THRESHOLD : undefined],
    ['team', folded.team ? (row) => row.team_key === folded.team : undefined],
    ['location', folded.location ? (row) => row.location_key === folded.location : undefined],
  ];
  const [match, keeps] = criteria.find(([, keep]) => keep && rows.some(keep)) ?? ['all' as const, undefined];
  const language = query.lang?.split('-')[0]?.toLowerCase();
  const rank = (row: R) => Math.round((scores.get(row.job_title_key) ?? 0) * 100);
  const inLanguage = (row: R) => Number(row.lang.split('-')[0]?.toLowerCase() === language);
  const kept = (keeps ? rows.filter(keeps) : rows)
    .map((row, order) => ({ row, order }))
    .sort((a, b) => rank(b.row) - rank(a.row) || inLanguage(b.row) - inLanguage(a.row) || a.order - b.order)
    .slice(0, Number(query.limit ?? DEFAULT_QUESTION_LIMIT))
    .map(({ row }) => row);
  const cards = await listedCards(db, site, [...new Set(kept.map((row) => row.person_id))], photoBase);
  return {
    items: kept.flatMap((row) => {
      const card = cards.get(row.person_id);
      if (!card) return []; // no longer listed since the first read
      const { id, displayName, jobTitle, photoUrl, hasPhoto } = card;
      return {
        id: row.public_id,
        question: row.question,
        answer: row.answer,
        lang: row.lang,
        date: (row.published_at ?? new Date()).toISOString().slice(0, 10),
        person: { id, displayName, jobTitle, photoUrl, hasPhoto: hasPhoto ?? true },
      };
    }),
    match,
  };
}

/** The newest public Q&A a list chooses from: far more than a page shows, and a bound on the work. */
const MAX_CONSIDERED = 2_000;
