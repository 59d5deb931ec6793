import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Hono } from 'hono';
import { contrast } from '../accent.js';
import type { Db } from '../store/database.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import {
  MAX_ATTEMPTS,
  claimDueMails,
  createTransport,
  devOutboxRoutes,
  enqueueMail,
  forgetMailsTo,
  mailLocale,
  markFailed,
  messageIdFor,
  renderMail,
  retryDelayMs,
  startMailWorker,
  type MailTemplate,
  type MailWorkerOptions,
} from './index.js';
import { header, startSmtpServer, type SmtpServerForTests } from '../../../tests/support/node/received-mail.js';
import { freePort } from '../../../tests/support/node/test-http.js';
import { until } from '../../../tests/support/until.js';

const FROM = 'Hallway <hallway@hallway.test>';
const LINK = 'https://hallway.example.com/me/link?token=abc123';
const WITHDRAW = 'https://hallway.example.com/me/withdraw?person=p_1&sig=xyz';
const invitation = (name = 'Ana') => ({ siteName: 'Acme Logistics', name, link: LINK, withdrawUrl: WITHDRAW });
const HOSTILE_NAMES = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

let db: Db;
let drop: () => Promise<void>;
let smtp: SmtpServerForTests;
const logs: string[] = [];
/** The workers' clock runs a second ahead of the database's, so a mail enqueued this millisecond is due. */
let clockOffsetMs = 1000;
const now = () => new Date(Date.now() + clockOffsetMs);

before(async () => {
  ({ db, drop } = await openTestDatabase());
  smtp = await startSmtpServer();
});
after(async () => {
  await smtp.close();
  await drop();
});
beforeEach(async () => {
  await db.deleteFrom('outbox').execute();
  smtp.received.length = 0;
  logs.length = 0;
  clockOffsetMs = 1000;
});

/** A worker that only polls when drained, so tests decide when mail goes out. */
function testWorker(smtpUrl: string, options: Partial<MailWorkerOptions> = {}) {
  const transport = createTransport(smtpUrl, undefined, options.connections);
  const worker = startMailWorker({ db, transport, from: FROM, intervalMs: 3_600_000, now, log: (line) => logs.push(line), ...options });
  return {
    drain: () => worker.drain(),
    async stop() {
      await worker.stop();
      transport.close();
    },
  };
}

const enqueueInvitation = (to: string, locale = 'en', executor: Db = db) => enqueueMail(executor, { to, template: 'invitation', locale, data: invitation() });

const outboxRow = (id: number) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('templates', () => {
  const cases: { template: MailTemplate; data: ReturnType<typeof invitation> }[] = [
    { template: 'invitation', data: invitation() },
    { template: 'alumni_invitation', data: invitation() },
    { template: 'sign_in', data: invitation() },
  ];

  test('every template in every language has the link, and ends with the one-click withdraw line', () => {
    for (const { template, data } of cases) {
      for (const [locale, withdraw] of [
        ['en', 'Withdraw all my consents'],
        ['fr', 'Retirer tous mes consentements'],
      ] as const) {
        const mail = renderMail(template, locale, data);
        const where = `${template}/${locale}`;
        assert.ok(mail.subject.includes('Acme Logistics'), where);
        assert.ok(mail.text.includes(`\n${LINK}\n`), where);
        const lastLine = mail.text.trimEnd().split('\n').at(-1)!;
        assert.ok(lastLine.startsWith(withdraw) && lastLine.endsWith(WITHDRAW), `${where}: ${lastLine}`);
        assert.ok(mail.html.includes(`href="${LINK.replace(/&/g, '&amp;')}"`), where);
        assert.match(mail.html, new RegExp(`<a href="${escapeRegExp(WITHDRAW.replace(/&/g, '&amp;'))}"[^>]*>${withdraw}</a>`), where);
        assert.doesNotMatch(mail.subject + mail.text + mail.html, /ambassad/i, where);
      }
    }
  });

  test('French and English say the same thing in their own words', () => {
    const en = renderMail('invitation', 'en', invitation());
    const fr = renderMail('invitation', 'fr', invitation());
    assert.notEqual(fr.subject, en.subject);
    assert.match(en.text, /^Hello Ana,/);
    assert.match(en.text, /nothing happens unless you choose to/);
    assert.match(fr.text, /^Bonjour Ana,/);
    assert.match(fr.text, /rien ne se passe sans votre accord/);
    assert.match(fr.subject, /Acme Logistics\u00a0: /, 'French puts a no-break space before a colon');
    assert.match(fr.html, /<html lang="fr">/);
    assert.match(renderMail('alumni_invitation', 'en', invitation()).text, /alumna or alumnus/);
    assert.match(renderMail('alumni_invitation', 'fr', invitation()).text, /ancienne ou ancien/);
  });

  test('the HTML escapes every data value; the plain text keeps it as written', () => {
    for (const name of HOSTILE_NAMES) {
      const mail = renderMail('invitation', 'en', { ...invitation(name), siteName: `${name} & Co` });
      assert.doesNotMatch(mail.html, /<script|<img/);
      assert.ok(mail.html.includes(`Hello ${name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')},`));
      assert.ok(mail.html.includes('&amp; Co'));
      assert.ok(mail.text.includes(`Hello ${name},`));
    }
  });

  test('links must be absolute http(s) URLs, and are escaped in attributes', () => {
    const mail = renderMail('sign_in', 'en', { siteName: 'Acme', link: "https://h.example/me/link?a=1&b='2'", withdrawUrl: WITHDRAW });
    assert.ok(mail.html.includes('href="https://h.example/me/link?a=1&amp;b=&#39;2&#39;"'));
    assert.throws(() => renderMail('sign_in', 'en', { siteName: 'Acme', link: 'https://h.example/"><script>', withdrawUrl: WITHDRAW }));
    assert.throws(() => renderMail('sign_in', 'en', { siteName: 'Acme', link: 'javascript:alert(1)', withdrawUrl: WITHDRAW }));
    assert.throws(() => renderMail('sign_in', 'en', { siteName: 'Acme', link: LINK, withdrawUrl: '/me/withdraw' }));
  });

  test('the button and the links take the site’s accent, with a label that reads on it; Hallway’s blue without one', () => {
    const button = (html: string) => html.match(/style="display:inline-block;[^"]*background:(#\w{6});color:(#\w{6})/)!.slice(1);
    assert.deepEqual(button(renderMail('invitation', 'en', invitation()).html), ['#1f5f99', '#ffffff']);
    assert.deepEqual(button(renderMail('invitation', 'fr', { ...invitation(), accentColor: '#8a2f3c' }).html), ['#8a2f3c', '#ffffff']);
    assert.deepEqual(button(renderMail('invitation', 'en', { ...invitation(), accentColor: '#ffe000' }).html), ['#ffe000', '#0d1117']);
    const links = {
      siteName: 'Acme',
      accentColor: '#ffe000',
      name: 'Ana',
      candidateName: 'Casey',
      message: 'Hi',
      job: null,
      answeredUrl: LINK,
      declineUrl: LINK,
      pauseUrl: LINK,
      withdrawUrl: WITHDRAW,
    };
    const linkColors = [...renderMail('contact_request', 'en', links).html.matchAll(/<li><a [^>]*style="color:(#\w{6})/g)].map((match) => match[1]!);
    assert.equal(linkColors.length, 3);
    for (const color of linkColors) assert.ok(contrast(color, '#f6f6f4') >= 4.5, `${color} on the mail's background`);
  });

  test('a stored language preference picks a supported mail language', () => {
    assert.equal(mailLocale('fr'), 'fr');
    assert.equal(mailLocale('fr-CA'), 'fr');
    assert.equal(mailLocale('de'), 'en');
    assert.equal(mailLocale(null), 'en');
  });
});

describe('outbox and worker over SMTP', () => {
  test('a queued mail is delivered exactly once, as text and HTML, with one-click unsubscribe headers', async () => {
    const worker = testWorker(smtp.url);
    const id = await enqueueInvitation('ana@acme.example');
    const frId = await enqueueMail(db, { to: 'bruno@acme.example', template: 'sign_in', locale: 'fr-FR', data: invitation() });
    assert.equal(await worker.drain(), 2);
    assert.equal(await worker.drain(), 0);
    await worker.stop();

    assert.equal(smtp.received.length, 2);
    const [ana, bruno] = smtp.received;
    const expected = renderMail('invitation', 'en', invitation());
    assert.deepEqual(ana!.envelopeTo, ['ana@acme.example']);
    assert.equal(header(ana!.headers, 'subject'), expected.subject);
    assert.equal(header(ana!.headers, 'from'), FROM);
    assert.equal(header(ana!.headers, 'to'), 'ana@acme.example');
    assert.equal(header(ana!.headers, 'list-unsubscribe'), `<${WITHDRAW}>`);
    assert.equal(header(ana!.headers, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const row = await outboxRow(id);
    assert.equal(header(ana!.headers, 'message-id'), messageIdFor({ id, createdAt: row.created_at }, FROM));
    assert.match(header(ana!.headers, 'message-id')!, /^<outbox-\d+\.[0-9a-z]+@hallway\.test>$/);
    assert.equal(ana!.text, expected.text);
    assert.ok(ana!.html.includes(`href="${LINK}"`));
    assert.equal(row.status, 'sent');
    assert.ok(row.sent_at);

    assert.equal(header(bruno!.headers, 'subject'), renderMail('sign_in', 'fr', invitation()).subject, 'accents survive the encoding');
    assert.ok(bruno!.text.includes('Retirer tous mes consentements'));
    assert.equal((await outboxRow(frId)).locale, 'fr');
  });

  test('while the SMTP server is down the mail waits, and it goes out once the server is back', async () => {
    const port = await freePort();
    const worker = testWorker(`smtp://127.0.0.1:${port}`);
    const id = await enqueueInvitation('cleo@acme.example');

    assert.equal(await worker.drain(), 0);
    const waiting = await outboxRow(id);
    assert.equal(waiting.status, 'pending');
    assert.ok(waiting.attempts >= 1);
    assert.ok(waiting.next_attempt_at > now(), 'the next attempt is later');
    assert.match(waiting.last_error ?? '', /ECONNREFUSED/);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, new RegExp(`mail ${id} not sent \\(attempt 1, next try in 2 s\\)`));

    const revived = await startSmtpServer(port);
    try {
      assert.equal(await worker.drain(), 0, 'not retried before its time');
      clockOffsetMs += 3_600_000;
      assert.equal(await worker.drain(), 1);
      assert.equal(await worker.drain(), 0);
      assert.deepEqual(
        revived.received.map((mail) => mail.envelopeTo),
        [['cleo@acme.example']],
      );
      const sent = await outboxRow(id);
      assert.equal(sent.status, 'sent');
      assert.equal(sent.attempts, 2);
      assert.equal(header(revived.received[0]!.headers, 'message-id'), messageIdFor({ id, createdAt: sent.created_at }, FROM));
    } finally {
      await worker.stop();
      await revived.close();
    }
  });

  test('two workers draining 30 mails at once, in batches of 10, deliver each exactly once', async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `person${i}@acme.example`);
    for (const to of addresses) await enqueueInvitation(to);
    const first = testWorker(smtp.url, { batchSize: 10 });
    const second = testWorker(smtp.url, { batchSize: 10 });

    const [a, b] = await Promise.all([first.drain(), second.drain()]);
    let total = a + b;
    for (let more = 1; more > 0; total += more) more = (await first.drain()) + (await second.drain());
    await Promise.all([first.stop(), second.stop()]);

    assert.ok(a > 0 && b > 0, `both workers sent mail (${a} and ${b})`);
    assert.equal(total, 30);
    const delivered = smtp.received.flatMap((mail) => mail.envelopeTo).sort();
    assert.deepEqual(delivered, [...addresses].sort());
    const statuses = await db.selectFrom('outbox').select('status').distinct().execute();
    assert.deepEqual(statuses, [{ status: 'sent' }]);
  });

  test('a batch goes out over a few pooled connections, each mail once', async () => {
    const addresses = Array.from({ length: 40 }, (_, i) => `pool${i}@acme.example`);
    for (const to of addresses) await enqueueInvitation(to);
    const connectionsBefore = smtp.connections;
    const worker = testWorker(smtp.url, { batchSize: 40, connections: 4 });
    assert.equal(await worker.drain(), 40, 'one poll sends the whole batch');
    assert.equal(await worker.drain(), 0);
    await worker.stop();
    assert.deepEqual(smtp.received.flatMap((mail) => mail.envelopeTo).sort(), [...addresses].sort());
    const opened = smtp.connections - connectionsBefore;
    assert.ok(opened >= 1 && opened <= 4, `${opened} SMTP connections for 40 mails`);
    const rows = await db.selectFrom('outbox').select(['status', 'attempts']).distinct().execute();
    assert.deepEqual(rows, [{ status: 'sent', attempts: 1 }]);
  });

  test('a failure in the middle of a batch: sent mails stay sent, the failed one waits, the untried ones are due at once', async () => {
    const addresses = Array.from({ length: 10 }, (_, i) => `batch${i}@acme.example`);
    const ids: number[] = [];
    for (const to of addresses) ids.push(await enqueueInvitation(to));
    smtp.refused.add('batch4@acme.example');
    const worker = testWorker(smtp.url, { batchSize: 10, connections: 1 });
    try {
      assert.equal(await worker.drain(), 4);
      assert.deepEqual(
        smtp.received.flatMap((mail) => mail.envelopeTo),
        addresses.slice(0, 4),
      );
      const refused = await outboxRow(ids[4]!);
      assert.equal(refused.status, 'pending');
      assert.equal(refused.attempts, 1);
      assert.match(refused.last_error ?? '', /busy, try again later/);
      assert.ok(refused.next_attempt_at > now(), 'retried later');
      for (const id of ids.slice(5)) {
        const untried = await outboxRow(id);
        assert.equal(untried.attempts, 0, 'an untried mail does not lose an attempt');
        assert.ok(untried.next_attempt_at <= now(), 'and is due again at once');
      }
      assert.match(logs.join('\n'), new RegExp(`mail ${ids[4]} not sent \\(attempt 1, next try in 2 s\\)`));

      assert.equal(await worker.drain(), 5, 'the next poll sends the untried ones');
      smtp.refused.clear();
      clockOffsetMs += 3_600_000;
      assert.equal(await worker.drain(), 1, 'and the refused one when it is due');
    } finally {
      await worker.stop();
    }
    const delivered = smtp.received.flatMap((mail) => mail.envelopeTo);
    assert.deepEqual([...delivered].sort(), [...addresses].sort(), 'each mail delivered exactly once');
    assert.equal((await outboxRow(ids[4]!)).attempts, 2);
  });

  test('with several connections, failures in a batch lose no mail and send none twice', async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `mixed${i}@acme.example`);
    for (const to of addresses) await enqueueInvitation(to);
    for (const i of [3, 11, 12, 27]) smtp.refused.add(`mixed${i}@acme.example`);
    const worker = testWorker(smtp.url, { batchSize: 30, connections: 4 });
    try {
      for (let round = 0; round < 20 && smtp.received.length < 30; round++) {
        while ((await worker.drain()) > 0);
        smtp.refused.clear();
        clockOffsetMs += 3_600_000;
      }
    } finally {
      await worker.stop();
    }
    const delivered = smtp.received.flatMap((mail) => mail.envelopeTo);
    assert.deepEqual([...delivered].sort(), [...addresses].sort());
    const statuses = await db.selectFrom('outbox').select('status').distinct().execute();
    assert.deepEqual(statuses, [{ status: 'sent' }]);
  });

  test('concurrent claims never return the same mail', async () => {
    for (let i = 0; i < 30; i++) await enqueueInvitation(`claim${i}@acme.example`);
    const [a, b] = await Promise.all([claimDueMails(db, 20, now()), claimDueMails(db, 20, now())]);
    const ids = [...a, ...b].map((mail) => mail.id);
    assert.equal(ids.length, 30);
    assert.equal(new Set(ids).size, 30);
    assert.deepEqual(await claimDueMails(db, 20, now()), [], 'claimed mails are leased');
  });

  test('a mail enqueued in a transaction that rolls back is never sent', async () => {
    await db.transaction().execute((trx) => enqueueInvitation('kept@acme.example', 'en', trx));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await enqueueInvitation('rolled-back@acme.example', 'en', trx);
        throw new Error('the change that caused the mail failed');
      }),
      /the change that caused the mail failed/,
    );
    const worker = testWorker(smtp.url);
    assert.equal(await worker.drain(), 1);
    await worker.stop();
    assert.deepEqual(
      smtp.received.map((mail) => mail.envelopeTo),
      [['kept@acme.example']],
    );
  });

  test('failures back off exponentially up to 15 minutes, and give up after the last attempt', async () => {
    assert.deepEqual([1, 2, 3, 10, 24].map(retryDelayMs), [2_000, 4_000, 8_000, 900_000, 900_000]);
    const id = await enqueueInvitation('dana@acme.example');
    const at = now();
    await markFailed(db, id, 'Greeting never received', MAX_ATTEMPTS - 1, at);
    assert.equal((await outboxRow(id)).status, 'pending');
    assert.equal((await outboxRow(id)).next_attempt_at.getTime(), at.getTime() + 900_000);
    await markFailed(db, id, 'Greeting never received', MAX_ATTEMPTS, at);
    assert.equal((await outboxRow(id)).status, 'failed');
    assert.deepEqual(await claimDueMails(db, 10, new Date(at.getTime() + 86_400_000)), []);
  });

  test('forgetMailsTo deletes every mail to the address, sent or not, whatever its case', async () => {
    await enqueueInvitation('Eve@Acme.example');
    await enqueueInvitation('eve@acme.example');
    await enqueueInvitation('fay@acme.example');
    const worker = testWorker(smtp.url);
    await worker.drain();
    await worker.stop();
    await enqueueInvitation('eve@acme.example');

    assert.equal(await forgetMailsTo(db, 'eve@acme.example'), 3);
    const left = await db.selectFrom('outbox').select('to_address').execute();
    assert.deepEqual(left, [{ to_address: 'fay@acme.example' }]);
  });

  test('the background worker sends on its own and stops cleanly', { timeout: 10_000 }, async () => {
    const worker = testWorker(smtp.url, { intervalMs: 5 });
    await enqueueInvitation('gus@acme.example');
    await until(() => smtp.received.length > 0, { what: 'the worker to send' });
    await worker.stop();
    assert.deepEqual(
      smtp.received.map((mail) => mail.envelopeTo),
      [['gus@acme.example']],
    );
    assert.deepEqual(logs, []);
  });

  test('a failing database or transport is logged on one line and never thrown', async () => {
    const broken = {
      updateTable() {
        throw new Error('connection terminated\nunexpectedly');
      },
    } as unknown as Db;
    const worker = startMailWorker({ db: broken, transport: createTransport(undefined, () => {}), from: FROM, log: (line) => logs.push(line) });
    assert.equal(await worker.drain(), 0);
    await worker.stop();
    assert.deepEqual(logs, ['mail worker: poll failed: connection terminated unexpectedly']);
  });

  test('without SMTP_URL the dev transport logs one line and succeeds', async () => {
    const lines: string[] = [];
    const transport = createTransport(undefined, (line) => lines.push(line));
    await transport.send({ from: FROM, to: 'hana@acme.example', subject: 'Hello', text: 'x', html: 'x', headers: {}, messageId: '<a@b>' });
    assert.deepEqual(lines, ['mail to hana@acme.example: Hello']);
  });
});

describe('dev outbox', () => {
  const app = () => new Hono().route('/dev', devOutboxRoutes(db));

  test('the JSON lists mails newest first with the links of their text', async () => {
    const older = await enqueueInvitation('ivy@acme.example', 'fr');
    const newer = await enqueueMail(db, { to: 'jo@acme.example', template: 'sign_in', locale: 'en', data: invitation() });
    const response = await app().request('/dev/outbox.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    assert.deepEqual(
      items.map((item) => item.id),
      [newer, older],
    );
    const [signIn] = items;
    assert.equal(signIn!.to, 'jo@acme.example');
    assert.equal(signIn!.template, 'sign_in');
    assert.equal(signIn!.locale, 'en');
    assert.equal(signIn!.status, 'pending');
    assert.equal(signIn!.subject, 'Your sign-in link for Acme Logistics');
    assert.ok(!Number.isNaN(Date.parse(signIn!.createdAt as string)));
    assert.deepEqual(signIn!.links, [LINK, WITHDRAW]);
    assert.match(signIn!.html as string, /<a href=/);
  });

  test('the HTML page escapes everything and links only the http(s) URLs of the text', async () => {
    await db
      .insertInto('outbox')
      .values({
        to_address: '"><script>alert(1)</script>@acme.example',
        template: 'sign_in',
        locale: 'en',
        subject: '<script>alert("subject")</script>',
        text_body: 'Go to https://ok.example/me?a=1&b=2. Not javascript:alert(1) nor https://evil.example/"><img src=x onerror=alert(1)>',
        html_body: '<script>alert("html")</script>',
      })
      .execute();
    const response = await app().request('/dev/outbox');
    const page = await response.text();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    assert.ok(page.includes('<meta name="robots" content="noindex">'));
    assert.match(page, /development outbox.*HALLWAY_DEV_OUTBOX is on/);
    assert.doesNotMatch(page, /<script|<img/);
    assert.ok(page.includes('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;'));
    const hrefs = [...page.matchAll(/<a href="([^"]*)" rel="noreferrer">/g)].map((match) => match[1]);
    assert.deepEqual(hrefs, ['https://ok.example/me?a=1&amp;b=2', 'https://evil.example/']);
  });

  test('with no mail the page says so', async () => {
    assert.match(await (await app().request('/dev/outbox')).text(), /No mail yet/);
  });
});

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
