import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { composeMime } from './mime.js';

export interface OutgoingMessage {
  from: string;
  /** One bare address; never parsed as a list. */
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects with the reason otherwise. */
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** Short enough that a dead or silent SMTP server fails an attempt fast instead of holding the worker. */
const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000, dnsTimeout: 5_000 };
/** The longest one send can take before a timeout fails it (DNS, connection, greeting, then a silent socket). */
export const MAX_SEND_MS = 30_000;
/** SMTP connections kept open by default: mails go out this many at a time. */
export const DEFAULT_SMTP_CONNECTIONS = 8;

/**
 * SMTP when `smtpUrl` is given (`smtp://user:pass@host:587`, `smtps://…`), over a pool of `connections`
 * kept open; otherwise the development transport, which only logs one line per mail (the mail itself
 * stays readable in the dev outbox).
 */
export function createTransport(smtpUrl?: string, log: (line: string) => void = console.log, connections = DEFAULT_SMTP_CONNECTIONS): MailTransport {
  return smtpUrl ? smtpTransport(smtpUrl, connections) : devTransport(log);
}

function smtpTransport(url: string, maxConnections: number): MailTransport {
  // Pooled connections: one SMTP handshake per connection for many mails, not one per mail.
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections, ...SMTP_TIMEOUTS, disableFileAccess: true, disableUrlAccess: true });
  return {
    async send(message) {
      const raw = composeMime(message);
      if (raw) await transporter.sendMail({ raw, envelope: { from: senderOf(message.from), to: [message.to] } });
      else await transporter.sendMail({ ...message, to: { name: '', address: message.to } });
    },
    close: () => transporter.close(),
  };
}

/** `Hallway <hallway@example.com>` → `hallway@example.com`, the envelope's sender. */
function senderOf(from: string) {
  const [first] = addressparser(from, { flatten: true });
  return first?.address ?? from;
}

function devTransport(log: (line: string) => void): MailTransport {
  return {
    async send({ to, subject }) {
      // One line per mail: a name with a line break in the subject must not forge log lines.
      log(`mail to ${to}: ${subject.replace(/[\r\n]+/g, ' ')}`);
    },
    close() {},
  };
}

/**
 * The same Message-ID for every attempt at one outbox row, so a receiver can drop a resend (e.g. after a
 * crash between sending and recording it). `createdAt` keeps ids apart across databases reusing row ids.
 */
export function messageIdFor(mail: { id: number; createdAt: Date }, from: string): string {
  return `<outbox-${mail.id}.${mail.createdAt.getTime().toString(36)}@${domainOf(from)}>`;
}

/** `Hallway <hallway@example.com>` → `example.com`. */
function domainOf(from: string) {
  const address = /<([^>]*)>/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf('@') + 1).trim();
  return /^[\w.-]+$/.test(domain) ? domain : 'localhost';
}
