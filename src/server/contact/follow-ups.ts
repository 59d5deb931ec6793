/**
 * Issue 18's follow-ups of a confirmed question that gets no answer within the site's answer window:
 * at most one gentle reminder to the employee, about halfway through the window and only on a working
 * day (Mon–Fri, 9–17 in the site's time zone: the right to disconnect); then, once the window is over,
 * one kind note to the candidate offering another person in the same job who takes questions. Nothing
 * is re-sent to anyone: the note's "Ask <name> instead" acts only on the candidate's click (ask-instead.ts).
 *
 * Each follow-up is claimed by the one statement that sets its column (`reminded_at`, `second_chance_at`)
 * where it is still null, in the transaction that writes its mail to the outbox: runs that overlap (two
 * instances, a restart mid-run) never send one twice, and a run that fails sends nothing half-done.
 */
import { sql } from 'kysely';
import { DEFAULT_TIME_ZONE } from '../../sdk/admin-schemas.js';
import type { Links } from '../auth/links.js';
import { enqueueMail } from '../mail/index.js';
import { listPublicPeople } from '../public-people.js';
import type { Db } from '../store/database.js';
import type { Site } from '../store/schema.js';
import { askInsteadKeys } from './ask-instead.js';
import { relayAddresses } from '../relay/addresses.js';
import { contactKeys } from './links.js';
import { QUESTION_OPEN_MS, questionMail, reachPerson } from './requests.js';

export interface FollowUpDeps {
  db: Db;
  links: Links;
  /** RELAY_DOMAIN (issue 18): the reminder, like the question, is answered through the relay. */
  relayDomain?: string | undefined;
}

/** How often the job looks for due follow-ups: a reminder waits at most this long past 9:00. */
export const FOLLOW_UP_INTERVAL_MS = 15 * 60_000;
const WORKDAY_START_HOUR = 9;
const WORKDAY_END_HOUR = 17;
/** Same-job people looked at for the offer: the grid's first ones. */
const OFFER_CANDIDATES = 20;

/** Mon–Fri, 9:00 to 17:00, in the site's time zone. */
export function isWorkingTime(at: Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: knownZone(timeZone), weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const weekday = parts.find((part) => part.type === 'weekday')?.value ?? 'Sun';
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  return weekday !== 'Sat' && weekday !== 'Sun' && hour >= WORKDAY_START_HOUR && hour < WORKDAY_END_HOUR;
}

/** The settings refuse unknown zones; a runtime that lost one falls back to the default rather than failing the run. */
function knownZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Sends what is due now; resolves with how many reminders and notes it wrote to the outbox. */
export async function runFollowUps(deps: FollowUpDeps, now: Date) {
  let reminders = 0;
  for (const id of await dueReminders(deps.db, now)) if (await remind(deps, id, now)) reminders++;
  let secondChances = 0;
  for (const id of await dueSecondChances(deps.db, now)) if (await offerSecondChance(deps, id, now)) secondChances++;
  return { reminders, secondChances };
}

/** Confirmed, unsettled questions: still waiting for their answer. */
const openQuestions = (db: Db) =>
  db
    .selectFrom('contact_requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .where('r.status', '=', 'confirmed')
    .where('r.answered_at', 'is', null)
    .where('r.declined_at', 'is', null)
    .where('r.confirmed_at', 'is not', null);

/** Past half the window, before its end, not reminded, and the employee not paused. Working hours are checked per site. */
async function dueReminders(db: Db, now: Date) {
  const rows = await openQuestions(db)
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.id', 's.time_zone'])
    .where('r.reminded_at', 'is', null)
    .where('r.second_chance_at', 'is', null)
    .where(sql<boolean>`r.confirmed_at + make_interval(hours => s.answer_window_days * 12) <= ${now}`)
    .where(sql<boolean>`r.confirmed_at + make_interval(days => s.answer_window_days) > ${now}`)
    .where((eb) => eb.or([eb('p.paused_until', 'is', null), eb('p.paused_until', '<=', now)]))
    .orderBy('r.confirmed_at')
    .execute();
  return rows.filter((row) => isWorkingTime(now, row.time_zone)).map((row) => row.id);
}

/** Past the window, not offered yet; a question whose window closed more than two weeks ago is left alone. */
async function dueSecondChances(db: Db, now: Date) {
  const rows = await openQuestions(db)
    .select('r.id')
    .where('r.second_chance_at', 'is', null)
    .where(sql<boolean>`r.confirmed_at + make_interval(days => s.answer_window_days) <= ${now}`)
    .where(sql<boolean>`r.confirmed_at + make_interval(days => s.answer_window_days) > ${new Date(now.getTime() - QUESTION_OPEN_MS)}`)
    .orderBy('r.confirmed_at')
    .execute();
  return rows.map((row) => row.id);
}

/** The one reminder, claimed and written in one transaction; none to someone who withdrew since. */
async function remind({ db, links, relayDomain }: FollowUpDeps, requestId: number, now: Date) {
  const { contactLinks } = await contactKeys(db, links.publicUrl)();
  const relay = relayDomain ? await relayAddresses(db, relayDomain)() : undefined;
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .updateTable('contact_requests')
      .set({ reminded_at: now })
      .where('id', '=', requestId)
      .where('reminded_at', 'is', null)
      .where('status', '=', 'confirmed')
      .returningAll()
      .executeTakeFirst();
    if (!request) return false;
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', request.site_id).executeTakeFirstOrThrow();
    const person = await trx.selectFrom('people').selectAll().where('id', '=', request.person_id).executeTakeFirstOrThrow();
    // Still listed and still taking messages; otherwise the claim stands and nothing is sent.
    const reach = await reachPerson(trx, site, person.public_id, links.publicUrl, now);
    if (!reach.ok && reach.reason !== 'cap_reached') return false;
    const recipient = { publicId: person.public_id, email: person.email, fullName: person.full_name, locale: person.locale };
    await enqueueMail(trx, { ...questionMail({ links, contactLinks, relay }, site, recipient, request), template: 'contact_reminder' });
    return true;
  });
}

/** The candidate's kind note, claimed and written in one transaction, with another person to ask if there is one. */
async function offerSecondChance({ db, links }: FollowUpDeps, requestId: number, now: Date) {
  const askInsteadLinks = await askInsteadKeys(db, links.publicUrl)();
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .updateTable('contact_requests')
      .set({ second_chance_at: now })
      .where('id', '=', requestId)
      .where('second_chance_at', 'is', null)
      .where('status', '=', 'confirmed')
      .returningAll()
      .executeTakeFirst();
    if (!request) return false;
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', request.site_id).executeTakeFirstOrThrow();
    const first = await trx.selectFrom('people').select(['public_id', 'display_name', 'job_title']).where('id', '=', request.person_id).executeTakeFirstOrThrow();
    const other = await sameJobPerson(trx, site, request.job ?? first.job_title, first.public_id, links.publicUrl, now);
    await enqueueMail(trx, {
      to: request.candidate_email,
      template: 'contact_second_chance',
      locale: request.lang,
      data: {
        siteName: site.name,
        accentColor: site.accent_color,
        candidateName: request.candidate_name,
        displayName: first.display_name,
        other: other ? { displayName: other.displayName, askUrl: askInsteadLinks.link(request.public_id, other.id) } : null,
        careersUrl: site.careers_url ?? request.page_origin,
      },
    });
    return true;
  });
}

/**
 * Someone the grid shows in this job (same matching, so only when it finds people in the job itself,
 * not a team or location fallback) who takes messages and could be asked now: not the first person,
 * not paused, not at their weekly cap.
 */
export async function sameJobPerson(db: Db, site: Site, job: string, exceptId: string, publicUrl: string, now: Date) {
  const { items, match } = await listPublicPeople(db, site, { job, limit: OFFER_CANDIDATES }, publicUrl);
  if (match !== 'job') return undefined;
  for (const person of items) {
    if (person.id === exceptId || !person.channels.includes('message')) continue;
    if ((await reachPerson(db, site, person.id, publicUrl, now)).ok) return person;
  }
  return undefined;
}

export interface FollowUps {
  /** Runs now, after the run in progress if any; resolves with what it sent. */
  run(): Promise<{ reminders: number; secondChances: number }>;
  stop(): Promise<void>;
}

/** Runs the follow-ups every `intervalMs`, one run at a time in this process (and claims keep instances apart). */
export function startFollowUps(deps: FollowUpDeps, { now = () => new Date(), intervalMs = FOLLOW_UP_INTERVAL_MS, log = console.error } = {}): FollowUps {
  let current: Promise<{ reminders: number; secondChances: number }> | undefined;
  const run = () =>
    (current ??= runFollowUps(deps, now())
      .catch((error: unknown) => {
        log(`follow-ups failed: ${error instanceof Error ? error.message : String(error)}`);
        return { reminders: 0, secondChances: 0 };
      })
      .finally(() => (current = undefined)));
  const timer = setInterval(() => void run(), intervalMs).unref();
  return {
    async run() {
      await current;
      return run();
    },
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
