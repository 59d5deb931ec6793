import { ReportReason } from '../../sdk/admin-schemas.js';
import type { Brand, Lang } from '../html.js';
import type { Db } from '../store/database.js';
import type { SafetyAction } from './links.js';
import { contactPage, contactText, pageLang, toProfile } from './pages.js';
import { blockSenderOf, reportQuestion } from './safety.js';

/** The pages of the question mail's "Report this question" and "Block this sender" links (issue 18). */
const texts = {
  en: {
    reportTitle: 'Report this question',
    reportIntro: (name: string) =>
      `Tell the site's moderators what is wrong with the question from ${name}. They see the question, not who reported it, and ${name} is not told.`,
    reportLegend: 'What is wrong with it?',
    reasons: { abusive: 'Abusive or offensive', spam: 'Spam or advertising', recruiter: 'A recruiter fishing for people' },
    reportButton: 'Report the question',
    reportDoneTitle: 'Question reported',
    reportDone: 'Thank you: the moderators have it. You need not answer. To hear nothing more from this sender, use "Block this sender" in the e-mail.',
    alreadyReported: 'You already reported this question: the moderators have it.',
    blockTitle: 'Block this sender',
    blockIntro: (name: string) => `${name} will no longer be able to send questions to anyone on this site. Nothing tells them: their questions simply go nowhere.`,
    blockButton: 'Block this sender',
    blockDoneTitle: 'Sender blocked',
    blockDone: (name: string) => `${name} can no longer send questions to anyone on this site. The moderators can lift the block if it was a mistake.`,
  },
  fr: {
    reportTitle: 'Signaler cette question',
    reportIntro: (name: string) =>
      `Indiquez aux modérateurs du site ce qui ne va pas dans la question de ${name}. Ils voient la question, pas qui l’a signalée, et ${name} n’en est pas informé(e).`,
    reportLegend: 'Quel est le problème\u00a0?',
    reasons: { abusive: 'Abusive ou injurieuse', spam: 'Spam ou publicité', recruiter: 'Démarchage d’un recruteur' },
    reportButton: 'Signaler la question',
    reportDoneTitle: 'Question signalée',
    reportDone:
      'Merci\u00a0: les modérateurs l’ont reçue. Vous n’avez pas à répondre. Pour ne plus rien recevoir de cet expéditeur, utilisez «\u00a0Bloquer cet expéditeur\u00a0» dans l’e-mail.',
    alreadyReported: 'Vous avez déjà signalé cette question\u00a0: les modérateurs l’ont reçue.',
    blockTitle: 'Bloquer cet expéditeur',
    blockIntro: (name: string) =>
      `${name} ne pourra plus envoyer de questions à personne sur ce site. Rien ne l’en informe\u00a0: ses questions n’arrivent simplement plus.`,
    blockButton: 'Bloquer cet expéditeur',
    blockDoneTitle: 'Expéditeur bloqué',
    blockDone: (name: string) => `${name} ne peut plus envoyer de questions à personne sur ce site. Les modérateurs peuvent lever le blocage en cas d’erreur.`,
  },
} satisfies Record<Lang, unknown>;

/** The form behind a safety link: the report asks for its reason, one click more. */
export function safetyPage(lang: string, brand: Brand, action: SafetyAction, fields: Record<string, string>, candidateName: string) {
  const t = texts[pageLang(lang)];
  if (action === 'block') {
    return contactPage(lang, { brand, title: t.blockTitle, message: t.blockIntro(candidateName), next: { label: t.blockButton, action: '/contact/block', fields } });
  }
  const choices = ReportReason.options.map((value) => ({ value, label: t.reasons[value] }));
  const input = { name: 'reason', type: 'radio' as const, legend: t.reportLegend, choices };
  return contactPage(lang, {
    brand,
    title: t.reportTitle,
    message: t.reportIntro(candidateName),
    next: { label: t.reportButton, action: '/contact/report', fields, input },
  });
}

export interface SafetyDeps {
  db: Db;
  /** The key of blocked senders' hashes. */
  key: string;
  publicUrl: string;
}

interface SignedQuestion {
  id: number;
  lang: string;
  brand: Brand;
  candidate_name: string;
}

/** Reports the question, or blocks its sender; each may be clicked twice, the page then says so. */
export async function performSafetyAction(deps: SafetyDeps, action: SafetyAction, request: SignedQuestion, reason: string, at: Date) {
  const t = texts[pageLang(request.lang)];
  const done = { brand: request.brand, tone: 'done' as const, next: toProfile(request.lang) };
  if (action === 'block') {
    const question = await deps.db.selectFrom('contact_requests').select(['id', 'site_id', 'candidate_email']).where('id', '=', request.id).executeTakeFirstOrThrow();
    await blockSenderOf(deps.db, deps.key, question, 'employee', at);
    return contactPage(request.lang, { ...done, title: t.blockDoneTitle, message: t.blockDone(request.candidate_name) });
  }
  const parsed = ReportReason.safeParse(reason);
  if (!parsed.success)
    return contactPage(request.lang, { ...done, tone: 'problem', title: contactText(request.lang).linkTitle, message: contactText(request.lang).badLink });
  const reported = await reportQuestion(deps, request.id, parsed.data, at);
  return contactPage(request.lang, { ...done, title: t.reportDoneTitle, message: reported === 'reported' ? t.reportDone : t.alreadyReported });
}
