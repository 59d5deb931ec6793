import { hiddenFields, html, page, type Lang } from '../html.js';

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
    token_invalid: 'This link is not valid. Ask for a new one from your profile page.',
    token_expired: 'This link has expired. Ask for a new one from your profile page.',
    token_used: 'This link was already used. Ask for a new one from your profile page.',
    foreignForm: 'This sign-in was sent from another website. To sign in, open the link in your e-mail.',
    toProfile: 'Go to my profile page',
    withdrawTitle: 'Withdraw all your consents',
    withdrawIntro:
      'Candidates will no longer see your profile or be able to contact you, from the next page load on. You can opt in again at any time.',
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
    token_invalid: 'Ce lien n’est pas valide. Demandez-en un nouveau depuis votre page de profil.',
    token_expired: 'Ce lien a expiré. Demandez-en un nouveau depuis votre page de profil.',
    token_used: 'Ce lien a déjà servi. Demandez-en un nouveau depuis votre page de profil.',
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

export const mePage = (lang: Lang) =>
  page(
    lang,
    texts[lang].meTitle,
    html`<h1>${texts[lang].meTitle}</h1>
<p class="intro">${texts[lang].meIntro}</p>
<hw-profile-editor></hw-profile-editor>`,
    ['/me.js'],
  );

export const linkPage = (lang: Lang, token: string) =>
  page(
    lang,
    texts[lang].linkTitle,
    html`<h1>${texts[lang].linkTitle}</h1>
<p>${texts[lang].linkIntro}</p>
<form method="post" action="/me/link">${hiddenFields({ token })}<button type="submit">${texts[lang].linkButton}</button></form>`,
  );

export const messagePage = (lang: Lang, title: string, message: string, withProfileLink = true) =>
  page(
    lang,
    title,
    html`<h1>${title}</h1>
<p role="status">${message}</p>
${withProfileLink ? html`<p><a href="/me">${texts[lang].toProfile}</a></p>` : ''}`,
  );

/** The confirmation says whose consents these are: a link forwarded or quoted in a reply reaches other people. */
export const withdrawPage = (lang: Lang, fields: { person: string; sig: string }, whose: { name: string; site: string }) =>
  page(
    lang,
    texts[lang].withdrawTitle,
    html`<h1>${texts[lang].withdrawTitle}</h1>
<p><strong>${texts[lang].withdrawWhose.replace('{name}', whose.name).replace('{site}', whose.site)}</strong></p>
<p>${texts[lang].withdrawIntro}</p>
<form method="post" action="/me/withdraw">${hiddenFields(fields)}<button type="submit">${texts[lang].withdrawButton}</button></form>`,
  );

export const PAGE_STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; margin: 0 0 0.5rem; }
.intro { margin: 0 0 2rem; max-width: 40rem; }
button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 0.5rem; border: 1px solid currentColor; background: #1d4ed8; color: #fff; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
`;
