import { createServer, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** An app served over real HTTP for a test, on a free loopback port. */
export interface Served {
  url: string;
  close: () => Promise<void>;
}

/**
 * A loopback port nobody listens on right now. Servers a test starts listen on port 0 and read the
 * port they got; this is for the rest: an address that must refuse connections (a server down, to be
 * started there later), and servers that need their URL before they listen (the Hallway server's
 * public URL, PostgreSQL's port).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

export async function serveOnLoopback(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<Served> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What a person sees of a landing page: its language, the site named in its header, its link back, its primary action. */
export function landingPageParts(text: string) {
  return {
    lang: text.match(/<html lang="(\w+)">/)?.[1],
    header: text.match(/<header class="site">(?:<a href="([^"]*)">)?(?:<span>)?([^<]*)</)?.slice(1),
    footerLink: text.match(/<footer class="site"><a href="([^"]*)">([^<]*)<\/a>/)?.slice(1),
    action: text.match(/<p class="next"><a class="button" href="([^"]*)">([^<]*)<\/a>/)?.slice(1) ?? text.match(/<button type="submit">([^<]*)</)?.[1],
  };
}
