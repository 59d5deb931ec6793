import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { ensureAdminKey } from './admin/keys.js';
import { Links, loadLinkSecret } from './auth/links.js';
import { startFollowUps } from './contact/follow-ups.js';
import { DEFAULT_RETENTION_DAYS, EXPIRED_PURGE_INTERVAL_MS, purgeExpired, purgeOldData } from './contact/retention.js';
import { refreshReplyTimes } from './record/reply-time.js';
import type { ContactOptions } from './contact/routes.js';
import { createTransport, startMailWorker } from './mail/index.js';
import { checkMailSetup, type Config } from './config.js';
import { openDatabase, type Db } from './store/database.js';
import { migrate } from './store/migrations.js';
import { hasAnySite } from './store/sites.js';
import { publicLists } from './public-lists.js';
import { startAnalyticsFlush } from './analytics/counter.js';
import { startFeedScheduler } from './jobs/feed-scheduler.js';
import { siteReader } from './site.js';
import { signInLinksMade } from './auth/sign-in.js';
import { startRelayListener } from './relay/inbound.js';
import { relayKit } from './relay/thanks.js';
import { SCIM_INVITATIONS_INTERVAL_MS, sendScimInvitations } from './scim/invitations.js';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  db: Db;
  /** Set when this start seeded the demo site into an empty database. */
  seeded?: { slug: string; people: number };
  /** Set when this start made the admin key: shown once, stored only hashed. */
  createdAdminKey?: string;
  /** The relay's inbound SMTP port, with INBOUND_SMTP_PORT and RELAY_DOMAIN set (issue 18). */
  relayPort?: number;
  /** Sends what is due in the outbox now (tests; the worker does it every second anyway). */
  drainMail(): Promise<number>;
  close(): Promise<void>;
}

/** A sample careers site: seeded into an empty database, its pages served at `/` (`npm start`, tests). */
export interface Demo {
  seed(db: Db, publicUrl: string): Promise<{ slug: string; people: number }>;
  /** Folder of its static pages. */
  dir: string;
}

export interface ServerOptions {
  /** The demo to seed and serve; the server itself knows none (`main.ts` passes `demo/`). */
  demo?: Demo;
  /** A database opened by the caller (tests), used instead of `config.databaseUrl` and left open on close. */
  db?: Db;
  /** Overrides of the contact flow's settings, e.g. higher rate limits for a load test. */
  contact?: Partial<ContactOptions>;
  /** Requests that may wait for the next read of the sites before more are shed (503). Default 2000. */
  maxWaiting?: number;
}

const DAY_MS = 24 * 3600_000;

/** Opens the database, migrates it, seeds the demo (if given) into an empty one, and serves the API, bundle and demo. */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  checkMailSetup(config);
  // Port 0 (tests): bound first, so that the public URL names the port the system chose. Nobody knows
  // that port before this returns, so no request arrives before the handler below.
  const server = createServer();
  if (config.port === 0) await listen(server, config);
  const publicUrl = withBoundPort(config.publicUrl, server);
  const db = options.db ?? (await openDatabase(config.databaseUrl));
  await migrate(db);
  const seeded = options.demo && !(await hasAnySite(db)) ? await options.demo.seed(db, publicUrl) : undefined;
  const { created: createdAdminKey } = await ensureAdminKey(db, config.adminKey);
  const links = new Links(publicUrl, await loadLinkSecret(db));
  const transport = createTransport(config.smtpUrl);
  const mailer = startMailWorker({ db, transport, from: config.mailFrom });
  const logFailure = (error: unknown) => console.error(`retention purge failed: ${error instanceof Error ? error.message : String(error)}`);
  const purge = () =>
    purgeOldData(db, config.retentionDays ?? DEFAULT_RETENTION_DAYS)
      .then(() => refreshReplyTimes(db))
      .catch(logFailure);
  // Not awaited: serving does not wait for the purge, and nothing served depends on it.
  const firstPurge = purge();
  const purger = setInterval(purge, DAY_MS).unref();
  const expiredPurger = setInterval(() => void purgeExpired(db).catch(logFailure), EXPIRED_PURGE_INTERVAL_MS).unref();
  const logScimFailure = (error: unknown) => console.error(`SCIM invitations failed: ${error instanceof Error ? error.message : String(error)}`);
  const scimInviter = setInterval(() => void sendScimInvitations(db, links).catch(logScimFailure), SCIM_INVITATIONS_INTERVAL_MS).unref();

  const followUps = startFollowUps({ db, links, relayDomain: config.relay?.domain }, options.contact?.now ? { now: options.contact.now } : {});

  siteReader(db, options.maxWaiting);
  const analytics = startAnalyticsFlush(db);
  const jobFeeds = startFeedScheduler(db);
  const lists = publicLists(db, publicUrl);
  const app = createApp({
    db,
    publicLists: lists,
    publicUrl,
    links,
    devOutbox: config.devOutbox ?? false,
    bundleDir: fromRoot('dist/cdn'),
    ...(options.demo ? { demoDir: options.demo.dir } : {}),
    contact: { trustProxy: config.trustProxy ?? 0, relayDomain: config.relay?.domain, ...options.contact },
  });
  const relay =
    config.relay &&
    (await startRelayListener({ db, kit: relayKit(db, links, config.relay.domain), port: config.relay.port, host: config.host, now: options.contact?.now }));
  // The public lists, the hot path of every careers page, are answered before Hono when they can be.
  const listener = getRequestListener(app.fetch, { hostname: config.host });
  const https = publicUrl.startsWith('https:');
  server.on('request', (request, response) => {
    // Reached over https (through a proxy that terminates TLS): browsers never fall back to http.
    if (https) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (!lists.fastPath(request, response, () => listener(request, response))) void listener(request, response);
  });
  if (config.port !== 0) await listen(server, config);
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    db,
    ...(seeded ? { seeded } : {}),
    ...(createdAdminKey ? { createdAdminKey } : {}),
    ...(relay ? { relayPort: relay.port } : {}),
    drainMail: async () => {
      await signInLinksMade();
      return mailer.drain();
    },
    async close() {
      clearInterval(purger);
      clearInterval(expiredPurger);
      clearInterval(scimInviter);
      await followUps.stop();
      await firstPurge;
      await new Promise((resolve) => server.close(resolve));
      await relay?.close();
      await signInLinksMade();
      await mailer.stop();
      await analytics.stop();
      await jobFeeds.stop();
      transport.close();
      if (!options.db) await db.destroy(); // PGlite flushes its files on close
    },
  };
}

function listen(server: Server, { port, host }: Config): Promise<void> {
  return new Promise((resolve, reject) => server.listen(port, host).once('listening', resolve).once('error', reject));
}

/** `http://127.0.0.1:0` names the port the server was given; any other URL stays as it is. */
function withBoundPort(publicUrl: string, server: Server): string {
  const url = new URL(publicUrl);
  if (url.port !== '0') return publicUrl;
  url.port = String((server.address() as AddressInfo).port);
  return url.origin + url.pathname.replace(/\/+$/, '');
}
