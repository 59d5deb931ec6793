import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../store/database.js';

const MIN_KEY_LENGTH = 16;

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export const newAdminKey = () => `hw_admin_${randomBytes(32).toString('base64url')}`;

/**
 * Makes sure an admin key exists. With `HALLWAY_ADMIN_KEY` (envKey) that key is the only one
 * accepted, so changing the variable and restarting revokes the previous key. Without it, a key is
 * generated on first start and returned once in `created`: only its SHA-256 is stored.
 */
export async function ensureAdminKey(db: Db, envKey?: string): Promise<{ created?: string }> {
  if (envKey !== undefined && envKey !== '') {
    if (envKey.length < MIN_KEY_LENGTH) throw new Error(`HALLWAY_ADMIN_KEY must be at least ${MIN_KEY_LENGTH} characters long`);
    const keyHash = hashKey(envKey);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('admin_keys').where('key_hash', '<>', keyHash).execute();
      await trx
        .insertInto('admin_keys')
        .values({ key_hash: keyHash })
        .onConflict((oc) => oc.column('key_hash').doNothing())
        .execute();
    });
    return {};
  }
  const existing = await db.selectFrom('admin_keys').select('id').limit(1).executeTakeFirst();
  if (existing) return {};
  const created = newAdminKey();
  await db
    .insertInto('admin_keys')
    .values({ key_hash: hashKey(created) })
    .execute();
  return { created };
}

/** Whether `key` is the bootstrap admin key (`HALLWAY_ADMIN_KEY`, or the one made on the first start). */
export async function isBootstrapKey(db: Db, key: string): Promise<boolean> {
  return !!(await db.selectFrom('admin_keys').select('id').where('key_hash', '=', hashKey(key)).executeTakeFirst());
}

/** Where a made admin key is written when the output is no terminal (a log file, a service manager). */
export const ADMIN_KEY_FILE = '.hallway-admin-key';

/**
 * What to print about a key made on this start. On a terminal, the key itself; otherwise the output
 * ends up in logs, so the key goes into a file only its owner can read, and the text names the file.
 */
export function showAdminKey(key: string, terminal: boolean, file = resolve(ADMIN_KEY_FILE)): string {
  if (terminal) {
    return `
Admin key (shown this once; only its hash is stored):
  ${key}
  Use it as HALLWAY_ADMIN_KEY for the CLI: HALLWAY_ADMIN_KEY=${key} npx hallway sites list`;
  }
  rmSync(file, { force: true }); // a file left from an earlier database may have other permissions
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return `
Admin key made on this start and written to ${file} (readable by its owner only; only its hash is stored).
  Read it once, keep it as HALLWAY_ADMIN_KEY, and delete the file.`;
}
