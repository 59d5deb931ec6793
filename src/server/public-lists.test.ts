import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'node:http';
import { createApp } from './app.js';
import { Links } from './auth/links.js';
import { startServer, type RunningServer } from './server.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { setStatus } from './store/people.js';
import { publicLists } from './public-lists.js';
import { demo } from '../../tests/support/node/harness.js';

// The server answers the public lists straight from node:http when it can (the fast path) and through
// Hono otherwise: a client must not be able to tell which one answered.
let server: RunningServer;
let app: ReturnType<typeof createApp>;
let drop: () => Promise<void>;

before(async () => {
  const opened = await openTestDatabase();
  drop = opened.drop;
  server = await startServer(
    { port: 0, host: '127.0.0.1', publicUrl: 'http://127.0.0.1:0', databaseUrl: 'memory://', mailFrom: 'Hallway <hallway@localhost>', devOutbox: true },
    { db: opened.db, demo },
  );
  app = createApp({ db: opened.db, publicUrl: server.url, links: new Links(server.url, 'unused') });
});
after(async () => {
  await server.close();
  await drop();
});

/** Status, the headers a client sees (not the connection's), and the raw body bytes. */
function viaServer(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    request(`${server.url}${path}`, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: comparable(response.headers), body: Buffer.concat(chunks).toString('base64') }));
    })
      .on('error', reject)
      .end();
  });
}

async function viaHono(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await app.request(path, { headers, method });
  const body = method === 'HEAD' ? '' : Buffer.from(await response.arrayBuffer()).toString('base64');
  return { status: response.status, headers: comparable(Object.fromEntries(response.headers)), body };
}

const CONNECTION = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const comparable = (headers: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !CONNECTION.has(name.toLowerCase()))
      .map(([name, value]) => [name.toLowerCase(), String(value)])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );

test('every public list answers the same whichever path serves it', async () => {
  const first = await viaServer('/v1/sites/beaumont/people?job=Front%20Desk%20Agent&limit=2');
  const { nextCursor } = JSON.parse(Buffer.from(first.body, 'base64').toString()) as { nextCursor: string };
  const etag = first.headers.etag!;
  const cases: [string, Record<string, string>?][] = [
    ['/v1/sites/beaumont/people'],
    ['/v1/sites/beaumont/people?job=R%C3%A9ceptionniste&lang=fr&limit=3'],
    ['/v1/sites/beaumont/people?job=Front+Desk+Agent&location=London'],
    ['/v1/sites/beaumont/people?team=Housekeeping&limit=4', { 'accept-encoding': 'gzip, br' }],
    ['/v1/sites/beaumont/people?job=Front%20Desk%20Agent&limit=2', { 'if-none-match': etag }],
    [`/v1/sites/beaumont/people?job=Front%20Desk%20Agent&limit=2&cursor=${nextCursor}`],
    ['/v1/sites/beaumont/testimonials?job=Chef'],
    ['/v1/sites/beaumont/testimonials', { 'accept-encoding': 'gzip' }],
    // Left to the app: errors, repeated keys, another site.
    ['/v1/sites/beaumont/people?limit=0'],
    ['/v1/sites/beaumont/people?cursor=not-ours'],
    ['/v1/sites/beaumont/people?job=Chef&job=Waiter'],
    ['/v1/sites/nowhere/people'],
  ];
  for (const [path, headers] of cases) {
    assert.deepEqual(await viaServer(path, headers), await viaHono(path, headers), path);
  }
});

test('a write shows on the next read of the fast path', async () => {
  const path = '/v1/sites/beaumont/people?job=Front%20Desk%20Agent&limit=50';
  const names = async () => (JSON.parse(Buffer.from((await viaServer(path)).body, 'base64').toString()) as { items: { id: string }[] }).items.map((p) => p.id);
  const before = await names();
  const person = await server.db.selectFrom('people').select('id').where('public_id', '=', before[0]!).executeTakeFirstOrThrow();
  await setStatus(server.db, person.id, 'left');
  assert.ok(!(await names()).includes(before[0]!));
  await setStatus(server.db, person.id, 'employee');
  assert.deepEqual(await names(), before);
});

test('a card’s edit shows on the next read, and a name’s change re-orders the list', async () => {
  const path = '/v1/sites/beaumont/people?job=Front%20Desk%20Agent&limit=3';
  const list = async () =>
    (JSON.parse(Buffer.from((await viaServer(path)).body, 'base64').toString()) as { items: { id: string; bio: string | null; displayName: string }[] }).items;
  const before = await list();
  const edit = (publicId: string, set: { bio?: string; display_name?: string }) => server.db.updateTable('people').set(set).where('public_id', '=', publicId).execute();
  // Only a card's content: the same page, its cards read again.
  await edit(before[1]!.id, { bio: 'Edited just now.' });
  const edited = await list();
  assert.deepEqual(
    edited.map((p) => p.id),
    before.map((p) => p.id),
  );
  assert.equal(edited[1]!.bio, 'Edited just now.');
  // The name orders the list: the page is chosen again.
  await edit(before[0]!.id, { display_name: 'Zz Last' });
  const reordered = await list();
  assert.notEqual(reordered[0]!.id, before[0]!.id);
  assert.deepEqual(reordered, await viaHono(path).then((r) => JSON.parse(Buffer.from(r.body, 'base64').toString()).items));
  await edit(before[0]!.id, { display_name: before[0]!.displayName });
  await edit(before[1]!.id, { bio: before[1]!.bio ?? null } as { bio: string });
  assert.deepEqual(await list(), before);
});

test('HEAD, OPTIONS and other methods are the app’s', async () => {
  for (const method of ['HEAD', 'OPTIONS']) {
    const path = '/v1/sites/beaumont/people';
    const headers: Record<string, string> = method === 'OPTIONS' ? { origin: 'https://careers.example', 'access-control-request-method': 'GET' } : {};
    const served = await viaServer(path, headers, method);
    const hono = await viaHono(path, headers, method);
    assert.deepEqual([served.status, served.headers], [hono.status, hono.headers], method);
  }
});

test('the fast path answers valid list reads itself and leaves everything else to the app', async () => {
  const lists = publicLists(server.db, server.url);
  const run = (url: string, method = 'GET') =>
    new Promise<{ taken: boolean; fellBack: boolean; status?: number }>((resolve) => {
      const outcome: { taken: boolean; fellBack: boolean; status?: number } = { taken: false, fellBack: false };
      const response = {
        writeHead(status: number) {
          outcome.status = status;
          return { end: () => resolve(outcome) };
        },
      };
      const fallback = () => queueMicrotask(() => resolve({ ...outcome, fellBack: true })); // after fastPath returned
      outcome.taken = lists.fastPath({ method, url, headers: {} } as never, response as never, fallback);
      if (!outcome.taken) resolve(outcome);
    });
  assert.deepEqual(await run('/v1/sites/beaumont/people?job=Chef'), { taken: true, fellBack: false, status: 200 });
  assert.deepEqual(await run('/v1/sites/beaumont/testimonials'), { taken: true, fellBack: false, status: 200 });
  assert.deepEqual(await run('/v1/sites/beaumont/people?limit=0'), { taken: true, fellBack: true });
  assert.deepEqual(await run('/v1/sites/nowhere/people'), { taken: true, fellBack: true });
  assert.deepEqual(await run('/v1/sites/beaumont/people', 'HEAD'), { taken: false, fellBack: false });
  assert.deepEqual(await run('/v1/sites/beaumont/people/abc'), { taken: false, fellBack: false });
});
