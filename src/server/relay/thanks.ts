import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { deriveKey, derivedKeys, type Links } from '../auth/links.js';
import { formLimit, parseForm } from '../body.js';
import { PAGE_HEADERS, preferredLang, siteBrand, type Lang } from '../html.js';
import type { RelayKit } from '../contact/answers.js';
import { contactPage, formPage, pageLang, toCareers } from '../contact/pages.js';
import type { Db } from '../store/database.js';
import { relayAddresses } from './addresses.js';

/** The candidate's one-click "Say thank you", signed for one question (issue 18). */
export class ThankLinks {
  constructor(
    readonly publicUrl: string,
    private readonly key: string,
  ) {}

  url(requestId: string) {
    return `${this.publicUrl}/contact/thank?request=${encodeURIComponent(requestId)}&sig=${this.sign(requestId)}`;
  }

  verify(requestId: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(requestId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(requestId: string) {
    return createHmac('sha256', this.key).update(`thank:${requestId}`).digest('base64url');
  }
}

/** What forwarding an answer needs, its keys read once from the link secret. */
export function relayKit(db: Db, links: Links, relayDomain?: string): () => Promise<RelayKit> {
  const addresses = relayDomain ? relayAddresses(db, relayDomain) : undefined;
  const thanks = derivedKeys(db, (secret) => new ThankLinks(links.publicUrl, deriveKey(secret, 'contact-thank')));
  return async () => ({ links, thanks: await thanks(), addresses: await addresses?.() });
}

const texts = {
  en: {
    title: 'Say thank you',
    intro: (name: string) => `${name} will see your thanks on their own page. They get no e-mail about it, and nothing else is shared.`,
    button: 'Say thank you',
    doneTitle: 'Thank you sent',
    done: (name: string) => `${name} will see it. Thank you for taking the time.`,
    already: (name: string) => `You already thanked ${name} for this answer.`,
    problemTitle: 'This link cannot be used',
    badLink: 'This link is not valid. Please use the link from the e-mail as it is.',
    gone: 'This question is no longer kept: questions are deleted after a while.',
  },
  fr: {
    title: 'Dire merci',
    intro: (name: string) => `${name} verra votre remerciement sur sa page personnelle. Il ou elle ne reçoit aucun e-mail à ce sujet, et rien d’autre n’est transmis.`,
    button: 'Dire merci',
    doneTitle: 'Merci envoyé',
    done: (name: string) => `${name} le verra. Merci d’avoir pris le temps.`,
    already: (name: string) => `Vous avez déjà remercié ${name} pour cette réponse.`,
    problemTitle: 'Ce lien ne peut pas être utilisé',
    badLink: 'Ce lien n’est pas valide. Utilisez le lien de l’e-mail tel quel.',
    gone: 'Cette question n’est plus conservée\u00a0: les questions sont supprimées au bout d’un certain temps.',
  },
} satisfies Record<Lang, Record<string, string | ((name: string) => string)>>;

/** The question a thank-you link is about, as its page shows it. */
function findForCandidate(db: Db, requestId: string) {
  return db
    .selectFrom('contact_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select(['r.id', 'r.lang', 'r.status', 'r.thanked_at', 'r.page_origin', 'p.display_name', 's.name as site_name', 's.accent_color', 's.careers_url'])
    .where('r.public_id', '=', requestId)
    .executeTakeFirst();
}

/** Records the thanks once, on an answered question; resolves with whether this call recorded it. */
export async function recordThanks(db: Db, id: number, now: Date): Promise<boolean> {
  const thanked = await db
    .updateTable('contact_requests')
    .set({ thanked_at: now })
    .where('id', '=', id)
    .where('status', '=', 'answered')
    .where('thanked_at', 'is', null)
    .executeTakeFirst();
  return thanked.numUpdatedRows > 0n;
}

/**
 * `GET /contact/thank` shows a button, `POST` records the thanks (a mail scanner following the link
 * thanks nobody). The employee gets no mail: it shows in their own record on /me.
 */
export function thankRoutes({ db, links, now = () => new Date() }: { db: Db; links: Links; now?: () => Date }) {
  const kit = relayKit(db, links);
  const app = new Hono();
  const show = (c: Context, body: string, status: 200 | 403 | 410 = 200) => c.html(body, status, PAGE_HEADERS);

  async function signed(c: Context, fields: { request: string; sig: string }) {
    const lang = preferredLang(c.req.header('Accept-Language'));
    const problem = (message: string) => contactPage(lang, { tone: 'problem', title: texts[lang].problemTitle, message });
    if (!(await kit()).thanks.verify(fields.request, fields.sig)) return show(c, problem(texts[lang].badLink), 403);
    const found = await findForCandidate(db, fields.request);
    if (!found) return show(c, problem(texts[lang].gone), 410);
    return { ...found, brand: siteBrand(found, found.page_origin), t: texts[pageLang(found.lang)] };
  }

  app.get('/thank', async (c) => {
    const fields = { request: c.req.query('request') ?? '', sig: c.req.query('sig') ?? '' };
    const found = await signed(c, fields);
    if (found instanceof Response) return found;
    const { t, brand, lang, display_name } = found;
    if (found.thanked_at) return show(c, contactPage(lang, { brand, tone: 'done', title: t.doneTitle, message: t.already(display_name), next: toCareers(lang, brand) }));
    return show(c, formPage(lang, brand, '/contact/thank', fields, { title: t.title, intro: t.intro(display_name), button: t.button }));
  });
  app.post('/thank', formLimit, async (c) => {
    const form = await parseForm(c);
    const found = await signed(c, { request: String(form.request ?? ''), sig: String(form.sig ?? '') });
    if (found instanceof Response) return found;
    const { t, brand, lang, display_name } = found;
    const message = (await recordThanks(db, found.id, now())) ? t.done(display_name) : t.already(display_name);
    return show(c, contactPage(lang, { brand, tone: 'done', title: t.doneTitle, message, next: toCareers(lang, brand) }));
  });
  return app;
}
