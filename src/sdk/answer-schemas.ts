/**
 * Published Q&A (issue 18): a candidate's question and the employee's answer, public once the
 * employee chose to publish it, the candidate agreed (as "a candidate", never by name) and a
 * moderator approved it; hidden again the moment the employee withdraws it or is no longer listed.
 */
import * as z from 'zod/mini';
import { MAX_LIMIT, Match, PeopleQuery, noNul } from './schemas.js';

/** The longest published question and answer (the employee may shorten what the candidate wrote). */
export const PUBLISHED_QUESTION_MAX = 2000;
export const PUBLISHED_ANSWER_MAX = 5000;
export const DEFAULT_QUESTION_LIMIT = 5;

/** Who answered, as their card shows them. */
export const AnswerPerson = z.object({ id: z.string(), displayName: z.string(), jobTitle: z.string(), photoUrl: z.url({ protocol: /^https?$/ }), hasPhoto: z.boolean() });

/** A published question and its answer, as candidates read it. */
export const PublicAnswer = z.object({
  id: z.string(),
  /** The question as the employee published it (the candidate agreed to this wording). */
  question: z.string(),
  answer: z.string(),
  /** The language the candidate asked in. */
  lang: z.string(),
  /** When it was published (`YYYY-MM-DD`, UTC). */
  date: z.string(),
  person: AnswerPerson,
});

export const AnswerList = z.object({ items: z.array(PublicAnswer), match: Match });

/** Query of `GET /v1/sites/:site/questions`: matched to the job as the people grid is (title, team, location). */
export const AnswerQuery = z.object({
  job: PeopleQuery.def.shape.job,
  team: PeopleQuery.def.shape.team,
  location: PeopleQuery.def.shape.location,
  /** The page's language: answers to questions asked in it come first among equals. */
  lang: PeopleQuery.def.shape.lang,
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT))),
});

const wording = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), noNul());

/** `POST /v1/me/answers/:id/publish`: the wording to publish, which the candidate is shown before agreeing. */
export const PublishDraft = z.strictObject({ question: wording(PUBLISHED_QUESTION_MAX), answer: wording(PUBLISHED_ANSWER_MAX) });

/** Where a publication stands: each of the three decisions, and whether candidates see it now. */
export const Publication = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  candidate: z.enum(['pending', 'agreed', 'declined']),
  moderation: z.enum(['pending', 'approved', 'rejected']),
  withdrawn: z.boolean(),
  public: z.boolean(),
});

/** One of the employee's answered questions on /me (only those with the answer's text). */
export const MyAnswer = z.object({
  /** The question's id, to publish it; null once the question itself was deleted (retention), its publication kept. */
  request: z.nullable(z.string()),
  /** As the candidate wrote it (as published, once the question is deleted). */
  question: z.string(),
  answer: z.string(),
  answeredAt: z.nullable(z.iso.datetime()),
  publication: z.nullable(Publication),
});

export const MyAnswers = z.object({ items: z.array(MyAnswer) });

/** A publication as its moderators see it: the employee named, never the candidate. */
export const ModeratedAnswer = z.object({
  id: z.string(),
  employee: z.string(),
  jobTitle: z.string(),
  question: z.string(),
  answer: z.string(),
  candidate: Publication.def.shape.candidate,
  moderation: Publication.def.shape.moderation,
  updatedAt: z.iso.datetime(),
});

export const ModeratedAnswers = z.object({ items: z.array(ModeratedAnswer) });
export const AnswerModerated = z.object({ answer: ModeratedAnswer });

export type PublicAnswer = z.infer<typeof PublicAnswer>;
export type AnswerList = z.infer<typeof AnswerList>;
export type AnswerQuery = z.input<typeof AnswerQuery>;
export type PublishDraft = z.infer<typeof PublishDraft>;
export type Publication = z.infer<typeof Publication>;
export type MyAnswer = z.infer<typeof MyAnswer>;
export type MyAnswers = z.infer<typeof MyAnswers>;
export type ModeratedAnswer = z.infer<typeof ModeratedAnswer>;
export type ModeratedAnswers = z.infer<typeof ModeratedAnswers>;
export type AnswerModerated = z.infer<typeof AnswerModerated>;
export type AnswerPerson = z.infer<typeof AnswerPerson>;
