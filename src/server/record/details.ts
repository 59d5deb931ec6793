import type { CardDetails, MyCardDetails } from '../../sdk/me-schemas.js';
import type { Db } from '../store/database.js';

/** The person's "More about" view as they edit it on /me, with the reply time candidates would read. */
export async function loadMyDetails(db: Db, personId: number): Promise<MyCardDetails> {
  const row = await db.selectFrom('people').select(['career_path', 'show_reply_time', 'reply_days']).where('id', '=', personId).executeTakeFirstOrThrow();
  return { path: row.career_path, showReplyTime: row.show_reply_time, replyDays: row.reply_days };
}

export async function saveMyDetails(db: Db, personId: number, details: CardDetails) {
  await db
    .updateTable('people')
    .set({ career_path: JSON.stringify(details.path), show_reply_time: details.showReplyTime, updated_at: new Date() })
    .where('id', '=', personId)
    .execute();
}
