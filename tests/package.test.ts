// The npm package as `npm publish` would send it: `npm pack` (its prepack builds it), installed with
// packages from the registry into a fresh Vite + TypeScript app and into the Astro example. Then:
// plain Node imports it, its CLI runs without tsx, and both apps, built, show a real Hallway server's
// people in Chromium from another origin.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { launchChromium, runCli, serveStatic, startTestServer, ADMIN_KEY } from './support/node/harness.js';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'hallway-package-'));
const app = join(work, 'npm-app');
const astro = join(work, 'astro');
const installed = join(work, 'node_modules/hallway');
// npm's variables from a surrounding `npm test` describe this repository, not the apps.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
const bin = (name: string) => join(work, 'node_modules/.bin', name);

/** The dependencies a committed app's package.json asks for, but the packed `hallway`. */
function registryPackages(dir: string): string[] {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  return Object.entries({ ...dependencies, ...devDependencies })
    .filter(([name]) => name !== 'hallway')
    .map(([name, range]) => `${name}@${range}`);
}

/** Opens `url`, waits for the grid's cards and answers their names; fails on any page error. */
async function cardNames(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(url);
  await page.locator('hw-people-grid hw-person-card [part="name"]').first().waitFor();
  assert.deepEqual(problems, []);
  return page.locator('hw-people-grid hw-person-card [part="name"]').allTextContents();
}

let tarball: string;
let hallway: RunningServer;
let browser: Browser;
let expected: string[];
const servers: Server[] = [];

before(async () => {
  const started = Promise.all([startTestServer({ adminKey: ADMIN_KEY }), launchChromium()]);
  await run('npm', ['pack', '--pack-destination', work], { env });
  tarball = join(
    work,
    readdirSync(work).find((file) => file.endsWith('.tgz'))!,
  );
  // One install for every test: both apps resolve their packages from `work/node_modules`.
  writeFileSync(join(work, 'package.json'), '{ "private": true }\n');
  const packages = [...new Set([...registryPackages('tests/fixtures/npm-app'), ...registryPackages('examples/astro')])];
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, ...packages], { cwd: work, env });
  cpSync('tests/fixtures/npm-app', app, { recursive: true });
  cpSync('examples/astro', astro, { recursive: true, filter: (path) => !/[/\\](node_modules|dist|\.astro)$/.test(path) });

  [hallway, browser] = await started;
  const response = await fetch(`${hallway.url}/v1/sites/beaumont/people?job=Front+Desk+Agent&location=London&limit=4&lang=en`);
  expected = ((await response.json()) as { items: { displayName: string }[] }).items.map((person) => person.displayName);
  assert.ok(expected.length > 0);
});

after(async () => {
  for (const server of servers) server.close();
  await browser?.close();
  await hallway?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  test('holds the built entry points, types, custom-elements.json, the CDN bundle and the compiled CLI, and no sources', (t) => {
    t.diagnostic(`tarball: ${(statSync(tarball).size / 1024).toFixed(0)} KB`);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      dependencies: Record<string, string>;
    };
    for (const [entry, target] of Object.entries(manifest.exports)) {
      for (const file of typeof target === 'string' ? [target] : Object.values(target)) assert.ok(existsSync(join(installed, file)), `${entry}: ${file}`);
    }
    assert.ok(existsSync(join(installed, 'dist/cli/cli.js')));
    const top = readdirSync(installed).filter((name) => name !== 'node_modules');
    assert.deepEqual(top.sort(), ['README.md', 'bin', 'custom-elements.json', 'dist', 'docs', 'package.json']);
    assert.deepEqual(readdirSync(join(installed, 'dist')).sort(), ['cdn', 'cli', 'lib', 'types']);
    assert.ok(!existsSync(join(installed, 'dist/cdn/me.js')), 'the /me page stays on the server');
    // Installing it brings none of the server's packages: a careers site needs none of them.
    for (const server of ['@electric-sql/pglite', 'hono', 'kysely', 'sharp', 'tsx']) assert.ok(!(server in manifest.dependencies), server);
  });

  test('imports in plain Node (server-side rendering): hallway, every element entry point and hallway/sdk throw nothing and render nothing', async () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { exports: Record<string, string | { default?: string }> };
    const modules = Object.entries(manifest.exports)
      .filter(([, target]) => typeof target === 'object' && target.default)
      .map(([entry]) => join('hallway', entry));
    assert.ok(modules.includes('hallway') && modules.includes('hallway/sdk') && modules.includes('hallway/people-grid.js'), modules.join());
    const script = `
      for (const name of ${JSON.stringify(modules)}) await import(name);
      const { createClient } = await import('hallway/sdk');
      console.log(JSON.stringify({ document: typeof document, client: typeof createClient({ baseUrl: 'http://localhost:3000', site: 'x' }).people.list }));`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: work, env });
    assert.deepEqual(JSON.parse(stdout), { document: 'undefined', client: 'function' });
    assert.equal(stderr, '');
  });

  test('its `hallway` bin runs with plain Node, without tsx, against a real server', async () => {
    assert.ok(!existsSync(join(work, 'node_modules/tsx')));
    assert.match(await runCli(bin('hallway'), hallway, 'help'), /^Usage: hallway <command>/);
    assert.match(await runCli(bin('hallway'), hallway, 'sites', 'list'), /beaumont/);
  });

  test('a fresh Vite + TypeScript app type-checks, builds and shows the people from a Hallway server on another origin', async () => {
    await run(process.execPath, [bin('tsc'), '-p', app], { env });
    await run(process.execPath, [bin('vite'), 'build'], { cwd: app, env });
    const site = await serveStatic(join(app, 'dist'));
    servers.push(site.server);
    const page = await browser.newPage();
    assert.deepEqual(await cardNames(page, `${site.url}?api=${encodeURIComponent(hallway.url)}`), expected);
    assert.match((await page.locator('#loaded').textContent())!, new RegExp(`^${expected.length} people shown`));
    // The SDK on its own gave the same people.
    assert.equal(await page.locator('#sdk').textContent(), `SDK: ${expected.join(', ')}`);
    await page.close();
  });

  test('the Astro example renders the tags on the server; in Chromium they upgrade and show the people from another origin', async () => {
    await run(process.execPath, [bin('astro'), 'build'], { cwd: astro, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', PUBLIC_HALLWAY_API: hallway.url } });
    const html = readFileSync(join(astro, 'dist/index.html'), 'utf8');
    assert.ok(html.includes(`<hw-provider api="${hallway.url}" site="beaumont">`), html);
    assert.ok(html.includes('<hw-people-grid job="Front Desk Agent" location="London" limit="4"></hw-people-grid>'), html);
    const site = await serveStatic(join(astro, 'dist'));
    servers.push(site.server);
    const page = await browser.newPage();
    assert.deepEqual(await cardNames(page, site.url), expected);
    await page.close();
  });
});
