import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where people reach this server; every absolute URL it hands out starts with it. */
  publicUrl: string;
  /** `postgres://…` for PostgreSQL, otherwise a PGlite data directory. */
  databaseUrl: string;
  /** `smtp://user:pass@host:port`; without it, mails go to the development outbox at /dev/outbox. */
  smtpUrl?: string;
  mailFrom: string;
  /** The admin API key; when unset, one is made on the first start and printed once. */
  adminKey?: string;
  /** Contact requests and the candidates' data in them are deleted after this many days (`RETENTION_DAYS`, default 90). */
  retentionDays?: number;
  /**
   * `TRUST_PROXY=1`: the server runs behind a reverse proxy that sets `X-Forwarded-For`, and the first
   * address in it is the client's (rate limits count per client address). Leave it off when clients
   * reach the server directly: they could then write any address in that header.
   */
  trustProxy?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl)) throw new Error(`PUBLIC_URL must be an absolute URL, not "${env.PUBLIC_URL}"`);
  const retentionDays = Number(env.RETENTION_DAYS || 90);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`RETENTION_DAYS must be a whole number of days, not "${env.RETENTION_DAYS}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    publicUrl,
    databaseUrl: env.DATABASE_URL || resolve('.data'),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    mailFrom: env.MAIL_FROM || 'Hallway <hallway@localhost>',
    ...(env.HALLWAY_ADMIN_KEY ? { adminKey: env.HALLWAY_ADMIN_KEY } : {}),
    retentionDays,
    trustProxy: env.TRUST_PROXY === '1',
  };
}
