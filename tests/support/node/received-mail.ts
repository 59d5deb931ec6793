import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Test helpers: a real SMTP server, and just enough MIME parsing to read what it received.

/** A mail as an SMTP server received it, read as far as the contact tests need. */
export interface ReceivedMail {
  messageId: string;
  to: string;
  replyTo: string | undefined;
  kind: 'confirm' | 'question' | 'other';
  /** The candidate's confirmation token, in a confirmation mail. */
  token?: string;
  /** The request id, in the mail forwarding a question to the employee. */
  requestId?: string;
  raw: string;
}

export function readReceivedMail(raw: string): ReceivedMail {
  const end = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, end)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  // Quoted-printable, as nodemailer writes long ASCII lines: enough to read the links.
  const body = raw
    .slice(end + 4)
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const token = /\/contact\/confirm\?token=([\w-]+)/.exec(body)?.[1];
  const requestId = /\/contact\/answered\?request=([\w-]+)/.exec(body)?.[1];
  return {
    messageId: headers.get('message-id') ?? '',
    to: headers.get('to') ?? '',
    replyTo: headers.get('reply-to'),
    kind: token ? 'confirm' : requestId ? 'question' : 'other',
    ...(token ? { token } : {}),
    ...(requestId ? { requestId } : {}),
    raw,
  };
}

/** RFC 2047 encoded words, as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string) {
  return value.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_hex, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** A MIME part's body as text, from its transfer encoding. */
function decodeBody(body: string, encoding = '7bit') {
  const bytes = /quoted-printable/i.test(encoding)
    ? body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : /base64/i.test(encoding)
      ? Buffer.from(body, 'base64').toString('latin1')
      : body;
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
}

/** A received multipart/alternative mail: every header line in order (so injected ones show), both parts decoded. */
export interface SmtpMail {
  envelopeTo: string[];
  raw: string;
  headers: [name: string, value: string][];
  text: string;
  html: string;
}

/** The first header of that (lower-case) name. */
export const header = (headers: SmtpMail['headers'], name: string) => headers.find(([key]) => key === name)?.[1];

export interface SmtpServerForTests {
  url: string;
  received: SmtpMail[];
  /** Recipients answered `450` (try again later) while they are in the set. */
  refused: Set<string>;
  /** Client connections opened so far. */
  connections: number;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (`port` 0: any free one) keeping every mail it receives. */
export async function startSmtpServer(port = 0): Promise<SmtpServerForTests> {
  const received: SmtpMail[] = [];
  const refused = new Set<string>();
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo({ address }, _session, callback) {
      if (!refused.has(address)) return callback();
      callback(Object.assign(new Error(`Mailbox ${address} busy, try again later`), { responseCode: 450 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        received.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, ...parseMultipart(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: listening } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${listening}`,
    received,
    refused,
    get connections() {
      return connections;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseMultipart(raw: string) {
  const { headers, body } = splitPart(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(header(headers, 'content-type') ?? '')?.[1];
  assert.ok(boundary, 'a multipart/alternative message');
  const parts = body.split(`--${boundary}`).slice(1, -1).map(splitPart);
  const partOfType = (type: string) => {
    const part = parts.find((p) => header(p.headers, 'content-type')?.startsWith(type));
    assert.ok(part, `a ${type} part`);
    return decodeBody(part.body, header(part.headers, 'content-transfer-encoding'));
  };
  return { headers, text: partOfType('text/plain'), html: partOfType('text/html') };
}

function splitPart(raw: string) {
  const end = raw.indexOf('\r\n\r\n');
  const headers = raw
    .slice(0, end)
    .replace(/^\r\n/, '')
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')
    .map((line): [string, string] => [line.slice(0, line.indexOf(':')).toLowerCase(), decodeWords(line.slice(line.indexOf(':') + 1).trim())]);
  return { headers, body: raw.slice(end + 4) };
}
