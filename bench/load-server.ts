/**
 * The server for load.ts, in its own child process (forked by api.ts's startChild): the real server
 * on in-memory PGlite or, given a database URL, PostgreSQL, with a `big` site of `people` people and
 * 1,000 small sites of 12. Answers RPCs: `write` (one write changing what the big site shows) and
 * `import` (a CSV-like import of `rows` people into a new site, timed).
 */
import { startServer } from '../src/server/server.js';
import { importPeople, type RawRow } from '../src/server/admin/import.js';
import { createSite } from '../src/server/store/sites.js';
import { freePort } from '../tests/support/node/harness.js';
import { seedBenchSite, seedManySites } from './seed.js';

const [people = '100000', databaseUrl = 'memory://'] = process.argv.slice(2);
const port = await freePort();
const server = await startServer({
  port,
  host: '127.0.0.1',
  publicUrl: `http://127.0.0.1:${port}`,
  databaseUrl,
  devOutbox: true,
  mailFrom: 'Hallway <hallway@bench.example>',
});
const { db } = server;
let start = performance.now();
const big = await seedBenchSite(db, Number(people), 'big');
const bigSeedMs = performance.now() - start;
start = performance.now();
const sites = await seedManySites(db, 1000, 12);
const manySeedMs = performance.now() - start;
const ids = (await db.selectFrom('people').select('id').where('site_id', '=', big.siteId).where('listed', '=', true).limit(1000).execute()).map((r) => r.id);

let writes = 0;
const calls: Record<string, (args: any) => Promise<unknown>> = {
  /** A listed person of the big site edits their bio: every cached list of the site is stale. */
  async write() {
    const id = ids[writes++ % ids.length]!;
    await db
      .updateTable('people')
      .set({ bio: `Edited ${writes} times.` })
      .where('id', '=', id)
      .execute();
    return writes;
  },
  async import({ rows }: { rows: number }) {
    const site = await createSite(db, { slug: `import-${Date.now()}`, name: 'Import' });
    const raw: RawRow[] = Array.from({ length: rows }, (_, i) => ({
      line: i + 2,
      cells: { email: `import${i}@import.example`, full_name: `Imported Person${i}`, job_title: `Title ${i % 200}`, team: `Team ${i % 9}`, location: 'Paris' },
    }));
    const begin = performance.now();
    const report = await importPeople(db, site.id, raw);
    return { ms: performance.now() - begin, created: report.created };
  },
};
process.on('message', async ({ id, call, args }: { id: number; call: string; args: unknown }) => {
  try {
    process.send!({ id, result: await calls[call]!(args) });
  } catch (error) {
    process.send!({ id, error: error instanceof Error ? error.stack : String(error) });
  }
});
process.once('disconnect', () => void server.close());
process.send!({ type: 'ready', url: server.url, info: { people: Number(people), listed: big.listed, bigSeedMs, manySeedMs, sites: sites.length } });
