/**
 * Safe in production by default: the development outbox is served only when asked for, on a server
 * nobody else reaches; the server started as the README documents for production (https PUBLIC_URL,
 * SMTP, behind a proxy) exposes no development route and sends the headers a deployment needs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { median } from '../../bench/table.js';
import { startTestServer } from '../../tests/support/node/harness.js';
import { spawnServer, type ServerProcess } from '../../tests/support/node/soak.js';
import { showAdminKey } from './admin/keys.js';
import { loadConfig, type Config } from './config.js';
import { startSmtpServer, type SmtpServerForTests } from '../../tests/support/node/received-mail.js';
import { until } from '../../tests/support/until.js';
import { startServer } from './server.js';

const ADMIN_KEY = 'soak-admin-key-0123456789'; // the one spawnServer starts the process with

describe('configuration', () => {
  test('without SMTP_URL and without HALLWAY_DEV_OUTBOX the configuration is refused, naming SMTP_URL', () => {
    assert.throws(() => loadConfig({}), /SMTP_URL/);
    assert.throws(() => loadConfig({ HALLWAY_DEV_OUTBOX: '0' }), /SMTP_URL/);
    assert.equal(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).devOutbox, false);
  });

  test('the dev outbox is refused with an https PUBLIC_URL, a non-loopback HOST, or behind a proxy', () => {
    const dev = { HALLWAY_DEV_OUTBOX: '1' };
    assert.throws(() => loadConfig({ ...dev, PUBLIC_URL: 'https://careers.acme.example' }), /https PUBLIC_URL/);
    for (const HOST of ['0.0.0.0', '::', '192.168.1.20', 'hallway.acme.example']) {
      assert.throws(() => loadConfig({ ...dev, HOST }), /HOST/, HOST);
    }
    assert.throws(() => loadConfig({ ...dev, TRUST_PROXY: '1' }), /TRUST_PROXY/);
    // With SMTP too: the outbox would still show every mail to whoever asks.
    assert.throws(() => loadConfig({ ...dev, SMTP_URL: 'smtp://127.0.0.1:2525', HOST: '0.0.0.0' }), /HOST/);
    for (const HOST of ['127.0.0.1', '127.0.0.2', 'localhost', '::1']) assert.equal(loadConfig({ ...dev, HOST }).devOutbox, true, HOST);
  });

  test('TRUST_PROXY is a number of proxies', () => {
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525' };
    assert.equal(loadConfig(smtp).trustProxy, 0);
    assert.equal(loadConfig({ ...smtp, TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ ...smtp, TRUST_PROXY: '2' }).trustProxy, 2);
    for (const TRUST_PROXY of ['yes', '-1', '1.5', '99']) assert.throws(() => loadConfig({ ...smtp, TRUST_PROXY }), /TRUST_PROXY/, TRUST_PROXY);
  });

  test('startServer refuses the same configurations, whoever calls it, before opening a database', async () => {
    const base: Config = { port: 0, host: '127.0.0.1', publicUrl: 'http://127.0.0.1', databaseUrl: '/nonexistent/never-opened', mailFrom: 'x <x@x.example>' };
    await assert.rejects(startServer(base), /SMTP_URL/);
    await assert.rejects(startServer({ ...base, devOutbox: true, publicUrl: 'https://hallway.acme.example' }), /https PUBLIC_URL/);
    await assert.rejects(startServer({ ...base, devOutbox: true, host: '0.0.0.0' }), /HOST/);
  });

  test('`npm start`s process without SMTP_URL or --dev-outbox stops at once with a message naming SMTP_URL', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'memory://', PORT: '0' };
    delete env.SMTP_URL;
    delete env.HALLWAY_DEV_OUTBOX;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, timeout: 60_000 });
    const failure = await run.then(
      () => assert.fail('the server started'),
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /Hallway cannot start: SMTP_URL is not set/);
    assert.doesNotMatch(failure.stdout, /Hallway is running/);
  });
});

describe('the generated admin key', () => {
  test('on a terminal it is printed; otherwise it goes to a file only its owner can read, and only the path is printed', () => {
    const key = 'hw_admin_made-for-this-test';
    assert.match(showAdminKey(key, true), new RegExp(key));
    const file = join(mkdtempSync(join(tmpdir(), 'hallway-key-')), 'admin-key');
    const printed = showAdminKey(key, false, file);
    assert.doesNotMatch(printed, new RegExp(key));
    assert.match(printed, new RegExp(file));
    assert.equal(readFileSync(file, 'utf8').trim(), key);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    showAdminKey('hw_admin_a-later-one', false, file); // a file left from an earlier start is replaced
    assert.equal(readFileSync(file, 'utf8').trim(), 'hw_admin_a-later-one');
  });
});

describe('the server as started for production (https PUBLIC_URL, SMTP, TRUST_PROXY)', () => {
  let smtp: SmtpServerForTests;
  let server: ServerProcess;
  before(async () => {
    smtp = await startSmtpServer();
    server = await spawnServer({ PUBLIC_URL: 'https://hallway.acme.example', SMTP_URL: smtp.url, TRUST_PROXY: '1', DATABASE_URL: 'memory://' });
  });
  after(async () => {
    await server?.stop();
    await smtp?.close();
  });

  test('exposes no development route and says nothing of an outbox', async () => {
    for (const path of ['/dev/outbox', '/dev/outbox.json', '/dev/outbox/', '/dev/']) {
      assert.equal((await fetch(`${server.url}${path}`)).status, 404, path);
    }
    assert.doesNotMatch(server.output(), /outbox/i);
  });

  test('sends HSTS on every answer, the fast-path public lists included', async () => {
    for (const path of ['/', '/healthz', '/v1/sites/beaumont/people', '/v1/sites/beaumont/people?limit=2', '/me', '/v1/nothing', '/dev/outbox']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.headers.get('strict-transport-security'), 'max-age=31536000', path);
    }
  });

  test('personal and admin answers are never cached', async () => {
    const admin = { Authorization: `Bearer ${ADMIN_KEY}` };
    const answers = [
      await fetch(`${server.url}/v1/me`),
      await fetch(`${server.url}/v1/me/export`),
      await fetch(`${server.url}/v1/admin/sites`, { headers: admin }),
      await fetch(`${server.url}/v1/admin/sites`),
      await fetch(`${server.url}/v1/admin/sites/beaumont/people`, { headers: admin }),
    ];
    assert.deepEqual(
      answers.map((response) => response.status),
      [401, 401, 200, 401, 200],
    );
    for (const response of answers) assert.equal(response.headers.get('cache-control'), 'no-store', response.url);
  });

  test('mails go to the SMTP server', async () => {
    const people = (await (await fetch(`${server.url}/v1/admin/sites/beaumont/people?limit=1`, { headers: { Authorization: `Bearer ${ADMIN_KEY}` } })).json()) as {
      items: { email: string }[];
    };
    const email = people.items[0]!.email;
    const asked = await fetch(`${server.url}/v1/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
    assert.equal(asked.status, 202);
    await until(() => smtp.received.some((mail) => mail.envelopeTo.includes(email)), { timeout: 20_000, what: 'the sign-in mail to reach the SMTP server' });
  });

  // The server in its own process, as an attacker sees it: in the test's process, the work done after
  // the answer would hold up the test's own client reading that answer.
  test(
    'sign-in: known and unknown addresses answer in times nobody can tell apart (AUC of 400 interleaved timings within 0.35-0.65)',
    { timeout: 180_000 },
    async (t) => {
      const SAMPLES = 200;
      const staff = Array.from({ length: SAMPLES }, (_, i) => `timing${i}@beaumont-hotels.example`);
      const imported = await fetch(`${server.url}/v1/admin/sites/beaumont/people/import`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'text/csv' },
        body: ['email,full_name,job_title', ...staff.map((email, i) => `${email},Timing Person${i},Porter`)].join('\n'),
      });
      assert.equal(imported.status, 200, await imported.text());
      // Each known address once (each then makes a token and a mail), each unknown once, in a random order.
      const asks = shuffle([...staff.map((email) => ({ known: true, email })), ...staff.map((_, i) => ({ known: false, email: `nobody${i}@beaumont-hotels.example` }))]);
      const ask = async (email: string, i: number) => {
        const start = performance.now();
        const response = await fetch(`${server.url}/v1/auth/sign-in`, {
          method: 'POST',
          // Through the proxy (TRUST_PROXY=1), from as many addresses as asks: the rate limits are not what is measured.
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.18.${i >> 8}.${i & 255}` },
          body: JSON.stringify({ email }),
        });
        await response.text();
        assert.equal(response.status, 202);
        return performance.now() - start;
      };
      for (let i = 0; i < 20; i++) await ask(`warm-up${i}@beaumont-hotels.example`, 1000 + i);
      const known: number[] = [];
      const unknown: number[] = [];
      for (const [i, { known: isKnown, email }] of asks.entries()) {
        // A pause, as a careful prober would make, so that no ask waits for work left by the one before.
        await new Promise((resolve) => setTimeout(resolve, 20));
        (isKnown ? known : unknown).push(await ask(email, i));
      }
      const auc = areaUnderCurve(known, unknown);
      const figures = `AUC ${auc.toFixed(3)}; median known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms`;
      t.diagnostic(figures);
      assert.ok(auc > 0.35 && auc < 0.65, figures);
    },
  );
});

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The probability that a known address's time exceeds an unknown one's (Mann-Whitney U / n·m): 0.5 when alike, 1 when every known one is slower. */
function areaUnderCurve(known: number[], unknown: number[]) {
  let wins = 0;
  for (const k of known) for (const u of unknown) wins += k > u ? 1 : k === u ? 0.5 : 0;
  return wins / (known.length * unknown.length);
}

describe('development mode (HALLWAY_DEV_OUTBOX=1, as `npm start` runs the demo)', () => {
  test('serves the outbox, which no other page may frame, and no HSTS over http', async () => {
    const server = await startTestServer();
    try {
      for (const path of ['/dev/outbox', '/dev/outbox.json']) {
        const response = await fetch(`${server.url}${path}`);
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
        assert.equal(response.headers.get('strict-transport-security'), null, path);
      }
      const page = await fetch(`${server.url}/dev/outbox`);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    } finally {
      await server.close();
    }
  });
});
