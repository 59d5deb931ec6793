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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl)) throw new Error(`PUBLIC_URL must be an absolute URL, not "${env.PUBLIC_URL}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    publicUrl,
    databaseUrl: env.DATABASE_URL || resolve('.data'),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    mailFrom: env.MAIL_FROM || 'Hallway <hallway@localhost>',
    ...(env.HALLWAY_ADMIN_KEY ? { adminKey: env.HALLWAY_ADMIN_KEY } : {}),
  };
}
