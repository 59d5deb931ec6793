import { sql } from 'kysely';
import { TOKEN_LIFETIME_MS } from '../auth/tokens.js';
import type { Db } from '../store/database.js';

export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600_000;
/** Every mail of the contact flow holds a candidate's name, address or message. */
const CONTACT_TEMPLATES = [
  'contact_confirm',
  'contact_request',
  'contact_declined',
  'contact_cap_reached',
  'contact_reminder',
  'contact_second_chance',
  'answer_publish_request',
];
/** Mails whose only purpose is a magic link: of no use once the longest-lived link has expired. */
const LINK_TEMPLATES = ['sign_in', 'invitation', 'alumni_invitation', 'admin_sign_in'];
const LINK_MAIL_DAYS = Math.max(...Object.values(TOKEN_LIFETIME_MS)) / DAY_MS;
/**
 * The workspace's weekly counts: aggregates with no personal data, kept for two years of comparison
 * and a month of slack, then deleted like everything else.
 */
export const ANALYTICS_RETENTION_MONTHS = 25;
/** They quote a testimonial's author, and a moderator's reason. */
const TESTIMONIAL_TEMPLATES = ['testimonial_approved', 'testimonial_rejected'];

/**
 * Deletes the contact requests older than `retentionDays`, with the candidates' data they hold and
 * the mails about them; testimonial mails as old; sign-in and invitation mails once their links
 * have expired (or sooner, with a shorter retention); and the expired links, sessions, spent
 * challenges and rate-limit windows.
 */
export async function purgeOldData(db: Db, retentionDays = DEFAULT_RETENTION_DAYS, now = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const cutoff = before(retentionDays);
  return db.transaction().execute(async (trx) => {
    const oldMails = (templates: string[], until: Date) => trx.deleteFrom('outbox').where('template', 'in', templates).where('created_at', '<', until).executeTakeFirst();
    const requests = await trx.deleteFrom('contact_requests').where('created_at', '<', cutoff).executeTakeFirst();
    const mails = [
      await oldMails(CONTACT_TEMPLATES, cutoff),
      await oldMails(TESTIMONIAL_TEMPLATES, cutoff),
      await oldMails(LINK_TEMPLATES, before(Math.min(retentionDays, LINK_MAIL_DAYS))),
    ];
    const tokens = await trx.deleteFrom('tokens').where('expires_at', '<=', now).executeTakeFirst();
    const sessions = await trx.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    // The HR workspace's, counted with the employees'.
    const adminTokens = await trx.deleteFrom('admin_tokens').where('expires_at', '<=', now).executeTakeFirst();
    const adminSessions = await trx.deleteFrom('admin_sessions').where('expires_at', '<=', now).executeTakeFirst();
    const challenges = await trx.deleteFrom('used_challenges').where('expires_at', '<=', now).executeTakeFirst();
    const limits = await trx.deleteFrom('rate_limits').where('expires_at', '<=', now).executeTakeFirst();
    const weeks = await trx.deleteFrom('analytics_weekly').where('week', '<', analyticsCutoff(now)).executeTakeFirst();
    return {
      requests: Number(requests.numDeletedRows),
      mails: mails.reduce((sum, deleted) => sum + Number(deleted.numDeletedRows), 0),
      tokens: Number(tokens.numDeletedRows) + Number(adminTokens.numDeletedRows),
      sessions: Number(sessions.numDeletedRows) + Number(adminSessions.numDeletedRows),
      challenges: Number(challenges.numDeletedRows),
      rateLimits: Number(limits.numDeletedRows),
      analyticsRows: Number(weeks.numDeletedRows),
    };
  });
}

/** The first day still kept of the weekly counts, `YYYY-MM-DD` (the column is a date). */
function analyticsCutoff(now: Date) {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - ANALYTICS_RETENTION_MONTHS);
  return cutoff.toISOString().slice(0, 10);
}

/** How often `purgeExpired` runs: an attack makes many rate-limit windows and spent challenges. */
export const EXPIRED_PURGE_INTERVAL_MS = 5 * 60_000;
const EXPIRED_BATCH = 1_000;

/**
 * Deletes the expired spent challenges and rate-limit windows, `batch` rows per statement so that no
 * statement holds the database (PGlite's one connection) for long, until none is left.
 */
export async function purgeExpired(db: Db, now = new Date(), batch = EXPIRED_BATCH) {
  const purge = async (table: 'used_challenges' | 'rate_limits', key: 'challenge' | 'bucket') => {
    let total = 0;
    for (;;) {
      // `= any(array(…))`, not `in (…)`: PostgreSQL hash-joined `in` with a scan of the whole table per batch.
      const { numAffectedRows } = await sql`delete from ${sql.table(table)} where ${sql.ref(key)} = any(array(
        select ${sql.ref(key)} from ${sql.table(table)} where expires_at <= ${now} limit ${batch}))`.execute(db);
      const deleted = Number(numAffectedRows ?? 0);
      total += deleted;
      if (deleted < batch) return total;
    }
  };
  return { challenges: await purge('used_challenges', 'challenge'), rateLimits: await purge('rate_limits', 'bucket') };
}
