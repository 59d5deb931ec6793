import { analyticsCounter } from '../analytics/counter.js';
import type { Links } from '../auth/links.js';
import { enqueueMail } from '../mail/index.js';
import { SENDER_NAME_HEADER } from '../mail/worker.js';
import type { RelayAddresses, Sender } from '../relay/addresses.js';
import type { ThankLinks } from '../relay/thanks.js';
import type { Db } from '../store/database.js';
import type { ContactRequestStatus } from '../store/schema.js';

/** What forwarding an answer needs: the thank-you link, and the relay's addresses when replies are relayed. */
export interface RelayKit {
  links: Links;
  thanks: ThankLinks;
  /** Unset without `RELAY_DOMAIN`: the candidate then cannot reply to the forwarded answer. */
  addresses?: RelayAddresses | undefined;
}

/** The request with what a relayed mail says of its site and people. */
async function conversation(db: Db, requestId: number) {
  return db
    .selectFrom('contact_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select([
      'r.public_id',
      'r.candidate_name',
      'r.candidate_email',
      'r.message',
      'r.lang',
      'p.public_id as person_public_id',
      'p.email as person_email',
      'p.display_name',
      'p.full_name',
      'p.locale',
      's.name as site_name',
      's.default_lang',
      's.accent_color',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirstOrThrow();
}

type Conversation = Awaited<ReturnType<typeof conversation>>;

/** `Ana via Beaumont`: the candidate knows the employee by their first name, never their address. */
const employeeVia = (c: Conversation) => `${c.display_name.split(/\s+/)[0]} via ${c.site_name}`;

/**
 * Records the employee's answer to a forwarded (confirmed) question and forwards it to the candidate,
 * from the relay, in one transaction (the caller's, if `db` is one): the answer is kept if and only if
 * its mail will be sent. Resolves with the status before, `confirmed` meaning this call recorded it; an
 * answered or declined question changes nothing.
 */
export async function recordAnswer(db: Db, requestId: number, text: string, via: 'mail' | 'me', now: Date, kit: RelayKit): Promise<ContactRequestStatus> {
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAnswer(trx, requestId, text, via, now, kit));
  const answered = await db
    .updateTable('contact_requests')
    .set({ status: 'answered', answered_at: now, answer_text: text, answer_via: via })
    .where('id', '=', requestId)
    .where('status', '=', 'confirmed')
    .returning(['site_id', 'job', 'confirmed_at'])
    .executeTakeFirst();
  if (!answered) {
    const current = await db.selectFrom('contact_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow();
    return current.status;
  }
  const c = await conversation(db, requestId);
  await enqueueMail(db, {
    to: c.candidate_email,
    template: 'relay_answer',
    locale: c.lang,
    headers: relayHeaders(employeeVia(c), kit.addresses?.address('candidate', c.public_id)),
    data: {
      siteName: c.site_name,
      accentColor: c.accent_color,
      candidateName: c.candidate_name,
      displayName: c.display_name,
      question: c.message,
      answer: text,
      thankUrl: kit.thanks.url(c.public_id),
      replyRelayed: Boolean(kit.addresses),
    },
  });
  analyticsCounter(db).countAnswer(answered.site_id, answered.job, answered.confirmed_at, now);
  return 'confirmed';
}

/** A later message on an answered question, relayed to the other side; its Reply-To is that side's relay address. */
export async function relayMessage(db: Db, requestId: number, sender: Sender, text: string, kit: Required<RelayKit>) {
  const c = await conversation(db, requestId);
  if (sender === 'candidate') {
    await enqueueMail(db, {
      to: c.person_email,
      template: 'relay_message',
      locale: c.locale ?? c.default_lang,
      headers: relayHeaders(`${c.candidate_name} via ${c.site_name}`, kit.addresses.address('employee', c.public_id)),
      data: {
        siteName: c.site_name,
        accentColor: c.accent_color,
        name: c.full_name,
        senderName: c.candidate_name,
        text,
        withdrawUrl: kit.links.withdraw(c.person_public_id, c.person_email),
      },
    });
  } else {
    await enqueueMail(db, {
      to: c.candidate_email,
      template: 'relay_message',
      locale: c.lang,
      headers: relayHeaders(employeeVia(c), kit.addresses.address('candidate', c.public_id)),
      data: { siteName: c.site_name, accentColor: c.accent_color, name: c.candidate_name, senderName: c.display_name, text },
    });
  }
}

function relayHeaders(senderName: string, replyTo: string | undefined): Record<string, string> {
  return { [SENDER_NAME_HEADER]: senderName, ...(replyTo ? { 'Reply-To': replyTo } : {}) };
}
