/** The HR workspace's server-rendered pages: sign-in by e-mail link, and the shell of /admin. */
import { appPage, html, landingPage, type Lang, type NextStep } from '../html.js';

const texts = {
  en: {
    workspace: 'Hallway HR workspace',
    signInTitle: 'Sign in to the HR workspace',
    signInIntro: 'Enter the e-mail address of your workspace account: we will send you a link that signs you in.',
    emailLabel: 'Work e-mail address',
    sendLink: 'Send me a sign-in link',
    notAnEmail: 'This is not an e-mail address. Check it and try again.',
    sentTitle: 'Check your inbox',
    sentIntro: 'If this address has a workspace account, a sign-in link is on its way. It works once, within 30 minutes.',
    rateLimited: 'Too many sign-in links were asked for from this network. Please try again in {minutes} min.',
    linkTitle: 'Sign in to the HR workspace',
    linkIntro: 'This link signs you in on this browser for eight hours.',
    linkButton: 'Continue to the workspace',
    linkProblem: 'This link cannot be used',
    token_invalid: 'This link is not valid. Ask for a new one on the sign-in page.',
    token_expired: 'This link has expired. Ask for a new one on the sign-in page.',
    token_used: 'This link was already used. Ask for a new one on the sign-in page.',
    foreignForm: 'This sign-in was sent from another website. To sign in, open the link in your e-mail.',
    newLink: 'Get a new sign-in link',
  },
  fr: {
    workspace: 'Espace RH Hallway',
    signInTitle: 'Connexion à l’espace RH',
    signInIntro: 'Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien qui vous connecte.',
    emailLabel: 'Adresse e-mail professionnelle',
    sendLink: 'Recevoir un lien de connexion',
    notAnEmail: 'Ce n’est pas une adresse e-mail. Vérifiez-la et réessayez.',
    sentTitle: 'Consultez votre messagerie',
    sentIntro: 'Si cette adresse a un compte, un lien de connexion est en route. Il ne fonctionne qu’une fois, dans les 30 minutes.',
    rateLimited: 'Trop de liens de connexion ont été demandés depuis ce réseau. Veuillez réessayer dans {minutes} min.',
    linkTitle: 'Connexion à l’espace RH',
    linkIntro: 'Ce lien vous connecte sur ce navigateur pour huit heures.',
    linkButton: 'Continuer vers l’espace RH',
    linkProblem: 'Ce lien ne peut pas être utilisé',
    token_invalid: 'Ce lien n’est pas valide. Demandez-en un nouveau sur la page de connexion.',
    token_expired: 'Ce lien a expiré. Demandez-en un nouveau sur la page de connexion.',
    token_used: 'Ce lien a déjà servi. Demandez-en un nouveau sur la page de connexion.',
    foreignForm: 'Cette connexion a été envoyée depuis un autre site. Pour vous connecter, ouvrez le lien de votre e-mail.',
    newLink: 'Recevoir un nouveau lien de connexion',
  },
} satisfies Record<Lang, Record<string, string>>;

export type AdminPageText = keyof (typeof texts)['en'];
export const adminText = (lang: Lang, key: AdminPageText) => texts[lang][key];

const brand = (lang: Lang) => ({ name: texts[lang].workspace });

const askForLink = (lang: Lang, email = ''): NextStep => ({
  label: texts[lang].sendLink,
  action: '/admin/sign-in',
  fields: {},
  input: { name: 'email', type: 'email', label: texts[lang].emailLabel, autocomplete: 'email', value: email },
});

/** `companies`: the buttons of the sites offering company sign-in (OpenID Connect). */
export const signInPage = (lang: Lang, companies: { label: string; href: string }[] = []) =>
  landingPage(lang, { brand: brand(lang), title: texts[lang].signInTitle, message: texts[lang].signInIntro, next: askForLink(lang), also: companies });

/** The form again, saying what is wrong (a typo, or too many links asked for). */
export const signInProblemPage = (lang: Lang, message: string, email = '') =>
  landingPage(lang, { brand: brand(lang), tone: 'problem', title: texts[lang].signInTitle, message, next: askForLink(lang, email) });

/** The same page whether or not the address has an account. */
export const linkSentPage = (lang: Lang) => landingPage(lang, { brand: brand(lang), tone: 'done', title: texts[lang].sentTitle, message: texts[lang].sentIntro });

/** A click before signing in, so a mail scanner that opens links uses up nothing. */
export const linkPage = (lang: Lang, token: string) =>
  landingPage(lang, {
    brand: brand(lang),
    title: texts[lang].linkTitle,
    message: texts[lang].linkIntro,
    next: { label: texts[lang].linkButton, action: '/admin/link', fields: { token } },
  });

export const linkProblemPage = (lang: Lang, message: string) =>
  landingPage(lang, {
    brand: brand(lang),
    tone: 'problem',
    title: texts[lang].linkProblem,
    message,
    next: { label: texts[lang].newLink, href: '/admin/sign-in' },
  });

/** The workspace itself is the `hw-admin-app` element, loaded from /admin.js (built from src/admin.ts). */
export const workspacePage = (lang: Lang) => appPage(lang, texts[lang].workspace, html`<hw-admin-app lang="${lang}"></hw-admin-app>`, ['/admin.js']);
