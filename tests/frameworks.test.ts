// The React 19 and Vue 3 examples: they type-check with the generated types (and the types reject
// wrong uses), they build with Vite, and, built, they show the real people of a real Hallway server
// in Chromium and hand their handlers typed hw-* events. Needs `npm run build` first (dist/lib, dist/types).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, allowOrigin, launchChromium, serveStatic, startTestServer } from './support/node/harness.js';

const run = promisify(execFile);
const tsc = (project: string) => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project]);
const viteBuild = (config: string) => run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', config]);

/** tsc's error lines, as `line: message` for `file`. */
function errorsIn(output: string, file: string): Map<number, string> {
  const errors = new Map<number, string>();
  for (const match of output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*(?:\n {2,}.*)*)/gm)) {
    if (match[1]!.endsWith(file)) errors.set(Number(match[2]), match[3]!);
  }
  return errors;
}

/** The fixture's lines marked `// error: <part of the message>`. */
function expectedErrors(path: string): Map<number, string> {
  const expected = new Map<number, string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const marker = /\/\/ error: (.+)$/.exec(line);
      if (marker) expected.set(index + 1, marker[1]!);
    });
  return expected;
}

async function assertTypeErrors(project: string, fixture: string) {
  const failure = await tsc(project).then(
    () => assert.fail(`${project} type-checked, but its fixture must not`),
    (error: { code: number; stdout: string }) => error,
  );
  assert.notEqual(failure.code, 0, failure.stdout);
  const errors = errorsIn(failure.stdout, fixture);
  const expected = expectedErrors(`tests/frameworks/${fixture}`);
  assert.deepEqual([...errors.keys()].sort(), [...expected.keys()].sort(), `lines in error:\n${failure.stdout}`);
  for (const [line, message] of expected) assert.ok(errors.get(line)!.includes(message), `line ${line}: ${errors.get(line)}`);
  return errors.size;
}

describe('generated from custom-elements.json', () => {
  interface Named {
    name: string;
  }
  type Element = { tagName?: string; attributes?: Named[]; events?: (Named & { detail?: { fields: Named[] } })[]; cssParts?: Named[]; cssProperties?: Named[] };
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: Element[] }[] };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is Element & { tagName: string } => !!d.tagName);

  test('the manifest carries every element with its events, their detail, parts and CSS properties', () => {
    assert.ok(elements.length >= 7);
    const grid = elements.find((e) => e.tagName === 'hw-people-grid')!;
    assert.deepEqual(
      grid.events?.find((e) => e.name === 'hw-load')?.detail?.fields.map((f) => f.name),
      ['count', 'match'],
    );
    for (const element of elements.filter((e) => e.tagName !== 'hw-provider')) {
      assert.ok(element.events?.length && element.cssParts?.length && element.cssProperties?.length, element.tagName);
    }
  });

  test('docs/elements.md and the React and Vue types name every element, attribute, event, part and CSS property', () => {
    const docs = readFileSync('docs/elements.md', 'utf8');
    const react = readFileSync('dist/types/react.d.ts', 'utf8');
    const vue = readFileSync('dist/types/vue.d.ts', 'utf8');
    for (const element of elements) {
      assert.ok(docs.includes(`## \`<${element.tagName}>\``), element.tagName);
      assert.ok(react.includes(`'${element.tagName}': HallwayElementProps<`), element.tagName);
      assert.ok(vue.includes(`'${element.tagName}': HallwayComponent<`), element.tagName);
      const names = [...(element.attributes ?? []), ...(element.cssParts ?? []), ...(element.cssProperties ?? [])];
      for (const { name } of names) assert.ok(docs.includes(`\`${name}\``), `${element.tagName} ${name}`);
      for (const event of element.events ?? []) {
        assert.ok(docs.includes(`| \`${event.name}\` |`), `${element.tagName} ${event.name}`);
        assert.ok(react.includes(`'on${event.name}'?:`), `${element.tagName} ${event.name}`);
        const vueHandler = `on${event.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}?:`;
        assert.ok(vue.includes(vueHandler), `${element.tagName} ${vueHandler}`);
      }
    }
  });
});

describe('framework examples', () => {
  let hallway: RunningServer;
  let browser: Browser;
  const servers: Server[] = [];

  before(async () => {
    assert.ok(existsSync('dist/types/react.d.ts') && existsSync('dist/lib/index.js'), 'run `npm run build` first');
    [hallway, browser] = await Promise.all([startTestServer({ adminKey: ADMIN_KEY }), launchChromium()]);
  });
  after(async () => {
    for (const server of servers) server.close();
    await browser?.close();
    await hallway?.close();
  });

  for (const framework of ['react', 'vue'] as const) {
    describe(framework, () => {
      test('the example type-checks with the generated types', async () => {
        await tsc(`examples/${framework}`);
      });

      test('the types reject a wrong attribute type, property name and event detail', async () => {
        const count = await assertTypeErrors(`tests/frameworks/tsconfig.${framework}.json`, `${framework}-errors.tsx`);
        assert.ok(count >= 4);
      });

      test('built, it shows the real people and its handlers get typed hw-* events', async () => {
        await viteBuild(`examples/${framework}/vite.config.ts`);
        assert.ok(existsSync(`examples/${framework}/dist/index.html`));
        const site = await serveStatic(`examples/${framework}/dist`);
        servers.push(site.server);
        await allowOrigin(hallway, new URL(site.url).origin);
        const expected = (await (await fetch(`${hallway.url}/v1/sites/beaumont/people?job=Front+Desk+Agent&location=London&limit=4&lang=en`)).json()) as {
          items: { id: string; displayName: string }[];
          match: string;
        };

        const page = await browser.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        await page.goto(`${site.url}?api=${encodeURIComponent(hallway.url)}`);

        // hw-load reached the app's handler, with its detail.
        const loaded = page.locator('#loaded');
        await loaded.filter({ hasText: /people shown/ }).waitFor();
        assert.equal(await loaded.textContent(), `${expected.items.length} people shown (match: ${expected.match})`);
        // The cards are the server's people, in its order; `limit={4}` reached the element as a number.
        const names = await page.locator('hw-people-grid hw-person-card [part="name"]').allTextContents();
        assert.deepEqual(
          names,
          expected.items.map((person) => person.displayName),
        );
        assert.equal(await page.locator('hw-people-grid').evaluate((grid) => (grid as HTMLElement & { limit: unknown }).limit), 4);

        // hw-contact-open reached the app's handler from the contact button.
        await page.locator('hw-contact-button [part="button"]').click();
        const choice = page.locator('hw-contact-dialog [part~="choice"]').first();
        const asking = page.locator('#asking').filter({ hasText: /Asking/ });
        // Without `person-id` the button offers the available people of the job first, when there are several.
        await choice.or(asking).first().waitFor();
        if (await choice.isVisible()) await choice.click();
        await asking.waitFor();
        // …naming a real person who does the job.
        const personId = (await asking.textContent())!.replace('Asking ', '');
        const person = await fetch(`${hallway.url}/v1/sites/beaumont/people/${encodeURIComponent(personId)}`);
        assert.equal(person.status, 200);
        assert.equal(((await person.json()) as { jobTitle: string }).jobTitle, 'Front Desk Agent');
        assert.deepEqual(problems, []);
        await page.close();
      });
    });
  }
});
