import { MINUTE, type RateLimit } from '../rate-limit.js';

/** Attempts allowed per client address and per candidate e-mail address. */
export interface ContactLimits {
  perIp: RateLimit[];
  perEmail: RateLimit[];
  /** Questions of the last day awaiting confirmation per employee (each mails in their name). Default 5. */
  pendingPerPerson?: number;
}

export const DEFAULT_CONTACT_LIMITS: ContactLimits = {
  perIp: [
    { max: 5, windowMs: 10 * MINUTE },
    { max: 20, windowMs: 24 * 60 * MINUTE },
  ],
  perEmail: [{ max: 3, windowMs: 60 * MINUTE }],
};
