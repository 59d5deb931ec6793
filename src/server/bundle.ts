import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

export interface BundleOptions {
  /** Folder with `hallway.js`, `me.js`, `admin.js` and their chunks (the built bundle). */
  dir: string;
  /** The release, for the immutable `/hallway@<version>.js`. */
  version: string;
  /** Where people reach this server: the keys of the published hashes are absolute URLs. */
  publicUrl: string;
}

/** This release's version, from package.json. */
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const SHORT = 'public, max-age=300, stale-while-revalidate=86400';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The bundle, for careers pages on any origin: a module script from another origin is a CORS
 * request, so every file carries `Access-Control-Allow-Origin: *` (no credentials: it holds no
 * secret). `/hallway.js` follows the server's upgrades; `/hallway@<version>.js` never changes, and
 * chunks are named by their content hash, so both are immutable. `/integrity.json` publishes their
 * sha384 hashes as an import map's `integrity`, which also pins the chunks `hallway.js` imports.
 */
export function bundleRoutes({ dir, version, publicUrl }: BundleOptions) {
  const app = new Hono();
  const pinned = `/hallway@${version}.js`;
  const paths = ['/hallway.js', '/me.js', '/chunks/*', pinned, '/integrity.json'];
  for (const path of paths) {
    app.use(path, async (c, next) => {
      await next();
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    });
  }
  app.use('/hallway.js', cacheFor(SHORT), etag({ weak: true }));
  app.use('/me.js', cacheFor(SHORT), etag({ weak: true }));
  // The HR workspace's bundle (src/admin.ts): same-origin only, so no CORS header.
  app.use('/admin.js', cacheFor(SHORT), etag({ weak: true }), serveStatic({ root: dir }));
  app.use(pinned, cacheFor(IMMUTABLE));
  app.use('/chunks/*', cacheFor(IMMUTABLE));
  app.use(pinned, serveStatic({ root: dir, rewriteRequestPath: () => '/hallway.js' }));
  for (const path of paths.slice(0, 3)) app.use(path, serveStatic({ root: dir }));
  app.get('/integrity.json', async (c) => {
    c.header('Cache-Control', SHORT);
    return c.json(await integrity(dir, version, publicUrl));
  });
  return app;
}

export interface Integrity {
  version: string;
  /** The script tag's `src`, to use with `integrity` and `crossorigin`. */
  script: string;
  /** `sha384-…` for every file the elements load (by absolute URL), in an import map's format. */
  integrity: Record<string, string>;
}

/** The hashes of `hallway.js` (as its pinned URL) and of every chunk it may load (not the /me page's or the workspace's). */
export async function integrity(dir: string, version: string, publicUrl: string): Promise<Integrity> {
  const chunks = (await readdir(join(dir, 'chunks'))).filter((name) => name.endsWith('.js') && !/^(me|admin)-/.test(name)).sort();
  const script = `${publicUrl}/hallway@${version}.js`;
  const files: [string, string][] = [[script, 'hallway.js'], ...chunks.map((name): [string, string] => [`${publicUrl}/chunks/${name}`, `chunks/${name}`])];
  const hashes = await Promise.all(files.map(async ([url, file]) => [url, sri(await readFile(join(dir, file)))] as const));
  return { version, script, integrity: Object.fromEntries(hashes) };
}

export const sri = (data: Uint8Array) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

export function cacheFor(value: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', value);
  };
}
