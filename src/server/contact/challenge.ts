import { timingSafeEqual } from 'node:crypto';
import { createChallenge, extractParams } from 'altcha-lib/v1';
import type { Challenge, ChallengeSolution } from '../../sdk/contact-schemas.js';
import type { Db } from '../store/database.js';

/**
 * SHA-256 tries a solver needs at most (half of that on average). The widget's WebCrypto solver takes
 * about 0.8 s for 50,000 tries in headless Chromium on a small 2-vCPU server, and it runs while the
 * candidate types; a script with native SHA-256 needs some 30 ms, which is why rate limits come on top.
 */
export const CHALLENGE_MAX_NUMBER = 50_000;
export const CHALLENGE_LIFETIME_MS = 10 * 60_000;
/** Nobody reads a card, writes a question and sends it within 3 s of opening the form; a script does. */
export const MIN_FILL_MS = 3_000;

/**
 * An ALTCHA challenge. The salt carries its expiry (`expires`, seconds, as ALTCHA writes it) and the
 * time it was issued (`issued`, ms): both are covered by the signature, so the client cannot move them.
 */
export async function issueChallenge(hmacKey: string, now: Date, maxNumber = CHALLENGE_MAX_NUMBER): Promise<Challenge> {
  const { challenge, salt, signature } = await createChallenge({
    algorithm: 'SHA-256',
    hmacKey,
    maxnumber: maxNumber,
    expires: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
    params: { issued: String(now.getTime()) },
  });
  return { algorithm: 'SHA-256', challenge, salt, maxnumber: maxNumber, signature };
}

export type ProofProblem = 'forged' | 'expired' | 'too_fast' | 'replayed';
export type ProofCheck = { ok: true; expiresAt: Date } | { ok: false; problem: ProofProblem };

/** Checks a solution without the database: it solves a challenge this server signed, in time, not too fast. */
export async function checkProof(proof: ChallengeSolution, hmacKey: string, now: Date): Promise<ProofCheck> {
  const expected = await createChallenge({ algorithm: 'SHA-256', hmacKey, number: proof.number, salt: proof.salt });
  if (!sameText(expected.challenge, proof.challenge) || !sameText(expected.signature, proof.signature)) {
    return { ok: false, problem: 'forged' };
  }
  const params = extractParams(proof);
  const expiresAt = new Date(Number(params.expires) * 1000);
  const issuedAt = Number(params.issued);
  if (Number.isNaN(expiresAt.getTime()) || Number.isNaN(issuedAt)) return { ok: false, problem: 'forged' };
  if (expiresAt <= now) return { ok: false, problem: 'expired' };
  if (now.getTime() - issuedAt < MIN_FILL_MS) return { ok: false, problem: 'too_fast' };
  return { ok: true, expiresAt };
}

/** Spends a proof: true the first time, false ever after (on every instance sharing the database). */
export async function spendProof(db: Db, challenge: string, expiresAt: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('used_challenges')
    .values({ challenge, expires_at: expiresAt })
    .onConflict((oc) => oc.column('challenge').doNothing())
    .returning('challenge')
    .executeTakeFirst();
  return inserted !== undefined;
}

function sameText(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
