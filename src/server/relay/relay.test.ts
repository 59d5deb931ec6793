import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { hashToken, newToken } from '../auth/tokens.js';
import { newRequestId } from '../contact/requests.js';
import { startServer, type RunningServer } from '../server.js';
import type { Db } from '../store/database.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { freePort } from '../../../tests/support/node/harness.js';
import { createPerson, recordConsent } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { header, startSmtpServer, type SmtpMail, type SmtpServerForTests } from '../../../tests/support/node/received-mail.js';
import { deliver, deliveryCode, newMessageId, replyMime } from '../../../tests/support/node/relay-mail.js';
import { overHttp, signIn } from '../../../tests/support/node/sign-in.js';
import { until } from '../../../tests/support/until.js';
import { relayAddresses, type Sender } from './addresses.js';
import { RELAY_OPEN_MS } from './inbound.js';
import { newTextOf } from './reply-text.js';

const DOMAIN = 'relay.hallway.test';
const MAIL_FROM = 'Hallway <hallway@hallway.test>';
const CANDIDATE = 'camille.candidate@mail.example';
const ANSWER = 'Hi Camille,\n\nThe night shifts are calm, and the team is lovely.\nÀ bientôt !';

let db: Db;
let drop: () => Promise<void>;
let sink: SmtpServerForTests;
let server: RunningServer;
let person: { id: number; email: string; display_name: string };
let siteId: number;

const config = (smtpUrl: string) => ({
  port: 0,
  host: '127.0.0.1',
  publicUrl: 'http://127.0.0.1:0',
  databaseUrl: 'memory://',
  smtpUrl,
  mailFrom: MAIL_FROM,
  relay: { port: 0, domain: DOMAIN },
});

before(async () => {
  ({ db, drop } = await openTestDatabase());
  sink = await startSmtpServer();
  server = await startServer(config(sink.url), { db });
  siteId = (await createSite(db, { slug: 'beaumont', name: 'Beaumont Hotels', allowedOrigins: ['https://careers.example'] })).id;
  const email = 'amelia.chen@beaumont.example';
  const { id } = await createPerson(db, { siteId, email, fullName: 'Amelia Chen', displayName: 'Amelia C.', jobTitle: 'Night manager' });
  const consent = { personId: id, textVersion: 'v1', source: 'me' as const };
  await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
  await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
  await db.updateTable('people').set({ weekly_cap: 10 }).where('id', '=', id).execute();
  person = { id, email, display_name: 'Amelia C.' };
});
after(async () => {
  await server.close();
  await sink.close();
  await drop();
});

/** A question forwarded to `person` (the columns set as the confirmation sets them), and its relay addresses. */
async function forwardedQuestion({ confirmedAt = new Date(), lang = 'en', status = 'confirmed' as const } = {}) {
  const publicId = newRequestId();
  const { id } = await db
    .insertInto('contact_requests')
    .values({
      public_id: publicId,
      site_id: siteId,
      person_id: person.id,
      candidate_name: 'Camille',
      candidate_email: CANDIDATE,
      message: 'What are the night shifts like?',
      lang,
      page_origin: 'https://careers.example',
      confirm_token_hash: hashToken(newToken()),
      confirm_expires_at: confirmedAt,
      status,
      confirmed_at: confirmedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const addresses = await relayAddresses(db, DOMAIN)();
  const address = (sender: Sender) => addresses.address(sender, publicId);
  return { id, publicId, employeeAddress: address('employee'), candidateAddress: address('candidate') };
}

const request = (id: number) => db.selectFrom('contact_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Sends what is due and answers the mails the sink received to `to` since `before`. */
async function mailsTo(to: string, count = 1): Promise<SmtpMail[]> {
  await until(async () => (await server.drainMail(), sink.received.filter((mail) => mail.envelopeTo.includes(to)).length >= count), { timeout: 10_000 });
  return sink.received.filter((mail) => mail.envelopeTo.includes(to));
}

const employeeReply = (to: string, text: string, extra: { html?: string; messageId?: string } = {}) => replyMime({ from: `Ana <${person.email}>`, to, text, ...extra });

test('a confirmed question is forwarded with the relay as its Reply-To: no address of the candidate in any header', async () => {
  const token = newToken();
  const publicId = newRequestId();
  await db
    .insertInto('contact_requests')
    .values({
      public_id: publicId,
      site_id: siteId,
      person_id: person.id,
      candidate_name: 'Dominique',
      candidate_email: 'dominique@mail.example',
      message: 'Is there a dress code?',
      lang: 'en',
      page_origin: 'https://careers.example',
      confirm_token_hash: hashToken(token),
      confirm_expires_at: new Date(Date.now() + 3600_000),
    })
    .execute();
  const confirmed = await fetch(`${server.url}/contact/confirm`, { method: 'POST', body: new URLSearchParams({ token }) });
  assert.equal(confirmed.status, 200);
  const [question] = await mailsTo(person.email);
  const replyTo = header(question!.headers, 'reply-to')!;
  assert.equal(replyTo, (await relayAddresses(db, DOMAIN)()).address('employee', publicId));
  assert.match(replyTo, /^reply\+[0-9a-z]+@relay\.hallway\.test$/);
  assert.ok(!question!.headers.some(([, value]) => value.includes('dominique@mail.example')), 'no header carries the candidate’s address');
  assert.match(question!.text, /your answer reaches them through the Beaumont/);
});

test('a reply over SMTP is recorded as the answer and forwarded to the candidate from the relay, with a thank-you link', async () => {
  const q = await forwardedQuestion();
  const quoted = `${ANSWER}\n\nOn Mon, 30 Nov 2026 at 09:12, Hallway <hallway@hallway.test> wrote:\n> Hello Ana,\n> What are the night shifts like?\n`;
  await deliver(server.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, quoted));

  const stored = await request(q.id);
  assert.equal(stored.status, 'answered');
  assert.equal(stored.answer_via, 'mail');
  assert.equal(stored.answer_text, ANSWER);
  assert.ok(stored.answered_at);

  const [forwarded] = await mailsTo(CANDIDATE);
  assert.equal(header(forwarded!.headers, 'from'), 'Amelia via Beaumont Hotels <hallway@hallway.test>');
  assert.equal(header(forwarded!.headers, 'reply-to'), q.candidateAddress);
  assert.ok(!forwarded!.raw.toLowerCase().includes(person.email.toLowerCase()), 'the employee’s address is nowhere in the forwarded mail');
  assert.ok(
    forwarded!.text.includes(
      ANSWER.split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    ),
    forwarded!.text,
  );
  assert.match(forwarded!.text, /Say thank you:\nhttp:\/\/127\.0\.0\.1:\d+\/contact\/thank\?request=/);
  sink.received.length = 0;
});

/** Replies as the clients write them: what the relay keeps of each. */
const CLIENTS: { client: string; text?: string; html?: string; kept: string }[] = [
  {
    client: 'Gmail, English (attribution wrapped over two lines)',
    text: 'Yes, twice a month.\n\nOn Mon, 30 Nov 2026 at 09:12, Hallway <\nhallway@hallway.test> wrote:\n\n> Hello Ana,\n> Do you work weekends?\n',
    kept: 'Yes, twice a month.',
  },
  {
    client: 'Gmail, French',
    text: 'Oui, deux fois par mois.\n\nLe lun. 30 nov. 2026 à 09:12, Hallway <hallway@hallway.test> a écrit :\n\n> Bonjour Ana,\n',
    kept: 'Oui, deux fois par mois.',
  },
  {
    client: 'Outlook, English (no quote marks)',
    text: 'Yes, twice a month.\r\n\r\n________________________________\r\nFrom: Hallway <hallway@hallway.test>\r\nSent: Monday, November 30, 2026 9:12 AM\r\nTo: Ana\r\nSubject: Beaumont: a question from Camille\r\n\r\nHello Ana,\r\n',
    kept: 'Yes, twice a month.',
  },
  {
    client: 'Outlook, French',
    text: 'Oui, deux fois par mois.\r\n\r\nDe\u00a0: Hallway <hallway@hallway.test>\r\nEnvoyé\u00a0: lundi 30 novembre 2026 09:12\r\nÀ\u00a0: Ana\r\nObjet\u00a0: Beaumont\u00a0: une question de Camille\r\n\r\nBonjour Ana,\r\n',
    kept: 'Oui, deux fois par mois.',
  },
  {
    client: 'Apple Mail, English, with a signature',
    text: 'Yes, twice a month.\n\n-- \nAna Lopez\nFront desk, Beaumont London\n\n> On 30 Nov 2026, at 09:12, Hallway <hallway@hallway.test> wrote:\n> \n> Hello Ana,\n',
    kept: 'Yes, twice a month.',
  },
  {
    client: 'Apple Mail, French',
    text: 'Oui, deux fois par mois.\nBonne journée\n\n> Le 30 nov. 2026 à 09:12, Hallway <hallway@hallway.test> a écrit :\n> \n> Bonjour Ana,\n',
    kept: 'Oui, deux fois par mois.\nBonne journée',
  },
  {
    client: 'HTML only (Gmail’s quote block), never kept as HTML',
    html: '<div dir="ltr">Yes, <b>twice</b> a month.<br>Ask me anything <script>alert(1)</script>else.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 30 Nov 2026 at 09:12, Hallway &lt;hallway@hallway.test&gt; wrote:<br></div><blockquote class="gmail_quote">Hello Ana,<br>Do you work weekends?</blockquote></div>',
    kept: 'Yes, twice a month.\nAsk me anything else.',
  },
];

for (const { client, text, html, kept } of CLIENTS) {
  test(`what is kept of a reply: ${client}`, async () => {
    const q = await forwardedQuestion();
    await deliver(
      server.relayPort!,
      q.employeeAddress,
      replyMime({ from: person.email, to: q.employeeAddress, ...(text !== undefined ? { text } : {}), ...(html ? { html } : {}) }),
    );
    const stored = await request(q.id);
    assert.equal(stored.answer_text, kept);
    assert.doesNotMatch(stored.answer_text!, /<|>|wrote|écrit|Hallway/);
  });
}

test('what is kept of a message with a text and an HTML part: the text part', async () => {
  const mail = await simpleParser(replyMime({ from: 'a@b.example', to: 'c@d.example', text: 'From the text part.', html: '<p>From the <i>HTML</i> part.</p>' }));
  assert.equal(newTextOf(mail), 'From the text part.');
});

test('refused at RCPT TO with a 550: a forged token, an unknown recipient, another domain, an expired or declined question', async () => {
  const q = await forwardedQuestion();
  const forged = q.employeeAddress.replace(/[0-9a-f](?=@)/, (digit) => (digit === '0' ? '1' : '0'));
  const expired = await forwardedQuestion({ confirmedAt: new Date(Date.now() - RELAY_OPEN_MS - 60_000) });
  const declined = await forwardedQuestion({ status: 'declined' as never });
  const early = await forwardedQuestion(); // the candidate's address opens only once the question is answered
  for (const to of [
    forged,
    `someone@${DOMAIN}`,
    `reply+${'0'.repeat(49)}@${DOMAIN}`,
    q.employeeAddress.replace(DOMAIN, 'elsewhere.example'),
    expired.employeeAddress,
    declined.employeeAddress,
    early.candidateAddress,
  ]) {
    assert.equal(await deliveryCode(server.relayPort!, to, employeeReply(to, 'Hello')), 550, to);
  }
  assert.equal((await request(q.id)).status, 'confirmed');
  assert.equal((await db.selectFrom('relay_messages').select('id').where('request_id', 'in', [q.id, expired.id, declined.id, early.id]).execute()).length, 0);
});

test('a reply without new text is refused, and one over the size limit too (552)', async () => {
  const q = await forwardedQuestion();
  assert.equal(await deliveryCode(server.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, '> only the quote\n')), 550);
  assert.equal(await deliveryCode(server.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, 'x'.repeat(1_100_000))), 552);
  assert.equal((await request(q.id)).status, 'confirmed');
});

test('a redelivered reply (same Message-ID) is recorded once and forwarded once', async () => {
  const q = await forwardedQuestion();
  const raw = employeeReply(q.employeeAddress, 'Delivered twice by a retrying server.', { messageId: newMessageId() });
  await deliver(server.relayPort!, q.employeeAddress, raw);
  await deliver(server.relayPort!, q.employeeAddress, raw);
  assert.equal((await db.selectFrom('relay_messages').select('id').where('request_id', '=', q.id).execute()).length, 1);
  await server.drainMail();
  await server.drainMail();
  assert.equal(sink.received.filter((mail) => mail.text.includes('Delivered twice')).length, 1);
});

test('later messages go both ways through the relay, each side seeing only relay addresses', async () => {
  const q = await forwardedQuestion();
  await deliver(server.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, 'The answer.'));
  const candidateWrites = replyMime({
    from: `Camille <${CANDIDATE}>`,
    to: q.candidateAddress,
    text: 'Thank you! One more: is there parking?\n\nOn Tue, Ana via Beaumont wrote:\n> The answer.',
  });
  await deliver(server.relayPort!, q.candidateAddress, candidateWrites);
  const [toEmployee] = (await mailsTo(person.email)).filter((mail) => mail.text.includes('is there parking?'));
  assert.ok(toEmployee);
  assert.equal(header(toEmployee.headers, 'reply-to'), q.employeeAddress);
  assert.ok(!toEmployee.raw.includes(CANDIDATE), 'the candidate’s address is not in the mail to the employee');
  assert.match(toEmployee.text, /Withdraw all my consents/);

  await deliver(server.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, 'Yes, free parking.'));
  const toCandidate = (await mailsTo(CANDIDATE, 2)).find((mail) => mail.text.includes('Yes, free parking.'));
  assert.ok(toCandidate);
  assert.equal(header(toCandidate.headers, 'reply-to'), q.candidateAddress);
  assert.ok(!toCandidate.raw.toLowerCase().includes(person.email.toLowerCase()));
  const stored = await request(q.id);
  assert.equal(stored.answer_text, 'The answer.', 'the first reply stays the answer');
  sink.received.length = 0;
});

test('a reply accepted (250) just before a restart is forwarded after it, once', async () => {
  const q = await forwardedQuestion();
  const deadSmtp = `smtp://127.0.0.1:${await freePort()}`;
  // A second server on the same database whose mails cannot leave: the restart happens between the 250 and the forward.
  const first = await startServer(config(deadSmtp), { db });
  await deliver(first.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, 'Accepted just before the restart.'));
  await first.close();
  assert.equal(sink.received.filter((mail) => mail.text.includes('just before the restart')).length, 0);
  await db.updateTable('outbox').set({ next_attempt_at: new Date() }).where('status', '=', 'pending').execute();
  const [forwarded] = (await mailsTo(CANDIDATE)).filter((mail) => mail.text.includes('just before the restart'));
  assert.ok(forwarded);
  await server.drainMail();
  assert.equal(sink.received.filter((mail) => mail.text.includes('just before the restart')).length, 1);
  sink.received.length = 0;
});

test('"Say thank you": the GET page changes nothing, the POST records it once, and the employee gets no mail', async () => {
  const q = await forwardedQuestion({ lang: 'fr' });
  await deliver(server.relayPort!, q.employeeAddress, employeeReply(q.employeeAddress, 'Merci pour votre question.'));
  const [forwarded] = await mailsTo(CANDIDATE);
  const link = new URL(/(http:\/\/\S+\/contact\/thank\?\S+)/.exec(forwarded!.text)![1]!);
  assert.match(forwarded!.text, /Dire merci/);
  const page = await fetch(link);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html lang="fr"[\s\S]*Dire merci/);
  assert.equal((await request(q.id)).thanked_at, null);

  const fields = new URLSearchParams({ request: link.searchParams.get('request')!, sig: link.searchParams.get('sig')! });
  const thanked = await fetch(`${server.url}/contact/thank`, { method: 'POST', body: fields });
  assert.match(await thanked.text(), /Merci envoyé/);
  const at = (await request(q.id)).thanked_at;
  assert.ok(at);
  const again = await fetch(`${server.url}/contact/thank`, { method: 'POST', body: fields });
  assert.match(await again.text(), /déjà remercié/);
  assert.deepEqual((await request(q.id)).thanked_at, at);

  fields.set('sig', 'forged');
  assert.equal((await fetch(`${server.url}/contact/thank`, { method: 'POST', body: fields })).status, 403);
  await server.drainMail();
  assert.equal(sink.received.filter((mail) => mail.envelopeTo.includes(person.email)).length, 0, 'no mail to the employee');
  sink.received.length = 0;
});

test('/me lists the open questions; an answer typed there is recorded and forwarded the same way', async () => {
  const open = await forwardedQuestion();
  const old = await forwardedQuestion({ confirmedAt: new Date(Date.now() - 15 * 24 * 3600_000) });
  const cookie = await signIn(overHttp(server.url), db, person.id);
  const headers = { cookie, Origin: server.url, 'Content-Type': 'application/json' };
  const list = await (await fetch(`${server.url}/v1/me/open-questions`, { headers })).json();
  const ids = list.items.map((item: { id: string }) => item.id);
  assert.ok(ids.includes(open.publicId));
  assert.ok(!ids.includes(old.publicId), 'past the open window');
  assert.ok(!JSON.stringify(list).includes(CANDIDATE), 'the candidate’s address is not shown');

  const answer = (id: string, text: string, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/me/open-questions/${id}/answer`, { method: 'POST', headers: { ...headers, ...extra }, body: JSON.stringify({ text }) });
  assert.equal((await answer(open.publicId, 'From another site', { Origin: 'https://evil.example' })).status, 403);
  assert.equal((await answer(open.publicId, '   ')).status, 400);
  const answered = await answer(open.publicId, 'Typed on my page.');
  assert.equal(answered.status, 200);
  assert.ok(!(await answered.json()).items.some((item: { id: string }) => item.id === open.publicId));
  const stored = await request(open.id);
  assert.equal(stored.answer_via, 'me');
  assert.equal(stored.answer_text, 'Typed on my page.');
  assert.equal((await answer(open.publicId, 'Twice')).status, 404);

  const [forwarded] = await mailsTo(CANDIDATE);
  assert.match(forwarded!.text, /Typed on my page\./);
  assert.equal(header(forwarded!.headers, 'reply-to'), open.candidateAddress);
  assert.ok(!forwarded!.raw.toLowerCase().includes(person.email.toLowerCase()));
  sink.received.length = 0;
});

test('"I answered" still works: no text, answer_via "link"', async () => {
  const q = await forwardedQuestion();
  const { contactKeys } = await import('../contact/links.js');
  const { contactLinks } = await contactKeys(db, server.url)();
  const link = new URL(contactLinks.action('answered', q.publicId));
  await fetch(`${server.url}/contact/answered`, { method: 'POST', body: new URLSearchParams([...link.searchParams]) });
  const stored = await request(q.id);
  assert.equal(stored.status, 'answered');
  assert.equal(stored.answer_via, 'link');
  assert.equal(stored.answer_text, null);
});

test('erasing their data removes the employee’s answers and relayed messages', async () => {
  const email = 'erased.soon@beaumont.example';
  const { id } = await createPerson(db, { siteId, email, fullName: 'Erin Soon', displayName: 'Erin S.', jobTitle: 'Concierge' });
  const publicId = newRequestId();
  const { id: requestId } = await db
    .insertInto('contact_requests')
    .values({
      public_id: publicId,
      site_id: siteId,
      person_id: id,
      candidate_name: 'Camille',
      candidate_email: CANDIDATE,
      message: 'A question?',
      lang: 'en',
      page_origin: 'https://careers.example',
      confirm_token_hash: hashToken(newToken()),
      confirm_expires_at: new Date(),
      status: 'confirmed',
      confirmed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const address = (await relayAddresses(db, DOMAIN)()).address('employee', publicId);
  await deliver(server.relayPort!, address, replyMime({ from: email, to: address, text: 'My own words.' }));
  assert.equal((await request(requestId)).answer_text, 'My own words.');

  const cookie = await signIn(overHttp(server.url), db, id);
  assert.equal((await fetch(`${server.url}/v1/me`, { method: 'DELETE', headers: { cookie, Origin: server.url } })).status, 204);
  assert.equal((await request(requestId)).answer_text, null);
  assert.equal((await db.selectFrom('relay_messages').select('id').where('request_id', '=', requestId).execute()).length, 0);
  await server.drainMail();
  sink.received.length = 0;
});
