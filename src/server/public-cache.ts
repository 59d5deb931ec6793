import { createHash } from 'node:crypto';
import type { Db } from './store/database.js';

/**
 * Public answers (people and testimonial lists) kept in memory, keyed by the site's public version:
 * a database trigger bumps it in the same transaction as any write that changes what candidates see,
 * so an entry is used only while nothing it shows has changed — also across several instances. A
 * short lifetime covers what changes with time alone (a pause that ends, the weekly window).
 */
export class PublicCache {
  private readonly entries = new Map<string, { version: string; expires: number; body: string; etag: string }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 2_000,
  ) {}

  /** The cached answer for `key` at `version`, or `produce()`'s, cached. */
  async get(key: string, version: string, produce: () => Promise<unknown>): Promise<{ body: string; etag: string }> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.expires > now) return hit;
    const body = JSON.stringify(await produce());
    const entry = { version, expires: now + this.ttlMs, body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry;
  }
}

/** The site's public version now: one primary-key read. */
export async function publicVersion(db: Db, siteId: number): Promise<string> {
  const row = await db.selectFrom('public_versions').select('version').where('site_id', '=', siteId).executeTakeFirst();
  return String(row?.version ?? '0');
}
