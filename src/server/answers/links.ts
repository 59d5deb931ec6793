import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey, derivedKeys } from '../auth/links.js';
import type { Db } from '../store/database.js';

/** The candidate's two decisions on a publication, one signed link each (issue 18). */
export const CANDIDATE_DECISIONS = ['agree', 'decline'] as const;
export type CandidateDecision = (typeof CANDIDATE_DECISIONS)[number];

/** Signs and checks the candidate's links, with a key read once from the database; always from PUBLIC_URL. */
export class AnswerLinks {
  constructor(
    readonly publicUrl: string,
    private readonly key: () => Promise<string>,
  ) {}

  /** Signs without the database: read the key before a transaction (PGlite has one connection). */
  async signer() {
    const key = await this.key();
    const link = (decision: CandidateDecision, id: string) => `${this.publicUrl}/answers/${decision}?answer=${encodeURIComponent(id)}&sig=${sign(key, decision, id)}`;
    return (publicationId: string) => ({ agree: link('agree', publicationId), decline: link('decline', publicationId) });
  }

  async verify(decision: CandidateDecision, publicationId: string, signature: string): Promise<boolean> {
    const expected = Buffer.from(sign(await this.key(), decision, publicationId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

const sign = (key: string, decision: CandidateDecision, publicationId: string) => createHmac('sha256', key).update(`${decision}:${publicationId}`).digest('base64url');

export function answerLinks(db: Db, publicUrl: string) {
  return new AnswerLinks(
    publicUrl,
    derivedKeys(db, (secret) => deriveKey(secret, 'answer-links')),
  );
}
