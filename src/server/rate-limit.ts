import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { apiError } from './errors.js';
import type { Db } from './store/database.js';

export interface RateLimit {
  max: number;
  windowMs: number;
}

export const MINUTE = 60_000;

/**
 * Counts one attempt against each limit, in fixed windows stored in the database so that every server
 * instance counts together. `key` is already a keyed hash. Resolves with the seconds to wait when a
 * limit is exceeded, undefined otherwise.
 */
export async function countAttempt(db: Db, scope: string, key: string, limits: RateLimit[], now: Date): Promise<number | undefined> {
  let retryAfter: number | undefined;
  for (const { max, windowMs } of limits) {
    const window = Math.floor(now.getTime() / windowMs);
    const windowEnd = (window + 1) * windowMs;
    const { hits } = await db
      .insertInto('rate_limits')
      .values({ bucket: `${scope}:${windowMs}:${key}:${window}`, hits: 1, expires_at: new Date(windowEnd) })
      .onConflict((oc) => oc.column('bucket').doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (hits > max) retryAfter = Math.max(retryAfter ?? 0, Math.ceil((windowEnd - now.getTime()) / 1000));
  }
  return retryAfter;
}

/**
 * The client's address as rate limits count it. Directly reached, the socket's. Behind `trustProxy`
 * proxies (TRUST_PROXY=N), each of which appends the address it was reached from to X-Forwarded-For,
 * the N-th entry from the right: whatever stands left of it, the client wrote itself.
 */
export function clientIp(c: Context, trustProxy: boolean | number): string {
  const hops = Number(trustProxy);
  const forwarded = hops
    ? (c.req.header('X-Forwarded-For') ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
    : [];
  if (forwarded.length) return addressGroup(forwarded[Math.max(0, forwarded.length - hops)]!);
  try {
    return addressGroup(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown'; // no socket: a request made in-process (app.request)
  }
}

/**
 * IPv4 addresses count one by one; IPv6 ones by their /64, the block one subscriber gets and can
 * rotate through at will. An IPv4-mapped IPv6 address is its IPv4 address.
 */
export function addressGroup(address: string): string {
  const ip = address
    .replace(/^\[|\](:\d+)?$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const mapped = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const left = groups(head);
  const right = ip.includes('::') ? groups(tail) : [];
  const all = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${all
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** Rate limits store this, never the address itself. */
export const keyed = (key: string, value: string) => createHmac('sha256', key).update(value).digest('base64url');

/** 429 `rate_limited` with Retry-After, and the wait in minutes after `why`. */
export function rateLimited(c: Context, retryAfterSeconds: number, why: string) {
  c.header('Retry-After', String(retryAfterSeconds));
  return apiError(c, 429, 'rate_limited', `${why}: please try again in ${Math.ceil(retryAfterSeconds / 60)} min.`);
}
