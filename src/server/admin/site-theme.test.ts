import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import type { Db } from '../store/database.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { ensureAdminKey } from './keys.js';

const KEY = 'test-admin-key-0123456789abcdef';
const PUBLIC_URL = 'https://hallway.example.com';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

async function admin(method: string, path: string, json?: unknown) {
  const response = await app.request(`/v1/admin${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: response.status, body: await response.json() };
}

const themeCss = async (slug: string) => {
  const response = await app.request(`/v1/sites/${slug}/theme.css`);
  assert.equal(response.status, 200);
  return { type: response.headers.get('content-type'), cors: response.headers.get('access-control-allow-origin'), css: await response.text() };
};

before(async () => {
  ({ db, drop } = await openTestDatabase());
  await ensureAdminKey(db, KEY);
  app = createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret') });
  assert.equal((await admin('POST', '/sites', { slug: 'acme', name: 'Acme' })).status, 201);
});

after(() => drop());

describe('site languages', () => {
  test('a new site offers English and French, and says so to any page with its default', async () => {
    assert.deepEqual((await admin('GET', '/sites')).body.items[0].langs, ['en', 'fr']);
    const site = await (await app.request('/v1/sites/acme')).json();
    assert.deepEqual([site.langs, site.defaultLang], [['en', 'fr'], 'en']);
  });

  test('a site offering only French speaks French by default', async () => {
    const { status, body } = await admin('POST', '/sites', { slug: 'lyon', name: 'Lyon', langs: ['fr'] });
    assert.equal(status, 201);
    assert.deepEqual([body.langs, body.defaultLang], [['fr'], 'fr']);
  });

  test('the default language must be one the site offers, and a language Hallway speaks', async () => {
    const notOffered = await admin('PATCH', '/sites/acme', { langs: ['fr'] });
    assert.deepEqual([notOffered.status, notOffered.body.error.code, notOffered.body.error.field], [400, 'invalid_body', 'defaultLang']);
    const unknown = await admin('PATCH', '/sites/acme', { langs: ['en', 'de'] });
    assert.deepEqual([unknown.status, unknown.body.error.field], [400, 'langs.1']);
    const none = await admin('PATCH', '/sites/acme', { langs: [] });
    assert.equal(none.status, 400);
    assert.deepEqual((await admin('GET', '/sites')).body.items.find((s: { slug: string }) => s.slug === 'acme').langs, ['en', 'fr']);
    const both = await admin('PATCH', '/sites/acme', { langs: ['fr'], defaultLang: 'fr' });
    assert.deepEqual([both.status, both.body.langs, both.body.defaultLang], [200, ['fr'], 'fr']);
    await admin('PATCH', '/sites/acme', { langs: ['en', 'fr'], defaultLang: 'en' });
  });
});

describe('site theme', () => {
  test('without a theme, theme.css is empty, so the page and the elements keep their look', async () => {
    const { type, cors, css } = await themeCss('acme');
    assert.deepEqual([type, cors, css], ['text/css; charset=utf-8', '*', '']);
  });

  test('radius, font and readable colours become --hw-… tokens no page rule loses to', async () => {
    const { status, body } = await admin('PATCH', '/sites/acme', { themeRadius: 4, themeFont: 'serif', themeSurface: '#FFF8E7', themeText: '#2b1d0e' });
    assert.equal(status, 200);
    assert.deepEqual([body.themeRadius, body.themeFont, body.themeSurface, body.themeText], [4, 'serif', '#fff8e7', '#2b1d0e']);
    const { css } = await themeCss('acme');
    assert.equal(css, ':where(:root) { --hw-radius: 4px; --hw-font: Georgia, "Times New Roman", serif; --hw-card-background: #fff8e7; --hw-card-color: #2b1d0e; }\n');
  });

  test('colours that do not read at 4.5:1 are refused, and the stored theme stays', async () => {
    const { status, body } = await admin('PATCH', '/sites/acme', { themeText: '#c9b79c' });
    assert.deepEqual([status, body.error.code, body.error.field], [400, 'invalid_body', 'themeText']);
    assert.match(body.error.message, /4\.5:1/);
    assert.match((await themeCss('acme')).css, /--hw-card-color: #2b1d0e/);
  });

  test('one colour alone is refused: the text must be chosen against its surface', async () => {
    const { status, body } = await admin('PATCH', '/sites/acme', { themeSurface: null });
    assert.deepEqual([status, body.error.field], [400, 'themeSurface']);
  });

  test('no free CSS: a radius out of 0–24 px or a font outside the list is refused', async () => {
    for (const fields of [{ themeRadius: 25 }, { themeRadius: -1 }, { themeRadius: 2.5 }, { themeFont: 'Comic Sans; } body { display: none' }, { themeSurface: 'red' }]) {
      const { status, body } = await admin('PATCH', '/sites/acme', fields);
      assert.deepEqual([status, body.error.code, body.error.field], [400, 'invalid_body', Object.keys(fields)[0]], JSON.stringify(fields));
    }
  });

  test('null clears the tokens', async () => {
    const { status } = await admin('PATCH', '/sites/acme', { themeRadius: null, themeFont: null, themeSurface: null, themeText: null });
    assert.equal(status, 200);
    assert.equal((await themeCss('acme')).css, '');
  });
});
