import type { Context } from 'hono';

/**
 * Whether a form post came from this server's own pages. Our pages send no referrer, so a browser
 * sends `Origin: null` with their forms; `Sec-Fetch-Site` still tells another site's apart. Without
 * either header (older browsers, scripts), the request cannot be a cross-site forgery we can detect.
 */
export function fromOwnPage(c: Context, publicOrigin: string): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  const origin = c.req.header('Origin');
  return (site === undefined || site === 'same-origin' || site === 'none') && (origin === undefined || origin === 'null' || origin === publicOrigin);
}
