/**
 * The invitations SCIM provisioning leads to, as the site's settings ask: a new employee some days
 * after they arrive (once settled in), a departed one to appear as alumni. Each is sent once: the mark
 * is written with the invitation, so neither a second run nor a restart sends it again.
 */
import { sql } from 'kysely';
import type { Links } from '../auth/links.js';
import { inviteAlumnus, invitePerson, type Invitee } from '../admin/invitations.js';
import type { Db } from '../store/database.js';
import type { Site } from '../store/schema.js';

/** How often the server looks for invitations due. */
export const SCIM_INVITATIONS_INTERVAL_MS = 15 * 60_000;

export async function sendScimInvitations(db: Db, links: Links, now = new Date()) {
  return { newcomers: await inviteNewcomers(db, links, now), alumni: await inviteAlumni(db, links, now) };
}

const DAY = sql`interval '1 day'`;

/** Active, provisioned at least the site's delay ago, never invited (by HR or by this) and without any decision of their own yet. */
async function inviteNewcomers(db: Db, links: Links, now: Date) {
  const due = await db
    .selectFrom('scim_users as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('sites as site', 'site.id', 's.site_id')
    .select(['p.id', 'p.public_id', 'p.email', 'p.full_name', 'p.locale', 's.site_id'])
    .where('s.active', '=', true)
    .where('s.invited_new_at', 'is', null)
    .where('p.status', '=', 'employee')
    .where('p.erased_at', 'is', null)
    .where('p.invited_at', 'is', null)
    .where('site.scim_invite_after_days', 'is not', null)
    .where(sql<boolean>`s.created_at + site.scim_invite_after_days * ${DAY} <= ${now}`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('consents as c').select('c.id').whereRef('c.person_id', '=', 'p.id'))))
    .orderBy('p.id')
    .execute();
  return inviteOnce(db, due, 'invited_new_at', now, async (trx, site, person) => (await invitePerson(trx, links, site, person, now)).invited);
}

/** Deactivated by the provider, still "left" (not alumni already), on a site that invites its leavers. */
async function inviteAlumni(db: Db, links: Links, now: Date) {
  const due = await db
    .selectFrom('scim_users as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('sites as site', 'site.id', 's.site_id')
    .select(['p.id', 'p.public_id', 'p.email', 'p.full_name', 'p.locale', 's.site_id'])
    .where('s.active', '=', false)
    .where('s.invited_alumni_at', 'is', null)
    .where('p.status', '=', 'left')
    .where('p.erased_at', 'is', null)
    .where('site.scim_invite_alumni', '=', true)
    .orderBy('p.id')
    .execute();
  return inviteOnce(db, due, 'invited_alumni_at', now, async (trx, site, person) => {
    await inviteAlumnus(trx, links, site, person);
    return true;
  });
}

type Mark = 'invited_new_at' | 'invited_alumni_at';
type Due = Invitee & { site_id: number };

/** Each due person in a transaction of their own: the mark is set with the invitation, or not at all. */
async function inviteOnce(db: Db, due: Due[], mark: Mark, now: Date, invite: (trx: Db, site: Site, person: Due) => Promise<boolean>) {
  let sent = 0;
  for (const person of due) {
    const site = await db.selectFrom('sites').selectAll().where('id', '=', person.site_id).executeTakeFirstOrThrow();
    const invited = await db.transaction().execute(async (trx) => (await claim(trx, person.id, mark, now)) && invite(trx, site, person));
    if (invited) sent++;
  }
  return sent;
}

/** Sets the mark unless another run set it first: only the run that sets it invites. */
async function claim(db: Db, personId: number, mark: Mark, now: Date) {
  const row = await db
    .updateTable('scim_users')
    .set({ [mark]: now })
    .where('person_id', '=', personId)
    .where(mark, 'is', null)
    .returning('person_id')
    .executeTakeFirst();
  return row !== undefined;
}
