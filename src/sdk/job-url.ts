/**
 * A job page's address as jobs are matched by it: scheme and host in lower case (the URL parser does
 * it), no query, no hash, no trailing slash. `undefined` when it is not an http(s) URL.
 */
export function normaliseJobUrl(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
