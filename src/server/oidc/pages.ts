/** The pages of company sign-in: why it did not work, in the person's language, and the way on (the e-mail link). */
import { landingPage, type Brand, type Lang, type NextStep } from '../html.js';

export type Audience = 'me' | 'admin';
export type OidcProblem = 'not_offered' | 'unavailable' | 'failed' | 'unverified' | 'unknown' | 'rate_limited';

const texts = {
  en: {
    title: 'Company sign-in did not work',
    not_offered: 'This site does not offer company sign-in.',
    unavailable: 'Your company’s sign-in service cannot be reached right now. Try again later, or sign in with a link sent to your work e-mail address.',
    failed: 'The sign-in at your company did not succeed, or took too long. Try again, or sign in with a link sent to your work e-mail address.',
    unverified:
      'Your company account does not confirm that its e-mail address is verified, so Hallway cannot tell who you are. Sign in with a link sent to your work e-mail address instead.',
    unknown_me:
      'Your company account’s e-mail address has no Hallway profile on this careers site. Ask for a sign-in link with the work e-mail address your company gave Hallway.',
    unknown_admin: 'Your company account’s e-mail address has no HR workspace account. Ask an owner of the workspace to add you, or sign in with a link sent by e-mail.',
    rate_limited: 'Too many sign-ins were started from this network. Try again in a few minutes.',
    byEmail: 'Get a sign-in link by e-mail',
    signedInTitle: 'You are signed in',
    signedIn: 'Your company account signed you in to the HR workspace for eight hours.',
    toWorkspace: 'Continue to the workspace',
    workspace: 'Hallway HR workspace',
  },
  fr: {
    title: 'La connexion par votre entreprise n’a pas abouti',
    not_offered: 'Ce site ne propose pas la connexion par votre entreprise.',
    unavailable:
      'Le service de connexion de votre entreprise est injoignable pour le moment. Réessayez plus tard, ou connectez-vous avec un lien envoyé à votre adresse e-mail professionnelle.',
    failed:
      'La connexion auprès de votre entreprise n’a pas abouti, ou a pris trop de temps. Réessayez, ou connectez-vous avec un lien envoyé à votre adresse e-mail professionnelle.',
    unverified:
      'Votre compte d’entreprise ne confirme pas que son adresse e-mail est vérifiée : Hallway ne peut donc pas savoir qui vous êtes. Connectez-vous plutôt avec un lien envoyé à votre adresse e-mail professionnelle.',
    unknown_me:
      'L’adresse e-mail de votre compte d’entreprise n’a pas de profil Hallway sur ce site carrières. Demandez un lien de connexion avec l’adresse e-mail professionnelle que votre entreprise a donnée à Hallway.',
    unknown_admin:
      'L’adresse e-mail de votre compte d’entreprise n’a pas de compte dans l’espace RH. Demandez à un propriétaire de l’espace de vous ajouter, ou connectez-vous avec un lien envoyé par e-mail.',
    rate_limited: 'Trop de connexions ont été lancées depuis ce réseau. Réessayez dans quelques minutes.',
    byEmail: 'Recevoir un lien de connexion par e-mail',
    signedInTitle: 'Vous êtes connecté(e)',
    signedIn: 'Votre compte d’entreprise vous a connecté(e) à l’espace RH pour huit heures.',
    toWorkspace: 'Continuer vers l’espace RH',
    workspace: 'Espace RH Hallway',
  },
} satisfies Record<Lang, Record<string, string>>;

/** Where the e-mail link is asked for: the site's /me page, or the workspace's sign-in page. */
export const emailSignIn = (lang: Lang, audience: Audience, siteSlug?: string): NextStep => ({
  label: texts[lang].byEmail,
  href: audience === 'admin' ? '/admin/sign-in' : siteSlug ? `/me?site=${encodeURIComponent(siteSlug)}` : '/me',
});

export function problemPage(lang: Lang, problem: OidcProblem, audience: Audience, brand: Brand | undefined, siteSlug?: string) {
  const message = problem === 'unknown' ? texts[lang][`unknown_${audience}`] : texts[lang][problem];
  const shownBrand = audience === 'admin' ? { name: texts[lang].workspace } : brand;
  return landingPage(lang, { brand: shownBrand, tone: 'problem', title: texts[lang].title, message, next: emailSignIn(lang, audience, siteSlug) });
}

/** The workspace's cookie is SameSite=Strict: it is only sent once the browser leaves the provider's redirects behind, from this page. */
export const adminSignedInPage = (lang: Lang) =>
  landingPage(lang, {
    brand: { name: texts[lang].workspace },
    tone: 'done',
    title: texts[lang].signedInTitle,
    message: texts[lang].signedIn,
    next: { label: texts[lang].toWorkspace, href: '/admin' },
  });
