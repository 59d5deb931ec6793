/**
 * `hallway doctor` against careers pages served on another origin than the Hallway server, one
 * misconfiguration at a time: each is named with its fix, and the exit code says how it went.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { main } from '../src/cli/main.js';
import { allows } from '../src/cli/doctor.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, allowOrigin, freePort, startCareersSite, startTestServer, type CareersSite } from './support/node/harness.js';

let server: RunningServer;
let site: CareersSite;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  site = await startCareersSite(server);
  await allowOrigin(server, site.url);
});

after(async () => {
  await site?.close();
  await server?.close();
});

async function doctor(path: string, ...options: string[]) {
  let out = '';
  const write = (text: string) => (out += text);
  const code = await main(
    ['doctor', path.startsWith('http') ? path : `${site.url}${path}`, ...options],
    { HALLWAY_URL: server.url },
    { stdout: { write }, stderr: { write } },
  );
  return { code, out };
}

/** A page with `head` in its head and a grid in its body. */
const page = (head: string, body = '<hw-people-grid></hw-people-grid>') =>
  `<!doctype html><html lang="en"><head><title>Job</title>${head}</head><body>${body}</body></html>`;
const SCRIPT = '<script type="module" src="/hallway.js?site=beaumont"></script>';
const JOB_POSTING = `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Head Chef', jobLocation: { address: { addressLocality: 'London' } } })}</script>`;

describe('hallway doctor', () => {
  test('the demo strict page, its origin allowed: every check passes, with the JobPosting and its match (exit 0)', async () => {
    const { code, out } = await doctor('/strict.html');
    assert.equal(code, 0, out);
    assert.match(out, new RegExp(`✓ Script tag: ${server.url}/hallway.js`));
    assert.match(out, /✓ Site "beaumont" \(Beaumont Hotels\) is known\./);
    assert.match(out, new RegExp(`✓ This page's origin ${site.url} may send questions\\.`));
    assert.match(out, /✓ CSP script-src .*\n✓ CSP connect-src .*\n✓ CSP img-src /);
    assert.match(out, /✓ Trusted Types allow the policies lit-html and hallway\./);
    assert.match(
      out,
      /✓ JobPosting: job "Front Desk Agent", team "Front Office", location "London" \(JSON-LD JobPosting: title, .*\)\.\n {2}match: job, \d+ people to show/,
    );
    assert.match(out, /All checks passed\./);
    assert.doesNotMatch(out, /✗/);
  });

  const cases: [string, string, RegExp][] = [
    [
      'no script tag',
      page(JOB_POSTING),
      /✗ No Hallway script tag on the page\.\n {4}fix: add <script type="module" src="http:\/\/127\.0\.0\.1:\d+\/hallway\.js\?site=your-site" crossorigin><\/script>/,
    ],
    [
      'a script of another server',
      page('<script type="module" src="https://hallway.other.example/hallway.js?site=beaumont"></script>'),
      /✗ The Hallway script points at https:\/\/hallway\.other\.example, not at http:\/\/127\.0\.0\.1:\d+\./,
    ],
    ['a classic script', page('<script src="/hallway.js?site=beaumont"></script>'), /✗ The script .* is not type="module"\./],
    [
      'a release the server no longer serves',
      page('<script type="module" src="/hallway@0.0.1.js?site=beaumont"></script>'),
      /✗ http:\/\/127\.0\.0\.1:\d+\/hallway@0\.0\.1\.js\?site=beaumont answers HTTP 404/,
    ],
    [
      'an unknown site',
      page('<script type="module" src="/hallway.js?site=beaumontt"></script>'),
      /✗ http:\/\/127\.0\.0\.1:\d+ has no site "beaumontt"\.\n {4}fix: .*npx hallway sites create beaumontt --name "…" --origin http:\/\/localhost:\d+/,
    ],
    ['no site at all', page('<script type="module" src="/hallway.js"></script>'), /✗ No site is named on the page\./],
    [
      'a CSP without the Hallway origin',
      page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src https://cdn.example.com; img-src *">${SCRIPT}`),
      /✗ CSP script-src does not allow http:\/\/127\.0\.0\.1:\d+: the page cannot load hallway\.js\.\n {4}fix: add http:\/\/127\.0\.0\.1:\d+ to script-src\.\n✗ CSP connect-src does not allow .*\n {4}fix: add .* to default-src \(or a connect-src\)\.\n✓ CSP img-src/,
    ],
    [
      'Trusted Types without lit-html',
      page(`<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types analytics">${SCRIPT}`),
      /✗ Trusted Types are required but the policy "lit-html" is not allowed: the elements cannot render\.\n {4}fix: write trusted-types analytics lit-html hallway/,
    ],
    [
      'an integrity that matches no file of the release, without crossorigin',
      page(`<script type="module" src="/hallway.js?site=beaumont" integrity="sha384-${Buffer.alloc(48).toString('base64')}"></script>`),
      /✗ The script has integrity="…" but no crossorigin: the browser refuses it\.\n[^]*✗ The script's integrity matches no file of this server's release \d+\.\d+\.\d+: the browser refuses it\./,
    ],
  ];
  for (const [why, html, expected] of cases) {
    test(`${why}: named with its fix (exit 1)`, async () => {
      const path = `/${why.replace(/\W+/g, '-')}.html`;
      site.page(path, html);
      const { code, out } = await doctor(path);
      assert.equal(code, 1, out);
      assert.match(out, expected);
    });
  }

  test('a page whose origin the site has not allowed: the exact command (exit 1)', async () => {
    const other = await startCareersSite(server);
    try {
      const { code, out } = await doctor(`${other.url}/strict.html`);
      assert.equal(code, 1, out);
      assert.match(
        out,
        new RegExp(`✗ This page's origin ${other.url} may not send questions.*\\n {4}fix: npx hallway sites update beaumont --add-origin ${other.url}\\n`),
      );
    } finally {
      await other.close();
    }
  });

  test('warnings alone pass (exit 0): no JobPosting, Trusted Types without the hallway policy; an integrity of the release passes', async () => {
    const { integrity, script } = JSON.parse(await (await fetch(`${server.url}/integrity.json`)).text()) as { script: string; integrity: Record<string, string> };
    site.page(
      '/warnings.html',
      page(
        `<meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types lit-html">
        <script type="module" src="${script}?site=beaumont" integrity="${integrity[script]}" crossorigin="anonymous"></script>`,
      ),
    );
    const { code, out } = await doctor('/warnings.html');
    assert.equal(code, 0, out);
    assert.match(out, /✓ The script's integrity matches release/);
    assert.match(out, /! Trusted Types: the policy "hallway" is not allowed/);
    assert.match(out, /! No JobPosting .*\n.*\n {2}match: all, \d+ people to show/);
  });

  test('the job="…" of the elements, and --site, are used when the page says neither', async () => {
    site.page('/attribute.html', page('<script type="module" src="/hallway.js"></script>', '<hw-people-grid job="Head Chef"></hw-people-grid>'));
    const { code, out } = await doctor('/attribute.html', '--site', 'beaumont');
    assert.equal(code, 0, out);
    assert.match(out, /✓ No JobPosting; the elements' job="Head Chef" is used\.\n {2}match: job, \d+ people? to show/);
  });

  test('a page or a server that cannot be reached: exit 3, as the other commands', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const page = await doctor(`${closed}/jobs.html`);
    assert.equal(page.code, 3, page.out);
    assert.match(page.out, /✗ Cannot fetch/);

    let out = '';
    const write = (text: string) => (out += text);
    const code = await main(['doctor', `${site.url}/strict.html`], { HALLWAY_URL: closed }, { stdout: { write }, stderr: { write } });
    assert.equal(code, 3, out);
    assert.match(out, /✗ Cannot reach the Hallway server at http:\/\/127\.0\.0\.1:\d+\.\n {4}fix: start it, or pass --url/);
  });

  test('CSP source matching follows CSP 3 (paths aside)', () => {
    const target = new URL('https://hallway.example.com');
    const page = new URL('https://careers.example.com');
    const yes = [
      '*',
      'https:',
      'https://hallway.example.com',
      'hallway.example.com',
      '*.example.com',
      'https://hallway.example.com:443',
      'https://hallway.example.com:*',
      'http://hallway.example.com',
      'http:',
    ];
    const no = ["'self'", "'none'", 'data:', 'https://other.example.com', '*.hallway.example.com', 'https://hallway.example.com:8443', "'strict-dynamic'"];
    for (const source of yes) assert.ok(allows([source], target, page), source);
    for (const source of no) assert.ok(!allows([source], target, page), source);
    assert.ok(allows(["'self'"], new URL('https://careers.example.com/x'), page));
  });
});
