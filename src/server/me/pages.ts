import { html, landingPage, otherWays, page, type Brand, type Lang, type NextStep } from '../html.js';

/**
 * The employee's pages around the editor: the shell of /me, the magic-link and withdraw confirmations.
 * Each asks for a click before acting, so a mail scanner that opens links acts on nothing.
 */
const texts = {
  en: {
    meTitle: 'Your Hallway profile',
    meIntro: 'You decide whether candidates see you, what they see, and whether they may write to you.',
    linkTitle: 'Sign in to your Hallway profile',
    linkIntro: 'This link signs you in on this browser for two hours. Nothing is shared until you choose to.',
    linkButton: 'Continue to my profile',
    token_invalid: 'This link is not valid. To get a new one, open your profile page and enter your work e-mail address.',
    token_expired: 'This link has expired. To get a new one, open your profile page and enter your work e-mail address.',
    token_used: 'This link was already used. To get a new one, open your profile page and enter your work e-mail address.',
    newLink: 'Get a new sign-in link',
    linkProblem: 'This link cannot be used',
    foreignForm: 'This sign-in was sent from another website. To sign in, open the link in your e-mail.',
    toProfile: 'Go to my profile page',
    withdrawTitle: 'Withdraw all your consents',
    withdrawIntro: 'Candidates will no longer see your profile or be able to contact you, from the next page load on. You can opt in again at any time.',
    withdrawWhose: 'These are the consents of {name}, on the {site} careers site. If that is not you, close this page: nothing changes.',
    withdrawButton: 'Withdraw everything',
    withdrawnTitle: 'Done: you are hidden',
    withdrawnIntro: 'Your profile is no longer shown and nobody can contact you through Hallway. You can opt in again at any time.',
    badLink: 'This link is not valid. Sign in to your profile page to withdraw from there.',
  },
  fr: {
    meTitle: 'Votre profil Hallway',
    meIntro: 'Vous décidez si les candidats vous voient, ce qu’ils voient et s’ils peuvent vous écrire.',
    linkTitle: 'Connexion à votre profil Hallway',
    linkIntro: 'Ce lien vous connecte sur ce navigateur pour deux heures. Rien n’est partagé tant que vous ne l’avez pas choisi.',
    linkButton: 'Continuer vers mon profil',
    token_invalid: 'Ce lien n’est pas valide. Pour en recevoir un nouveau, ouvrez votre page de profil et saisissez votre adresse e-mail professionnelle.',
    token_expired: 'Ce lien a expiré. Pour en recevoir un nouveau, ouvrez votre page de profil et saisissez votre adresse e-mail professionnelle.',
    token_used: 'Ce lien a déjà servi. Pour en recevoir un nouveau, ouvrez votre page de profil et saisissez votre adresse e-mail professionnelle.',
    newLink: 'Recevoir un nouveau lien de connexion',
    linkProblem: 'Ce lien ne peut pas être utilisé',
    foreignForm: 'Cette connexion a été envoyée depuis un autre site. Pour vous connecter, ouvrez le lien de votre e-mail.',
    toProfile: 'Aller à ma page de profil',
    withdrawTitle: 'Retirer tous vos consentements',
    withdrawIntro:
      'Les candidats ne verront plus votre profil et ne pourront plus vous contacter, dès le prochain chargement de page. Vous pourrez revenir quand vous le souhaitez.',
    withdrawWhose: 'Il s’agit des consentements de {name}, sur le site carrières {site}. Si ce n’est pas vous, fermez cette page : rien ne change.',
    withdrawButton: 'Tout retirer',
    withdrawnTitle: 'C’est fait : vous êtes masqué(e)',
    withdrawnIntro: 'Votre profil n’est plus affiché et personne ne peut vous contacter via Hallway. Vous pourrez revenir quand vous le souhaitez.',
    badLink: 'Ce lien n’est pas valide. Connectez-vous à votre page de profil pour retirer vos consentements.',
  },
} satisfies Record<Lang, Record<string, string>>;

export type PageText = keyof (typeof texts)['en'];
export const pageText = (lang: Lang, key: PageText) => texts[lang][key];

/**
 * `companySignIn`: signed out, on a site offering company sign-in (`/me?site=<slug>`), its button;
 * `companyOnly` when that site turned e-mail sign-in off (the editor then offers no e-mail form).
 */
export const mePage = (lang: Lang, companySignIn: { label: string; href: string }[] = [], companyOnly = false) =>
  page(
    lang,
    texts[lang].meTitle,
    html`<h1>${texts[lang].meTitle}</h1>
<p class="intro">${texts[lang].meIntro}</p>
<hw-profile-editor${companyOnly ? ' company-sign-in-only' : ''}></hw-profile-editor>${companySignIn.length ? otherWays(companySignIn) : ''}`,
    ['/me.js'],
  );

/** The profile page, where a signed-out person asks for a new sign-in link. */
export const toProfile = (lang: Lang, key: 'toProfile' | 'newLink' = 'toProfile'): NextStep => ({ label: texts[lang][key], href: '/me' });

export const linkPage = (lang: Lang, brand: Brand | undefined, token: string) =>
  landingPage(lang, {
    brand,
    title: texts[lang].linkTitle,
    message: texts[lang].linkIntro,
    next: { label: texts[lang].linkButton, action: '/me/link', fields: { token } },
  });

/** A link that did not work, or a step done: what happened, and the way on from there. */
export const messagePage = (lang: Lang, brand: Brand | undefined, tone: 'done' | 'problem', title: string, message: string, next = toProfile(lang)) =>
  landingPage(lang, { brand, tone, title, message, next });

/** The confirmation says whose consents these are: a link forwarded or quoted in a reply reaches other people. */
export const withdrawPage = (lang: Lang, brand: Brand, fields: { person: string; sig: string }, name: string) =>
  landingPage(lang, {
    brand,
    title: texts[lang].withdrawTitle,
    lead: texts[lang].withdrawWhose.replace('{name}', name).replace('{site}', brand.name),
    message: texts[lang].withdrawIntro,
    next: { label: texts[lang].withdrawButton, action: '/me/withdraw', fields },
  });
