/**
 * Signing in by e-mail link (mounted at `/v1/auth`): `POST /v1/auth/sign-in` answers at once, the same whether or not the
 * address is known, and mails each matching person a single-use link once the answer is out.
 */
import { ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { EMAIL_MAX } from '../../sdk/admin-schemas.js';
import { formLimit, readBody } from '../body.js';
import { enqueueMail } from '../mail/index.js';
import { MINUTE, clientIp, countAttempt, keyed, rateLimited, type RateLimit } from '../rate-limit.js';
import type { Db } from '../store/database.js';
import { deriveKey, derivedKeys, type Links } from './links.js';
import { issueToken } from './tokens.js';

/**
 * Sign-in links asked for per client address (one mail a minute per person is enforced apart), so
 * that one client cannot mail a whole staff list; generous, as an office's staff share one address.
 */
export const DEFAULT_SIGN_IN_LIMITS: RateLimit[] = [
  { max: 20, windowMs: 10 * MINUTE },
  { max: 200, windowMs: 24 * 60 * MINUTE },
];

const SignInRequest = z.object({
  email: z.string().check(
    z.trim(),
    z.maxLength(EMAIL_MAX),
    z.refine((email) => !email.includes('\0')),
  ),
});

export interface SignInDeps {
  db: Db;
  links: Links;
  /** Sign-in link requests allowed per client address. */
  limits?: RateLimit[];
  /** The proxies in front of the server (TRUST_PROXY=N; `true` is one): see `clientIp`. */
  trustProxy?: boolean | number;
}

export function signInRoutes({ db, links, limits = DEFAULT_SIGN_IN_LIMITS, trustProxy = false }: SignInDeps) {
  const app = new Hono();
  const rateLimitKey = derivedKeys(db, (secret) => deriveKey(secret, 'sign-in-rate-limit'));

  // The same answer whether or not the address is known, and as soon: it tells nobody who works where.
  app.post('/sign-in', formLimit, async (c) => {
    const body = await readBody(c, SignInRequest, { message: 'Send { "email": "…" }.', field: 'email' });
    if (body instanceof Response) return body;
    const address = keyed(await rateLimitKey(), clientIp(c, trustProxy));
    const wait = await countAttempt(db, 'sign-in-ip', address, limits, new Date());
    if (wait) return rateLimited(c, wait, 'Too many sign-in links asked for from this network');
    afterAnswer(c, () => sendSignInLinks(db, links, body.email.toLowerCase()));
    return c.json({ status: 'sent_if_known' }, 202);
  });
  return app;
}

/**
 * Sign-in links being made after their request was answered: a known address's token and mail take
 * milliseconds that an unknown one's do not, and the answer must not wait for them.
 */
const makingLinks = new Set<Promise<void>>();
const AFTER_ANSWER_MS = 10;

/**
 * Runs `work` once the answer is out: after node's response finished (a request made in-process has
 * none), and a few milliseconds more, so that the work competes for the CPU neither with the last of
 * the writing (PGlite's queries hold the event loop) nor with whoever reads the answer on this
 * machine (a reverse proxy, say).
 */
export function afterAnswer(c: Context, work: () => Promise<void>) {
  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  const sent = outgoing instanceof ServerResponse ? new Promise((resolve) => outgoing.once('finish', resolve).once('close', resolve)) : Promise.resolve();
  const tracked = sent
    .then(() => new Promise((resolve) => setTimeout(resolve, AFTER_ANSWER_MS)))
    .then(work)
    .catch((error: unknown) => console.error(`sign-in link not sent: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => makingLinks.delete(tracked));
  makingLinks.add(tracked);
}

/** Resolves once the sign-in links asked for so far are in the outbox (for `drainMail`, `close` and tests). */
export async function signInLinksMade(): Promise<void> {
  await Promise.all(makingLinks);
}

/** At most one sign-in link a minute per person, so the form cannot be used to flood an inbox. */
const SIGN_IN_INTERVAL_MS = 60_000;

async function sendSignInLinks(db: Db, links: Links, email: string) {
  const recently = new Date(Date.now() - SIGN_IN_INTERVAL_MS);
  const people = await db
    .selectFrom('people as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['p.id', 'p.public_id', 'p.email', 'p.display_name', 'p.locale', 's.name as site_name', 's.default_lang', 's.accent_color'])
    .where('p.email', '=', email)
    .where('p.erased_at', 'is', null)
    // A site whose company sign-in replaces the e-mail link (issue 17) gets no link mailed.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('site_oidc as o').select('o.site_id').whereRef('o.site_id', '=', 'p.site_id').where('o.email_sign_in', '=', false))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('tokens as t').select('t.id').whereRef('t.person_id', '=', 'p.id').where('t.purpose', '=', 'sign_in').where('t.created_at', '>', recently))),
    )
    .execute();
  for (const person of people) {
    await db.transaction().execute(async (trx) => {
      // Requests racing each other take turns on the person's row: only the first finds no recent link.
      await trx.selectFrom('people').select('id').where('id', '=', person.id).forUpdate().execute();
      const recent = await trx
        .selectFrom('tokens')
        .select('id')
        .where('person_id', '=', person.id)
        .where('purpose', '=', 'sign_in')
        .where('created_at', '>', recently)
        .executeTakeFirst();
      if (recent) return;
      const token = await issueToken(trx, person.id, 'sign_in');
      await enqueueMail(trx, {
        to: person.email,
        template: 'sign_in',
        locale: person.locale ?? person.default_lang,
        data: { siteName: person.site_name, accentColor: person.accent_color, link: links.signIn(token), withdrawUrl: links.withdraw(person.public_id, person.email) },
      });
    });
  }
}
