import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { recordAnswer, relayMessage, type RelayKit } from '../contact/answers.js';
import type { Db } from '../store/database.js';
import type { Sender } from './addresses.js';
import { newTextOf } from './reply-text.js';

/** A reply is text: a message over this size (attachments, say) is refused at once (552). */
export const INBOUND_MAX_BYTES = 1024 * 1024;
/** A question's relay addresses work this long after it reached the employee. */
export const RELAY_OPEN_MS = 30 * 24 * 3600_000;

export interface RelayListenerOptions {
  db: Db;
  kit: () => Promise<RelayKit>;
  port: number;
  host: string;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RelayListener {
  port: number;
  close(): Promise<void>;
}

type Relayed = { ok: true; id: number; sender: Sender; status: string } | { ok: false };

/**
 * The relay's inbound SMTP server, where RELAY_DOMAIN's MX points. No authentication (mail servers
 * deliver to an MX without any) and no open relay: it accepts only its own valid addresses, refusing
 * anything else at RCPT TO (550). A message is stored and its forward queued in one transaction
 * before the 250: once accepted, it is never lost; a redelivery (same Message-ID) is recorded once.
 */
export async function startRelayListener({ db, kit, port, host, now = () => new Date(), log = console.error }: RelayListenerOptions): Promise<RelayListener> {
  /** The question an address is open for; within a transaction, its row is locked (messages on one question take turns). */
  const open = async (address: string, trx?: Db): Promise<Relayed> => {
    const found = (await kit()).addresses?.read(address);
    if (!found) return { ok: false };
    const query = (trx ?? db).selectFrom('contact_requests').select(['id', 'status', 'confirmed_at']).where('public_id', '=', found.requestId);
    const request = await (trx ? query.forUpdate() : query).executeTakeFirst();
    if (!request?.confirmed_at || now().getTime() - request.confirmed_at.getTime() > RELAY_OPEN_MS) return { ok: false };
    const openTo = found.sender === 'employee' ? ['confirmed', 'answered'] : ['answered'];
    return openTo.includes(request.status) ? { ok: true, id: request.id, sender: found.sender, status: request.status } : { ok: false };
  };

  const server = new SMTPServer({
    name: 'hallway-relay',
    banner: 'Hallway relay',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: INBOUND_MAX_BYTES,
    logger: false,
    onRcptTo({ address }, _session, callback) {
      open(address).then(
        (relayed) => callback(relayed.ok ? undefined : smtpError(550, 'No such recipient here')),
        (error: unknown) => {
          log(`relay: RCPT TO failed: ${String(error)}`);
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      readAll(stream).then(
        (raw) => {
          if (stream.sizeExceeded) return callback(smtpError(552, 'Message too large for a reply'));
          receive(raw, session).then(
            () => callback(),
            (error: unknown) => {
              const known = error instanceof SmtpError;
              if (!known) log(`relay: message not stored: ${String(error)}`);
              callback(known ? error : smtpError(451, 'Temporary failure, try again later'));
            },
          );
        },
        (error: unknown) => callback(error as Error),
      );
    },
  });

  /** Stores the message for each relay recipient, each in one transaction with its forward. */
  async function receive(raw: Buffer, session: SMTPServerSession) {
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const text = newTextOf(mail);
    if (!text) throw smtpError(550, 'No text found in this reply: write your answer above the quoted message');
    const messageId = mail.messageId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    for (const { address } of session.envelope.rcptTo) await relay(address, messageId, text);
  }

  async function relay(address: string, messageId: string, text: string) {
    const relayKit = await kit();
    await db.transaction().execute(async (trx) => {
      // The first employee reply is the answer, whatever the races; the address may have closed since RCPT TO.
      const target = await open(address, trx);
      if (!target.ok) return;
      const stored = await trx
        .insertInto('relay_messages')
        .values({ request_id: target.id, sender: target.sender, message_id: messageId.slice(0, 998), text, received_at: now() })
        .onConflict((oc) => oc.columns(['request_id', 'sender', 'message_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!stored) return; // a redelivery: recorded and forwarded already
      if (target.sender === 'employee' && target.status === 'confirmed') await recordAnswer(trx, target.id, text, 'mail', now(), relayKit);
      else await relayMessage(trx, target.id, target.sender, text, { ...relayKit, addresses: relayKit.addresses! });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

class SmtpError extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const smtpError = (code: number, message: string) => new SmtpError(code, message);

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
