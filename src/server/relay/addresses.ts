import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey, derivedKeys } from '../auth/links.js';
import type { Db } from '../store/database.js';

/** Who writes to a relay address: the employee's replies go to the candidate, and the other way round. */
export type Sender = 'employee' | 'candidate';

const SIDES: Record<Sender, string> = { employee: 'e', candidate: 'c' };
const TOKEN = /^reply\+([ec])([0-9a-f]{24})([0-9a-f]{24})$/;

/**
 * The relay's addresses, one per question and side: `reply+<token>@RELAY_DOMAIN`. The token is opaque
 * and signed (the question's public id and an HMAC), in lower case: MTAs may fold the local part's case.
 */
export class RelayAddresses {
  constructor(
    readonly domain: string,
    private readonly key: string,
  ) {}

  /** The address `sender` writes to about this question. */
  address(sender: Sender, requestId: string): string {
    const id = Buffer.from(requestId, 'base64url').toString('hex');
    return `reply+${SIDES[sender]}${id}${this.sign(sender, requestId)}@${this.domain}`;
  }

  /** The question and side an address stands for; undefined for any other address, or a forged one. */
  read(address: string): { sender: Sender; requestId: string } | undefined {
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1).toLowerCase() !== this.domain) return undefined;
    const match = TOKEN.exec(address.slice(0, at).toLowerCase());
    if (!match) return undefined;
    const [, side, hex, signature] = match as unknown as [string, string, string, string];
    const sender: Sender = side === 'e' ? 'employee' : 'candidate';
    const requestId = Buffer.from(hex, 'hex').toString('base64url');
    const expected = Buffer.from(this.sign(sender, requestId));
    return timingSafeEqual(expected, Buffer.from(signature)) ? { sender, requestId } : undefined;
  }

  private sign(sender: Sender, requestId: string) {
    return createHmac('sha256', this.key).update(`${sender}:${requestId}`).digest('hex').slice(0, 24);
  }
}

/** The relay's addresses for `domain`, signed with a key derived from the link secret (every instance agrees). */
export const relayAddresses = (db: Db, domain: string) => derivedKeys(db, (secret) => new RelayAddresses(domain, deriveKey(secret, 'relay-addresses')));
