import type { Lang } from '../html.js';
import { mailLocale } from '../mail/index.js';
import type { Db } from '../store/database.js';

export interface CompanySignIn {
  /** The company's name, as the site's settings give it. */
  name: string;
  href: string;
  /** The site's language, for a page whose reader's is unknown. */
  lang: Lang;
  /** Whether the site's people may still sign in with an e-mail link. */
  emailSignIn: boolean;
}

const SIGN_IN_WITH = { en: (name: string) => `Sign in with ${name}`, fr: (name: string) => `Se connecter avec ${name}` } satisfies Record<Lang, unknown>;

/**
 * The sites whose "Sign in with <company>" a sign-in page shows: the workspace's offers every site's
 * (an admin account belongs to no site), /me only the site its link names (`/me?site=<slug>`).
 */
export async function companySignIns(db: Db, audience: 'me' | 'admin', siteSlug?: string): Promise<CompanySignIn[]> {
  if (audience === 'me' && !siteSlug) return [];
  let query = db
    .selectFrom('site_oidc as o')
    .innerJoin('sites as s', 's.id', 'o.site_id')
    .select(['s.slug', 's.default_lang', 'o.display_name', 'o.email_sign_in'])
    .orderBy('s.slug');
  if (siteSlug) query = query.where('s.slug', '=', siteSlug);
  const sites = await query.execute();
  return sites.map((site) => ({
    name: site.display_name,
    href: `/auth/oidc/start?site=${encodeURIComponent(site.slug)}&for=${audience}`,
    lang: mailLocale(site.default_lang),
    emailSignIn: site.email_sign_in,
  }));
}

/** The buttons, in the page's language. */
export const companyButtons = (lang: Lang, companies: CompanySignIn[]) => companies.map(({ name, href }) => ({ label: SIGN_IN_WITH[lang](name), href }));
