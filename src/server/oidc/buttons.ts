import type { Lang } from '../html.js';
import { mailLocale } from '../mail/index.js';
import type { Db } from '../store/database.js';

export interface CompanySignIn {
  label: string;
  href: string;
  /** The site's language, for a page whose reader's is unknown. */
  lang: Lang;
}

/**
 * The "Sign in with <company>" buttons of a sign-in page: the workspace's offers every site's (an
 * admin account belongs to no site), /me only the site its link names (`/me?site=<slug>`).
 */
export async function companySignIns(db: Db, audience: 'me' | 'admin', siteSlug?: string): Promise<CompanySignIn[]> {
  if (audience === 'me' && !siteSlug) return [];
  let query = db.selectFrom('site_oidc as o').innerJoin('sites as s', 's.id', 'o.site_id').select(['s.slug', 's.default_lang', 'o.button_label']).orderBy('s.slug');
  if (siteSlug) query = query.where('s.slug', '=', siteSlug);
  const sites = await query.execute();
  return sites.map((site) => ({
    label: site.button_label,
    href: `/auth/oidc/start?site=${encodeURIComponent(site.slug)}&for=${audience}`,
    lang: mailLocale(site.default_lang),
  }));
}
