/**
 * A candidate's question to one employee: the proof-of-work challenge and the contact request.
 */
import * as z from 'zod/mini';
import { noNul } from './schemas.js';

export const MESSAGE_MAX = 1000;
export const CANDIDATE_NAME_MAX = 100;
/** The longest address SMTP carries (RFC 5321's path limit). */
export const CANDIDATE_EMAIL_MAX = 254;

/**
 * A proof-of-work challenge in ALTCHA's format: find `number` in [0, maxnumber] such that
 * SHA-256(salt + number), in hex, equals `challenge`. `signature` lets the server check it issued it.
 */
export const Challenge = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string(),
  salt: z.string(),
  maxnumber: z.number(),
  signature: z.string(),
});

/** The solved challenge, sent back with the request. */
export const ChallengeSolution = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string(),
  salt: z.string(),
  number: z.number(),
  signature: z.string(),
});

export const ContactRequest = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(CANDIDATE_NAME_MAX), noNul()),
  email: z.email().check(z.maxLength(CANDIDATE_EMAIL_MAX)),
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX), noNul()),
  /** The job the candidate was looking at, for the employee's context. */
  job: z.optional(z.string().check(z.trim(), z.maxLength(200), noNul())),
  /** The candidate agrees to share their name and e-mail address with this person. */
  consent: z.literal(true),
  /** Language of the candidate's e-mails. */
  lang: z.optional(z.enum(['en', 'fr'])),
  proof: ChallengeSolution,
  /** A field people never see; anything in it means a robot filled the form. */
  website: z.optional(z.string()),
});

export const ContactAccepted = z.object({
  id: z.string(),
  /** The candidate must confirm from the e-mail just sent before anything reaches the employee. */
  status: z.literal('pending_confirmation'),
});

export type Challenge = z.infer<typeof Challenge>;
export type ChallengeSolution = z.infer<typeof ChallengeSolution>;
export type ContactRequest = z.input<typeof ContactRequest>;
export type ContactAccepted = z.infer<typeof ContactAccepted>;
