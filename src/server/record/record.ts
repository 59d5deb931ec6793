import { sql } from 'kysely';
import type { MyRecord } from '../../sdk/me-schemas.js';
import { csvLine } from '../admin/audit.js';
import type { Db } from '../store/database.js';

/** How many of the person's answers candidates can read now: agreed by the candidate, approved, not withdrawn. */
export async function publishedAnswersCount(db: Db, personId: number): Promise<number> {
  const row = await db
    .selectFrom('published_answers')
    .select(sql<string>`count(*)`.as('count'))
    .where('person_id', '=', personId)
    .where('candidate', '=', 'agreed')
    .where('moderation', '=', 'approved')
    .where('withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The person's own figures, all time: what reached them, what they did, the thanks they got. */
export async function myRecord(db: Db, personId: number): Promise<MyRecord> {
  const [row, publishedAnswers] = await Promise.all([
    db
      .selectFrom('contact_requests')
      .select([
        sql<string>`count(*) filter (where status in ('confirmed', 'answered', 'declined'))`.as('received'),
        sql<string>`count(*) filter (where status = 'answered')`.as('answered'),
        sql<string>`count(*) filter (where status = 'declined')`.as('declined'),
        sql<string>`count(*) filter (where thanked_at is not null)`.as('thanks'),
      ])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow(),
    publishedAnswersCount(db, personId),
  ]);
  return { received: Number(row.received), answered: Number(row.answered), declined: Number(row.declined), thanks: Number(row.thanks), publishedAnswers };
}

/** One line a question for the download: when it came, about which job, what became of it. Nothing of the candidate. */
export interface RecordLine {
  receivedAt: string;
  job: string | null;
  status: 'confirmed' | 'answered' | 'declined';
  answeredAt: string | null;
  declinedAt: string | null;
  thankedAt: string | null;
}

export async function recordLines(db: Db, personId: number): Promise<RecordLine[]> {
  const rows = await db
    .selectFrom('contact_requests')
    .select(['confirmed_at', 'job', 'status', 'answered_at', 'declined_at', 'thanked_at'])
    .where('person_id', '=', personId)
    .where('status', 'in', ['confirmed', 'answered', 'declined'])
    .where('confirmed_at', 'is not', null)
    .orderBy('confirmed_at')
    .orderBy('id')
    .execute();
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return rows.map((row) => ({
    receivedAt: row.confirmed_at!.toISOString(),
    job: row.job,
    status: row.status as RecordLine['status'],
    answeredAt: iso(row.answered_at),
    declinedAt: iso(row.declined_at),
    thankedAt: iso(row.thanked_at),
  }));
}

const CSV_COLUMNS = ['receivedAt', 'job', 'status', 'answeredAt', 'declinedAt', 'thankedAt'] as const;

export function recordCsv(lines: RecordLine[]): string {
  return csvLine([...CSV_COLUMNS]) + lines.map((line) => csvLine(CSV_COLUMNS.map((column) => line[column] ?? ''))).join('');
}
