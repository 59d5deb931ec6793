import { backToCareers, landingPage, type Brand, type Landing, type Lang, type NextStep } from '../html.js';
import { mailLocale } from '../mail/index.js';
import type { ContactAction } from './links.js';

/**
 * The pages behind the links of the contact flow. Opening a link changes nothing: each page asks for
 * a click (a POST), so a mail scanner that fetches links confirms, declines and pauses nothing.
 */
const texts = {
  en: {
    confirmTitle: 'Confirm your question',
    confirmIntro: (name: string) => `Your question to ${name} is passed on only once you confirm it.`,
    confirmButton: 'Send my question',
    confirmedTitle: 'Your question is on its way',
    confirmed: (name: string) =>
      `${name} has received your question and will answer you by e-mail if they can. People answer in their own time: thank you for your patience.`,
    notSentTitle: 'Your question was not passed on',
    refused_cap: (name: string) =>
      `${name} has already received as many questions as they can answer this week. We have sent you an e-mail about it; you can ask again next week, or ask someone else.`,
    refused_unavailable: (name: string) =>
      `${name} is not available for questions at the moment. We have sent you an e-mail about it; someone else on the careers site may be glad to help.`,
    token_invalid: 'This link is not valid. Please copy the whole link from the e-mail, or send your question again.',
    token_expired: 'This link has expired: it works for 48 hours. Please send your question again.',
    token_used: 'This link was already used: your question is confirmed, there is nothing more to do.',
    askAgain: 'Ask your question again',
    answeredTitle: 'Mark this question as answered',
    answeredIntro: (name: string) => `Let us know you answered ${name}. It only counts in your own figures on your profile page.`,
    answeredButton: 'I answered',
    answeredDoneTitle: 'Thank you for answering',
    answeredDone: 'Marked as answered. Thank you for taking the time.',
    declineTitle: 'Decline this question politely',
    declineIntro: (name: string) => `${name} will receive a short, kind e-mail saying you are not available. Nothing else is shared, and your address stays private.`,
    declineButton: 'Decline politely',
    declineDoneTitle: 'Question declined',
    declineDone: (name: string) => `Declined: ${name} has been told, kindly.`,
    pauseTitle: 'Pause questions for two weeks',
    pauseIntro: 'For two weeks candidates see you as busy and cannot send you questions. Your profile stays visible.',
    pauseButton: 'Pause for two weeks',
    pauseDoneTitle: 'Questions paused',
    pauseDone: (until: string) => `Paused until ${until}. You can change this on your profile page.`,
    alreadyAnswered: 'You already marked this question as answered.',
    alreadyDeclined: 'You already declined this question.',
    linkTitle: 'This link cannot be used',
    badLink: 'This link is not valid. Please use the link from the e-mail as it is.',
    gone: 'This question is no longer kept: questions are deleted after a while.',
    linkExpired:
      'This link has expired with the question: the decline and pause links of a question work for two weeks, while it is open. You can pause questions on your profile page.',
    toProfile: 'Go to my profile page',
  },
  fr: {
    confirmTitle: 'Confirmez votre question',
    confirmIntro: (name: string) => `Votre question à ${name} ne sera transmise qu’après votre confirmation.`,
    confirmButton: 'Envoyer ma question',
    confirmedTitle: 'Votre question est partie',
    confirmed: (name: string) => `${name} a bien reçu votre question et vous répondra par e-mail si possible. Chacun répond à son rythme\u00a0: merci de votre patience.`,
    notSentTitle: 'Votre question n’a pas été transmise',
    refused_cap: (name: string) =>
      `${name} a déjà reçu autant de questions qu’il ou elle peut en traiter cette semaine. Nous vous avons écrit à ce sujet\u00a0; vous pourrez la poser à nouveau la semaine prochaine, ou interroger quelqu’un d’autre.`,
    refused_unavailable: (name: string) =>
      `${name} n’est pas disponible pour répondre aux questions en ce moment. Nous vous avons écrit à ce sujet\u00a0; quelqu’un d’autre sur le site carrières pourra sans doute vous aider.`,
    token_invalid: 'Ce lien n’est pas valide. Copiez le lien complet depuis l’e-mail, ou envoyez à nouveau votre question.',
    token_expired: 'Ce lien a expiré\u00a0: il fonctionne pendant 48\u00a0heures. Merci d’envoyer à nouveau votre question.',
    token_used: 'Ce lien a déjà servi\u00a0: votre question est confirmée, vous n’avez rien d’autre à faire.',
    askAgain: 'Poser à nouveau ma question',
    answeredTitle: 'Indiquer que vous avez répondu',
    answeredIntro: (name: string) => `Indiquez que vous avez répondu à ${name}. Cela ne compte que dans vos propres chiffres, sur votre page de profil.`,
    answeredButton: 'J’ai répondu',
    answeredDoneTitle: 'Merci d’avoir répondu',
    answeredDone: 'C’est noté. Merci d’avoir pris le temps de répondre.',
    declineTitle: 'Décliner poliment cette question',
    declineIntro: (name: string) =>
      `${name} recevra un court e-mail bienveillant indiquant que vous n’êtes pas disponible. Rien d’autre n’est transmis et votre adresse reste privée.`,
    declineButton: 'Décliner poliment',
    declineDoneTitle: 'Question déclinée',
    declineDone: (name: string) => `C’est fait\u00a0: ${name} a été prévenu(e), avec délicatesse.`,
    pauseTitle: 'Suspendre les questions deux semaines',
    pauseIntro: 'Pendant deux semaines, les candidats vous voient indisponible et ne peuvent pas vous écrire. Votre profil reste visible.',
    pauseButton: 'Suspendre deux semaines',
    pauseDoneTitle: 'Questions suspendues',
    pauseDone: (until: string) => `Questions suspendues jusqu’au ${until}. Vous pouvez modifier cela sur votre page de profil.`,
    alreadyAnswered: 'Vous avez déjà indiqué avoir répondu à cette question.',
    alreadyDeclined: 'Vous avez déjà décliné cette question.',
    linkTitle: 'Ce lien ne peut pas être utilisé',
    badLink: 'Ce lien n’est pas valide. Utilisez le lien de l’e-mail tel quel.',
    gone: 'Cette question n’est plus conservée\u00a0: les questions sont supprimées au bout d’un certain temps.',
    linkExpired:
      'Ce lien a expiré avec la question\u00a0: les liens pour décliner ou suspendre fonctionnent deux semaines, tant que la question est ouverte. Vous pouvez suspendre les questions sur votre page de profil.',
    toProfile: 'Aller à ma page de profil',
  },
} satisfies Record<Lang, Record<string, string | ((value: string) => string)>>;

export type ContactTexts = (typeof texts)['en'];
/** Pages speak the language of the mail that linked to them (`fr-CA` → `fr`). */
export const pageLang = (lang: string | undefined): Lang => mailLocale(lang);
export const contactText = (lang: string | undefined): ContactTexts => texts[pageLang(lang)];

/** A page of the contact flow, for its site, in the language of the mail that linked to it. */
export const contactPage = (lang: string | undefined, landing: Landing) => landingPage(pageLang(lang), landing);

/** The employee's way to everything a link could not do: their profile page (signing in if need be). */
export const toProfile = (lang: string | undefined): NextStep => ({ label: contactText(lang).toProfile, href: '/me' });

/** The candidate's way back to the careers site they asked from. */
export const toCareers = (lang: string | undefined, brand: Brand | undefined) => backToCareers(pageLang(lang), brand);

/** A question and one button that POSTs the link's values back to the same path. */
export function formPage(lang: string | undefined, brand: Brand, action: string, fields: Record<string, string>, copy: { title: string; intro: string; button: string }) {
  return contactPage(lang, { brand, title: copy.title, message: copy.intro, next: { label: copy.button, action, fields } });
}

/** The form of an employee's action link. */
export function actionPage(lang: string, brand: Brand, action: ContactAction, fields: Record<string, string>, candidateName: string) {
  const t = contactText(lang);
  const copy = {
    answered: { title: t.answeredTitle, intro: t.answeredIntro(candidateName), button: t.answeredButton },
    decline: { title: t.declineTitle, intro: t.declineIntro(candidateName), button: t.declineButton },
    pause: { title: t.pauseTitle, intro: t.pauseIntro, button: t.pauseButton },
  }[action];
  return formPage(lang, brand, `/contact/${action}`, fields, copy);
}

export const formatDay = (lang: string, date: Date) =>
  new Intl.DateTimeFormat(pageLang(lang) === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
