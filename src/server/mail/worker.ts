import type { Db } from '../store/database.js';
import { MAX_ATTEMPTS, claimDueMails, markFailed, markSent, retryDelayMs, type OutboxMail } from './outbox.js';
import { messageIdFor, type MailTransport } from './transport.js';

export interface MailWorkerOptions {
  db: Db;
  transport: MailTransport;
  /** The From header, e.g. `Hallway <hallway@example.com>` (MAIL_FROM). */
  from: string;
  /** Pause between the end of one poll and the start of the next (none after a full batch). Default 1000 ms. */
  intervalMs?: number;
  /** At most this many mails sent per poll. Default 20. */
  batchSize?: number;
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

const DEFAULT_BATCH = 20;

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
 * Claims one mail at a time, so each claim's lease only has to cover one SMTP send. A failure ends the
 * poll: while the SMTP server is down, each poll costs one attempt rather than a batch of timeouts.
 */
async function sendDueMails({ db, transport, from, batchSize = DEFAULT_BATCH, now = () => new Date(), log = console.error }: MailWorkerOptions) {
  let sent = 0;
  while (sent < batchSize) {
    const [mail] = await claimDueMails(db, 1, now());
    if (!mail) break;
    try {
      await transport.send(toMessage(mail, from));
    } catch (error) {
      await markFailed(db, mail.id, describe(error), mail.attempts, now());
      log(`mail worker: mail ${mail.id} not sent (attempt ${mail.attempts}, ${nextStep(mail.attempts)}): ${describe(error)}`);
      break;
    }
    await markSent(db, mail.id, now());
    sent++;
  }
  return sent;
}

const toMessage = (mail: OutboxMail, from: string) => ({
  from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers,
  messageId: messageIdFor(mail, from),
});

const nextStep = (attempts: number) => (attempts >= MAX_ATTEMPTS ? 'given up' : `next try in ${retryDelayMs(attempts) / 1000} s`);

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
