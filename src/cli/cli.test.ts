import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { adminRoutes } from '../server/admin/routes.js';
import { ensureAdminKey } from '../server/admin/keys.js';
import { Links } from '../server/auth/links.js';
import type { Db } from '../server/store/database.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';

const KEY = 'cli-test-admin-key-0123456789';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let db: Db;
let drop: () => Promise<void>;
let server: Server;
let url: string;
let dir: string;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, KEY);
  const app = new Hono().route('/v1/admin', adminRoutes({ db, links: new Links('https://hallway.test', 'secret') }));
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'hallway-cli-'));
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await drop();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function hallway(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, HALLWAY_URL: url, HALLWAY_ADMIN_KEY: KEY, HALLWAY_SITE: undefined, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'close');
  return { code, stdout, stderr };
}

async function file(name: string, content: string) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

test('sites create, then list', async () => {
  const created = await hallway(['sites', 'create', 'acme', '--name', 'Acme Logistics', '--origin', 'https://careers.acme.example', '--lang', 'fr']);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /Created site acme \(Acme Logistics\)/);

  const listed = await hallway(['sites', 'list']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /^SLUG +NAME +LANG +ALLOWED ORIGINS$/m);
  assert.match(listed.stdout, /^acme +Acme Logistics +fr +https:\/\/careers\.acme\.example$/m);

  const taken = await hallway(['sites', 'create', 'acme', '--name', 'Again']);
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /conflict: A site "acme" already exists/);
});

test("sites update --add-origin adds to the allowed origins, as the elements' console line says", async () => {
  const added = await hallway(['sites', 'update', 'acme', '--add-origin', 'http://localhost:4200', '--add-origin', 'https://careers.acme.example']);
  assert.equal(added.code, 0, added.stderr);
  const sites = (await (await fetch(`${url}/v1/admin/sites`, { headers: { Authorization: `Bearer ${KEY}` } })).json()) as { items: { allowedOrigins: string[] }[] };
  assert.deepEqual(sites.items[0]!.allowedOrigins, ['https://careers.acme.example', 'http://localhost:4200']);
});

test("sites update --accent and --careers-url set the landing pages' brand; none clears them", async () => {
  const site = async () => {
    const { items } = (await (await fetch(`${url}/v1/admin/sites`, { headers: { Authorization: `Bearer ${KEY}` } })).json()) as {
      items: { slug: string; accentColor: string | null; careersUrl: string | null }[];
    };
    const { accentColor, careersUrl } = items.find((item) => item.slug === 'acme')!;
    return { accentColor, careersUrl };
  };
  const set = await hallway(['sites', 'update', 'acme', '--accent', '#8A2F3C', '--careers-url', 'https://careers.acme.example/jobs']);
  assert.equal(set.code, 0, set.stderr);
  assert.deepEqual(await site(), { accentColor: '#8a2f3c', careersUrl: 'https://careers.acme.example/jobs' });

  const refused = await hallway(['sites', 'update', 'acme', '--careers-url', 'http://careers.acme.example/jobs']);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /careersUrl: must be a web address .*http only for localhost/);

  const cleared = await hallway(['sites', 'update', 'acme', '--accent', 'none', '--careers-url', 'none']);
  assert.equal(cleared.code, 0, cleared.stderr);
  assert.deepEqual(await site(), { accentColor: null, careersUrl: null });
});

test('people import: the report, then the people list', async () => {
  const csv = await file(
    'people.csv',
    'email,full_name,job_title,team,languages,external_id\nmarie@acme.example,Marie Dupont,Driver,Logistics,fr;en,E1\nbob@acme.example,Bob Smith,Driver,Logistics,en,E2\n',
  );
  const imported = await hallway(['people', 'import', csv, '--site', 'acme']);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Imported people\.csv into acme: 2 created, 0 updated, 0 unchanged \(2 rows\)/);

  const json = await file('more.json', JSON.stringify([{ email: 'chloe@acme.example', full_name: 'Chloé Martin', job_title: 'Engineer' }]));
  const fromJson = await hallway(['people', 'import', json], { HALLWAY_SITE: 'acme' });
  assert.equal(fromJson.code, 0, fromJson.stderr);
  assert.match(fromJson.stdout, /1 created/);

  const listed = await hallway(['people', 'list', '--site', 'acme']);
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /E1 +Marie Dupont +marie@acme\.example +Driver +Logistics +employee +no +no/);
  assert.match(listed.stdout, /^3 people$/m);
});

test('a bad file: each problem with its line, exit 1', async () => {
  const csv = await file('bad.csv', 'email,full_name,job_title\nok@acme.example,Ok,Driver\nnot-an-email,X,Driver\ny@acme.example,,Driver\n');
  const { code, stderr } = await hallway(['people', 'import', csv, '--site', 'acme']);
  assert.equal(code, 1);
  assert.match(stderr, /^ {2}line 3: email: not an e-mail address$/m);
  assert.match(stderr, /^ {2}line 4: full_name: required$/m);
  assert.match(stderr, /nothing was imported/);
});

test('a file with 120 problems: the first 100 listed, then how many more', async () => {
  const rows = Array.from({ length: 120 }, (_, index) => `not-an-email-${index},X,Driver`);
  const csv = await file('many.csv', `email,full_name,job_title\n${rows.join('\n')}\n`);
  const { code, stderr } = await hallway(['people', 'import', csv, '--site', 'acme']);
  assert.equal(code, 1);
  assert.match(stderr, /^many\.csv was refused: 120 problems in the file; nothing was imported\.$/m);
  assert.match(stderr, /^ {2}line 101: email: not an e-mail address$/m);
  assert.doesNotMatch(stderr, /line 102:/);
  assert.match(stderr, /^ {2}… and 20 more$/m);
});

test('invite, cooldown, leave with an alumni invitation', async () => {
  const env = { HALLWAY_SITE: 'acme' };
  const invited = await hallway(['invite', 'marie@acme.example'], env);
  assert.equal(invited.code, 0, invited.stderr);
  const again = await hallway(['invite', 'E1'], env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /invite_cooldown: .*allowed again at/);
  const all = await hallway(['invite', '--all'], env);
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /Invited 2; skipped 1/);

  const left = await hallway(['people', 'leave', 'E2', '--invite-alumni'], env);
  assert.equal(left.code, 0, left.stderr);
  assert.match(left.stdout, /Bob Smith <bob@acme\.example> has left .* alumni/);
  const leftList = await hallway(['people', 'list', '--status', 'left'], env);
  assert.match(leftList.stdout, /Bob Smith/);
  assert.doesNotMatch(leftList.stdout, /Marie/);
});

test('admins add, list and remove: the HR workspace accounts', async () => {
  const added = await hallway(['admins', 'add', 'Claire@HR.example', '--role', 'editor', '--name', 'Claire Martin']);
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /Added claire@hr\.example as editor \(id \S+\)/);
  const listed = await hallway(['admins', 'list']);
  assert.match(listed.stdout, /^ID +E-MAIL +NAME +ROLE +LAST SIGN-IN$/m);
  assert.match(listed.stdout, /^\S+ +claire@hr\.example +Claire Martin +editor +never$/m);
  const noRole = await hallway(['admins', 'add', 'sam@hr.example']);
  assert.equal(noRole.code, 2);
  assert.match(noRole.stderr, /admins add needs --role owner\|editor\|moderator/);
  const removed = await hallway(['admins', 'remove', 'claire@hr.example']);
  assert.equal(removed.code, 0, removed.stderr);
  assert.doesNotMatch((await hallway(['admins', 'list'])).stdout, /claire@hr\.example/);
});

test('keys create prints the secret once; HALLWAY_ADMIN_KEY may hold it; its scopes limit it; revoked, it stops working', async () => {
  const created = await hallway(['keys', 'create', 'Nightly sync', '--scope', 'people,settings']);
  assert.equal(created.code, 0, created.stderr);
  const secret = /^ {2}(hw_live_\S+)$/m.exec(created.stdout)?.[1];
  const id = /\(id (\S+)\)/.exec(created.stdout)?.[1];
  assert.ok(secret && id, created.stdout);
  const listed = await hallway(['keys', 'list']);
  assert.match(listed.stdout, new RegExp(`^${id} +Nightly sync +people,settings +hw_live_\\S{4}… +bootstrap +- +active$`, 'm'));
  assert.ok(!listed.stdout.includes(secret));

  assert.equal((await hallway(['sites', 'list'], { HALLWAY_ADMIN_KEY: secret })).code, 0);
  const beyond = await hallway(['audit'], { HALLWAY_ADMIN_KEY: secret });
  assert.equal(beyond.code, 1);
  assert.match(beyond.stderr, /forbidden: This needs the "audit" permission/);

  const badScope = await hallway(['keys', 'create', 'Oops', '--scope', 'everything']);
  assert.equal(badScope.code, 2);
  assert.match(badScope.stderr, /"everything" is not a scope/);

  assert.equal((await hallway(['keys', 'revoke', id])).code, 0);
  const revoked = await hallway(['sites', 'list'], { HALLWAY_ADMIN_KEY: secret });
  assert.equal(revoked.code, 1);
  assert.match(revoked.stderr, /unauthorized/);
});

test('audit: the latest lines as a table, or the whole log as CSV', async () => {
  const shown = await hallway(['audit']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^AT \(UTC\) +WHO +ACTION +SITE +TARGET$/m);
  assert.match(shown.stdout, /^\S+ \S+ +bootstrap key +key\.revoke +- +\S+$/m);
  assert.match(shown.stdout, /^\S+ \S+ +bootstrap key +site\.create +acme +-$/m);
  const csv = await hallway(['audit', '--csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\r\n');
  assert.equal(lines[0], 'at,actor_kind,actor_id,actor,action,site,target,details');
  assert.ok(lines.some((line) => /,key,\S+,Nightly sync,people\.import|,bootstrap,,bootstrap key,key\.create,,/.test(line)));
});

test('a wrong key: exit 1 and "unauthorized"; no key at all: exit 2 explaining HALLWAY_ADMIN_KEY', async () => {
  const wrong = await hallway(['sites', 'list'], { HALLWAY_ADMIN_KEY: 'not-the-key-0123456789' });
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /unauthorized: An admin key or a workspace session is required/);
  const none = await hallway(['sites', 'list'], { HALLWAY_ADMIN_KEY: '' });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /HALLWAY_ADMIN_KEY/);
});

test('an unreachable server: exit 3 naming the URL', async () => {
  const closed = createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const { code, stderr } = await hallway(['sites', 'list', '--url', deadUrl]);
  assert.equal(code, 3);
  assert.ok(stderr.includes(`Cannot reach the Hallway server at ${deadUrl}`), stderr);
});

test('a web server that is not Hallway: exit 1 saying so', async () => {
  const other = createServer((_request, response) => response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>'));
  other.listen(0, '127.0.0.1');
  await once(other, 'listening');
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  try {
    const { code, stderr } = await hallway(['sites', 'list', '--url', otherUrl]);
    assert.equal(code, 1);
    assert.equal(stderr, `Error: HTTP 404 from ${otherUrl}, which does not look like a Hallway server.\n`);
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});

test('usage errors: exit 2 with the usage', async () => {
  for (const args of [['frobnicate'], ['sites', 'create', 'x'], ['people', 'list'], ['invite', '--site', 'acme'], ['sites', 'list', '--bogus']]) {
    const { code, stderr } = await hallway(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /Usage: hallway <command>/);
  }
  const help = await hallway(['help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /people import <file\.csv\|file\.json> --site <slug>/);
});

test('sites oidc: company sign-in set with the secret from the environment, shown without it, removed', async () => {
  const SECRET = 'cli-oidc-client-secret-0123';
  const noSecret = await hallway(['sites', 'oidc', 'acme', '--issuer', 'https://acme.okta.com/oauth2/default', '--client-id', '0oa1acme', '--display-name', 'Acme']);
  assert.equal(noSecret.code, 2);
  assert.match(noSecret.stderr, /HALLWAY_OIDC_CLIENT_SECRET/);

  const set = await hallway(['sites', 'oidc', 'acme', '--issuer', 'https://acme.okta.com/oauth2/default', '--client-id', '0oa1acme', '--display-name', 'Acme'], {
    HALLWAY_OIDC_CLIENT_SECRET: SECRET,
  });
  assert.equal(set.code, 0, set.stderr);
  const off = await hallway(['sites', 'oidc', 'acme', '--email-sign-in', 'off']);
  assert.equal(off.code, 0, off.stderr);
  const shown = await hallway(['sites', 'oidc', 'acme']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /^Issuer: +https:\/\/acme\.okta\.com\/oauth2\/default$/m);
  assert.match(shown.stdout, /^Sign-in name: +Acme$/m);
  assert.match(shown.stdout, /^E-mail sign-in: off$/m);
  assert.match(shown.stdout, /^Redirect URI: +https:\/\/hallway\.test\/auth\/oidc\/callback$/m);
  for (const run of [set, off, shown]) assert.doesNotMatch(run.stdout + run.stderr, new RegExp(SECRET));

  const removed = await hallway(['sites', 'oidc', 'acme', '--remove']);
  assert.equal(removed.code, 0, removed.stderr);
  assert.match(removed.stdout, /No company sign-in\./);
});

test('scim tokens: create prints the secret once and the base URL; list shows its prefix; revoke ends it', async () => {
  assert.equal((await hallway(['sites', 'create', 'scim-co', '--name', 'SCIM Co'])).code, 0);
  const created = await hallway(['scim', 'tokens', 'create', 'Okta', '--site', 'scim-co']);
  assert.equal(created.code, 0, created.stderr);
  const secret = /^ {2}(hw_scim_\S+)$/m.exec(created.stdout)?.[1];
  const id = /\(id (\S+)\)/.exec(created.stdout)?.[1];
  assert.ok(secret && id, created.stdout);
  assert.match(created.stdout, /base URL https:\/\/hallway\.test\/scim\/v2/);
  const listed = await hallway(['scim', 'tokens', 'list', '--site', 'scim-co']);
  assert.match(listed.stdout, new RegExp(`^${id} +Okta +hw_scim_\\S{4}… +bootstrap key +- +active$`, 'm'));
  assert.ok(!listed.stdout.includes(secret));
  assert.equal((await hallway(['scim', 'tokens', 'revoke', id, '--site', 'scim-co'])).code, 0);
  assert.match((await hallway(['scim', 'tokens', 'list', '--site', 'scim-co'])).stdout, /revoked/);
  const wrong = await hallway(['scim', 'tokens', 'rotate', '--site', 'scim-co']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /create, list or revoke, not "rotate"/);
});
