import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import type { Config } from '../src/server/config.js';
import { startServer } from '../src/server/server.js';

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
