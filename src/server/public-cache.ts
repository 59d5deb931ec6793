import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface CachedAnswer {
  body: string;
  etag: string;
  /** The body gzipped, made on the first request that accepts it. */
  gzipped(): Uint8Array<ArrayBuffer>;
}

interface Entry {
  version: string;
  expires: number;
  /** What `produce` made, for the next one (see `get`). */
  value: Promise<unknown>;
  answer: Promise<CachedAnswer>;
  /** Counted once the answer is made. */
  bytes: number;
}

/**
 * Public answers (people and testimonial lists) kept in memory, keyed by the site's public version:
 * a database trigger bumps it in the same transaction as any write that changes what candidates see,
 * so an entry is used only while nothing it shows has changed — also across several instances. A
 * short lifetime covers what changes with time alone (a pause that ends, the weekly window).
 * Concurrent requests for the same answer share one computation. When the answers outgrow
 * `maxBytes`, the least recently used go first.
 *
 * A version reads "version.order": when only the first part moved (a card's content changed, not who
 * is listed or in which order), `produce` gets the stale value to refresh rather than recompute.
 */
export class PublicCache {
  /** In order of use: the least recently used first (a Map iterates in insertion order). */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxBytes = 64 * 2 ** 20,
  ) {}

  /** The cached answer for `key` at `version`, or `produce()`'s, cached. */
  get(key: string, version: string, produce: (stale?: unknown) => Promise<unknown>): Promise<CachedAnswer> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit) this.remove(key, hit);
    if (hit && hit.version === version && hit.expires > now) {
      this.add(key, hit);
      return hit.answer;
    }
    const sameOrder = hit && hit.expires > now && orderOf(version) !== undefined && orderOf(hit.version) === orderOf(version);
    const value = sameOrder ? hit.value.then(produce) : produce();
    const entry: Entry = { version, expires: now + this.ttlMs, value, answer: value.then(toAnswer), bytes: 0 };
    this.entries.set(key, entry);
    entry.answer.then(
      (answer) => {
        if (this.entries.get(key) !== entry) return;
        this.remove(key, entry);
        // The body, and room for its gzipped copy (never larger for these lists).
        entry.bytes = key.length + 2 * Buffer.byteLength(answer.body);
        this.add(key, entry);
        this.evict();
      },
      () => this.entries.get(key) === entry && this.remove(key, entry),
    );
    return entry.answer;
  }

  /** Bytes held by the answers made so far. */
  get size() {
    return this.bytes;
  }

  private add(key: string, entry: Entry) {
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evict() {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(key, entry);
    }
  }
}

const orderOf = (version: string) => version.split('.')[1];

function toAnswer(value: unknown): CachedAnswer {
  const body = JSON.stringify(value);
  let gzipped: Uint8Array<ArrayBuffer> | undefined;
  return {
    body,
    etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
    gzipped: () => (gzipped ??= new Uint8Array(gzipSync(body))),
  };
}

/** Whether an If-None-Match header names `etag` (weak comparison, as GET allows). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Whether an Accept-Encoding header accepts gzip (named, or `*`, with no q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}
