import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** An app served over real HTTP for a test, on a free loopback port. */
export interface Served {
  url: string;
  close: () => Promise<void>;
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
