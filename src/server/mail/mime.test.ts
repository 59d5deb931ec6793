import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { header, startSmtpServer, type SmtpMail, type SmtpServerForTests } from '../../../tests/support/node/received-mail.js';
import { renderMail, unsubscribeHeaders } from './templates.js';
import { createTransport, type OutgoingMessage } from './transport.js';

const WITHDRAW = 'https://hallway.test/me/withdraw?token=w';

describe('the mails as they reach an SMTP server', () => {
  let smtp: SmtpServerForTests;
  before(async () => (smtp = await startSmtpServer()));
  after(() => smtp.close());

  /** Sent through Hallway's transport, and the same message through nodemailer's sendMail (how it was sent before). */
  async function sendBothWays(message: OutgoingMessage): Promise<[ours: SmtpMail, nodemailers: SmtpMail]> {
    const ours = createTransport(smtp.url, undefined, 1);
    const reference = nodemailer.createTransport({ url: smtp.url });
    try {
      await ours.send(message);
      await reference.sendMail({ ...message, to: { name: '', address: message.to } });
    } finally {
      ours.close();
      reference.close();
    }
    return smtp.received.slice(-2) as [SmtpMail, SmtpMail];
  }

  const READ_HEADERS = ['from', 'to', 'subject', 'message-id', 'reply-to', 'list-unsubscribe', 'list-unsubscribe-post'];

  test('a French mail with a long subject and a Reply-To reads as nodemailer writes it: headers, text and HTML', async () => {
    const mail = renderMail('contact_request', 'fr', {
      siteName: 'Hôtels Élysée — Réception & Conciergerie, Paris 8ᵉ arrondissement',
      name: 'Anaïs',
      candidateName: 'Zoë Lefèvre-Ångström',
      job: 'Réceptionniste de nuit',
      message: 'Bonjour ! Une question très longue ' + 'sur les horaires, '.repeat(20) + 'merci 🙂\nÀ bientôt.',
      answeredUrl: 'https://hallway.test/contact/answered?request=r1',
      declineUrl: 'https://hallway.test/contact/declined?request=r1',
      pauseUrl: 'https://hallway.test/me/pause?token=p',
      withdrawUrl: WITHDRAW,
    });
    const message: OutgoingMessage = {
      from: 'Hallway Élysée <hallway@hallway.test>',
      to: 'ana@acme.example',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { ...unsubscribeHeaders(WITHDRAW), 'Reply-To': 'zoe@candidate.example' },
      messageId: '<outbox-1.abc@hallway.test>',
    };
    const [ours, theirs] = await sendBothWays(message);
    for (const name of READ_HEADERS) assert.equal(header(ours.headers, name), header(theirs.headers, name), name);
    assert.equal(header(ours.headers, 'subject'), mail.subject);
    assert.equal(ours.text, theirs.text);
    assert.equal(ours.html, theirs.html);
    assert.deepEqual(ours.envelopeTo, ['ana@acme.example']);
    assert.ok(
      ours.raw.split('\r\n').every((line) => line.length <= 78),
      'no line longer than 78 characters',
    );
  });

  test('a line break in a header value cannot add a header', async () => {
    const [ours] = await sendBothWays({
      from: 'Hallway <hallway@hallway.test>',
      to: 'ana@acme.example',
      subject: 'Question from Eve\r\nBcc: everyone@acme.example',
      text: 'Hi\n',
      html: '<p>Hi</p>\n',
      headers: { 'Reply-To': 'eve@candidate.example\r\nX-Injected: yes' },
      messageId: '<outbox-2.abc@hallway.test>',
    });
    assert.equal(header(ours.headers, 'bcc'), undefined);
    assert.equal(header(ours.headers, 'x-injected'), undefined);
    assert.deepEqual(ours.envelopeTo, ['ana@acme.example']);
  });

  test('a recipient with a non-ASCII domain still gets the mail (nodemailer writes it in punycode)', async () => {
    const [ours, theirs] = await sendBothWays({
      from: 'Hallway <hallway@hallway.test>',
      to: 'jörg@müller.example',
      subject: 'Hallo',
      text: 'Hallo Jörg\n',
      html: '<p>Hallo Jörg</p>\n',
      headers: {},
      messageId: '<outbox-3.abc@hallway.test>',
    });
    assert.deepEqual(ours.envelopeTo, theirs.envelopeTo);
    assert.equal(header(ours.headers, 'to'), header(theirs.headers, 'to'));
    assert.equal(ours.text, theirs.text);
  });
});
