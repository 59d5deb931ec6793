import nodemailer from 'nodemailer';
import { randomBytes } from 'node:crypto';

// Test helpers for the relay (issue 18): real MIME replies, sent over SMTP as a mail server delivers them.

export interface Reply {
  from: string;
  to: string;
  subject?: string;
  /** The text part; omit for an HTML-only message. */
  text?: string;
  html?: string;
  /** Default: a fresh one. A redelivery sends the same. */
  messageId?: string;
}

/** A reply as a mail client writes it: UTF-8, quoted-printable, a text part and/or an HTML part. */
export function replyMime({ from, to, subject = 'Re: a question', text, html, messageId = newMessageId() }: Reply): string {
  const head = [`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: ${messageId}`, 'Date: Tue, 01 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0'];
  const part = (type: string, body: string) => [
    `Content-Type: ${type}; charset=UTF-8`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\r\n'),
  ];
  if (text !== undefined && html !== undefined) {
    const boundary = `b-${randomBytes(6).toString('hex')}`;
    return [
      ...head,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      ...part('text/plain', text),
      `--${boundary}`,
      ...part('text/html', html),
      `--${boundary}--`,
      '',
    ].join('\r\n');
  }
  return [...head, ...part(text !== undefined ? 'text/plain' : 'text/html', text ?? html ?? ''), ''].join('\r\n');
}

export const newMessageId = () => `<${randomBytes(8).toString('hex')}@mail.example>`;

/** Delivers `raw` to `to` on the relay's port over SMTP; rejects with the server's answer (`responseCode`) if refused. */
export async function deliver(port: number, to: string, raw: string, from = 'sender@mail.example'): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000, socketTimeout: 20_000 });
  try {
    await transport.sendMail({ envelope: { from, to: [to] }, raw });
  } finally {
    transport.close();
  }
}

/** The SMTP code a refused delivery got, or 250 when it was accepted. */
export async function deliveryCode(port: number, to: string, raw: string): Promise<number> {
  try {
    await deliver(port, to, raw);
    return 250;
  } catch (error) {
    return (error as { responseCode?: number }).responseCode ?? -1;
  }
}
