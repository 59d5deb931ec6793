import type { Updateable } from 'kysely';
import type { AdminSite, SiteCreate, SiteUpdate } from '../../sdk/admin-schemas.js';
import type { Db } from '../store/database.js';
import { createSite } from '../store/sites.js';
import { SiteThemeRejected, siteThemeProblem, themeColumns } from './site-theme.js';
import type { Site, SitesTable } from '../store/schema.js';

export class SlugTakenError extends Error {}

export const listSites = (db: Db) => db.selectFrom('sites').selectAll().orderBy('slug').execute();

export async function insertSite(db: Db, fields: SiteCreate): Promise<Site> {
  return checkedTheme(await uniqueSlug(() => createSite(db, fields)));
}

export async function updateSite(db: Db, slug: string, fields: SiteUpdate): Promise<Site | undefined> {
  const columns = changedColumns(fields);
  if (Object.keys(columns).length === 0) return db.selectFrom('sites').selectAll().where('slug', '=', slug).executeTakeFirst();
  const updated = await uniqueSlug(() => db.updateTable('sites').set(columns).where('slug', '=', slug).returningAll().executeTakeFirst());
  return updated && checkedTheme(updated);
}

/** The site as written, unless its languages or colours do not fit together: then the write (in a transaction) is undone. */
function checkedTheme(site: Site): Site {
  const problem = siteThemeProblem(site);
  if (problem) throw new SiteThemeRejected(problem.field, problem.message);
  return site;
}

function changedColumns(fields: SiteUpdate): Updateable<SitesTable> {
  return {
    ...(fields.slug !== undefined && { slug: fields.slug }),
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.allowedOrigins !== undefined && { allowed_origins: fields.allowedOrigins }),
    ...(fields.defaultLang !== undefined && { default_lang: fields.defaultLang }),
    ...(fields.consentTextVersion !== undefined && { consent_text_version: fields.consentTextVersion }),
    ...(fields.accentColor !== undefined && { accent_color: fields.accentColor }),
    ...(fields.careersUrl !== undefined && { careers_url: fields.careersUrl }),
    ...(fields.holdLinks !== undefined && { hold_links: fields.holdLinks }),
    ...(fields.holdPhones !== undefined && { hold_phones: fields.holdPhones }),
    ...(fields.heldWords !== undefined && { held_words: fields.heldWords }),
    ...(fields.scimInviteAfterDays !== undefined && { scim_invite_after_days: fields.scimInviteAfterDays }),
    ...(fields.scimInviteAlumni !== undefined && { scim_invite_alumni: fields.scimInviteAlumni }),
    ...(fields.answerWindowDays !== undefined && { answer_window_days: fields.answerWindowDays }),
    ...(fields.timeZone !== undefined && { time_zone: fields.timeZone }),
    ...themeColumns(fields),
  };
}

/** The unique index decides, so two admins creating the same slug at once get one site and one 409. */
async function uniqueSlug<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new SlugTakenError();
    if ((error as { constraint?: unknown }).constraint === 'sites_default_lang_offered')
      throw new SiteThemeRejected('defaultLang', 'defaultLang: must be one of the languages the site offers (langs)');
    throw error;
  }
}

export function toAdminSite(site: Site): AdminSite {
  return {
    slug: site.slug,
    name: site.name,
    allowedOrigins: site.allowed_origins,
    defaultLang: site.default_lang,
    consentTextVersion: site.consent_text_version,
    accentColor: site.accent_color,
    careersUrl: site.careers_url,
    scimInviteAfterDays: site.scim_invite_after_days,
    scimInviteAlumni: site.scim_invite_alumni,
    createdAt: new Date(site.created_at).toISOString(),
    holdLinks: site.hold_links,
    holdPhones: site.hold_phones,
    heldWords: site.held_words,
    answerWindowDays: site.answer_window_days,
    timeZone: site.time_zone,
    langs: site.langs,
    themeRadius: site.theme_radius,
    themeFont: site.theme_font,
    themeSurface: site.theme_surface,
    themeText: site.theme_text,
  };
}
