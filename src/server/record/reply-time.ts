import { sql } from 'kysely';
import { REPLY_TIME_MIN_ANSWERS } from '../../sdk/me-schemas.js';
import type { Db } from '../store/database.js';

/** Answers older than this no longer count towards a person's reply time. */
export const REPLY_TIME_DAYS = 90;
const DAY_MS = 24 * 3600_000;

/**
 * Computes the person's reply time again and keeps it on their row, for the people lists to read: the
 * median of `answered_at - confirmed_at` over the questions they answered in the last 90 days, in whole
 * days rounded up (at least 1), or null with fewer than 3 such answers. Call it whenever an answer is
 * recorded (in the answer's transaction); it writes only when the value changes.
 */
export async function updateReplyTime(db: Db, personId: number, now = new Date()): Promise<number | null> {
  const row = await db
    .selectFrom('contact_requests')
    .select([
      sql<string>`count(*)`.as('answers'),
      sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from answered_at - confirmed_at))`.as('median_seconds'),
    ])
    .where('person_id', '=', personId)
    .where('status', '=', 'answered')
    .where('confirmed_at', 'is not', null)
    .where('answered_at', '>', new Date(now.getTime() - REPLY_TIME_DAYS * DAY_MS))
    .executeTakeFirstOrThrow();
  const days = Number(row.answers) >= REPLY_TIME_MIN_ANSWERS && row.median_seconds !== null ? Math.max(1, Math.ceil((Number(row.median_seconds) * 1000) / DAY_MS)) : null;
  await db
    .updateTable('people')
    .set({ reply_days: days })
    .where('id', '=', personId)
    .where(sql<boolean>`reply_days is distinct from ${days}::integer`)
    .execute();
  return days;
}

/**
 * Computes again the reply time of everyone who has one: answers leave the 90 days without any new
 * answer to recompute it. Run daily (with the retention purge); people without one cannot gain one.
 */
export async function refreshReplyTimes(db: Db, now = new Date()) {
  const people = await db.selectFrom('people').select('id').where('reply_days', 'is not', null).execute();
  for (const { id } of people) await updateReplyTime(db, id, now);
}
