import type { SiteCreate } from '../../sdk/admin-schemas.js';
import type { Db } from './database.js';
import type { Site } from './schema.js';
import { themeColumns } from '../admin/site-theme.js';

export function findSiteBySlug(db: Db, slug: string): Promise<Site | undefined> {
  return db.selectFrom('sites').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The one place a site is created: the admin API, the demo seed and the tests all come here. */
export function createSite(db: Db, site: SiteCreate): Promise<Site> {
  return db
    .insertInto('sites')
    .values({
      slug: site.slug,
      name: site.name,
      allowed_origins: site.allowedOrigins ?? [],
      default_lang: site.defaultLang ?? site.langs?.[0] ?? 'en',
      ...(site.consentTextVersion !== undefined && { consent_text_version: site.consentTextVersion }),
      accent_color: site.accentColor ?? null,
      careers_url: site.careersUrl ?? null,
      ...(site.holdLinks !== undefined && { hold_links: site.holdLinks }),
      ...(site.holdPhones !== undefined && { hold_phones: site.holdPhones }),
      ...(site.heldWords !== undefined && { held_words: site.heldWords }),
      scim_invite_after_days: site.scimInviteAfterDays ?? null,
      ...(site.scimInviteAlumni !== undefined && { scim_invite_alumni: site.scimInviteAlumni }),
      ...(site.answerWindowDays !== undefined && { answer_window_days: site.answerWindowDays }),
      ...(site.timeZone !== undefined && { time_zone: site.timeZone }),
      ...themeColumns(site),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function hasAnySite(db: Db): Promise<boolean> {
  return (await db.selectFrom('sites').select('id').limit(1).executeTakeFirst()) !== undefined;
}
