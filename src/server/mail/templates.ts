import { buttonColors, readableOn } from '../accent.js';
import { escapeHtml } from '../html.js';

/** What every mail knows of its site. */
interface SiteMail {
  siteName: string;
  /** The site's accent (`#rrggbb`) for the button and links, made readable; Hallway's blue without it. */
  accentColor?: string | null | undefined;
}

export interface InvitationData extends SiteMail {
  name: string;
  /** Magic link to the person's page. */
  link: string;
  /** Signed one-click link that withdraws every consent. */
  withdrawUrl: string;
}

export interface SignInData extends SiteMail {
  link: string;
  withdrawUrl: string;
}

/** To the candidate, right after they sent a question: nothing reaches the employee before they confirm. */
export interface ContactConfirmData extends SiteMail {
  candidateName: string;
  /** The employee's public display name, as the candidate saw it on the card. */
  displayName: string;
  /** The confirmation page. */
  link: string;
  /** Replies go through the relay (issue 18): the employee never sees the candidate's address. */
  relayed?: boolean;
}

/** To the employee: a confirmed question, to answer by replying to the mail. */
export interface ContactRequestData extends SiteMail {
  /** The employee's display name. */
  name: string;
  candidateName: string;
  message: string;
  /** The job the candidate was looking at, if the page said. */
  job: string | null;
  answeredUrl: string;
  declineUrl: string;
  pauseUrl: string;
  /** Safety (issue 18): report the question to the site's moderators, block its sender. */
  reportUrl?: string;
  blockUrl?: string;
  withdrawUrl: string;
  /** Replies go through the relay (issue 18): the employee's address stays private even when they reply. */
  relayed?: boolean;
}

/** To the candidate (issue 18): the employee's answer, relayed from their reply or typed on /me. */
export interface RelayAnswerData extends SiteMail {
  candidateName: string;
  /** The employee's public display name. */
  displayName: string;
  question: string;
  answer: string;
  /** The one-click "Say thank you" page. */
  thankUrl: string;
  /** Whether replying to this mail reaches the employee (through the relay). */
  replyRelayed: boolean;
}

/** A later message on a question, relayed to the other side (issue 18). */
export interface RelayMessageData extends SiteMail {
  /** The recipient's name, for the greeting. */
  name: string;
  /** The sender's name as the recipient knows them. */
  senderName: string;
  text: string;
  /** Set on mails to the employee: their one-click withdraw link. */
  withdrawUrl?: string;
}

/** To the candidate, when their question will not be answered (declined, or the person is no longer available). */
export interface ContactDeclinedData extends SiteMail {
  candidateName: string;
  displayName: string;
  /** The careers site the question was sent from. */
  careersUrl: string;
}

/** To the candidate, when the person's weekly limit was reached before they confirmed. */
export type ContactCapReachedData = ContactDeclinedData;

/** To the author of a testimonial, after moderation. */
export interface TestimonialModeratedData extends SiteMail {
  name: string;
  /** The author's page, where they edit or remove the testimonial. */
  link: string;
  withdrawUrl: string;
}

export interface TestimonialApprovedData extends TestimonialModeratedData {
  /** Whether the author's consent to publish it stands, i.e. candidates see it now. */
  published: boolean;
}

export interface TestimonialRejectedData extends TestimonialModeratedData {
  /** The moderator's reason, quoted as written. */
  reason: string;
}

/** To an HR workspace account (issue 16): its sign-in link. No withdraw link: it is no employee's consent. */
export interface AdminSignInData extends SiteMail {
  link: string;
}

/** To the site's moderators (issue 18): an employee reported a question. Never says who reported it. */
export interface ContactReportedData extends SiteMail {
  reason: 'abusive' | 'spam' | 'recruiter';
  candidateName: string;
  message: string;
  /** The sender's domain when this report blocked it (repeated reports), else null. */
  domainBlocked: string | null;
  /** The workspace's "Reports and held questions" page. */
  workspaceUrl: string;
}

/** To the employee, once, halfway through the site's answer window and on a working day (issue 18). */
export type ContactReminderData = ContactRequestData;

/** To the candidate, once, when the answer window passed without an answer (issue 18). */
export interface ContactSecondChanceData extends SiteMail {
  candidateName: string;
  /** The person who did not answer. */
  displayName: string;
  /** Another person in the same job who takes questions now, and the page that asks them on one click; null when nobody does. */
  other: { displayName: string; askUrl: string } | null;
  careersUrl: string;
}

/** To the candidate (issue 18): the employee would like to publish their question, anonymised, and the answer. */
export interface AnswerPublishData extends SiteMail {
  candidateName: string;
  displayName: string;
  /** The wording that would be published, as the employee edited it. */
  question: string;
  answer: string;
  agreeUrl: string;
  declineUrl: string;
}

/** Every template and the data it needs. */
export interface MailTemplates {
  invitation: InvitationData;
  alumni_invitation: InvitationData;
  sign_in: SignInData;
  contact_confirm: ContactConfirmData;
  contact_request: ContactRequestData;
  contact_declined: ContactDeclinedData;
  contact_cap_reached: ContactCapReachedData;
  testimonial_approved: TestimonialApprovedData;
  testimonial_rejected: TestimonialRejectedData;
  admin_sign_in: AdminSignInData;
  contact_reported: ContactReportedData;
  relay_answer: RelayAnswerData;
  relay_message: RelayMessageData;
  contact_reminder: ContactReminderData;
  contact_second_chance: ContactSecondChanceData;
  answer_publish_request: AnswerPublishData;
}

export type MailTemplate = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Link {
  label: string;
  url: string;
}

/** Someone else's words, shown as written. */
interface Quote {
  quote: string;
}

/** What one mail says, before it is written out as plain text and as HTML. */
interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: (string | Quote)[];
  action?: Link;
  /** One-click links under the text, e.g. the employee's answers to a question. */
  links?: Link[];
  note: string;
}

interface LocaleCopy {
  /** `:` in English, with a no-break space before it in French. */
  colon: string;
  withdraw: { label: string; hint: string };
  templates: { [T in MailTemplate]: (data: MailTemplates[T]) => MailContent };
}

/** French typography in our own wording (never in the data): a no-break space before : ; ? ! */
const fr = (strings: TemplateStringsArray, ...values: string[]) => String.raw({ raw: strings.map((part) => part.replace(/ ([:;?!])/g, '\u00a0$1')) }, ...values);

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
      paragraphs: [`Here is the link you asked for to sign in to your page on the ${siteName} careers site. It works once and expires soon.`],
      action: { label: 'Sign in', url: link },
      note: 'If you did not ask for it, you can ignore this e-mail: nothing will happen.',
    }),
    contact_confirm: ({ siteName, candidateName, displayName, link, relayed }) => ({
      subject: `Confirm your question to ${displayName}`,
      greeting: `Hello ${candidateName},`,
      paragraphs: [
        `You wrote to ${displayName} from the ${siteName} careers site. Please confirm that the question is yours: only then is it passed on.`,
        relayed
          ? `${displayName} will see your name and your message, not your e-mail address: their answer reaches you by e-mail through the ${siteName} relay. People answer in their own time, so please be patient.`
          : `${displayName} will see your name, your e-mail address and your message, and will answer you directly by e-mail if they can. People answer in their own time, so please be patient.`,
      ],
      action: { label: 'Confirm my question', url: link },
      note: `This link works once, for 48 hours. If you didn't ask, ignore this e-mail: nothing will be sent.`,
    }),
    contact_request: ({ siteName, name, candidateName, message, job, answeredUrl, declineUrl, pauseUrl, reportUrl, blockUrl, relayed }) => ({
      subject: `${siteName}: a question from ${candidateName}`,
      greeting: `Hello ${name},`,
      paragraphs: [
        job
          ? `${candidateName} is looking at the job "${job}" on the ${siteName} careers site and would like to ask you:`
          : `${candidateName} found you on the ${siteName} careers site and would like to ask you:`,
        { quote: message },
        relayed
          ? `Reply to this e-mail to answer ${candidateName}, or answer on your profile page: your answer reaches them through the ${siteName} relay, and your address stays private.`
          : `Reply to this e-mail to answer ${candidateName}: your reply goes to their address; yours stays private until you reply.`,
        'Not a good time? One click is enough, and nobody is told why. These links work for two weeks, while the question is open.',
      ],
      links: [
        { label: 'I answered', url: answeredUrl },
        { label: 'Decline politely', url: declineUrl },
        { label: 'Pause questions for 2 weeks', url: pauseUrl },
        ...safetyLinks({ report: 'Report this question', block: 'Block this sender' }, reportUrl, blockUrl),
      ],
      note: `You get this e-mail because you chose to let candidates write to you. You decide how many questions a week you accept on your profile page.`,
    }),
    contact_declined: ({ siteName, candidateName, displayName, careersUrl }) => ({
      subject: `About your question to ${displayName}`,
      greeting: `Hello ${candidateName},`,
      paragraphs: [
        `Thank you for your question. Unfortunately ${displayName} is not available to answer it, and we would rather tell you now than keep you waiting. Please don't take it personally: people here answer questions in their spare time.`,
        `Others at ${siteName} may be glad to help: you will find them on the careers pages, next to the jobs.`,
      ],
      action: { label: 'Back to the careers site', url: careersUrl },
      note: 'No need to reply to this e-mail.',
    }),
    contact_cap_reached: ({ siteName, candidateName, displayName, careersUrl }) => ({
      subject: `Your question to ${displayName} was not passed on`,
      greeting: `Hello ${candidateName},`,
      paragraphs: [
        `Thank you for confirming your question. In the meantime ${displayName} received as many questions as they can answer this week, so yours was not passed on: we would rather tell you than keep you waiting.`,
        `You can ask again next week, or ask someone else at ${siteName} on the careers pages.`,
      ],
      action: { label: 'Back to the careers site', url: careersUrl },
      note: 'No need to reply to this e-mail.',
    }),
    testimonial_approved: ({ siteName, name, link, published }) => ({
      subject: `${siteName}: your testimonial was approved`,
      greeting: `Hello ${name},`,
      paragraphs: [
        `Thank you for the words you wrote about your time at ${siteName}: your testimonial was approved.`,
        published
          ? `Candidates can now read it on the careers pages, for as long as you agree to it being published. You can change or remove it at any time; a changed text is reviewed again before it shows.`
          : `It is not shown yet: you chose not to publish it. You can change that, edit or remove it at any time on your page.`,
      ],
      action: { label: 'See my testimonial', url: link },
      note: `Nobody can change your text or publish it without your consent.`,
    }),
    testimonial_rejected: ({ siteName, name, link, reason }) => ({
      subject: `${siteName}: your testimonial was not approved`,
      greeting: `Hello ${name},`,
      paragraphs: [
        `Thank you for writing a testimonial about your time at ${siteName}. It was not approved as it is, for this reason:`,
        { quote: reason },
        `If you like, you can edit it on your page: it will be reviewed again. Until then, nothing is shown.`,
      ],
      action: { label: 'Edit my testimonial', url: link },
      note: `You can also delete it; nobody else can change your text.`,
    }),
    admin_sign_in: ({ siteName, link }) => ({
      subject: `Your sign-in link to the ${siteName} HR workspace`,
      greeting: 'Hello,',
      paragraphs: [`Here is the link you asked for to sign in to the ${siteName} HR workspace. It works once, within 30 minutes, on the browser you open it in.`],
      action: { label: 'Sign in to the workspace', url: link },
      note: 'If you did not ask for it, you can ignore this e-mail: nobody can sign in without it.',
    }),
    contact_reported: ({ siteName, reason, candidateName, message, domainBlocked, workspaceUrl }) => ({
      subject: `${siteName}: a question was reported (${REASONS.en[reason]})`,
      greeting: 'Hello,',
      paragraphs: [
        `An employee reported a question from ${candidateName} as ${REASONS.en[reason]}. The question:`,
        { quote: message },
        domainBlocked
          ? `Several employees reported senders of the domain ${domainBlocked}: it is now blocked. You can unblock it in the workspace.`
          : 'You can block the sender or their domain, or do nothing, in the workspace.',
      ],
      action: { label: 'Open reports and held questions', url: workspaceUrl },
      note: 'You get this e-mail because your workspace role moderates this site. The question is kept only as long as questions are.',
    }),
    relay_answer: ({ siteName, candidateName, displayName, question, answer, thankUrl, replyRelayed }) => ({
      subject: `${displayName} answered your question`,
      greeting: `Hello ${candidateName},`,
      paragraphs: [`${displayName} answered the question you asked on the ${siteName} careers site:`, { quote: answer }, 'Your question was:', { quote: question }],
      action: { label: 'Say thank you', url: thankUrl },
      note: replyRelayed
        ? `Reply to this e-mail to write back to ${displayName}: your message goes through the ${siteName} relay, and their address stays private.`
        : `${displayName}'s address stays private, so replying to this e-mail reaches nobody. One click says thank you.`,
    }),
    relay_message: ({ siteName, name, senderName, text }) => ({
      subject: `${senderName} wrote to you`,
      greeting: `Hello ${name},`,
      paragraphs: [`${senderName} wrote, about the question asked on the ${siteName} careers site:`, { quote: text }],
      note: `Reply to this e-mail to answer: your message goes through the ${siteName} relay, and addresses stay private on both sides.`,
    }),
    contact_reminder: ({ siteName, name, candidateName, message, answeredUrl, declineUrl, pauseUrl }) => ({
      subject: `${siteName}: ${candidateName}'s question is still open`,
      greeting: `Hello ${name},`,
      paragraphs: [
        `A few days ago ${candidateName} asked you this on the ${siteName} careers site:`,
        { quote: message },
        `If you have a moment, reply to the question's e-mail (or to this one): your reply goes to ${candidateName}. If you already answered, or would rather not, one click below tells us, and ${candidateName} will not wait in vain.`,
        'This is the only reminder you will get about this question.',
      ],
      links: [
        { label: 'I answered', url: answeredUrl },
        { label: 'Decline politely', url: declineUrl },
        { label: 'Pause questions for 2 weeks', url: pauseUrl },
      ],
      note: 'No answer is fine too: after a while we kindly offer the candidate someone else, and nobody is told why.',
    }),
    contact_second_chance: ({ siteName, candidateName, displayName, other, careersUrl }) => ({
      subject: other ? `Your question: ${other.displayName} could answer it` : `About your question to ${displayName}`,
      greeting: `Hello ${candidateName},`,
      paragraphs: [
        `Thank you for your patience. ${displayName} has not been able to answer your question yet: people here answer in their spare time, and sometimes life gets in the way. Please don't take it personally.`,
        other
          ? `${other.displayName} does the same job at ${siteName} and takes questions. If you like, one click sends them your question as you wrote it; nothing is sent unless you click.`
          : `Others at ${siteName} may be glad to help: you will find them on the careers pages, next to the jobs.`,
      ],
      action: other ? { label: `Ask ${other.displayName} instead`, url: other.askUrl } : { label: 'Back to the careers site', url: careersUrl },
      ...(other && { links: [{ label: 'See the careers site', url: careersUrl }] }),
      note: 'No need to reply to this e-mail. We will not write to you about this question again.',
    }),
    answer_publish_request: ({ siteName, candidateName, displayName, question, answer, agreeUrl, declineUrl }) => ({
      subject: `${displayName} would like to publish your question and their answer`,
      greeting: `Hello ${candidateName},`,
      paragraphs: [
        `${displayName} would like to publish your question and their answer on the ${siteName} careers site, so that other candidates can read them too. You would be shown as "a candidate": never your name nor your address. Here is the wording that would be published:`,
        { quote: question },
        { quote: answer },
        'It is entirely up to you, and nothing is published without your agreement. Both links ask for one more click.',
      ],
      links: [
        { label: 'I agree', url: agreeUrl },
        { label: 'No thanks', url: declineUrl },
      ],
      note: 'If you do nothing, nothing is published.',
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
    contact_confirm: ({ siteName, candidateName, displayName, link, relayed }) => ({
      subject: fr`Confirmez votre question à ${displayName}`,
      greeting: fr`Bonjour ${candidateName},`,
      paragraphs: [
        fr`Vous avez écrit à ${displayName} depuis le site carrières ${siteName}. Merci de confirmer que cette question vient bien de vous : elle ne sera transmise qu’après.`,
        relayed
          ? fr`${displayName} verra votre nom et votre message, mais pas votre adresse e-mail : sa réponse vous parviendra par e-mail via le relais ${siteName}. Chacun répond à son rythme : merci de votre patience.`
          : fr`${displayName} verra votre nom, votre adresse e-mail et votre message, et vous répondra directement par e-mail si possible. Chacun répond à son rythme : merci de votre patience.`,
      ],
      action: { label: 'Confirmer ma question', url: link },
      note: fr`Ce lien ne fonctionne qu’une fois, pendant 48 heures. Si vous n’êtes pas à l’origine de ce message, ignorez-le : rien ne sera envoyé.`,
    }),
    contact_request: ({ siteName, name, candidateName, message, job, answeredUrl, declineUrl, pauseUrl, reportUrl, blockUrl, relayed }) => ({
      subject: fr`${siteName} : une question de ${candidateName}`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [
        job
          ? fr`${candidateName} consulte l’offre «\u00a0${job}\u00a0» sur le site carrières ${siteName} et aimerait vous demander :`
          : fr`${candidateName} vous a découvert(e) sur le site carrières ${siteName} et aimerait vous demander :`,
        { quote: message },
        relayed
          ? fr`Répondez à cet e-mail pour répondre à ${candidateName}, ou répondez sur votre page de profil : votre réponse lui parvient par le relais ${siteName}, et votre adresse reste privée.`
          : fr`Répondez à cet e-mail pour répondre à ${candidateName} : votre réponse part vers son adresse ; la vôtre reste privée jusqu’à ce que vous répondiez.`,
        fr`Pas le bon moment ? Un clic suffit, et personne ne saura pourquoi. Ces liens fonctionnent deux semaines, tant que la question est ouverte.`,
      ],
      links: [
        { label: 'J’ai répondu', url: answeredUrl },
        { label: 'Décliner poliment', url: declineUrl },
        { label: 'Suspendre les questions 2 semaines', url: pauseUrl },
        ...safetyLinks({ report: 'Signaler cette question', block: 'Bloquer cet expéditeur' }, reportUrl, blockUrl),
      ],
      note: fr`Vous recevez cet e-mail parce que vous avez accepté que des candidats vous écrivent. Vous choisissez combien de questions vous acceptez par semaine sur votre page de profil.`,
    }),
    contact_declined: ({ siteName, candidateName, displayName, careersUrl }) => ({
      subject: fr`À propos de votre question à ${displayName}`,
      greeting: fr`Bonjour ${candidateName},`,
      paragraphs: [
        fr`Merci pour votre question. Malheureusement, ${displayName} n’est pas disponible pour y répondre, et nous préférons vous le dire maintenant plutôt que de vous laisser attendre. Ne le prenez pas personnellement : chacun répond aux questions sur son temps libre.`,
        fr`D’autres personnes chez ${siteName} seront peut-être ravies de vous aider : vous les trouverez sur les pages carrières, à côté des offres.`,
      ],
      action: { label: 'Retour au site carrières', url: careersUrl },
      note: 'Inutile de répondre à cet e-mail.',
    }),
    contact_cap_reached: ({ siteName, candidateName, displayName, careersUrl }) => ({
      subject: fr`Votre question à ${displayName} n’a pas été transmise`,
      greeting: fr`Bonjour ${candidateName},`,
      paragraphs: [
        fr`Merci d’avoir confirmé votre question. Entre-temps, ${displayName} a reçu autant de questions qu’il ou elle peut en traiter cette semaine ; la vôtre n’a donc pas été transmise : nous préférons vous le dire plutôt que de vous laisser attendre.`,
        fr`Vous pourrez la poser à nouveau la semaine prochaine, ou interroger quelqu’un d’autre chez ${siteName} sur les pages carrières.`,
      ],
      action: { label: 'Retour au site carrières', url: careersUrl },
      note: 'Inutile de répondre à cet e-mail.',
    }),
    testimonial_approved: ({ siteName, name, link, published }) => ({
      subject: fr`${siteName} : votre témoignage a été approuvé`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [
        fr`Merci pour les mots que vous avez écrits sur votre expérience chez ${siteName} : votre témoignage a été approuvé.`,
        published
          ? fr`Les candidats peuvent désormais le lire sur les pages carrières, tant que vous acceptez qu’il soit publié. Vous pouvez le modifier ou le retirer à tout moment ; un texte modifié est relu avant d’être affiché.`
          : fr`Il n’est pas encore affiché : vous avez choisi de ne pas le publier. Vous pouvez changer d’avis, le modifier ou le supprimer à tout moment sur votre page.`,
      ],
      action: { label: 'Voir mon témoignage', url: link },
      note: fr`Personne ne peut modifier votre texte ni le publier sans votre accord.`,
    }),
    testimonial_rejected: ({ siteName, name, link, reason }) => ({
      subject: fr`${siteName} : votre témoignage n’a pas été approuvé`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [
        fr`Merci d’avoir écrit un témoignage sur votre expérience chez ${siteName}. Il n’a pas été approuvé en l’état, pour la raison suivante :`,
        { quote: reason },
        fr`Si vous le souhaitez, vous pouvez le modifier sur votre page : il sera relu à nouveau. D’ici là, rien n’est affiché.`,
      ],
      action: { label: 'Modifier mon témoignage', url: link },
      note: fr`Vous pouvez aussi le supprimer ; personne d’autre ne peut modifier votre texte.`,
    }),
    admin_sign_in: ({ siteName, link }) => ({
      subject: fr`${siteName} : votre lien de connexion à l’espace RH`,
      greeting: 'Bonjour,',
      paragraphs: [
        fr`Voici le lien que vous avez demandé pour vous connecter à l’espace RH ${siteName}. Il ne fonctionne qu’une fois, dans les 30 minutes, sur le navigateur où vous l’ouvrez.`,
      ],
      action: { label: 'Me connecter à l’espace RH', url: link },
      note: fr`Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : personne ne peut se connecter sans ce lien.`,
    }),
    contact_reported: ({ siteName, reason, candidateName, message, domainBlocked, workspaceUrl }) => ({
      subject: fr`${siteName} : une question a été signalée (${REASONS.fr[reason]})`,
      greeting: 'Bonjour,',
      paragraphs: [
        fr`Un ou une salariée a signalé une question de ${candidateName} comme ${REASONS.fr[reason]}. La question :`,
        { quote: message },
        domainBlocked
          ? fr`Plusieurs salariés ont signalé des expéditeurs du domaine ${domainBlocked} : il est désormais bloqué. Vous pouvez le débloquer dans l’espace RH.`
          : fr`Dans l’espace RH, vous pouvez bloquer l’expéditeur ou son domaine, ou ne rien faire.`,
      ],
      action: { label: 'Ouvrir les signalements et questions retenues', url: workspaceUrl },
      note: fr`Vous recevez cet e-mail parce que votre rôle dans l’espace RH modère ce site. La question n’est conservée que le temps où les questions le sont.`,
    }),
    relay_answer: ({ siteName, candidateName, displayName, question, answer, thankUrl, replyRelayed }) => ({
      subject: fr`${displayName} a répondu à votre question`,
      greeting: fr`Bonjour ${candidateName},`,
      paragraphs: [
        fr`${displayName} a répondu à la question que vous avez posée sur le site carrières ${siteName} :`,
        { quote: answer },
        fr`Votre question était :`,
        { quote: question },
      ],
      action: { label: 'Dire merci', url: thankUrl },
      note: replyRelayed
        ? fr`Répondez à cet e-mail pour écrire à ${displayName} : votre message passe par le relais ${siteName}, et son adresse reste privée.`
        : fr`L’adresse de ${displayName} reste privée : répondre à cet e-mail n’atteint personne. Un clic suffit pour dire merci.`,
    }),
    relay_message: ({ siteName, name, senderName, text }) => ({
      subject: fr`${senderName} vous a écrit`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [fr`${senderName} vous a écrit, à propos de la question posée sur le site carrières ${siteName} :`, { quote: text }],
      note: fr`Répondez à cet e-mail pour lui répondre : votre message passe par le relais ${siteName}, et les adresses restent privées des deux côtés.`,
    }),
    contact_reminder: ({ siteName, name, candidateName, message, answeredUrl, declineUrl, pauseUrl }) => ({
      subject: fr`${siteName} : la question de ${candidateName} attend encore`,
      greeting: fr`Bonjour ${name},`,
      paragraphs: [
        fr`Il y a quelques jours, ${candidateName} vous a posé cette question sur le site carrières ${siteName} :`,
        { quote: message },
        fr`Si vous avez un moment, répondez à l’e-mail de la question (ou à celui-ci) : votre réponse part vers ${candidateName}. Si vous avez déjà répondu, ou préférez ne pas le faire, un clic ci-dessous nous le dit, et ${candidateName} n’attendra pas pour rien.`,
        fr`C’est le seul rappel que vous recevrez pour cette question.`,
      ],
      links: [
        { label: 'J’ai répondu', url: answeredUrl },
        { label: 'Décliner poliment', url: declineUrl },
        { label: 'Suspendre les questions 2 semaines', url: pauseUrl },
      ],
      note: fr`Ne pas répondre est permis aussi : au bout d’un moment, nous proposons gentiment quelqu’un d’autre au candidat, sans dire pourquoi.`,
    }),
    contact_second_chance: ({ siteName, candidateName, displayName, other, careersUrl }) => ({
      subject: other ? fr`Votre question : ${other.displayName} pourrait y répondre` : fr`À propos de votre question à ${displayName}`,
      greeting: fr`Bonjour ${candidateName},`,
      paragraphs: [
        fr`Merci de votre patience. ${displayName} n’a pas encore pu répondre à votre question : chacun répond sur son temps libre, et la vie s’en mêle parfois. Ne le prenez pas personnellement.`,
        other
          ? fr`${other.displayName} fait le même métier chez ${siteName} et accepte les questions. Si vous le souhaitez, un clic lui transmet votre question telle que vous l’avez écrite ; rien n’est envoyé sans ce clic.`
          : fr`D’autres personnes chez ${siteName} seront peut-être ravies de vous aider : vous les trouverez sur les pages carrières, à côté des offres.`,
      ],
      action: other ? { label: `Demander plutôt à ${other.displayName}`, url: other.askUrl } : { label: 'Retour au site carrières', url: careersUrl },
      ...(other && { links: [{ label: 'Voir le site carrières', url: careersUrl }] }),
      note: fr`Inutile de répondre à cet e-mail. Nous ne vous écrirons plus au sujet de cette question.`,
    }),
    answer_publish_request: ({ siteName, candidateName, displayName, question, answer, agreeUrl, declineUrl }) => ({
      subject: `${displayName} aimerait publier votre question et sa réponse`,
      greeting: `Bonjour ${candidateName},`,
      paragraphs: [
        fr`${displayName} aimerait publier votre question et sa réponse sur le site carrières ${siteName}, pour que d’autres candidats puissent les lire. Vous apparaîtriez comme « un candidat » : jamais votre nom ni votre adresse. Voici le texte qui serait publié :`,
        { quote: question },
        { quote: answer },
        fr`C’est entièrement à vous de décider : rien n’est publié sans votre accord. Chaque lien demande encore un clic.`,
      ],
      links: [
        { label: 'J’accepte', url: agreeUrl },
        { label: 'Non merci', url: declineUrl },
      ],
      note: 'Si vous ne faites rien, rien n’est publié.',
    }),
  },
};

/** The question mail's "Report" and "Block" links (issue 18), when the mail has them. */
const safetyLinks = (labels: { report: string; block: string }, reportUrl?: string, blockUrl?: string): Link[] => [
  ...(reportUrl ? [{ label: labels.report, url: reportUrl }] : []),
  ...(blockUrl ? [{ label: labels.block, url: blockUrl }] : []),
];

/** A report's reason, as the moderators' mail says it. */
const REASONS = {
  en: { abusive: 'abusive', spam: 'spam', recruiter: 'recruiter fishing' },
  fr: { abusive: 'abusive', spam: 'spam', recruiter: 'démarchage de recruteur' },
} as const;

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
  const withdrawUrl = withdrawUrlOf(data);
  for (const link of [content.action, ...(content.links ?? [])]) if (link) requireWebUrl(link.url);
  if (withdrawUrl !== undefined) requireWebUrl(withdrawUrl);
  return {
    subject: content.subject,
    text: renderText(copy, content, withdrawUrl),
    html: renderHtml(copy, content, withdrawUrl, locale, data.accentColor),
  };
}

/** Mails to employees carry their one-click withdraw link; mails to candidates have none. */
export const withdrawUrlOf = (data: object): string | undefined => ('withdrawUrl' in data && typeof data.withdrawUrl === 'string' ? data.withdrawUrl : undefined);

/** RFC 2369 / RFC 8058: mail clients show their own one-click "unsubscribe", which withdraws every consent. */
export function unsubscribeHeaders(withdrawUrl: string): Record<string, string> {
  requireWebUrl(withdrawUrl);
  return { 'List-Unsubscribe': `<${withdrawUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

const isQuote = (block: string | Quote): block is Quote => typeof block !== 'string';

function renderText(copy: LocaleCopy, content: MailContent, withdrawUrl: string | undefined) {
  const { label, hint } = copy.withdraw;
  return (
    [
      content.greeting,
      ...content.paragraphs.map((block) => (isQuote(block) ? block.quote.replace(/^/gm, '> ') : block)),
      ...(content.action ? [`${content.action.label}${copy.colon}\n${content.action.url}`] : []),
      ...(content.links ?? []).map((link) => `${link.label}${copy.colon}\n${link.url}`),
      content.note,
      // After the signature delimiter, which mail clients leave out of a quoted reply (to the candidate, say).
      ...(withdrawUrl ? [`-- \n${label} (${hint})${copy.colon} ${withdrawUrl}`] : []),
    ].join('\n\n') + '\n'
  );
}

const BODY_STYLE = "margin:0;padding:24px;background:#f6f6f4;color:#1f2328;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
const HALLWAY_BLUE = '#1f5f99';
const MAIL_BACKGROUNDS = ['#f6f6f4', '#ffffff'];

/** The button and link styles in the site's accent, readable on the mail's light background (4.5:1). */
function accentStyles(accent: string | null | undefined) {
  const color = accent && /^#[0-9a-f]{6}$/.test(accent) ? accent : HALLWAY_BLUE;
  const button = buttonColors(color);
  return {
    button: `display:inline-block;padding:10px 18px;border-radius:6px;background:${button.background};color:${button.text};text-decoration:none;font-weight:600`,
    link: `color:${readableOn(color, MAIL_BACKGROUNDS, 'black')};font-weight:600`,
  };
}

const QUOTE_STYLE = 'margin:16px 0;padding:8px 16px;border-left:4px solid #d0d7de;background:#ffffff;white-space:pre-wrap';
const SMALL_STYLE = 'color:#57606a;font-size:14px';

function renderHtml(copy: LocaleCopy, content: MailContent, withdrawUrl: string | undefined, locale: MailLocale, accent: string | null | undefined) {
  const styles = accentStyles(accent);
  const paragraph = (text: string, style = '') => `<p${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</p>`;
  const block = (item: string | Quote) => (isQuote(item) ? `<blockquote style="${QUOTE_STYLE}">${escapeHtml(item.quote)}</blockquote>` : paragraph(item));
  const link = ({ label, url }: Link, style: string) => `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;
  const { label, hint } = copy.withdraw;
  const body = [
    paragraph(content.greeting),
    ...content.paragraphs.map(block),
    content.action && `<p>${link(content.action, styles.button)}</p>`,
    content.links && `<ul>${content.links.map((item) => `<li>${link(item, styles.link)}</li>`).join('')}</ul>`,
    paragraph(content.note, SMALL_STYLE),
    withdrawUrl && '<hr style="border:none;border-top:1px solid #d0d7de">',
    withdrawUrl && `<p style="${SMALL_STYLE}">${link({ label, url: withdrawUrl }, 'color:#57606a')} (${escapeHtml(hint)})</p>`,
  ];
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="${BODY_STYLE}">
<div style="max-width:560px;margin:0 auto">
${body.filter(Boolean).join('\n')}
</div>
</body>
</html>
`;
}

/** Links are built by the server from PUBLIC_URL; anything else (`javascript:`, relative) is a bug. */
function requireWebUrl(url: string) {
  if (!/^https?:\/\/[^\s<>"]+$/i.test(url)) throw new Error(`A mail link must be an absolute http(s) URL, not "${url}"`);
}
