import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Config } from '../../../src/server/config.js';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '../../../demo/seed.js';
import { MIN_FILL_MS } from '../../../src/server/contact/challenge.js';
import { startServer, type Demo, type RunningServer, type ServerOptions } from '../../../src/server/server.js';
import { testClock, type TestClock } from '../clock.js';
import { overHttp, signIn } from './sign-in.js';
import { freePort } from './test-http.js';

export { freePort };

/** The demo careers site, as `npm start` seeds and serves it. */
export const demo: Demo = { seed: seedDemo, dir: fileURLToPath(new URL('../../../demo', import.meta.url)) };

/**
 * The real server on loopback with a fresh in-memory database, the demo seeded and the dev outbox on.
 * On port 0: the server names the port it was given in its public URL (links, photos, mails).
 */
export async function startTestServer(overrides: Partial<Config> = {}, options?: ServerOptions) {
  const config = { port: 0, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:0', databaseUrl: 'memory://', mailFrom: 'Hallway <hallway@localhost>', devOutbox: true };
  return startServer({ ...config, ...overrides }, { demo, ...options });
}

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves a built app, as any static host would. */
export async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((request, response) => {
    const path = normalize(new URL(request.url!, 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** A browser context signed in as `personId` on `server`, with the session cookie of `signIn()`: for /me pages. */
export async function signedInContext(browser: Browser, server: RunningServer, personId: number, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const cookie = await signIn(overHttp(server.url), server.db, personId, { Origin: server.url });
  const context = await browser.newContext(options);
  const equals = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, equals), value: cookie.slice(equals + 1), url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The admin key the end-to-end servers are started with. */
export const ADMIN_KEY = 'e2e-admin-key-0123456789';

export interface ApiOptions {
  json?: unknown;
  cookie?: string;
  /** Send the admin key. */
  admin?: boolean;
  headers?: Record<string, string>;
}

/** Calls the API of `server` from its own origin, as its pages do; fails the test on an error status. */
export async function api(server: RunningServer, method: string, path: string, { json, cookie, admin = false, headers = {} }: ApiOptions = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      Origin: server.url,
      ...(admin ? { Authorization: `Bearer ${ADMIN_KEY}` } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  assert.ok(response.status < 400, `${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Runs the `hallway` CLI against `server`, as an admin would, and answers what it printed. */
export const hallway = (server: RunningServer, ...args: string[]) => runCli('bin/hallway.js', server, ...args);

/** Runs the `hallway` CLI at `bin` (the repository's, or an installed package's) with plain Node against `server`. */
export async function runCli(bin: string, server: RunningServer, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...process.env, HALLWAY_URL: server.url, HALLWAY_ADMIN_KEY: ADMIN_KEY, HALLWAY_SITE: 'beaumont' },
  });
  return stdout;
}

export interface OutboxMail {
  to: string;
  subject: string;
  template: string;
  links: string[];
}

/** Every mail in the development outbox, once what was due has been sent. */
export async function outbox(server: RunningServer): Promise<OutboxMail[]> {
  await server.drainMail();
  return ((await (await fetch(`${server.url}/dev/outbox.json`)).json()) as { items: OutboxMail[] }).items;
}

export interface CareersSite {
  /** Where the pages are, e.g. `http://localhost:41234`: another origin than the Hallway server's. */
  url: string;
  /** Serves `html` at `path` (the Hallway server's URL written in as the demo's pages get it). */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { html: 'text/html', css: 'text/css', js: 'text/javascript', svg: 'image/svg+xml', json: 'application/json' };

/**
 * A careers site on another origin than `hallway` (`localhost` and another port, where the API is on
 * 127.0.0.1), as every customer's is: the demo's pages from `dir`, and pages a test adds. In HTML, the
 * script's `/hallway.js` (or `/hallway@<version>.js`) becomes the Hallway server's, and a CSP's
 * `'self'` also allows that server.
 */
export async function startCareersSite(hallway: RunningServer | string, dir = 'demo'): Promise<CareersSite> {
  const api = typeof hallway === 'string' ? hallway : hallway.url;
  const pages = new Map<string, string>();
  const toHallway = (html: string) =>
    html
      .replaceAll('src="/hallway', `src="${api}/hallway`)
      .replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)/, (_, start: string, csp: string) => start + csp.replaceAll("'self'", `'self' ${api}`));
  const server = createHttpServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html');
    const extension = path.split('.').pop() ?? '';
    let body: string | Buffer | undefined = pages.get(path);
    if (body === undefined && !path.includes('..')) body = await readFile(join(dir, path)).catch(() => undefined);
    if (body === undefined) return void response.writeHead(404).end('Not found');
    response.writeHead(200, { 'Content-Type': TYPES[extension] ?? 'application/octet-stream' });
    response.end(extension === 'html' ? toHallway(String(body)) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as { port: number }).port}`,
    page: (path, html) => void pages.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** As a web team does once for its careers site: lets `origin` send questions to the demo site (the CLI; `server` has ADMIN_KEY). */
export const allowOrigin = (server: RunningServer, origin: string) => hallway(server, 'sites', 'update', 'beaumont', '--add-origin', origin);

/** What a careers-page test file runs against: the Hallway server, the careers site on another origin, Chromium. */
export interface Testbed {
  server: RunningServer;
  site: CareersSite;
  browser: Browser;
  /** The contact flow's clock (`now`), which the test moves instead of waiting. */
  clock: TestClock;
}

/** Starts a testbed; the careers site may send questions unless `allowed: false`. */
export async function openTestbed({ allowed = true, options }: { allowed?: boolean; options?: ServerOptions } = {}): Promise<Testbed> {
  const clock = testClock();
  const server = await startTestServer({ adminKey: ADMIN_KEY }, { ...options, contact: { now: clock.now, ...options?.contact } });
  const site = await startCareersSite(server);
  if (allowed) await allowOrigin(server, site.url);
  return { server, site, browser: await launchChromium(), clock };
}

/**
 * The few seconds a person takes to write a question (the server refuses forms filled in faster), without
 * waiting them: once the page has its challenge (`challenged`, from `challengeOf(page)` set before the
 * dialog opens), the server's clock moves past them.
 */
export async function skipWritingTime(challenged: Promise<unknown>, clock: TestClock) {
  await challenged;
  clock.advance(MIN_FILL_MS);
}

/** The next challenge `page` fetches (the contact dialog asks for one as it opens). */
export const challengeOf = (page: Page) => page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/challenge'));

/** Stops what `openTestbed` started, also when it failed half-way. */
export async function closeTestbed({ server, site, browser }: Partial<Testbed>) {
  await browser?.close();
  await site?.close();
  await server?.close();
}
