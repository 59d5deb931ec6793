import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey, derivedKeys } from '../auth/links.js';
import type { Db } from '../store/database.js';

/** What the employee can do from a question's e-mail, one signed link each. */
export const CONTACT_ACTIONS = ['answered', 'decline', 'pause'] as const;
export type ContactAction = (typeof CONTACT_ACTIONS)[number];
/** Safety for employees (issue 18): report the question, block its sender. */
export const SAFETY_ACTIONS = ['report', 'block'] as const;
export type SafetyAction = (typeof SAFETY_ACTIONS)[number];

/** The links of the contact flow, always from PUBLIC_URL. */
export class ContactLinks {
  constructor(
    readonly publicUrl: string,
    private readonly key: string,
  ) {}

  /** The candidate's confirmation page. */
  confirm(token: string) {
    return `${this.publicUrl}/contact/confirm?token=${encodeURIComponent(token)}`;
  }

  /** One action on one request, good for nothing else. */
  action(action: ContactAction | SafetyAction, requestId: string) {
    return `${this.publicUrl}/contact/${action}?request=${encodeURIComponent(requestId)}&sig=${this.sign(action, requestId)}`;
  }

  verify(action: ContactAction | SafetyAction, requestId: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(action, requestId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(action: ContactAction | SafetyAction, requestId: string) {
    return createHmac('sha256', this.key).update(`${action}:${requestId}`).digest('base64url');
  }
}

/** The contact flow's keys: its proofs of work, its rate limits and the employee's one-click links. */
export const contactKeys = (db: Db, publicUrl: string) =>
  derivedKeys(db, (secret) => ({
    challenge: deriveKey(secret, 'contact-challenge'),
    rateLimit: deriveKey(secret, 'contact-rate-limit'),
    contactLinks: new ContactLinks(publicUrl, deriveKey(secret, 'contact-links')),
    blocks: deriveKey(secret, 'contact-blocks'),
  }));
