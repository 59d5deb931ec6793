import { createHmac, timingSafeEqual } from 'node:crypto';

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
