import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import type { Config } from '../src/server/config.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/server/server.js';

/** A port nobody listens on right now, for a server started by a test. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** The real server on loopback with a fresh in-memory database, the demo seeded and the dev outbox on. */
export async function startTestServer(overrides: Partial<Config> = {}, options?: ServerOptions) {
  const port = await freePort();
  const config = { port, host: '127.0.0.1', publicUrl: `http://127.0.0.1:${port}`, databaseUrl: 'memory://', mailFrom: 'Hallway <hallway@localhost>', devOutbox: true };
  return startServer({ ...config, ...overrides }, options);
}

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

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
export async function hallway(server: RunningServer, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/hallway.js', ...args], {
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
