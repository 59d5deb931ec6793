import { escapeHtml } from '../html.js';

export interface InvitationData {
  siteName: string;
  name: string;
  /** Magic link to the person's page. */
  link: string;
  /** Signed one-click link that withdraws every consent. */
  withdrawUrl: string;
}

export interface SignInData {
  siteName: string;
  link: string;
  withdrawUrl: string;
}

/** Every template and the data it needs. */
export interface MailTemplates {
  invitation: InvitationData;
  alumni_invitation: InvitationData;
  sign_in: SignInData;
}

export type MailTemplate = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What one mail says, before it is written out as plain text and as HTML. */
interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  note: string;
}

interface LocaleCopy {
  /** `:` in English, with a no-break space before it in French. */
  colon: string;
  withdraw: { label: string; hint: string };
  templates: { [T in MailTemplate]: (data: MailTemplates[T]) => MailContent };
}

/** French typography in our own wording (never in the data): a no-break space before : ; ? ! */
const fr = (strings: TemplateStringsArray, ...values: string[]) =>
  String.raw({ raw: strings.map((part) => part.replace(/ ([:;?!])/g, '\u00a0$1')) }, ...values);

const english: LocaleCopy = {
  colon: ':',
  withdraw: { label: 'Withdraw all my consents', hint: 'one click, no sign-in, takes effect at once' },
  templates: {
    invitation: ({ siteName, name, link }) => ({
      subject: `${siteName}: meet candidates, only if you want to`,
      greeting: `Hello ${name},`,
      paragraphs: [
        `People thinking of joining ${siteName} often wish they could ask someone who actually does the job. If you like, they could see a short profile of you on the careers pages and send you a question now and then.`,
        `It is entirely up to you: nothing happens unless you choose to. You decide what is shown and how many questions a week you accept, you can pause at any time, and you can withdraw in one click.`,
      ],
      action: { label: 'Have a look and decide', url: link },
      note: `This link is personal; please don't forward it. If you do nothing, nothing changes.`,
    }),
    alumni_invitation: ({ siteName, name, link }) => ({
      subject: `Stay in touch with ${siteName} candidates? Only if you wish`,
      greeting: `Hello ${name},`,
      paragraphs: [
        `Since you left ${siteName}, candidates no longer see your profile. Thank you for all you brought to the team.`,
        `If you wish, you can stay in touch as an alumna or alumnus: appear again among the alumni and, if you like, share a few words about your time at ${siteName}. Nothing happens unless you choose to; you decide what is shown and can withdraw at any time.`,
      ],
      action: { label: 'Choose what to share', url: link },
      note: `This link is personal; please don't forward it. If you do nothing, you stay hidden.`,
    }),
    sign_in: ({ siteName, link }) => ({
      subject: `Your sign-in link for ${siteName}`,
      greeting: 'Hello,',
      paragraphs: [
        `Here is the link you asked for to sign in to your page on the ${siteName} careers site. It works once and expires soon.`,
      ],
      action: { label: 'Sign in', url: link },
      note: 'If you did not ask for it, you can ignore this e-mail: nothing will happen.',
    }),
  },
};

const french: LocaleCopy = {
  colon: '\u00a0:',
  withdraw: { label: 'Retirer tous mes consentements', hint: 'un clic, sans connexion, effet immédiat' },
  templates: {
    invitation: ({ siteName, name, link }) => ({
      subject: fr`${siteName} : échanger avec des candidats, seulement si vous le souhaitez`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [
        fr`Les personnes qui envisagent de rejoindre ${siteName} aimeraient souvent poser leurs questions à quelqu’un qui fait vraiment le métier. Si vous le souhaitez, elles pourraient découvrir votre profil sur nos pages carrières et vous écrire de temps en temps.`,
        fr`C’est entièrement facultatif : rien ne se passe sans votre accord. Vous choisissez ce qui est affiché et combien de questions vous acceptez par semaine ; vous pouvez faire une pause à tout moment et tout retirer en un clic.`,
      ],
      action: { label: 'Voir et décider', url: link },
      note: fr`Ce lien vous est personnel : merci de ne pas le transférer. Si vous ne faites rien, rien ne change.`,
    }),
    alumni_invitation: ({ siteName, name, link }) => ({
      subject: fr`${siteName} : rester en contact avec les candidats ? Seulement si vous le souhaitez`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [
        fr`Depuis que vous avez quitté ${siteName}, les candidats ne voient plus votre profil. Merci pour tout ce que vous avez apporté à l’équipe.`,
        fr`Si vous le souhaitez, vous pouvez rester en contact en tant qu’ancienne ou ancien de l’entreprise : réapparaître parmi les anciens et, si le cœur vous en dit, partager quelques mots sur votre expérience. Rien ne se passe sans votre accord ; vous choisissez ce qui est affiché et pouvez tout retirer à tout moment.`,
      ],
      action: { label: 'Choisir ce que je partage', url: link },
      note: fr`Ce lien vous est personnel : merci de ne pas le transférer. Si vous ne faites rien, vous restez invisible.`,
    }),
    sign_in: ({ siteName, link }) => ({
      subject: fr`${siteName} : votre lien de connexion`,
      greeting: 'Bonjour,',
      paragraphs: [
        fr`Voici le lien que vous avez demandé pour vous connecter à votre page personnelle sur le site carrières ${siteName}. Il ne fonctionne qu’une fois et expire rapidement.`,
      ],
      action: { label: 'Me connecter', url: link },
      note: fr`Si vous n’êtes pas à l’origine de cette demande, ignorez simplement ce message : rien ne se passera.`,
    }),
  },
};

/** One object per language: a new language is one more entry. */
const copies = { en: english, fr: french } satisfies Record<string, LocaleCopy>;

export type MailLocale = keyof typeof copies;
export const MAIL_LOCALES = Object.keys(copies) as MailLocale[];

/** The mail language for a stored preference such as `fr`, `fr-CA` or null; English when unsupported. */
export function mailLocale(preferred: string | null | undefined): MailLocale {
  const language = preferred?.toLowerCase().split(/[-_]/)[0];
  return MAIL_LOCALES.find((locale) => locale === language) ?? 'en';
}

export function renderMail<T extends MailTemplate>(template: T, locale: MailLocale, data: MailTemplates[T]): RenderedMail {
  const copy: LocaleCopy = copies[locale];
  const content = copy.templates[template](data);
  requireWebUrl(content.action.url);
  requireWebUrl(data.withdrawUrl);
  return {
    subject: content.subject,
    text: renderText(copy, content, data.withdrawUrl),
    html: renderHtml(copy, content, data.withdrawUrl, locale),
  };
}

/** RFC 2369 / RFC 8058: mail clients show their own one-click "unsubscribe", which withdraws every consent. */
export function unsubscribeHeaders(withdrawUrl: string): Record<string, string> {
  requireWebUrl(withdrawUrl);
  return { 'List-Unsubscribe': `<${withdrawUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function renderText(copy: LocaleCopy, content: MailContent, withdrawUrl: string) {
  const { label, hint } = copy.withdraw;
  return [
    content.greeting,
    ...content.paragraphs,
    `${content.action.label}${copy.colon}\n${content.action.url}`,
    content.note,
    `${label} (${hint})${copy.colon} ${withdrawUrl}`,
  ].join('\n\n') + '\n';
}

const BODY_STYLE = "margin:0;padding:24px;background:#f6f6f4;color:#1f2328;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
const BUTTON_STYLE = 'display:inline-block;padding:10px 18px;border-radius:6px;background:#1f5f99;color:#ffffff;text-decoration:none;font-weight:600';
const SMALL_STYLE = 'color:#57606a;font-size:14px';

function renderHtml(copy: LocaleCopy, content: MailContent, withdrawUrl: string, locale: MailLocale) {
  const paragraph = (text: string, style = '') => `<p${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</p>`;
  const { label, hint } = copy.withdraw;
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="${BODY_STYLE}">
<div style="max-width:560px;margin:0 auto">
${paragraph(content.greeting)}
${content.paragraphs.map((text) => paragraph(text)).join('\n')}
<p><a href="${escapeHtml(content.action.url)}" style="${BUTTON_STYLE}">${escapeHtml(content.action.label)}</a></p>
${paragraph(content.note, SMALL_STYLE)}
<hr style="border:none;border-top:1px solid #d0d7de">
<p style="${SMALL_STYLE}"><a href="${escapeHtml(withdrawUrl)}" style="color:#57606a">${escapeHtml(label)}</a> (${escapeHtml(hint)})</p>
</div>
</body>
</html>
`;
}

/** Links are built by the server from PUBLIC_URL; anything else (`javascript:`, relative) is a bug. */
function requireWebUrl(url: string) {
  if (!/^https?:\/\/[^\s<>"]+$/i.test(url)) throw new Error(`A mail link must be an absolute http(s) URL, not "${url}"`);
}
