import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import type { Config } from '../src/server/config.js';
import { startServer, type RunningServer } from '../src/server/server.js';

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
export async function startTestServer(overrides: Partial<Config> = {}) {
  const port = await freePort();
  return startServer({
    port,
    host: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${port}`,
    databaseUrl: 'memory://',
    mailFrom: 'Hallway <hallway@localhost>',
    ...overrides,
  });
}

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export const launchChromium = () =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

/** The admin key the end-to-end servers are started with. */
export const ADMIN_KEY = 'e2e-admin-key-0123456789';

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
