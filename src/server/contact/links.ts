import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadLinkSecret } from '../auth/links.js';
import type { Db } from '../store/database.js';

/** What the employee can do from a question's e-mail, one signed link each. */
export const CONTACT_ACTIONS = ['answered', 'decline', 'pause'] as const;
export type ContactAction = (typeof CONTACT_ACTIONS)[number];

/** A key for one use of the server secret, so that no signature made for one purpose is valid for another. */
export const deriveKey = (secret: string, purpose: string) => createHmac('sha256', secret).update(`hallway:${purpose}`).digest('base64url');

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
  action(action: ContactAction, requestId: string) {
    return `${this.publicUrl}/contact/${action}?request=${encodeURIComponent(requestId)}&sig=${this.sign(action, requestId)}`;
  }

  verify(action: ContactAction, requestId: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(action, requestId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(action: ContactAction, requestId: string) {
    return createHmac('sha256', this.key).update(`${action}:${requestId}`).digest('base64url');
  }
}

/** The secret is the server's link secret (shared by every instance), one derived key per use. */
export function lazyKeys(db: Db, publicUrl: string) {
  let keys: Promise<{ challenge: string; rateLimit: string; signInRateLimit: string; contactLinks: ContactLinks }> | undefined;
  const load = async () => {
    const secret = await loadLinkSecret(db);
    return {
      challenge: deriveKey(secret, 'contact-challenge'),
      rateLimit: deriveKey(secret, 'contact-rate-limit'),
      signInRateLimit: deriveKey(secret, 'sign-in-rate-limit'),
      contactLinks: new ContactLinks(publicUrl, deriveKey(secret, 'contact-links')),
    };
  };
  return () =>
    (keys ??= load().catch((error: unknown) => {
      keys = undefined;
      throw error;
    }));
}
