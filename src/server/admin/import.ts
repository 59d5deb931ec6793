import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import {
  EMAIL_PATTERN,
  IMPORT_PREVIEW_ROWS,
  IMPORT_TEXT_MAX,
  type ImportFieldChange,
  type ImportPreview,
  type ImportProblem,
  type ImportProblemCode,
} from '../../sdk/admin-schemas.js';
import { importProblem } from './import-problems.js';
import type { Db } from '../store/database.js';
import { newPublicId } from '../store/people.js';
import type { Person } from '../store/schema.js';

/**
 * People import: CSV or JSON → validated rows → one transaction of batched inserts and updates.
 * Only HR fields come from the file; consent, display name, bio and everything else the employee
 * controls are never written here.
 */

export const IMPORT_COLUMNS = ['email', 'full_name', 'job_title', 'team', 'location', 'languages', 'external_id', 'status'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: ImportColumn[] = ['email', 'full_name', 'job_title'];

/** A real row is well under 2 KB; a longer one is an unclosed quote, read on (slowly) to the file's end. */
const MAX_RECORD_CHARS = 16 * 1024;
const BATCH_SIZE = 250;
/** Listing every problem of a 10,000-row file helps nobody; the count says how many more. */
export const MAX_PROBLEMS_LISTED = 100;
/** Serializes imports into the same site (first key of `pg_advisory_xact_lock(int, int)`). */
const IMPORT_LOCK = 0x48_57_49_4d;

/** CSV: `line` in the file (header = 1). JSON: the position in the array (first = 1). */
export type { ImportProblem };

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
  /** People whose e-mail address changed: every link sent to the old address, and every session, was revoked. */
  emailChanged: number;
}

export class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const missing = problems.filter((problem) => problem.code === 'missing_column').map((problem) => `"${problem.field}"`);
    super(
      missing.length
        ? `The file has no ${missing.join(', ')} column; nothing was imported.`
        : `${problems.length} problem${problems.length === 1 ? '' : 's'} in the file; nothing was imported.`,
    );
  }
}

/** A record as read from the file; a column the file does not have is `undefined` (left untouched). */
export interface RawRow {
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
}

interface PersonRow {
  line: number;
  email: string;
  fullName: string;
  jobTitle: string;
  team: string | null | undefined;
  location: string | null | undefined;
  languages: string[] | undefined;
  externalId: string | null;
  status: 'employee' | 'left';
}

// ---- reading ----

export function readCsv(text: string): RawRow[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info } (the typings don't follow the option).
    records = parse(normalized, {
      bom: true,
      delimiter: detectDelimiter(normalized),
      info: true,
      max_record_size: MAX_RECORD_CHARS,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const { lines = 1, code, message } = error as { lines?: number; code?: string; message: string };
    const problem =
      code === 'CSV_MAX_RECORD_SIZE'
        ? importProblem(lines, 'row', 'row_too_long', { kb: MAX_RECORD_CHARS / 1024 })
        : importProblem(lines, 'row', 'invalid_csv', { detail: message });
    throw new ImportRejected([problem]);
  }
  const [header, ...rows] = records;
  const columns = readHeader(header?.record ?? []);
  const problems: ImportProblem[] = [];
  const read = rows
    .filter(({ record }) => record.some((cell) => cell !== ''))
    .map(({ record, info }) => {
      // info.lines is where a record ends; quoted line breaks make it start earlier.
      const line = info.lines - record.reduce((breaks, cell) => breaks + cell.split('\n').length - 1, 0);
      if (record.length !== columns.length) {
        problems.push(importProblem(line, 'row', 'value_count', { expected: columns.length, found: record.length }));
      }
      return { line, cells: Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ''])) };
    });
  if (problems.length) throw new ImportRejected(problems);
  return read;
}

/** Spreadsheets in many locales save CSV with `;` or tabs; the header line tells which. */
function detectDelimiter(text: string) {
  const header = text.split('\n', 1)[0]!;
  const count = (delimiter: string) => header.split(delimiter).length;
  return [',', ';', '\t'].reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best));
}

function readHeader(cells: string[]): ImportColumn[] {
  const names = cells.map((cell) => cell.toLowerCase().replace(/[\s-]+/g, '_'));
  const problems: ImportProblem[] = [];
  names.forEach((name, index) => {
    if (!isColumn(name)) problems.push(importProblem(1, cells[index]!, 'unknown_column', { expected: IMPORT_COLUMNS.join(', ') }));
    else if (names.indexOf(name) !== index) problems.push(importProblem(1, name, 'duplicate_column'));
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!names.includes(column)) problems.push(importProblem(1, column, 'missing_column'));
  }
  if (problems.length) throw new ImportRejected(problems);
  return names as ImportColumn[];
}

const isColumn = (name: string): name is ImportColumn => (IMPORT_COLUMNS as readonly string[]).includes(name);

/** JSON: an array of objects keyed by the CSV column names (snake_case). */
export function readJson(value: unknown): RawRow[] {
  if (!Array.isArray(value)) throw new ImportRejected([importProblem(1, 'body', 'not_an_array')]);
  const problems: ImportProblem[] = [];
  const rows = value.map((item: unknown, index): RawRow => {
    const line = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(importProblem(line, 'row', 'not_an_object'));
      return { line, cells: {} };
    }
    const cells: RawRow['cells'] = {};
    for (const [key, cell] of Object.entries(item)) {
      const text = jsonCell(key, cell);
      if (!isColumn(key)) problems.push(importProblem(line, key, 'unknown_field', { expected: IMPORT_COLUMNS.join(', ') }));
      else if (text === undefined) problems.push(importProblem(line, key, 'not_a_string'));
      else cells[key] = text;
    }
    return { line, cells };
  });
  if (problems.length) throw new ImportRejected(problems);
  return rows;
}

function jsonCell(key: string, value: unknown): string | undefined {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && key === 'external_id') return String(value);
  if (key === 'languages' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(';');
  return undefined;
}

// ---- validating ----

const LANGUAGE = /^([a-z]{2,3})(-[a-z0-9]{2,8})*$/i;

function validateRows(rows: RawRow[]): { people: PersonRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const people = rows.map((row) => validateRow(row, (field, code, params) => problems.push(importProblem(row.line, field, code, params))));
  const seenEmails = new Map<string, number>();
  const seenExternalIds = new Map<string, number>();
  for (const person of people) {
    const sameEmail = seenEmails.get(person.email);
    if (sameEmail && person.email) problems.push(importProblem(person.line, 'email', 'same_email_as_line', { other: sameEmail }));
    else seenEmails.set(person.email, person.line);
    if (!person.externalId) continue;
    const sameId = seenExternalIds.get(person.externalId);
    if (sameId) problems.push(importProblem(person.line, 'external_id', 'same_external_id_as_line', { other: sameId }));
    else seenExternalIds.set(person.externalId, person.line);
  }
  problems.sort((a, b) => a.line - b.line);
  return { people, problems };
}

function validateRow({ line, cells }: RawRow, problem: (field: ImportColumn, code: ImportProblemCode, params?: Record<string, string | number>) => void): PersonRow {
  const text = (column: ImportColumn): string | null | undefined => {
    const value = cells[column];
    if (!value) {
      if (REQUIRED_COLUMNS.includes(column)) problem(column, 'required');
      return value === undefined ? undefined : null;
    }
    if (value.length > IMPORT_TEXT_MAX) problem(column, 'too_long', { max: IMPORT_TEXT_MAX });
    if (value.includes('\0')) problem(column, 'nul_character');
    return value;
  };
  const email = (text('email') ?? '').toLowerCase();
  if (email && !EMAIL_PATTERN.test(email)) problem('email', 'invalid_email');
  return {
    line,
    email,
    fullName: text('full_name') ?? '',
    jobTitle: text('job_title') ?? '',
    team: text('team'),
    location: text('location'),
    languages: cells.languages === undefined ? undefined : parseLanguages(cells.languages, (values) => problem('languages', 'invalid_languages', { values })),
    externalId: text('external_id') ?? null,
    status: parseStatus(cells.status, (value) => problem('status', 'invalid_status', { value })),
  };
}

/** "fr;en", "fr|en", "fr en" → ['fr', 'en']: the language part only, as candidates' `lang` is matched on it. */
function parseLanguages(value: string, problem: (invalid: string) => void): string[] {
  const codes = value.split(/[;|,\s]+/).filter(Boolean);
  const invalid = codes.filter((code) => !LANGUAGE.test(code));
  if (invalid.length) problem(invalid.join(', '));
  return [...new Set(codes.map((code) => code.split('-')[0]!.toLowerCase()))];
}

function parseStatus(value: string | undefined, problem: (value: string) => void): 'employee' | 'left' {
  const status = (value || 'employee').toLowerCase();
  if (status === 'employee' || status === 'left') return status;
  problem(value!);
  return 'employee';
}

// ---- planning against the database, then writing ----

type Existing = Pick<Person, 'id' | 'email' | 'external_id' | 'full_name' | 'job_title' | 'team' | 'location' | 'languages' | 'status' | 'erased_at'>;

interface Plan<P extends Existing = Existing> {
  creates: PersonRow[];
  updates: P[];
  unchanged: number;
  problems: ImportProblem[];
  /** Each matched person's id → the line of the file that names them. */
  lineOf: Map<number, number>;
}

/** Matches each row to a person by external id, then by e-mail; rows matching nobody are new people. */
function planImport<P extends Existing>(existing: P[], rows: PersonRow[]): Plan<P> {
  const byEmail = new Map(existing.map((person) => [person.email, person]));
  const byExternalId = new Map(existing.filter((person) => person.external_id).map((person) => [person.external_id!, person]));
  const matchedOnLine = new Map<number, number>();
  const plan: Plan<P> = { creates: [], updates: [], unchanged: 0, problems: [], lineOf: matchedOnLine };
  const problem = (line: number, field: string, code: ImportProblemCode, params?: Record<string, string | number>) =>
    plan.problems.push(importProblem(line, field, code, params));

  for (const row of rows) {
    const withId = row.externalId ? byExternalId.get(row.externalId) : undefined;
    const withEmail = byEmail.get(row.email);
    if (withId && withEmail && withId !== withEmail) {
      problem(row.line, 'email', 'email_of_another_person');
      continue;
    }
    if (!withId && withEmail?.external_id && row.externalId) {
      problem(row.line, 'external_id', 'email_has_external_id', { externalId: withEmail.external_id });
      continue;
    }
    const person = withId ?? withEmail;
    if (!person) {
      plan.creates.push(row);
      continue;
    }
    const earlierLine = matchedOnLine.get(person.id);
    if (earlierLine) {
      problem(row.line, 'email', 'same_person_as_line', { other: earlierLine });
      continue;
    }
    matchedOnLine.set(person.id, row.line);
    // An erased person asked for their data to go: the file does not bring it back.
    const updated = person.erased_at ? person : withHrFields(person, row);
    if (sameHrFields(person, updated)) plan.unchanged++;
    else plan.updates.push(updated);
  }
  return plan;
}

function withHrFields<P extends Existing>(person: P, row: PersonRow): P {
  return {
    ...person,
    email: row.email,
    external_id: person.external_id ?? row.externalId,
    full_name: row.fullName,
    job_title: row.jobTitle,
    team: row.team === undefined ? person.team : row.team,
    location: row.location === undefined ? person.location : row.location,
    languages: row.languages ?? person.languages,
    // Alumni have left too: "left" in the file must not take back their own opt-in.
    status: row.status === 'left' && person.status === 'alumni' ? 'alumni' : row.status,
  };
}

const HR_FIELDS = ['email', 'external_id', 'full_name', 'job_title', 'team', 'location', 'status'] as const;

const sameHrFields = (a: Existing, b: Existing) => HR_FIELDS.every((field) => a[field] === b[field]) && a.languages.join('\n') === b.languages.join('\n');

/** "Marie Dupont" → "Marie D.": what candidates see until the employee writes their own. */
export function defaultDisplayName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const last = words.length > 1 ? words.at(-1)! : '';
  return last ? `${words[0]} ${Array.from(last)[0]!.toUpperCase()}.` : words[0]!;
}

/** The import running into each site, so that this instance's next one waits for it (see importPeople). */
const running = new Map<number, Promise<unknown>>();

/**
 * Validated and planned against the site's people first, then written 250 people per transaction (a
 * few tens of ms on PGlite, which has one connection): a reader waits for one batch, never for the
 * whole import (1,000 per batch kept readers waiting ~180 ms, p99 1 s during 16k rows). Each batch
 * is all or nothing, and an import stopped half-way can be sent again: rows match the people the
 * first run made. Imports into one site run one after another: in this instance, queued; each batch
 * also takes the site's transaction lock, as another instance's import does.
 */
export async function importPeople(db: Db, siteId: number, rows: RawRow[]): Promise<ImportReport> {
  const { people, problems } = validateRows(rows);
  if (problems.length) throw new ImportRejected(problems);
  const previous = running.get(siteId) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(() => writeImport(db, siteId, people));
  running.set(siteId, current);
  try {
    return await current;
  } finally {
    if (running.get(siteId) === current) running.delete(siteId);
  }
}

async function writeImport(db: Db, siteId: number, people: PersonRow[]): Promise<ImportReport> {
  const existing = await db
    .selectFrom('people')
    .select(['id', 'email', 'external_id', 'full_name', 'job_title', 'team', 'location', 'languages', 'status', 'erased_at'])
    .where('site_id', '=', siteId)
    .execute();
  const plan = planImport(existing, people);
  if (plan.problems.length) throw new ImportRejected(plan.problems);
  const oldEmail = new Map(existing.map((person) => [person.id, person.email]));
  const moved = plan.updates.filter((person) => person.email !== oldEmail.get(person.id));
  const inBatch = (write: (trx: Db) => Promise<void>) =>
    db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, ${siteId})`.execute(trx);
      await write(trx);
    });
  for (const batch of batches(plan.creates)) await inBatch((trx) => insertPeople(trx, siteId, batch));
  // A changed address and the revocation of what the old one received commit together.
  for (const batch of batches(plan.updates)) {
    await inBatch(async (trx) => {
      await updatePeople(trx, batch);
      await revokeLinksAndSessions(
        trx,
        batch.filter((person) => person.email !== oldEmail.get(person.id)).map((person) => person.id),
      );
    });
  }
  return { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, total: people.length, emailChanged: moved.length };
}

/**
 * A changed address means the old mailbox may be someone else's now: its invitation and sign-in links,
 * and the sessions they opened, no longer act for the person.
 */
async function revokeLinksAndSessions(db: Db, personIds: number[]) {
  if (personIds.length === 0) return;
  await db.deleteFrom('tokens').where('person_id', 'in', personIds).execute();
  await db.deleteFrom('sessions').where('person_id', 'in', personIds).execute();
}

function* batches<T>(items: T[]) {
  for (let start = 0; start < items.length; start += BATCH_SIZE) yield items.slice(start, start + BATCH_SIZE);
}

async function insertPeople(db: Db, siteId: number, rows: PersonRow[]) {
  await db
    .insertInto('people')
    .values(
      rows.map((row) => ({
        public_id: newPublicId(),
        site_id: siteId,
        email: row.email,
        external_id: row.externalId,
        full_name: row.fullName,
        display_name: defaultDisplayName(row.fullName),
        job_title: row.jobTitle,
        team: row.team ?? null,
        location: row.location ?? null,
        languages: row.languages ?? [],
        status: row.status,
      })),
    )
    .execute();
}

/** One `update … from (values …)` per batch: HR fields only. */
async function updatePeople(db: Db, people: Existing[]) {
  const values = people.map(
    (p) =>
      sql`(${p.id}::integer, ${p.email}::text, ${p.external_id}::text, ${p.full_name}::text, ${p.job_title}::text,
           ${p.team}::text, ${p.location}::text, ${p.languages}::text[], ${p.status}::text)`,
  );
  await sql`
    update people as p set
      email = v.email, external_id = v.external_id, full_name = v.full_name, job_title = v.job_title,
      team = v.team, location = v.location, languages = v.languages, status = v.status, updated_at = now()
    from (values ${sql.join(values)}) as v(id, email, external_id, full_name, job_title, team, location, languages, status)
    where p.id = v.id
  `.execute(db);
}

/** The report's `problems`, capped so a badly broken file doesn't answer with megabytes. */
export const listedProblems = (problems: ImportProblem[]) => problems.slice(0, MAX_PROBLEMS_LISTED);

// ---- previewing: what an import would do, nothing written ----

type Known = Existing & Pick<Person, 'public_id'>;

/**
 * What `importPeople` would do with these rows, read from the database without writing anything: the
 * counts, the first people of each kind (the fields an update changes, old → new), the site's employees
 * the file does not name, and every problem at once (the import would refuse them). Rows with a problem
 * of their own are left out of the plan; the others are planned as the import would.
 */
export async function previewImport(db: Db, siteId: number, rows: RawRow[]): Promise<ImportPreview> {
  const { people, problems } = validateRows(rows);
  const badLines = new Set(problems.map((problem) => problem.line));
  const existing: Known[] = await db
    .selectFrom('people')
    .select(['id', 'public_id', 'email', 'external_id', 'full_name', 'job_title', 'team', 'location', 'languages', 'status', 'erased_at'])
    .where('site_id', '=', siteId)
    .execute();
  const plan = planImport(
    existing,
    people.filter((person) => !badLines.has(person.line)),
  );
  const byId = new Map(existing.map((person) => [person.id, person]));
  const updatedIds = new Set(plan.updates.map((person) => person.id));
  const unchanged = existing.filter((person) => plan.lineOf.has(person.id) && !updatedIds.has(person.id));
  const missing = existing.filter((person) => person.status === 'employee' && !person.erased_at && !plan.lineOf.has(person.id));
  const lineOf = (person: Known) => plan.lineOf.get(person.id) ?? 0;
  const allProblems = [...problems, ...plan.problems].sort((a, b) => a.line - b.line);
  return {
    total: rows.length,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: unchanged.length,
    missing: missing.length,
    rows: {
      created: plan.creates.slice(0, IMPORT_PREVIEW_ROWS).map((row) => ({ line: row.line, email: row.email, fullName: row.fullName, jobTitle: row.jobTitle })),
      updated: plan.updates.slice(0, IMPORT_PREVIEW_ROWS).map((person) => ({
        ...previewRow(person, lineOf(person)),
        id: person.public_id,
        changes: changedFields(byId.get(person.id)!, person),
      })),
      unchanged: unchanged.slice(0, IMPORT_PREVIEW_ROWS).map((person) => previewRow(person, lineOf(person))),
      missing: missing
        .slice(0, IMPORT_PREVIEW_ROWS)
        .map((person) => ({ id: person.public_id, email: person.email, fullName: person.full_name, jobTitle: person.job_title })),
    },
    problems: listedProblems(allProblems),
    problemCount: allProblems.length,
  };
}

const previewRow = (person: Known, line: number) => ({ line, email: person.email, fullName: person.full_name, jobTitle: person.job_title });

/** The fields an update may change; the database's names are the file's column names. */
const CHANGING_FIELDS = [...HR_FIELDS, 'languages'] as const;

function changedFields(before: Existing, after: Existing): ImportFieldChange[] {
  const value = (person: Existing, field: (typeof CHANGING_FIELDS)[number]) => (field === 'languages' ? person.languages.join(';') : (person[field] ?? ''));
  return CHANGING_FIELDS.filter((field) => value(before, field) !== value(after, field)).map((field) => ({
    field,
    from: value(before, field),
    to: value(after, field),
  }));
}

/** The preview of a file that could not be read (no header, unclosed quote, not JSON): its problems only. */
export const unreadablePreview = (problems: ImportProblem[]): ImportPreview => ({
  total: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  missing: 0,
  rows: { created: [], updated: [], unchanged: [], missing: [] },
  problems: listedProblems(problems),
  problemCount: problems.length,
});
