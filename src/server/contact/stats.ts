import { Hono } from 'hono';
import { sql } from 'kysely';
import { requireSession, type SessionEnv } from '../auth/sessions.js';
import type { Db } from '../store/database.js';

export interface ContactStats {
  /** Questions that reached the person (confirmed by the candidate) in the period. */
  received: number;
  /** Of those, the ones the person marked as answered. */
  answered: number;
  /** From forwarding to "I answered", over the answered ones; null without any. */
  medianResponseHours: number | null;
}

export const STATS_DAYS = 90;

export async function contactStats(db: Db, personId: number, now = new Date()): Promise<ContactStats> {
  const row = await db
    .selectFrom('contact_requests')
    .select([
      sql<string>`count(*) filter (where status in ('confirmed', 'answered', 'declined'))`.as('received'),
      sql<string>`count(*) filter (where status = 'answered')`.as('answered'),
      sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from answered_at - confirmed_at))
        filter (where status = 'answered')`.as('median_seconds'),
    ])
    .where('person_id', '=', personId)
    .where('confirmed_at', '>', new Date(now.getTime() - STATS_DAYS * 24 * 3600_000))
    .executeTakeFirstOrThrow();
  const median = row.median_seconds === null ? null : Number(row.median_seconds) / 3600;
  return {
    received: Number(row.received),
    answered: Number(row.answered),
    medianResponseHours: median === null ? null : Math.round(median * 10) / 10,
  };
}

/** `GET /v1/me/contact-stats`: the signed-in person's own figures. Mount at `/v1/me`, before the other /v1/me routes. */
export function contactStatsRoutes({ db, publicUrl }: { db: Db; publicUrl: string }) {
  const app = new Hono<SessionEnv>();
  app.get('/contact-stats', requireSession(db, new URL(publicUrl).origin), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await contactStats(db, c.var.personId));
  });
  return app;
}
