import type { Db } from './database.js';
import type { Site } from './schema.js';

export interface NewSite {
  slug: string;
  name: string;
  allowedOrigins?: string[];
  defaultLang?: string;
}

export function findSiteBySlug(db: Db, slug: string): Promise<Site | undefined> {
  return db.selectFrom('sites').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function createSite(db: Db, site: NewSite): Promise<Site> {
  return db
    .insertInto('sites')
    .values({
      slug: site.slug,
      name: site.name,
      allowed_origins: site.allowedOrigins ?? [],
      default_lang: site.defaultLang ?? 'en',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function hasAnySite(db: Db): Promise<boolean> {
  return (await db.selectFrom('sites').select('id').limit(1).executeTakeFirst()) !== undefined;
}
