import { foldLines, isPlainText } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { encode as quotedPrintable, wrap } from 'nodemailer/lib/qp';
import type { OutgoingMessage } from './transport.js';

/**
 * Our mails are all alike: one recipient, a few headers, a text and an HTML part. This writes them as
 * one multipart/alternative message, encoded with nodemailer's own header and quoted-printable
 * encoders, without the tree of MIME nodes and streams sendMail builds for each mail (the outbox
 * drain's main cost). `undefined` for an address nodemailer must rewrite (non-ASCII: punycode).
 */
export function composeMime(message: OutgoingMessage, date = new Date()): Buffer | undefined {
  if (!isPlainText(message.to) || /[\s<>,;"]/.test(message.to)) return undefined;
  const headers = [
    header('From', message.from),
    header('To', message.to),
    header('Subject', message.subject),
    header('Message-ID', message.messageId),
    header('Date', date.toUTCString().replace(/GMT/, '+0000')),
    'MIME-Version: 1.0',
    ...Object.entries(message.headers).map(([name, value]) => header(name, value)),
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
  ];
  return Buffer.from(
    [...headers, '', `--${BOUNDARY}`, ...part('text/plain', message.text), `--${BOUNDARY}`, ...part('text/html', message.html), `--${BOUNDARY}--`, ''].join('\r\n'),
  );
}

/** Quoted-printable writes `=` only as `=XX` or a soft line break: `=_` never occurs in a part. */
const BOUNDARY = '=_hallway-alternative';

/** Header values encoded as nodemailer does (addresses, RFC 2047 words; line breaks in a value become spaces). */
const encoder = new MimeNode(false);
const header = (name: string, value: string) => foldLines(`${name}: ${encoder.encodeHeaderValue(name, value)}`);

const part = (type: string, body: string) => [
  `Content-Type: ${type}; charset=utf-8`,
  'Content-Transfer-Encoding: quoted-printable',
  '',
  wrap(quotedPrintable(body.replace(/\r?\n/g, '\r\n')), 76),
];
