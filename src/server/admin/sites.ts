import type { Updateable } from 'kysely';
import type { Db } from '../store/database.js';
import type { Site, SitesTable } from '../store/schema.js';

export interface SiteFields {
  slug: string;
  name: string;
  allowedOrigins?: string[] | undefined;
  defaultLang?: 'en' | 'fr' | undefined;
  consentTextVersion?: string | undefined;
}

export interface AdminSite {
  slug: string;
  name: string;
  allowedOrigins: string[];
  defaultLang: string;
  consentTextVersion: string;
  createdAt: string;
}

export class SlugTakenError extends Error {}

export const listSites = (db: Db) => db.selectFrom('sites').selectAll().orderBy('slug').execute();

export async function insertSite(db: Db, fields: SiteFields): Promise<Site> {
  const values = {
    slug: fields.slug,
    name: fields.name,
    allowed_origins: fields.allowedOrigins ?? [],
    default_lang: fields.defaultLang ?? 'en',
    ...(fields.consentTextVersion !== undefined && { consent_text_version: fields.consentTextVersion }),
  };
  return uniqueSlug(() => db.insertInto('sites').values(values).returningAll().executeTakeFirstOrThrow());
}

export async function updateSite(db: Db, slug: string, fields: Partial<SiteFields>): Promise<Site | undefined> {
  const columns = changedColumns(fields);
  if (Object.keys(columns).length === 0) return db.selectFrom('sites').selectAll().where('slug', '=', slug).executeTakeFirst();
  return uniqueSlug(() => db.updateTable('sites').set(columns).where('slug', '=', slug).returningAll().executeTakeFirst());
}

function changedColumns(fields: Partial<SiteFields>): Updateable<SitesTable> {
  return {
    ...(fields.slug !== undefined && { slug: fields.slug }),
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.allowedOrigins !== undefined && { allowed_origins: fields.allowedOrigins }),
    ...(fields.defaultLang !== undefined && { default_lang: fields.defaultLang }),
    ...(fields.consentTextVersion !== undefined && { consent_text_version: fields.consentTextVersion }),
  };
}

/** The unique index decides, so two admins creating the same slug at once get one site and one 409. */
async function uniqueSlug<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new SlugTakenError();
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
    createdAt: new Date(site.created_at).toISOString(),
  };
}
