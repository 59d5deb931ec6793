import type { Db } from '../store/database.js';
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, claimDueMails, markFailed, markSent, releaseMails, retryDelayMs, type OutboxMail } from './outbox.js';
import { DEFAULT_SMTP_CONNECTIONS, MAX_SEND_MS, messageIdFor, type MailTransport } from './transport.js';

export interface MailWorkerOptions {
  db: Db;
  transport: MailTransport;
  /** The From header, e.g. `Hallway <hallway@example.com>` (MAIL_FROM). */
  from: string;
  /** Pause between the end of one poll and the start of the next (none after a full batch). Default 1000 ms. */
  intervalMs?: number;
  /** At most this many mails claimed (in one statement) and sent per poll. Default 50. */
  batchSize?: number;
  /** Mails sent at once, one per SMTP connection of the transport's pool. Default 8. */
  connections?: number;
  /** The clock; tests move it forward instead of waiting. */
  now?: () => Date;
  log?: (line: string) => void;
}

export interface MailWorker {
  /** Stops polling; resolves once the poll in progress, if any, is over. */
  stop(): Promise<void>;
  /** Polls now (after the poll in progress, if any) and resolves with how many mails it sent. */
  drain(): Promise<number>;
}

const DEFAULT_BATCH = 50;
/** A send is begun only while it is sure to end before the claim's lease does: no other worker can take the mail meanwhile. */
const SEND_WINDOW_MS = CLAIM_LEASE_MS - MAX_SEND_MS;

/** Sends the outbox's due mails in the background, one poll at a time. */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { intervalMs = 1000, batchSize = DEFAULT_BATCH, log = console.error } = options;
  let current: Promise<number> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const poll = () => {
    current ??= sendDueMails(options)
      .catch((error: unknown) => {
        log(`mail worker: poll failed: ${describe(error)}`);
        return 0;
      })
      .finally(() => (current = undefined));
    return current;
  };
  // A full batch means more may be due: the next poll starts at once rather than after the pause.
  const schedule = (delay = intervalMs) => {
    if (!stopped) timer = setTimeout(() => void poll().then((sent) => schedule(sent >= batchSize ? 0 : intervalMs)), delay).unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
    async drain() {
      await current;
      return poll();
    },
  };
}

/**
 * Claims a batch of due mails in one statement and sends them `connections` at a time. The first mail
 * goes alone: while the SMTP server is down, a poll costs one attempt, not a batch of timeouts. A
 * failure stops the poll (sends in flight end); the mails never tried are given back, due at once.
 */
async function sendDueMails({
  db,
  transport,
  from,
  batchSize = DEFAULT_BATCH,
  connections = DEFAULT_SMTP_CONNECTIONS,
  now = () => new Date(),
  log = console.error,
}: MailWorkerOptions) {
  const mails = await claimDueMails(db, batchSize, now());
  const stopAt = Date.now() + SEND_WINDOW_MS;
  const sent = sentMarker(db, now, connections);
  let next = 0;
  let failed = false;
  const sendNext = async () => {
    const mail = mails[next++]!;
    try {
      await transport.send(toMessage(mail, from));
    } catch (error) {
      failed = true;
      await markFailed(db, mail.id, describe(error), mail.attempts, now());
      log(`mail worker: mail ${mail.id} not sent (attempt ${mail.attempts}, ${nextStep(mail.attempts)}): ${describe(error)}`);
      return false;
    }
    // Recorded in the background, with the mails the other lanes send meanwhile: the lane goes on at once.
    sent.add(mail.id);
    return true;
  };
  const lane = async () => {
    while (!failed && !sent.failed && next < mails.length && Date.now() < stopAt) await sendNext();
  };
  try {
    if (mails.length > 0 && (await sendNext())) await Promise.all(Array.from({ length: connections }, lane));
    return await sent.flush();
  } finally {
    await releaseMails(
      db,
      mails.slice(next).map((mail) => mail.id),
      now(),
    );
  }
}

/**
 * Records sent mails in groups of `groupSize` (one per lane: a write per round of sends, not per mail),
 * the last group when the poll ends. A crash between a send and its record re-sends that mail later
 * (same Message-ID): at most a group and the sends in flight, so the record does not wait for the batch.
 */
function sentMarker(db: Db, now: () => Date, groupSize: number) {
  let waiting: number[] = [];
  let writing = Promise.resolve();
  let count = 0;
  let error: unknown;
  const write = async () => {
    const ids = waiting;
    waiting = [];
    if (ids.length === 0) return;
    await markSent(db, ids, now()).then(
      () => (count += ids.length),
      (cause: unknown) => (error ??= cause),
    );
  };
  return {
    add(id: number) {
      waiting.push(id);
      if (waiting.length === groupSize) writing = writing.then(write);
    },
    /** An update failed (the database): the poll stops and reports it. */
    get failed() {
      return error !== undefined;
    },
    /** Resolves with how many were recorded, once all are; rejects if one record failed. */
    async flush() {
      await (writing = writing.then(write));
      if (error) throw error;
      return count;
    },
  };
}

/** A relayed mail (issue 18) names who wrote it, from MAIL_FROM's address: `"Ana via Beaumont" <hallway@…>`. */
export const SENDER_NAME_HEADER = 'X-Hallway-Sender-Name';

const toMessage = (mail: OutboxMail, from: string) => {
  const { [SENDER_NAME_HEADER]: senderName, ...headers } = mail.headers;
  return {
    from: senderName ? `"${senderName.replace(/["\\\r\n]/g, '')}" <${addressOf(from)}>` : from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers,
    messageId: messageIdFor(mail, from),
  };
};

const addressOf = (from: string) => /<([^>]*)>/.exec(from)?.[1] ?? from;

const nextStep = (attempts: number) => (attempts >= MAX_ATTEMPTS ? 'given up' : `next try in ${retryDelayMs(attempts) / 1000} s`);

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
