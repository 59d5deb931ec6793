/**
 * Fetching a job feed, a sitemap or a job page from someone else's server, carefully: https only, to
 * public addresses only (this machine, over http too, with HALLWAY_FEED_LOOPBACK=1, so tests and a
 * local careers site work), a few redirects and no loops, a deadline, and a size limit enforced while
 * the body streams in.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type { FeedStatusCode } from '../../sdk/admin-schemas.js';
import { pinnedLookup, resolvePublic, type Resolved } from './public-address.js';

export const FEED_USER_AGENT = 'Hallway job feed reader';
export const MAX_REDIRECTS = 5;

/** Why a fetch (or what it read) is refused; `code` is the feed's status. */
export class FeedFailure extends Error {
  constructor(
    readonly code: Exclude<FeedStatusCode, 'pending' | 'ok' | 'not_modified'>,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  /** For the whole fetch: redirects, headers and body. */
  timeoutMs: number;
  maxBytes: number;
  /** Ends the fetch early (the feed's overall deadline). */
  signal?: AbortSignal;
}

export type Fetched = { notModified: true } | { notModified: false; body: string; url: string; etag: string | null; lastModified: string | null };

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/** https anywhere, http only on this machine. */
export function isFetchable(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
}

/** The addresses `url` may be fetched from: public ones, or this machine's with the allowance (and only they, over http). */
async function checkedAddresses(url: URL): Promise<Resolved> {
  const resolved = await resolvePublic(url.hostname);
  if (!resolved) throw new FeedFailure('private_address', `${url.href} is on a private or local network address`);
  if (url.protocol === 'http:' && !resolved.loopback) throw new FeedFailure('insecure_url', `${url.href} is not https (http is only for this machine)`);
  return resolved;
}

/** One GET, connected to the checked addresses only; the answer as a fetch Response (its body streamed). */
function get(url: URL, headers: Record<string, string>, resolved: Resolved, signal: AbortSignal): Promise<Response> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers, signal, lookup: pinnedLookup(resolved) }, (incoming: IncomingMessage) => {
      const answer = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value);
      const status = incoming.statusCode ?? 502;
      const body = status === 204 || status === 304 ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status, headers: answer }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** GETs `address`, following redirects by hand; `conditional` sends the validators of the last answer. */
export async function fetchLimited(address: string, limits: FetchLimits, conditional: { etag?: string | null; lastModified?: string | null } = {}): Promise<Fetched> {
  const signal = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), ...(limits.signal ? [limits.signal] : [])]);
  const headers: Record<string, string> = { 'User-Agent': FEED_USER_AGENT, Accept: 'application/json, application/xml, text/xml, text/html;q=0.9, */*;q=0.5' };
  if (conditional.etag) headers['If-None-Match'] = conditional.etag;
  if (conditional.lastModified) headers['If-Modified-Since'] = conditional.lastModified;
  const seen = new Set<string>();
  let url = new URL(address);
  try {
    for (;;) {
      if (!isFetchable(url)) throw new FeedFailure('insecure_url', `${url.href} is not https (http is only for this machine)`);
      seen.add(url.href);
      const response = await get(url, headers, await checkedAddresses(url), signal);
      const location = response.headers.get('Location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel();
        const next = new URL(location, url);
        if (seen.has(next.href)) throw new FeedFailure('redirect_loop', `${url.href} redirects in a loop (back to ${next.href})`);
        if (seen.size > MAX_REDIRECTS) throw new FeedFailure('too_many_redirects', `more than ${MAX_REDIRECTS} redirects from ${address}`);
        url = next;
        continue;
      }
      if (response.status === 304) return { notModified: true };
      if (!response.ok) {
        await response.body?.cancel();
        throw new FeedFailure('http_error', `${url.href} answered HTTP ${response.status}`);
      }
      const body = await readLimited(response, limits.maxBytes, url.href);
      return { notModified: false, body, url: url.href, etag: response.headers.get('ETag'), lastModified: response.headers.get('Last-Modified') };
    }
  } catch (error) {
    if (error instanceof FeedFailure) throw error;
    if (signal.aborted) throw new FeedFailure('timeout', `${url.href} did not answer within ${limits.timeoutMs / 1000} s`);
    throw new FeedFailure('unreachable', `${url.href} could not be reached (${describeCause(error)})`);
  }
}

/** The body as text, cancelled as soon as it outgrows `maxBytes` (the announced length is checked first). */
async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  const tooLarge = () => new FeedFailure('too_large', `${url} is larger than ${maxBytes / 1024 / 1024} MB`);
  if (Number(response.headers.get('Content-Length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
