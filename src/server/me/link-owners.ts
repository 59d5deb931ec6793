/** Whose a link is: the person behind a sign-in token or a signed withdraw link, with their site and language. */
import type { Links } from '../auth/links.js';
import { hashToken } from '../auth/tokens.js';
import type { Lang } from '../html.js';
import { mailLocale } from '../mail/index.js';
import type { Db } from '../store/database.js';

/** The person a withdraw link is for, when its signature holds for their current address. */
export async function signedPerson(db: Db, links: Links, { person, sig }: { person: string; sig: string }) {
  const found = await db
    .selectFrom('people as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.id', 'p.email', 'p.display_name', 'p.locale', 's.default_lang', 's.name as site_name', 's.allowed_origins', 's.accent_color', 's.careers_url'])
    .where('p.public_id', '=', person)
    .executeTakeFirst();
  return found && links.verifyWithdraw(person, found.email, sig) ? found : undefined;
}

/** Whose a magic link is, used or not (opening it changes nothing): their language and their site. */
export function linkOwner(db: Db, token: string) {
  return db
    .selectFrom('tokens as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.locale', 's.default_lang', 's.name as site_name', 's.allowed_origins', 's.accent_color', 's.careers_url'])
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
}

export async function personLang(db: Db, personId: number): Promise<Lang> {
  const row = await db
    .selectFrom('people as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.locale', 's.default_lang'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  return mailLocale(row.locale ?? row.default_lang);
}
