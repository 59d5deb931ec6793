import { Hono, type Context } from 'hono';
import { PublishDraft } from '../../sdk/answer-schemas.js';
import { need, type ActorEnv } from '../admin/access.js';
import { recordAudit } from '../admin/audit.js';
import { loadSite, type Env as AdminEnv } from '../admin/routes.js';
import { requireSession, type SessionEnv } from '../auth/sessions.js';
import { formLimit, limitBody, parseForm, readBody } from '../body.js';
import { contactPage, contactText, formPage, pageLang } from '../contact/pages.js';
import { apiError } from '../errors.js';
import { PAGE_HEADERS, preferredLang, siteBrand } from '../html.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import { CANDIDATE_DECISIONS, type AnswerLinks, type CandidateDecision } from './links.js';
import { decideAsCandidate, findForCandidate, listAnswersForModeration, listMyAnswers, moderateAnswer, publishAnswer, withdrawAnswer } from './published.js';

const BODY_MAX_BYTES = 16 * 1024;

/** `/v1/me/answers…`: the employee's answered questions, publishing one, withdrawing it. Mount at `/v1/me`. */
export function myAnswerRoutes({ db, links }: { db: Db; links: AnswerLinks }) {
  const app = new Hono<SessionEnv>();
  app.use('/answers/*', requireSession(db, new URL(links.publicUrl).origin));
  app.use('/answers', requireSession(db, new URL(links.publicUrl).origin));
  const mine = async (c: Context<SessionEnv>) => c.json({ items: await listMyAnswers(db, c.var.personId) });

  app.get('/answers', mine);
  app.post('/answers/:request/publish', limitBody(BODY_MAX_BYTES), async (c) => {
    const body = await readBody(c, PublishDraft);
    if (body instanceof Response) return body;
    const request = c.req.param('request');
    const outcome = hasNul(request) ? 'not_found' : await publishAnswer(db, links, c.var.personId, request, body);
    if (outcome === 'not_found') return apiError(c, 404, 'not_found', 'You have no answered question with this id.');
    if (outcome === 'already') return apiError(c, 409, 'conflict', 'This answer is already proposed for publication.');
    if (outcome === 'declined') return apiError(c, 409, 'conflict', 'The candidate did not agree to publish this question.');
    return mine(c);
  });
  app.post('/answers/published/:id/withdraw', async (c) => {
    const id = c.req.param('id');
    if (hasNul(id) || !(await withdrawAnswer(db, c.var.personId, id))) return apiError(c, 404, 'not_found', 'You have no published answer with this id.');
    return mine(c);
  });
  return app;
}

const texts = {
  en: {
    agreeTitle: 'Publish your question and the answer?',
    agreeIntro: (name: string) =>
      `${name} would like to publish your question and their answer on the careers site, with you shown as "a candidate": never your name nor your address.`,
    agreeButton: 'I agree',
    agreedTitle: 'Thank you',
    agreed:
      'You agreed. Once a moderator has reviewed it, other candidates can read your question and the answer. The "No thanks" link of the e-mail still takes it back.',
    declineTitle: 'Keep your question private?',
    declineIntro: (name: string) => `Your question and ${name}'s answer will not be published. Nobody is told why.`,
    declineButton: 'No thanks',
    declinedTitle: 'Your question stays private',
    declined: 'Nothing is published. Thank you for letting us know.',
  },
  fr: {
    agreeTitle: 'Publier votre question et la réponse\u00a0?',
    agreeIntro: (name: string) =>
      `${name} aimerait publier votre question et sa réponse sur le site carrières, où vous apparaîtriez comme «\u00a0un candidat\u00a0»\u00a0: jamais votre nom ni votre adresse.`,
    agreeButton: 'J’accepte',
    agreedTitle: 'Merci',
    agreed:
      'C’est noté. Une fois relues par un modérateur, votre question et la réponse pourront aider d’autres candidats. Le lien «\u00a0Non merci\u00a0» de l’e-mail permet toujours de revenir sur votre accord.',
    declineTitle: 'Garder votre question privée\u00a0?',
    declineIntro: (name: string) => `Votre question et la réponse de ${name} ne seront pas publiées. Personne n’a à savoir pourquoi.`,
    declineButton: 'Non merci',
    declinedTitle: 'Votre question reste privée',
    declined: 'Rien n’est publié. Merci de nous l’avoir dit.',
  },
};

/** `/answers/agree` and `/answers/decline`: the candidate's signed links. A GET shows a button; only the POST decides. */
export function candidateAnswerPages({ db, links }: { db: Db; links: AnswerLinks }) {
  const pages = new Hono();
  const show = (c: Context, body: string, status: 200 | 403 | 410 = 200) => c.html(body, status, PAGE_HEADERS);

  async function signed(c: Context, decision: CandidateDecision, fields: { answer: string; sig: string }) {
    const browserLang = preferredLang(c.req.header('Accept-Language'));
    const problem = (lang: string, message: string) => contactPage(lang, { tone: 'problem', title: contactText(lang).linkTitle, message });
    if (!(await links.verify(decision, fields.answer, fields.sig))) return show(c, problem(browserLang, contactText(browserLang).badLink), 403);
    const found = await findForCandidate(db, fields.answer);
    if (!found) return show(c, problem(browserLang, contactText(browserLang).gone), 410);
    return { ...found, lang: pageLang(found.lang), brand: siteBrand(found, found.allowed_origins[0]) };
  }

  for (const decision of CANDIDATE_DECISIONS) {
    pages.get(`/${decision}`, async (c) => {
      const fields = { answer: c.req.query('answer') ?? '', sig: c.req.query('sig') ?? '' };
      const found = await signed(c, decision, fields);
      if (found instanceof Response) return found;
      const t = texts[found.lang];
      const copy =
        decision === 'agree'
          ? { title: t.agreeTitle, intro: t.agreeIntro(found.display_name), button: t.agreeButton }
          : { title: t.declineTitle, intro: t.declineIntro(found.display_name), button: t.declineButton };
      return show(c, formPage(found.lang, found.brand, `/answers/${decision}`, fields, copy));
    });
    pages.post(`/${decision}`, formLimit, async (c) => {
      const form = await parseForm(c);
      const found = await signed(c, decision, { answer: String(form.answer ?? ''), sig: String(form.sig ?? '') });
      if (found instanceof Response) return found;
      await decideAsCandidate(db, found.id, decision === 'agree' ? 'agreed' : 'declined');
      const t = texts[found.lang];
      const [title, message] = decision === 'agree' ? [t.agreedTitle, t.agreed] : [t.declinedTitle, t.declined];
      return show(c, contactPage(found.lang, { brand: found.brand, tone: 'done', title, message }));
    });
  }
  return pages;
}

/** The workspace's moderation of published answers (scope `moderation`), each decision audited in its transaction. Mount in the admin API. */
export function answerAdminRoutes(db: Db) {
  const admin = new Hono<AdminEnv & ActorEnv>();
  const withSite = loadSite(db);
  admin.get('/sites/:site/answers', need('moderation'), withSite, async (c) => c.json({ items: await listAnswersForModeration(db, c.var.site.id) }));
  for (const [path, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    admin.post(`/sites/:site/answers/:id/${path}`, need('moderation'), withSite, async (c) => {
      const id = c.req.param('id');
      const answer = hasNul(id)
        ? undefined
        : await db.transaction().execute(async (trx) => {
            const moderated = await moderateAnswer(trx, c.var.site.id, id, decision);
            if (moderated) await recordAudit(trx, c.var.actor, { action: `answer.${path}`, site: c.var.site.slug, target: id });
            return moderated;
          });
      if (!answer) return apiError(c, 404, 'not_found', 'This site has no published answer with this id.');
      return c.json({ answer });
    });
  }
  return admin;
}
