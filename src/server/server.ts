import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '../../demo/seed.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Db } from './store/database.js';
import { migrate } from './store/migrations.js';
import { hasAnySite } from './store/sites.js';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  db: Db;
  /** Set when this start seeded the demo site into an empty database. */
  seeded?: { slug: string; people: number };
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds the demo into an empty one, and serves the API, bundle and demo. */
export async function startServer(config: Config): Promise<RunningServer> {
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
  const seeded = (await hasAnySite(db)) ? undefined : await seedDemo(db, config.publicUrl);

  const app = createApp({ db, publicUrl: config.publicUrl, bundleDir: fromRoot('dist/cdn'), demoDir: fromRoot('demo') });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    db,
    ...(seeded ? { seeded } : {}),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await db.destroy(); // PGlite flushes its files on close
    },
  };
}
