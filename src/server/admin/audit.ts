/**
 * The append-only audit log (`admin_audit`): who did what to what, and when. This module only ever
 * inserts and reads; the database refuses UPDATE, DELETE and TRUNCATE on the table (migration 0011).
 * Details name people by their public id, never by their e-mail address.
 */
import { sql } from 'kysely';
import type { AdminScope, AuditAction, AuditEntry, AuditFilters, AuditPage } from '../../sdk/admin-schemas.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';

/** Who is calling the admin API, and what they may do. */
export interface Actor {
  kind: 'user' | 'key' | 'bootstrap' | 'scim';
  /** The account's, the key's or the SCIM token's public id; null for the bootstrap key. */
  id: string | null;
  /** The account's e-mail address, the key's or the SCIM token's name, or "bootstrap key". */
  label: string;
  scopes: readonly AdminScope[];
}

export interface AuditEvent {
  /** One of `AUDIT_ACTIONS`, each named in the workspace (en and fr). */
  action: AuditAction;
  site?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, actor: Actor, { action, site = null, target = null, details = {} }: AuditEvent) {
  await db
    .insertInto('admin_audit')
    .values({ actor_kind: actor.kind, actor_id: actor.id, actor_label: actor.label, action, site, target, details: JSON.stringify(details) })
    .execute();
}

/**
 * A workspace write and its audit row, in one transaction: both are kept or neither is. `event` names
 * what was done from the write's result; undefined when nothing was (a 404, a cooldown).
 */
export function audited<T>(db: Db, actor: Actor, write: (trx: Db) => Promise<T>, event: (result: T) => AuditEvent | undefined): Promise<T> {
  return inTransaction(db, async (trx) => {
    const result = await write(trx);
    const done = event(result);
    if (done) await recordAudit(trx, actor, done);
    return result;
  });
}

type AuditRow = Awaited<ReturnType<typeof auditRows>>[number];

/** Newest first; `cursor` is the last id of the previous page. */
const auditRows = (db: Db, filters: AuditFilters, limit: number, cursor?: string) => {
  let select = db.selectFrom('admin_audit').selectAll().orderBy('id', 'desc').limit(limit);
  if (cursor) select = select.where('id', '<', cursor);
  const { action, actor, from, to } = filters;
  if (action) select = select.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]));
  if (actor) select = select.where((eb) => eb.or([eb('actor_id', '=', actor), eb(sql`lower(actor_label)`, '=', actor.toLowerCase())]));
  if (from) select = select.where('at', '>=', new Date(`${from}T00:00:00Z`));
  if (to) select = select.where('at', '<', nextDay(to));
  return select.execute();
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export async function listAudit(db: Db, { limit, cursor, ...filters }: AuditFilters & { limit: number; cursor?: string | undefined }): Promise<AuditPage> {
  const rows = await auditRows(db, filters, limit + 1, cursor);
  const page = rows.slice(0, limit);
  return { items: page.map(toAuditEntry), nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null };
}

const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: String(row.id),
  at: new Date(row.at).toISOString(),
  actor: { kind: row.actor_kind, id: row.actor_id, label: row.actor_label },
  action: row.action,
  site: row.site,
  target: row.target,
  details: row.details,
});

export const AUDIT_CSV_HEADER = ['at', 'actor_kind', 'actor_id', 'actor', 'action', 'site', 'target', 'details'];

/** The log (its lines that pass `filters`) as CSV (RFC 4180), newest first, read a thousand lines at a time. */
export async function* auditCsv(db: Db, filters: AuditFilters = {}): AsyncGenerator<string> {
  yield csvLine(AUDIT_CSV_HEADER);
  let cursor: string | undefined;
  for (;;) {
    const rows = await auditRows(db, filters, 1000, cursor);
    if (rows.length === 0) return;
    yield rows.map((row) => csvLine(auditCells(toAuditEntry(row)))).join('');
    cursor = String(rows.at(-1)!.id);
  }
}

export const auditCells = (entry: AuditEntry) => [
  entry.at,
  entry.actor.kind,
  entry.actor.id ?? '',
  entry.actor.label,
  entry.action,
  entry.site ?? '',
  entry.target ?? '',
  JSON.stringify(entry.details),
];

/**
 * One CSV line. A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is
 * prefixed with `'`: names and reasons are typed by people, and the file is opened in Excel.
 */
export function csvLine(cells: string[]): string {
  return `${cells
    .map((cell) => {
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(',')}\r\n`;
}
