/**
 * The invitations SCIM provisioning leads to, as the site's settings ask: a new employee some days
 * after they arrive (once settled in), a departed one to appear as alumni. Each is sent once: the mark
 * is written with the invitation, so neither a second run nor a restart sends it again.
 */
import { sql } from 'kysely';
import type { Links } from '../auth/links.js';
import { inviteAlumnus, invitePerson } from '../admin/invitations.js';
import type { Db } from '../store/database.js';

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
  let sent = 0;
  for (const person of due) {
    if (!(await claim(db, person.id, 'invited_new_at', now))) continue;
    const site = await db.selectFrom('sites').selectAll().where('id', '=', person.site_id).executeTakeFirstOrThrow();
    try {
      if ((await invitePerson(db, links, site, person, now)).invited) sent++;
    } catch (error) {
      await db.updateTable('scim_users').set({ invited_new_at: null }).where('person_id', '=', person.id).execute();
      throw error;
    }
  }
  return sent;
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
  let sent = 0;
  for (const person of due) {
    const site = await db.selectFrom('sites').selectAll().where('id', '=', person.site_id).executeTakeFirstOrThrow();
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claim(trx, person.id, 'invited_alumni_at', now))) return false;
      await inviteAlumnus(trx, links, site, person);
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** Sets the mark unless another run set it first: only the run that sets it invites. */
async function claim(db: Db, personId: number, mark: 'invited_new_at' | 'invited_alumni_at', now: Date) {
  const row = await db
    .updateTable('scim_users')
    .set({ [mark]: now })
    .where('person_id', '=', personId)
    .where(mark, 'is', null)
    .returning('person_id')
    .executeTakeFirst();
  return row !== undefined;
}
