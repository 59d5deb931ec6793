import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where people reach this server; every absolute URL it hands out starts with it. */
  publicUrl: string;
  /** `postgres://…` for PostgreSQL, otherwise a PGlite data directory. */
  databaseUrl: string;
  /** `smtp://user:pass@host:port`; required unless `devOutbox` is on. */
  smtpUrl?: string;
  /**
   * `HALLWAY_DEV_OUTBOX=1` (the demo's `npm start`): every mail is readable at /dev/outbox, sign-in
   * links included. Refused with an https `PUBLIC_URL`, a non-loopback `HOST` or behind a proxy.
   */
  devOutbox?: boolean;
  mailFrom: string;
  /** The admin API key; when unset, one is made on the first start and printed once. */
  adminKey?: string;
  /** Contact requests and the candidates' data in them are deleted after this many days (`RETENTION_DAYS`, default 90). */
  retentionDays?: number;
  /**
   * `TRUST_PROXY=N`: the server runs behind N reverse proxies that each append the address they were
   * reached from to `X-Forwarded-For`, so the client's address is the N-th from the right (rate limits
   * count per client address). Unset or 0 when clients reach the server directly: they could then
   * write any address in that header.
   */
  trustProxy?: number;
  /**
   * `INBOUND_SMTP_PORT` and `RELAY_DOMAIN` (issue 18): the relay's inbound SMTP listener, where the MX of
   * `RELAY_DOMAIN` points. Employees' replies then go to `reply+<token>@RELAY_DOMAIN`, never to the
   * candidate directly. Without both, the question mail's Reply-To stays the candidate's address.
   */
  relay?: { port: number; domain: string };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl)) throw new Error(`PUBLIC_URL must be an absolute URL, not "${env.PUBLIC_URL}"`);
  const trustProxy = Number(env.TRUST_PROXY || 0);
  if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10)
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the server (0-10), not "${env.TRUST_PROXY}"`);
  const retentionDays = Number(env.RETENTION_DAYS || 90);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`RETENTION_DAYS must be a whole number of days, not "${env.RETENTION_DAYS}"`);
  const config: Config = {
    port,
    host: env.HOST ?? '127.0.0.1',
    publicUrl,
    databaseUrl: env.DATABASE_URL || resolve('.data'),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    devOutbox: env.HALLWAY_DEV_OUTBOX === '1',
    mailFrom: env.MAIL_FROM || 'Hallway <hallway@localhost>',
    ...(env.HALLWAY_ADMIN_KEY ? { adminKey: env.HALLWAY_ADMIN_KEY } : {}),
    retentionDays,
    trustProxy,
    ...relayConfig(env),
  };
  checkMailSetup(config);
  return config;
}

/**
 * The development outbox shows every mail, sign-in links included, to whoever asks: it is served only
 * when asked for, on a server nobody else reaches. Without it, mails need an SMTP server.
 */
export function checkMailSetup({ smtpUrl, devOutbox, publicUrl, host, trustProxy }: Config): void {
  if (devOutbox) {
    if (publicUrl.startsWith('https:')) throw new Error('HALLWAY_DEV_OUTBOX=1 is for development only: it is refused with an https PUBLIC_URL. Set SMTP_URL instead.');
    if (!isLoopback(host))
      throw new Error(`HALLWAY_DEV_OUTBOX=1 is for development only: it is refused with HOST=${host}, which other machines reach. Set SMTP_URL instead.`);
    if (trustProxy) throw new Error('HALLWAY_DEV_OUTBOX=1 is for development only: it is refused behind a proxy (TRUST_PROXY). Set SMTP_URL instead.');
  } else if (!smtpUrl) {
    throw new Error(
      'SMTP_URL is not set: set it to your SMTP server (smtp://user:pass@host:587) so that mails can be sent, or set HALLWAY_DEV_OUTBOX=1 on a development machine to read them at /dev/outbox.',
    );
  }
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** `INBOUND_SMTP_PORT` (0: any free port, for tests) and `RELAY_DOMAIN`, both or neither. */
function relayConfig(env: NodeJS.ProcessEnv): Pick<Config, 'relay'> {
  const { INBOUND_SMTP_PORT: port, RELAY_DOMAIN: domain } = env;
  if (!port && !domain) return {};
  if (!port || !domain) throw new Error('INBOUND_SMTP_PORT and RELAY_DOMAIN go together: set both to relay replies, or neither.');
  const number = Number(port);
  if (!Number.isInteger(number) || number < 0 || number > 65535) throw new Error(`INBOUND_SMTP_PORT must be a port number, not "${port}"`);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) throw new Error(`RELAY_DOMAIN must be a domain name such as relay.example.com, not "${domain}"`);
  return { relay: { port: number, domain: domain.toLowerCase() } };
}
