import type { Links } from '../auth/links.js';
import { issueToken } from '../auth/tokens.js';
import { enqueueMail } from '../mail/index.js';
import type { Db } from '../store/database.js';
import { inTransaction } from '../store/transaction.js';
import type { Person, Site } from '../store/schema.js';

/** A person is not invited twice within this time, whoever asks. */
export const INVITE_COOLDOWN_MS = 24 * 3600_000;

export type Invitee = Pick<Person, 'id' | 'public_id' | 'email' | 'full_name' | 'locale'>;
export type InviteResult = { invited: true } | { invited: false; allowedAt: Date };

/**
 * Invites one person to decide whether to appear: a magic link by e-mail and `invited_at`, in one
 * transaction. The cooldown is checked by the same statement that sets `invited_at`, so two admins
 * (or an "invite all" and a single invite) racing each other send one mail.
 */
export async function invitePerson(db: Db, links: Links, site: Site, person: Invitee, now = new Date()): Promise<InviteResult> {
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .updateTable('people')
      .set({ invited_at: now })
      .where('id', '=', person.id)
      .where((eb) => eb.or([eb('invited_at', 'is', null), eb('invited_at', '<=', new Date(now.getTime() - INVITE_COOLDOWN_MS))]))
      .returning('id')
      .executeTakeFirst();
    if (!claimed) {
      const { invited_at } = await trx.selectFrom('people').select('invited_at').where('id', '=', person.id).executeTakeFirstOrThrow();
      return { invited: false, allowedAt: new Date(new Date(invited_at!).getTime() + INVITE_COOLDOWN_MS) };
    }
    await sendMagicLink(trx, links, site, person, 'invitation');
    return { invited: true };
  });
}

/** Invites every current employee never invited yet; the others are counted as skipped. */
export async function inviteAll(db: Db, links: Links, site: Site, now = new Date()) {
  const everyone = await db
    .selectFrom('people')
    .select(['id', 'public_id', 'email', 'full_name', 'locale', 'status', 'invited_at'])
    .where('site_id', '=', site.id)
    .where('erased_at', 'is', null)
    .execute();
  let invited = 0;
  for (const person of everyone) {
    if (person.status !== 'employee' || person.invited_at) continue;
    if ((await invitePerson(db, links, site, person, now)).invited) invited++;
  }
  return { invited, skipped: everyone.length - invited };
}

/** After someone left: may they appear again as alumni? Only their own answer on /me makes them alumni. */
export async function inviteAlumnus(db: Db, links: Links, site: Site, person: Invitee) {
  await sendMagicLink(db, links, site, person, 'alumni_invitation');
}

async function sendMagicLink(db: Db, links: Links, site: Site, person: Invitee, purpose: 'invitation' | 'alumni_invitation') {
  const token = await issueToken(db, person.id, purpose);
  await enqueueMail(db, {
    to: person.email,
    template: purpose,
    locale: person.locale ?? site.default_lang,
    data: {
      siteName: site.name,
      accentColor: site.accent_color,
      name: person.full_name,
      link: links.signIn(token),
      withdrawUrl: links.withdraw(person.public_id, person.email),
    },
  });
}
