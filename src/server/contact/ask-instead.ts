/**
 * "Ask <name> instead": the one-click offer in the candidate's second-chance note (follow-ups.ts). The
 * link is signed for one question and one person; opening it changes nothing (a mail scanner may fetch
 * it); the candidate's click (a POST) sends their question, as written, to that person, once, if they
 * can still take it. The candidate's address was proven by the first confirmation, so the new question
 * goes straight to the employee.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { analyticsCounter } from '../analytics/counter.js';
import { deriveKey, derivedKeys, type Links } from '../auth/links.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { formLimit, parseForm } from '../body.js';
import { PAGE_HEADERS, preferredLang, siteBrand, type Brand, type Lang } from '../html.js';
import type { Db } from '../store/database.js';
import { contactKeys } from './links.js';
import { contactPage, formPage, pageLang, toCareers } from './pages.js';
import { forwardToEmployee, newRequestId, QUESTION_OPEN_MS, reachPerson } from './requests.js';

const PATH = '/ask-instead';

export class AskInsteadLinks {
  constructor(
    readonly publicUrl: string,
    private readonly key: string,
  ) {}

  link(requestId: string, personId: string) {
    const query = new URLSearchParams({ request: requestId, person: personId, sig: this.sign(requestId, personId) });
    return `${this.publicUrl}/contact${PATH}?${query}`;
  }

  verify(requestId: string, personId: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(requestId, personId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(requestId: string, personId: string) {
    return createHmac('sha256', this.key).update(`ask-instead:${requestId}:${personId}`).digest('base64url');
  }
}

export const askInsteadKeys = (db: Db, publicUrl: string) => derivedKeys(db, (secret) => new AskInsteadLinks(publicUrl, deriveKey(secret, 'contact-ask-instead')));

const texts = {
  en: {
    title: (name: string) => `Ask ${name} instead?`,
    intro: (name: string) => `Your question goes to ${name} as you wrote it, with your name and e-mail address, and ${name} answers you by e-mail if they can.`,
    button: (name: string) => `Send my question to ${name}`,
    sentTitle: 'Your question is on its way',
    sent: (name: string) => `${name} has received your question. People answer in their own time: thank you for your patience.`,
    alreadyTitle: 'Your question was already sent',
    already: 'You already sent this question again: there is nothing more to do.',
    unavailableTitle: 'Not available any more',
    unavailable: (name: string) => `${name} cannot take questions at the moment. Others on the careers site may be glad to help.`,
    badTitle: 'This link cannot be used',
    bad: 'This link is not valid, or has expired with the question. Please use the link from the e-mail as it is.',
  },
  fr: {
    title: (name: string) => `Demander plutôt à ${name}\u00a0?`,
    intro: (name: string) =>
      `Votre question est transmise à ${name} telle que vous l’avez écrite, avec votre nom et votre adresse e-mail, et ${name} vous répondra par e-mail si possible.`,
    button: (name: string) => `Envoyer ma question à ${name}`,
    sentTitle: 'Votre question est partie',
    sent: (name: string) => `${name} a bien reçu votre question. Chacun répond à son rythme\u00a0: merci de votre patience.`,
    alreadyTitle: 'Votre question a déjà été envoyée',
    already: 'Vous avez déjà renvoyé cette question\u00a0: vous n’avez rien d’autre à faire.',
    unavailableTitle: 'Plus disponible',
    unavailable: (name: string) => `${name} ne peut pas répondre aux questions en ce moment. D’autres personnes sur le site carrières pourront sans doute vous aider.`,
    badTitle: 'Ce lien ne peut pas être utilisé',
    bad: 'Ce lien n’est pas valide, ou a expiré avec la question. Utilisez le lien de l’e-mail tel quel.',
  },
} satisfies Record<Lang, Record<string, string | ((name: string) => string)>>;

interface Fields {
  request: string;
  person: string;
  sig: string;
}

/** The pages behind the offer's link, mounted at `/contact`. */
export function askInsteadRoutes({ db, links, now = () => new Date() }: { db: Db; links: Links; now?: () => Date }) {
  const pages = new Hono();
  const keys = askInsteadKeys(db, links.publicUrl);
  const show = (c: Context, body: string, status: 200 | 403 | 409 | 410 = 200) => c.html(body, status, PAGE_HEADERS);

  pages.get(PATH, async (c) => {
    const fields = { request: c.req.query('request') ?? '', person: c.req.query('person') ?? '', sig: c.req.query('sig') ?? '' };
    const offer = await signedOffer(c, fields);
    if (offer instanceof Response) return offer;
    const t = texts[offer.lang];
    if (offer.request.asked_instead_at) return show(c, contactPage(offer.lang, { brand: offer.brand, tone: 'done', title: t.alreadyTitle, message: t.already }));
    const name = offer.other.displayName;
    return show(c, formPage(offer.lang, offer.brand, `/contact${PATH}`, fields, { title: t.title(name), intro: t.intro(name), button: t.button(name) }));
  });

  pages.post(PATH, formLimit, async (c) => {
    const form = await parseForm(c);
    const offer = await signedOffer(c, { request: String(form.request ?? ''), person: String(form.person ?? ''), sig: String(form.sig ?? '') });
    if (offer instanceof Response) return offer;
    const t = texts[offer.lang];
    const name = offer.other.displayName;
    const outcome = await askInstead(db, links, offer.request.id, offer.other.id, now());
    const page =
      outcome === 'sent'
        ? { tone: 'done' as const, title: t.sentTitle, message: t.sent(name) }
        : outcome === 'already'
          ? { tone: 'done' as const, title: t.alreadyTitle, message: t.already }
          : { tone: 'problem' as const, title: t.unavailableTitle, message: t.unavailable(name) };
    return show(c, contactPage(offer.lang, { brand: offer.brand, ...page, next: toCareers(offer.lang, offer.brand) }));
  });

  /** The question and the person a signed, unexpired offer is about, or the page saying why not. */
  async function signedOffer(c: Context, fields: Fields) {
    const bad = (lang: Lang, brand?: Brand, status: 403 | 410 = 403) =>
      show(c, contactPage(lang, { brand, tone: 'problem', title: texts[lang].badTitle, message: texts[lang].bad, next: toCareers(lang, brand) }), status);
    const browserLang = preferredLang(c.req.header('Accept-Language'));
    if (!(await keys()).verify(fields.request, fields.person, fields.sig)) return bad(browserLang);
    const request = await db
      .selectFrom('contact_requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select([
        'r.id',
        'r.lang',
        'r.page_origin',
        'r.second_chance_at',
        'r.asked_instead_at',
        's.id as site_id',
        's.slug',
        's.name as site_name',
        's.accent_color',
        's.careers_url',
      ])
      .where('r.public_id', '=', fields.request)
      .executeTakeFirst();
    if (!request?.second_chance_at) return bad(browserLang, undefined, 410);
    const lang = pageLang(request.lang);
    const brand = siteBrand(request, request.page_origin);
    if (now().getTime() - request.second_chance_at.getTime() >= QUESTION_OPEN_MS) return bad(lang, brand, 410);
    const other = await db
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('public_id', '=', fields.person)
      .where('site_id', '=', request.site_id)
      .executeTakeFirst();
    if (!other) return bad(lang, brand, 410);
    return { request, lang, brand, other: { id: fields.person, displayName: other.display_name } };
  }

  return pages;
}

/**
 * Sends the question again, to `personId`, once: the original row is locked and marked in the same
 * transaction as the new question and its mail, and only if the person may be reached now.
 */
export async function askInstead(db: Db, links: Links, requestId: number, personId: string, now: Date): Promise<'sent' | 'already' | 'unavailable'> {
  const { contactLinks } = await contactKeys(db, links.publicUrl)();
  let counted: { siteId: number; job: string | null } | undefined;
  const outcome = await db.transaction().execute(async (trx) => {
    const original = await trx.selectFrom('contact_requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    if (original.asked_instead_at) return 'already';
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', original.site_id).executeTakeFirstOrThrow();
    await trx.selectFrom('people').select('id').where('public_id', '=', personId).forUpdate().execute();
    const reach = await reachPerson(trx, site, personId, links.publicUrl, now);
    if (!reach.ok) return 'unavailable';
    const question = {
      public_id: newRequestId(),
      site_id: site.id,
      person_id: reach.person.id,
      candidate_name: original.candidate_name,
      candidate_email: original.candidate_email,
      message: original.message,
      job: original.job,
      lang: original.lang,
      page_origin: original.page_origin,
      status: 'confirmed' as const,
      confirm_token_hash: hashToken(newToken()),
      confirm_expires_at: now,
      created_at: now,
      confirmed_at: now,
    };
    await trx.insertInto('contact_requests').values(question).execute();
    await trx.updateTable('contact_requests').set({ asked_instead_at: now }).where('id', '=', original.id).execute();
    await forwardToEmployee(trx, { links, contactLinks }, site, reach.person, question);
    counted = { siteId: site.id, job: original.job };
    return 'sent';
  });
  if (counted) analyticsCounter(db).count(counted.siteId, counted.job, 'confirmed', now);
  return outcome;
}
