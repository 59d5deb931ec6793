import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bundleRoutes } from './bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'hallway-bundle-'));
mkdirSync(join(dir, 'chunks'));
writeFileSync(join(dir, 'hallway.js'), 'import "./chunks/shared-abc.js";\n');
writeFileSync(join(dir, 'chunks', 'shared-abc.js'), 'export {};\n');
writeFileSync(join(dir, 'chunks', 'me-editor-def.js'), 'export {};\n');
writeFileSync(join(dir, 'chunks', 'admin-people-grid-ghi.js'), 'export {};\n');
writeFileSync(join(dir, 'chunks', 'shared-abc.js.map'), '{}');
writeFileSync(join(dir, 'admin.js'), 'export {};\n');
after(() => rmSync(dir, { recursive: true, force: true }));

const app = bundleRoutes({ dir, version: '1.2.3', publicUrl: 'https://hallway.example.com' });
const sha384 = (text: string) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

test('every file answers any origin; the release and the chunks are immutable, /hallway.js revalidates', async () => {
  const expected = {
    '/hallway.js': 'public, max-age=300, stale-while-revalidate=86400',
    '/hallway@1.2.3.js': 'public, max-age=31536000, immutable',
    '/chunks/shared-abc.js': 'public, max-age=31536000, immutable',
  };
  for (const [path, cache] of Object.entries(expected)) {
    const response = await app.request(path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
    assert.equal(response.headers.get('cache-control'), cache, path);
  }
  assert.equal(await (await app.request('/hallway@1.2.3.js')).text(), 'import "./chunks/shared-abc.js";\n');
  assert.equal((await app.request('/hallway@1.2.2.js')).status, 404, 'only the release the server runs');
});

test('/integrity.json: sha384 of the pinned script and of the chunks candidates load (not /me’s or the workspace’s), by absolute URL', async () => {
  assert.deepEqual(await (await app.request('/integrity.json')).json(), {
    version: '1.2.3',
    script: 'https://hallway.example.com/hallway@1.2.3.js',
    integrity: {
      'https://hallway.example.com/hallway@1.2.3.js': sha384('import "./chunks/shared-abc.js";\n'),
      'https://hallway.example.com/chunks/shared-abc.js': sha384('export {};\n'),
    },
  });
});

test('/admin.js, the HR workspace, is served for its own origin only, and revalidates', async () => {
  const response = await app.request('/admin.js');
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'export {};\n');
  assert.equal(response.headers.get('access-control-allow-origin'), null);
  assert.equal(response.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=86400');
});
