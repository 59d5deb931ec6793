/** A mail as an SMTP server received it, read as far as the tests need (test helper). */
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
  for (const line of raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
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
export function decodeWords(value: string) {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_hex, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** A MIME part's body as text, from its transfer encoding. */
export function decodeBody(body: string, encoding = '7bit') {
  const bytes = /quoted-printable/i.test(encoding)
    ? body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : /base64/i.test(encoding)
      ? Buffer.from(body, 'base64').toString('latin1')
      : body;
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
}
