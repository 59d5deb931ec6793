import type { Db } from '../store/database.js';

export const DEFAULT_RETENTION_DAYS = 90;
/** Every mail of the contact flow holds a candidate's name, address or message. */
const CONTACT_TEMPLATES = ['contact_confirm', 'contact_request', 'contact_declined', 'contact_cap_reached'];

/**
 * Deletes the contact requests older than `retentionDays`, with the candidates' data they hold and
 * the mails about them, and the spent challenges and rate-limit windows that have run out.
 */
export async function purgeContactRequests(db: Db, retentionDays = DEFAULT_RETENTION_DAYS, now = new Date()) {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600_000);
  return db.transaction().execute(async (trx) => {
    const requests = await trx.deleteFrom('contact_requests').where('created_at', '<', cutoff).executeTakeFirst();
    const mails = await trx
      .deleteFrom('outbox')
      .where('template', 'in', CONTACT_TEMPLATES)
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    const challenges = await trx.deleteFrom('used_challenges').where('expires_at', '<=', now).executeTakeFirst();
    const limits = await trx.deleteFrom('rate_limits').where('expires_at', '<=', now).executeTakeFirst();
    return {
      requests: Number(requests.numDeletedRows),
      mails: Number(mails.numDeletedRows),
      challenges: Number(challenges.numDeletedRows),
      rateLimits: Number(limits.numDeletedRows),
    };
  });
}
