import type { Db } from './database.js';

/**
 * Runs `work` in a transaction, or in the caller's when `db` already is one: a write that opens its
 * own transaction can then commit together with what its caller adds (the admin audit row).
 */
export const inTransaction = <T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? work(db) : db.transaction().execute(work));
