export { devOutboxRoutes, findLinks } from './dev-outbox.js';
export {
  CLAIM_LEASE_MS,
  MAX_ATTEMPTS,
  claimDueMails,
  enqueueMail,
  forgetMailsTo,
  listOutbox,
  markFailed,
  markSent,
  releaseMails,
  retryDelayMs,
  type MailRequest,
  type OutboxMail,
} from './outbox.js';
export {
  MAIL_LOCALES,
  mailLocale,
  renderMail,
  unsubscribeHeaders,
  withdrawUrlOf,
  type ContactCapReachedData,
  type ContactConfirmData,
  type ContactDeclinedData,
  type ContactRequestData,
  type InvitationData,
  type MailLocale,
  type MailTemplate,
  type MailTemplates,
  type RenderedMail,
  type SignInData,
} from './templates.js';
export { createTransport, messageIdFor, type MailTransport, type OutgoingMessage } from './transport.js';
export { startMailWorker, type MailWorker, type MailWorkerOptions } from './worker.js';

/** The From address when MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Hallway <hallway@localhost>';
