/**
 * The employee's own side of the contract: `/v1/me`, reached with the session cookie a magic link gives.
 */
import * as z from 'zod/mini';
import { CareerPath, Channel, PublicPerson } from './schemas.js';
import { MyTestimonial, NameStyle } from './testimonial-schemas.js';

export const BIO_MAX = 300;
export const WEEKLY_CAP_MAX = 10;
/** The longest value of each one-line profile field, and the most languages. */
export const PROFILE_MAX = { displayName: 80, jobTitle: 120, team: 80, location: 80, languages: 10 } as const;
/** A profile photo upload (`PUT /v1/me/photo`, the file as the body); the server re-encodes it as WebP. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

const https = z.url({ protocol: /^https$/, hostname: z.regexes.domain });
const languageCode = z.string().check(z.regex(/^[a-z]{2,3}$/));
const line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optionalLine = (max: number) => z.nullable(z.string().check(z.trim(), z.maxLength(max)));

export const ConsentState = z.object({
  granted: z.boolean(),
  /** The consent text version the latest decision was made on; null when never decided. */
  textVersion: z.nullable(z.string()),
  decidedAt: z.nullable(z.iso.datetime({ offset: true })),
});

/** What the employee edits; every field is shown to candidates only once they opt in. */
export const ProfileUpdate = z.object({
  displayName: line(PROFILE_MAX.displayName),
  jobTitle: line(PROFILE_MAX.jobTitle),
  team: optionalLine(PROFILE_MAX.team),
  location: optionalLine(PROFILE_MAX.location),
  languages: z.array(languageCode).check(z.maxLength(PROFILE_MAX.languages)),
  bio: optionalLine(BIO_MAX),
  linkedinUrl: z.nullable(https),
});

export const ContactSettings = z.object({
  channels: z.array(Channel),
  weeklyCap: z.number().check(z.int(), z.minimum(1), z.maximum(WEEKLY_CAP_MAX)),
  /** No contact requests before this day (ISO date), e.g. during a holiday. */
  pausedUntil: z.nullable(z.iso.date()),
  bookingUrl: z.nullable(https),
});

/** One decision per purpose; each is recorded as a new consent record with the current text version. */
export const ConsentUpdate = z.object({
  showProfile: z.optional(z.boolean()),
  contact: z.optional(z.object({ granted: z.boolean(), settings: ContactSettings })),
});

/** The questions candidates sent the person, over the last 90 days: recognition, not pressure. */
export const ContactStats = z.object({
  /** Questions that reached the person (the candidate confirmed them). */
  received: z.number(),
  answered: z.number(),
  /** From a question reaching the person to their "I answered"; null before any answer. */
  medianResponseHours: z.nullable(z.number()),
});

/** The answers a reply time is computed from, at least, over the last 90 days. */
export const REPLY_TIME_MIN_ANSWERS = 3;

/** What the card's "More about" view shows (`PUT /v1/me/details`): the path, and the reply time if the person allows it. */
export const CardDetails = z.object({
  path: CareerPath,
  /** Off by default: candidates see "Usually replies within 2 days" only with the person's opt-in. */
  showReplyTime: z.boolean(),
});

export const MyCardDetails = z.object({
  ...CardDetails.def.shape,
  /** The reply time candidates read when allowed (see `PublicPerson.replyDays`); null before 3 answers in 90 days. */
  replyDays: z.nullable(z.number()),
});

/** The employee's own record, all time; nobody else sees it (the workspace reads site totals only). */
export const MyRecord = z.object({
  /** Questions that reached the person (the candidate confirmed them). */
  received: z.number(),
  answered: z.number(),
  declined: z.number(),
  /** Candidates' "thank you" after an answer. */
  thanks: z.number(),
  /** Questions and answers the person published for every candidate to read. */
  publishedAnswers: z.number(),
});

export const MyProfile = z.object({
  email: z.string(),
  status: z.enum(['employee', 'left', 'alumni']),
  profile: ProfileUpdate,
  hasPhoto: z.boolean(),
  contact: ContactSettings,
  consents: z.object({ showProfile: ConsentState, contact: ConsentState }),
  questions: ContactStats,
  /** The person's testimonial, if they wrote one. */
  testimonial: z.nullable(MyTestimonial),
  /** The author's name each choice publishes with a testimonial, exactly as candidates read it. */
  testimonialNames: z.record(NameStyle, z.string()),
  /** Exactly the card candidates see (or would see, once opted in). */
  preview: PublicPerson,
  /**
   * The person's photo or initials as their own page shows them: served to them alone, also while
   * they are not listed (then the preview's public `photoUrl` answers 404).
   */
  photoUrl: z.string(),
  site: z.object({ slug: z.string(), name: z.string(), consentTextVersion: z.string() }),
  /** The card's "More about" view; absent from older servers. */
  details: z.optional(MyCardDetails),
  /** The person's own record; absent from older servers. */
  record: z.optional(MyRecord),
});

export type ConsentState = z.infer<typeof ConsentState>;
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;
export type ContactSettings = z.infer<typeof ContactSettings>;
export type ConsentUpdate = z.infer<typeof ConsentUpdate>;
export type MyProfile = z.infer<typeof MyProfile>;
export type ContactStats = z.infer<typeof ContactStats>;
export type CardDetails = z.infer<typeof CardDetails>;
export type MyCardDetails = z.infer<typeof MyCardDetails>;
export type MyRecord = z.infer<typeof MyRecord>;

// ---- Issue 18 (relay): questions the employee may answer on /me

/** The longest answer typed on /me (and kept from a reply: a longer one is cut). */
export const ANSWER_MAX = 5000;

/** A question forwarded to the employee, not answered yet, still open. The candidate's address is not in it. */
export const OpenQuestion = z.object({
  /** The question's opaque id. */
  id: z.string(),
  candidateName: z.string(),
  message: z.string(),
  job: z.nullable(z.string()),
  /** When it reached the employee. */
  receivedAt: z.iso.datetime({ offset: true }),
});

export const OpenQuestions = z.object({ items: z.array(OpenQuestion) });

/** `POST /v1/me/open-questions/:id/answer`: forwarded to the candidate through the relay. */
export const AnswerBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(ANSWER_MAX)) });

export type OpenQuestion = z.infer<typeof OpenQuestion>;
export type OpenQuestions = z.infer<typeof OpenQuestions>;
export type AnswerBody = z.infer<typeof AnswerBody>;
