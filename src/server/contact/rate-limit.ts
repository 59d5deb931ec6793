import { createHmac } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';

export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Attempts allowed per client address and per candidate e-mail address. */
export interface ContactLimits {
  perIp: RateLimit[];
  perEmail: RateLimit[];
}

const MINUTE = 60_000;

export const DEFAULT_CONTACT_LIMITS: ContactLimits = {
  perIp: [
    { max: 5, windowMs: 10 * MINUTE },
    { max: 20, windowMs: 24 * 60 * MINUTE },
  ],
  perEmail: [{ max: 3, windowMs: 60 * MINUTE }],
};

/**
 * Sign-in links asked for per client address (one mail a minute per person is enforced apart), so
 * that one client cannot mail a whole staff list; generous, as an office's staff share one address.
 */
export const DEFAULT_SIGN_IN_LIMITS: RateLimit[] = [
  { max: 20, windowMs: 10 * MINUTE },
  { max: 200, windowMs: 24 * 60 * MINUTE },
];

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

/** The client's address: the socket's, or behind a proxy (TRUST_PROXY=1) the first X-Forwarded-For entry. */
export function clientIp(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket: a request made in-process (app.request)
  }
}

/** Rate limits store this, never the address itself. */
export const keyed = (key: string, value: string) => createHmac('sha256', key).update(value).digest('base64url');

/** 429 `rate_limited` with Retry-After, and the wait in minutes after `why`. */
export function rateLimited(c: Context, retryAfterSeconds: number, why: string) {
  c.header('Retry-After', String(retryAfterSeconds));
  return apiError(c, 429, 'rate_limited', `${why}: please try again in ${Math.ceil(retryAfterSeconds / 60)} min.`);
}
