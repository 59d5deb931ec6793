/**
 * Bad input, at random: every route of the server (from the OpenAPI document, plus the admin, /me,
 * sign-in, contact-link, dev-outbox and static routes) gets random and malformed bodies, queries, path
 * parameters and headers, and bodies over its limit. Whatever arrives: no 5xx, errors in the one
 * documented shape with a documented code, admin routes 401 without the key, and a refused request
 * changes nothing in the database.
 *
 * `FUZZ_SEED=<n>` replays a run; fast-check prints the seed and the shrunk input of any failure.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { sql } from 'kysely';
import { ErrorBody, ErrorCode } from '../sdk/schemas.js';
import { createApp } from './app.js';
import { ensureAdminKey } from './admin/keys.js';
import { Links } from './auth/links.js';
import { openApiDocument } from './openapi.js';
import type { Db } from './store/database.js';
import { createPerson, recordConsent } from './store/people.js';
import { createSite } from './store/sites.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { signIn } from '../../tests/support/node/sign-in.js';
import { serveOnLoopback, type Served } from '../../tests/support/node/test-http.js';

const PUBLIC_URL = 'https://hallway.test';
const CAREERS = 'https://careers.acme.example';
const KEY = 'fuzz-admin-key-0123456789';
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let staticDir: string;
let personId = '';
let cookie = '';
/** Inputs tried, per family of routes: the figure the issue asks for. */
const tried: Record<string, number> = {};

// ---- the routes ----

type Family = 'public' | 'admin' | 'me' | 'auth' | 'pages' | 'dev' | 'static';

interface Route {
  method: string;
  /** With `{param}`s, as in the OpenAPI document. */
  path: string;
  family: Family;
  /** The body limit in bytes, for routes that take a body. */
  limit?: number;
  /** A body the route accepts, which the fuzzer mutates. */
  sample?: () => unknown;
  /** How the body is sent. */
  form?: boolean;
  queryKeys?: string[];
}

const KB = 1024;
const MB = 1024 * KB;

const proofSample = { algorithm: 'SHA-256', challenge: '0'.repeat(64), salt: 'x?expires=9999999999&', number: 1, signature: '0'.repeat(64) };
const contactSample = () => ({ name: 'Casey', email: 'casey@mail.example', message: 'Hello?', consent: true, lang: 'en', proof: proofSample });
const profileSample = () => ({ displayName: 'Ana L.', jobTitle: 'Chef', team: null, location: null, languages: ['fr'], bio: null, linkedinUrl: null });
const consentSample = () => ({
  showProfile: true,
  contact: { granted: true, settings: { channels: ['message'], weeklyCap: 3, pausedUntil: null, bookingUrl: null } },
});
const testimonialSample = () => ({ quote: 'Great place.', roles: ['Chef'], fromYear: 2015, toYear: null, currentRole: null, nameStyle: 'full', publish: true });

/** The public API, as the OpenAPI document describes it: every documented path and method. */
function documentedRoutes(): Route[] {
  const routes: Route[] = [];
  for (const [path, methods] of Object.entries(openApiDocument.paths)) {
    for (const [method, operation] of Object.entries(methods as Record<string, { parameters?: { name: string; in: string }[] }>)) {
      const queryKeys = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const contact = path.endsWith('/contact');
      routes.push({ method: method.toUpperCase(), path, family: 'public', queryKeys, ...(contact ? { limit: 16 * KB, sample: contactSample } : {}) });
    }
  }
  return routes;
}

const ROUTES: Route[] = [
  ...documentedRoutes(),
  { method: 'OPTIONS', path: '/v1/sites/{site}/people/{id}/contact', family: 'public' },
  { method: 'GET', path: '/v1/sites/{site}/people/{id}/avatar.svg', family: 'public' },
  { method: 'GET', path: '/v1/sites/{site}/people/{id}/photo.webp', family: 'public' },
  { method: 'GET', path: '/v1/openapi.json', family: 'public' },
  { method: 'GET', path: '/healthz', family: 'public' },
  { method: 'GET', path: '/v1/{anything}', family: 'public' },

  { method: 'GET', path: '/v1/admin/sites', family: 'admin' },
  { method: 'POST', path: '/v1/admin/sites', family: 'admin', limit: 64 * KB, sample: () => ({ slug: 'fuzz', name: 'Fuzz' }) },
  { method: 'PATCH', path: '/v1/admin/sites/{site}', family: 'admin', limit: 64 * KB, sample: () => ({ name: 'Acme' }) },
  { method: 'GET', path: '/v1/admin/sites/{site}/people', family: 'admin', queryKeys: ['status', 'q', 'limit', 'cursor'] },
  {
    method: 'POST',
    path: '/v1/admin/sites/{site}/people/import',
    family: 'admin',
    limit: 10 * MB,
    sample: () => [{ email: 'x@acme.example', full_name: 'X Y', job_title: 'Chef' }],
  },
  { method: 'POST', path: '/v1/admin/sites/{site}/invitations', family: 'admin', limit: 64 * KB, sample: () => ({ person: 'nobody@acme.example' }) },
  { method: 'POST', path: '/v1/admin/sites/{site}/invitations/many', family: 'admin', limit: 64 * KB, sample: () => ({ people: ['nobody'] }) },
  { method: 'POST', path: '/v1/admin/sites/{site}/people/{id}/status', family: 'admin', limit: 64 * KB, sample: () => ({ status: 'left' }) },
  { method: 'GET', path: '/v1/admin/sites/{site}/testimonials', family: 'admin', queryKeys: ['status'] },
  { method: 'POST', path: '/v1/admin/sites/{site}/testimonials/{id}/approve', family: 'admin', limit: 64 * KB, sample: () => ({}) },
  { method: 'POST', path: '/v1/admin/sites/{site}/testimonials/{id}/reject', family: 'admin', limit: 64 * KB, sample: () => ({ reason: 'No.' }) },
  { method: 'GET', path: '/v1/admin/sites/{site}/analytics', family: 'admin', queryKeys: ['from', 'to'] },
  { method: 'GET', path: '/v1/admin/sites/{site}/analytics.csv', family: 'admin', queryKeys: ['from', 'to'] },
  { method: 'GET', path: '/v1/admin/session', family: 'admin' },
  { method: 'DELETE', path: '/v1/admin/session', family: 'admin' },
  { method: 'GET', path: '/v1/admin/users', family: 'admin' },
  { method: 'POST', path: '/v1/admin/users', family: 'admin', limit: 64 * KB, sample: () => ({ email: 'fuzz@hr.example', role: 'moderator' }) },
  { method: 'PATCH', path: '/v1/admin/users/{id}', family: 'admin', limit: 64 * KB, sample: () => ({ role: 'editor' }) },
  { method: 'DELETE', path: '/v1/admin/users/{id}', family: 'admin' },
  { method: 'GET', path: '/v1/admin/keys', family: 'admin' },
  { method: 'POST', path: '/v1/admin/keys', family: 'admin', limit: 64 * KB, sample: () => ({ name: 'Fuzz', scopes: ['people'] }) },
  { method: 'DELETE', path: '/v1/admin/keys/{id}', family: 'admin' },
  { method: 'GET', path: '/v1/admin/audit', family: 'admin', queryKeys: ['action', 'actor', 'from', 'to', 'limit', 'cursor'] },
  { method: 'GET', path: '/v1/admin/audit.csv', family: 'admin', queryKeys: ['action', 'actor', 'from', 'to'] },
  { method: 'GET', path: '/v1/admin/sites/{site}/consents', family: 'admin', queryKeys: ['person', 'limit', 'cursor'] },
  { method: 'GET', path: '/v1/admin/sites/{site}/consents.csv', family: 'admin', queryKeys: ['person'] },
  { method: 'GET', path: '/v1/admin/sites/{site}/safety', family: 'admin' },
  { method: 'POST', path: '/v1/admin/sites/{site}/safety/held/{id}/release', family: 'admin' },
  { method: 'POST', path: '/v1/admin/sites/{site}/safety/held/{id}/reject', family: 'admin' },
  { method: 'POST', path: '/v1/admin/sites/{site}/safety/blocks', family: 'admin', limit: 64 * KB, sample: () => ({ domain: 'fuzz.example' }) },
  { method: 'DELETE', path: '/v1/admin/sites/{site}/safety/blocks/{id}', family: 'admin' },

  { method: 'GET', path: '/v1/me', family: 'me' },
  { method: 'PUT', path: '/v1/me/profile', family: 'me', limit: 16 * KB, sample: profileSample },
  { method: 'PUT', path: '/v1/me/consent', family: 'me', limit: 16 * KB, sample: consentSample },
  { method: 'POST', path: '/v1/me/withdraw', family: 'me' },
  { method: 'PUT', path: '/v1/me/testimonial', family: 'me', limit: 16 * KB, sample: testimonialSample },
  { method: 'DELETE', path: '/v1/me/testimonial', family: 'me' },
  { method: 'PUT', path: '/v1/me/photo', family: 'me', limit: 2 * MB },
  { method: 'GET', path: '/v1/me/photo', family: 'me' },
  { method: 'DELETE', path: '/v1/me/photo', family: 'me' },
  { method: 'GET', path: '/v1/me/export', family: 'me' },
  { method: 'GET', path: '/v1/me/contact-stats', family: 'me' },
  { method: 'GET', path: '/v1/me/open-questions', family: 'me' },
  { method: 'POST', path: '/v1/me/open-questions/{id}/answer', family: 'me', limit: 32 * KB, sample: () => ({ text: 'An answer.' }) },
  { method: 'GET', path: '/v1/me/answers', family: 'me' },
  { method: 'POST', path: '/v1/me/answers/{id}/publish', family: 'me', limit: 16 * KB, sample: () => ({ question: 'A day?', answer: 'Busy.' }) },
  { method: 'POST', path: '/v1/me/answers/published/{id}/withdraw', family: 'me' },
  { method: 'GET', path: '/v1/admin/sites/{site}/answers', family: 'admin' },
  { method: 'POST', path: '/v1/admin/sites/{site}/answers/{id}/approve', family: 'admin' },
  { method: 'POST', path: '/v1/admin/sites/{site}/answers/{id}/reject', family: 'admin' },
  // DELETE /v1/me/session and DELETE /v1/me end the fuzzer's own session: they get no valid session here
  // (me.test.ts and abuse.test.ts cover them signed in).
  { method: 'DELETE', path: '/v1/me/session', family: 'me' },
  { method: 'DELETE', path: '/v1/me', family: 'me' },
  { method: 'POST', path: '/v1/auth/sign-in', family: 'auth', limit: 4 * KB, sample: () => ({ email: 'nobody@acme.example' }) },

  { method: 'GET', path: '/me', family: 'pages' },
  { method: 'GET', path: '/me/style.css', family: 'pages' },
  { method: 'GET', path: '/me/link', family: 'pages', queryKeys: ['token'] },
  { method: 'POST', path: '/me/link', family: 'pages', form: true, limit: 4 * KB, sample: () => ({ token: 'A'.repeat(43) }) },
  { method: 'GET', path: '/me/withdraw', family: 'pages', queryKeys: ['person', 'sig'] },
  { method: 'POST', path: '/me/withdraw', family: 'pages', form: true, limit: 4 * KB, sample: () => ({ person: 'x', sig: 'y' }), queryKeys: ['person', 'sig'] },
  { method: 'GET', path: '/admin', family: 'pages' },
  { method: 'GET', path: '/admin/{file}', family: 'pages' },
  { method: 'GET', path: '/admin/sign-in', family: 'pages' },
  { method: 'POST', path: '/admin/sign-in', family: 'pages', form: true, limit: 4 * KB, sample: () => ({ email: 'hr@acme.example' }) },
  { method: 'GET', path: '/admin/link', family: 'pages', queryKeys: ['token'] },
  { method: 'POST', path: '/admin/link', family: 'pages', form: true, limit: 4 * KB, sample: () => ({ token: 'A'.repeat(43) }) },
  { method: 'GET', path: '/contact/confirm', family: 'pages', queryKeys: ['token'] },
  { method: 'POST', path: '/contact/confirm', family: 'pages', form: true, limit: 4 * KB, sample: () => ({ token: 'A'.repeat(43) }) },
  ...['answered', 'decline', 'pause'].flatMap((action): Route[] => [
    { method: 'GET', path: `/contact/${action}`, family: 'pages', queryKeys: ['request', 'sig'] },
    { method: 'POST', path: `/contact/${action}`, family: 'pages', form: true, limit: 4 * KB, sample: () => ({ request: 'r', sig: 's' }) },
  ]),
  { method: 'GET', path: '/contact/thank', family: 'pages', queryKeys: ['request', 'sig'] },
  { method: 'POST', path: '/contact/thank', family: 'pages', form: true, limit: 4 * KB, sample: () => ({ request: 'r', sig: 's' }) },
  ...['agree', 'decline'].flatMap((decision): Route[] => [
    { method: 'GET', path: `/answers/${decision}`, family: 'pages', queryKeys: ['answer', 'sig'] },
    { method: 'POST', path: `/answers/${decision}`, family: 'pages', form: true, limit: 4 * KB, sample: () => ({ answer: 'a', sig: 's' }) },
  ]),

  { method: 'GET', path: '/dev/outbox', family: 'dev' },
  { method: 'GET', path: '/dev/outbox.json', family: 'dev' },

  { method: 'GET', path: '/hallway.js', family: 'static' },
  { method: 'GET', path: '/me.js', family: 'static' },
  { method: 'GET', path: '/chunks/{file}', family: 'static' },
  { method: 'GET', path: '/integrity.json', family: 'static' },
  { method: 'GET', path: '/{file}', family: 'static' },
  { method: 'GET', path: '/{file}/{file}', family: 'static' },
];

/** Routes that write when they succeed with a valid session and origin, and end it: never given one. */
const ENDS_SESSION = new Set(['DELETE /v1/me/session', 'DELETE /v1/me']);

// ---- the database, before and after ----

const TABLES = ['sites', 'people', 'consents', 'photos', 'tokens', 'sessions', 'outbox', 'admin_keys', 'settings', 'contact_requests', 'used_challenges', 'testimonials'];

/**
 * A digest of every row of the tables a request could change. Rate-limit windows are left out: the
 * contact route counts every attempt, refused or not, by design (contact.test.ts).
 */
async function snapshot(): Promise<string> {
  const parts = TABLES.map(
    (table) => sql<string>`select ${table}::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${sql.table(table)} t`,
  );
  const { rows } = await sql<{ digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows.map((row) => row.digest).join(' ');
}

// ---- the setup ----

before(async () => {
  ({ db, drop } = await openTestDatabase());
  const site = await createSite(db, { slug: 'acme', name: 'Acme Logistics', allowedOrigins: [CAREERS] });
  await ensureAdminKey(db, KEY);
  const person = await createPerson(db, { siteId: site.id, email: 'ana@acme.example', fullName: 'Ana Lopez', displayName: 'Ana L.', jobTitle: 'Chef' });
  const consent = { personId: person.id, textVersion: 'v1', source: 'me' as const };
  await recordConsent(db, { ...consent, purpose: 'show_profile', granted: true });
  await recordConsent(db, { ...consent, purpose: 'contact', granted: true, details: { channels: ['message'] } });
  personId = person.public_id;

  // The bundle and the demo from a folder of our own: `dist/cdn` is rebuilt by others at times.
  staticDir = mkdtempSync(join(tmpdir(), 'hallway-fuzz-'));
  mkdirSync(join(staticDir, 'bundle', 'chunks'), { recursive: true });
  mkdirSync(join(staticDir, 'demo', 'jobs'), { recursive: true });
  writeFileSync(join(staticDir, 'bundle', 'hallway.js'), 'export {};\n');
  writeFileSync(join(staticDir, 'bundle', 'me.js'), 'export {};\n');
  writeFileSync(join(staticDir, 'bundle', 'chunks', 'a.js'), 'export {};\n');
  writeFileSync(join(staticDir, 'demo', 'index.html'), '<!doctype html><title>Demo</title>\n');
  writeFileSync(join(staticDir, 'demo', 'jobs', 'chef.html'), '<!doctype html><title>Chef</title>\n');
  writeFileSync(join(staticDir, 'demo', 'seed.ts'), 'secret\n');

  const links = new Links(PUBLIC_URL, 'fuzz-secret');
  // High limits: here the contact and sign-in routes are fuzzed for their validation; abuse.test.ts tests the limits.
  const limits = { perIp: [{ max: 1e9, windowMs: 60_000 }], perEmail: [{ max: 1e9, windowMs: 60_000 }] };
  app = createApp({
    db,
    publicUrl: PUBLIC_URL,
    links,
    devOutbox: true,
    bundleDir: join(staticDir, 'bundle'),
    demoDir: join(staticDir, 'demo'),
    contact: { limits },
    signInLimits: limits.perIp,
  });
  cookie = await signIn(app, db, person.id, { Origin: PUBLIC_URL });
  // The contact routes make the link secret on first use: a write, done here rather than by a refused request.
  assert.equal((await app.request('/v1/sites/acme/challenge')).status, 200);
});

after(async () => {
  console.log(`fuzz: inputs tried per family ${JSON.stringify(tried)}, ${Object.values(tried).reduce((a, b) => a + b, 0)} in all`);
  rmSync(staticDir, { recursive: true, force: true });
  await drop();
});

// ---- generators ----

/** Strings that break things: separators, escapes, NUL, lone surrogates, right-to-left marks, very long. */
const nasty = fc.constantFrom(
  '',
  ' ',
  '..',
  '../..',
  '%00',
  '\u0000',
  '%',
  '%zz',
  '%E0%A4%A',
  '%2e%2e%2f',
  '%2F',
  '\ud800',
  '\u202e',
  '\uFEFF',
  '😀',
  'é'.normalize('NFD'),
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e400',
  '0x10',
  'a'.repeat(5000),
);
const text = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 300 }));

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Percent-encodes what encodeURIComponent can; a lone surrogate goes as the replacement character's bytes. */
const encode = (s: string) => [...utf8(s)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A path segment: raw, percent-encoded, or garbage the URL parser must cope with. */
const segment = (valid: string) => fc.oneof({ weight: 2, arbitrary: fc.constant(valid) }, nasty, text.map(encode), fc.string({ unit: 'grapheme-ascii', maxLength: 30 }));

const pathParam = (name: string) => {
  if (name === 'site') return segment('acme');
  if (name === 'id') return segment(personId);
  if (name === 'file') return segment('index.html');
  return segment('x');
};

/** A query string: known and unknown keys, repeated, with huge or badly encoded values. */
const queryString = (keys: string[]) =>
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys, 'x'), text), fc.oneof(text, fc.nat().map(String), fc.constant('%'))), { maxLength: 6 }).chain((pairs) =>
    fc.constantFrom(
      pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'),
      pairs.map(([k, v]) => `${k}=${v}`).join('&'), // raw: the URL parser and the server decode it
    ),
  );

/** A value the route's schema does not expect in place of one it does. */
const wrongValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), text, fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, [], {}, [[[]]], { $gt: '' }, 'x'.repeat(20_000)));

/** Mutations of a valid body: a wrong value, an extra or a missing key. */
function mutated(sample: unknown) {
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return fc.constant(sample);
  const keys = Object.keys(sample);
  if (!keys.length) return fc.tuple(text, wrongValue).map(([key, value]) => ({ [key]: value }));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), wrongValue).map(([key, value]) => ({ ...sample, [key]: value })),
    fc.tuple(text, wrongValue).map(([key, value]) => ({ ...sample, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(sample).filter(([k]) => k !== key))),
    fc.constant({ ...sample, __proto__: { admin: true }, constructor: { prototype: { polluted: true } } }),
  );
}

/** Bodies: JSON of every shape, mutated valid bodies, deep nesting, invalid UTF-8, not JSON at all, empty. */
const body = (route: Route): fc.Arbitrary<Uint8Array | undefined> =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant(new Uint8Array()),
    fc.jsonValue({ maxDepth: 4 }).map((v) => utf8(JSON.stringify(v))),
    fc.anything({ maxDepth: 3 }).map((v) => utf8(JSON.stringify(v) ?? 'undefined')),
    ...(route.sample ? [mutated(route.sample()).map((v) => utf8(route.form ? new URLSearchParams(v as Record<string, string>).toString() : JSON.stringify(v)))] : []),
    fc.integer({ min: 1, max: 5000 }).map((n) => utf8('['.repeat(n) + ']'.repeat(n))),
    fc.integer({ min: 1, max: 5000 }).map((n) => utf8('{"a":'.repeat(n) + '1' + '}'.repeat(n))),
    fc.integer({ min: 1, max: 5000 }).map((n) => utf8('['.repeat(n))),
    fc.uint8Array({ maxLength: 300 }),
    fc.uint8Array({ minLength: 1, maxLength: 20 }).map((bytes) => Uint8Array.from([...utf8('{"email":"'), ...bytes.map((b) => b | 0x80), ...utf8('"}')])),
    text.map(utf8),
    fc.constantFrom('{', '}', '{"a":}', 'null', '[]', '""', '1', 'true', '\uFEFF{}', 'token=&token=a&token', 'a=%zz&%=b').map(utf8),
  );

const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'image/png',
  'image/jpeg',
  'application/xml',
  '*/*',
  ';;;',
  'application/json, text/html',
];

/** Header values fetch lets through: visible ASCII, spaces and Latin-1 (never NUL, CR or LF). */
const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.constantFrom('', ' ', 'null', 'a'.repeat(4000)),
);

interface Input {
  route: Route;
  params: string[];
  query: string;
  body: Uint8Array | undefined;
  contentType: string | undefined;
  origin: string | undefined;
  session: 'valid' | 'garbage' | 'none';
  garbageCookie: string;
  authorization: 'valid' | 'garbage' | 'none';
  garbageAuthorization: string;
  extra: [string, string][];
}

const paramNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

const input = (routes: Route[]): fc.Arbitrary<Input> =>
  fc.constantFrom(...routes).chain((route) =>
    fc.record({
      route: fc.constant(route),
      params: fc.tuple(...paramNames(route.path).map(pathParam)),
      query: fc.oneof(fc.constant(''), queryString(route.queryKeys ?? ['x'])),
      body: route.method === 'GET' || route.method === 'OPTIONS' ? fc.constant(undefined) : body(route),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      origin: fc.constantFrom(undefined, PUBLIC_URL, CAREERS, 'https://evil.example', 'null', ''),
      session: fc.constantFrom('valid', 'garbage', 'none'),
      garbageCookie: headerText,
      authorization: fc.constantFrom('valid', 'garbage', 'none'),
      garbageAuthorization: fc.oneof(
        headerText,
        headerText.map((s) => `Bearer ${s}`),
        fc.constantFrom('Bearer', 'Basic Zm9vOmJhcg==', `bearer   ${KEY} x`),
      ),
      extra: fc.array(
        fc.tuple(
          fc.constantFrom(
            'If-None-Match',
            'Accept-Language',
            'Accept',
            'Accept-Encoding',
            'X-Forwarded-For',
            'Range',
            'If-Modified-Since',
            'Access-Control-Request-Method',
            'Content-Length',
          ),
          fc.oneof(headerText, fc.constantFrom('*', 'W/"x"', '"', 'fr-CA;q=abc, en;q=', ',,,;', 'gzip;q=0, br', 'bytes=0-1,5-', '0', '-1', '99999999999')),
        ),
        { maxLength: 4 },
      ),
    }),
  );

function toRequest(i: Input): { path: string; init: RequestInit } {
  let n = 0;
  const path = i.route.path.replace(/\{\w+\}/g, () => i.params[n++]!) + (i.query ? `?${i.query}` : '');
  const headers = new Headers();
  for (const [name, value] of i.extra) headers.set(name, value);
  if (i.contentType) headers.set('Content-Type', i.contentType);
  if (i.origin !== undefined) headers.set('Origin', i.origin);
  const ownSession = i.session === 'valid' && !ENDS_SESSION.has(`${i.route.method} ${i.route.path}`);
  if (ownSession) headers.set('Cookie', cookie);
  else if (i.session === 'garbage') headers.set('Cookie', `hw_session=${i.garbageCookie}`);
  if (i.authorization === 'valid') headers.set('Authorization', `Bearer ${KEY}`);
  else if (i.authorization === 'garbage') headers.set('Authorization', i.garbageAuthorization);
  return { path, init: { method: i.route.method, headers, ...(i.body ? { body: i.body as Uint8Array<ArrayBuffer> } : {}) } };
}

// ---- the properties ----

// 206 and 416: static files answer Range requests; 431: Node's limit on the request head (16 KB).
const STATUSES = new Set([200, 201, 202, 204, 206, 301, 302, 303, 304, 400, 401, 403, 404, 405, 409, 410, 413, 415, 416, 422, 429, 431]);
const CODES = new Set<string>(ErrorCode.options);

/** What every answer must be: no 5xx, a known status, a documented error in the one error shape. */
async function checkAnswer(response: Response, path: string, what: string) {
  const text = await bodyText(response, response.url !== '');
  assert.ok(response.status < 500, `${what} → ${response.status} ${text.slice(0, 300)}`);
  assert.ok(STATUSES.has(response.status), `${what} → unexpected status ${response.status}`);
  if (response.headers.get('content-type')?.startsWith('application/json') && response.status >= 400) {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    assert.ok(parsed.success, `${what} → not an error body: ${text.slice(0, 300)}`);
    assert.ok(CODES.has(parsed.data.error.code), `${what} → undocumented code ${parsed.data.error.code}`);
  } else if (response.status >= 400 && new URL(`${PUBLIC_URL}${path}`).pathname.startsWith('/v1/')) {
    assert.equal(text, '', `${what} → a non-JSON error under /v1/`);
  }
  return text;
}

/** The body as text, decompressed: `compress()` answers gzip, deflate or zstd to whoever asks. */
async function bodyText(response: Response, decoded: boolean) {
  const raw = Buffer.from(await response.arrayBuffer());
  const encoding = decoded ? null : response.headers.get('content-encoding');
  if (encoding === 'gzip') return gunzipSync(raw).toString();
  if (encoding === 'deflate') return inflateSync(raw).toString();
  if (encoding === 'br') return brotliDecompressSync(raw).toString();
  assert.ok(!encoding, `unknown content-encoding ${encoding}`);
  return raw.toString();
}

const describeInput = (i: Input, path: string) => `${i.route.method} ${path.slice(0, 200)}`;

type Send = (path: string, init: RequestInit) => Promise<Response>;
// A whole URL: a path such as `//` would otherwise read as a host.
const inProcess: Send = async (path, init) => app.request(`http://localhost${path}`, init);

async function tryInput(i: Input, send: Send = inProcess) {
  const { path, init } = toRequest(i);
  const family = send === inProcess ? i.route.family : `http ${i.route.family}`;
  tried[family] = (tried[family] ?? 0) + 1;
  const before = await snapshot();
  const response = await send(path, init);
  const what = describeInput(i, path);
  await checkAnswer(response, path, what);
  // `..` segments may take the URL out of /v1/admin: the property holds for what stays in it.
  if (new URL(`${PUBLIC_URL}${path}`).pathname.startsWith('/v1/admin/') && i.authorization !== 'valid') {
    // Over HTTP, Node refuses headers over 16 KB (431) before any route: refused all the same.
    assert.ok(response.status === 401 || (send !== inProcess && response.status === 431), `${what} without the admin key: ${response.status}`);
  }
  if (response.status >= 400) assert.equal(await snapshot(), before, `${what} → ${response.status} changed the database`);
}

const run = (routes: Route[], numRuns: number, send: Send = inProcess) =>
  fc.assert(
    fc.asyncProperty(input(routes), (i) => tryInput(i, send)),
    { numRuns: numRuns * RUNS, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) },
  );

const family = (...families: Family[]) => ROUTES.filter((route) => families.includes(route.family));

describe('fuzzing every route in-process', () => {
  test('the route list covers the OpenAPI document and every other route family', () => {
    for (const path of Object.keys(openApiDocument.paths))
      assert.ok(
        ROUTES.some((route) => route.path === path),
        path,
      );
    assert.ok(ROUTES.length >= 50, `${ROUTES.length} routes`);
  });

  test('public API: random paths, queries, headers and bodies', () => run(family('public'), 300));
  test('a NUL in one site slug fails no other read batched with it', async () => {
    const paths = ['/v1/sites/acme/people?job=a', '/v1/sites/%00/people', '/v1/sites/acme/people?job=b', '/v1/sites/acme/testimonials'];
    const statuses = await Promise.all(paths.map(async (path) => (await app.request(path)).status));
    assert.deepEqual(statuses, [200, 404, 200, 200]);
  });
  test('admin API: 401 without the key, documented codes with it', () => run(family('admin'), 300));
  test('/v1/me and sign-in: session, origin and body in every combination', () => run(family('me', 'auth'), 300));
  test('pages, links, dev outbox and static files', () => run(family('pages', 'dev', 'static'), 300));
});

// ---- over real HTTP: what the Node adapter does with lengths, chunks and broken requests ----

describe('over real HTTP', () => {
  let served: Served;
  before(async () => {
    served = await serveOnLoopback(app);
  });
  after(() => served.close());

  /** fetch sets Content-Length itself and refuses one that lies: the raw-socket test below sends those. */
  const overHttp: Send = (path, init) => {
    const headers = new Headers(init.headers);
    headers.delete('Content-Length');
    return fetch(`${served.url}${path}`, { ...init, headers, redirect: 'manual' });
  };

  test('random inputs on every route family', () => run(ROUTES, 120, overHttp));

  /** The headers that get a request past authentication, so that its body is what is judged. */
  function allowedHeaders(route: Route): Record<string, string> {
    // The import as JSON: a 10 MB CSV of one field takes csv-parse many seconds (see the fuzzing report).
    const type = route.path.endsWith('/photo') ? 'image/png' : route.form ? 'application/x-www-form-urlencoded' : 'application/json';
    return {
      'Content-Type': type,
      Origin: route.family === 'public' ? CAREERS : PUBLIC_URL,
      Cookie: cookie,
      Authorization: `Bearer ${KEY}`,
    };
  }
  const concrete = (route: Route) => route.path.replace('{site}', 'acme').replace('{id}', personId);
  const limited = ROUTES.filter((route) => route.limit !== undefined);

  test('every body limit: one byte over is 413 payload_too_large, with Content-Length or chunked; at the limit it is not', async () => {
    assert.ok(limited.length >= 12, `${limited.length} limited routes`);
    for (const route of limited) {
      const limit = route.limit!;
      const what = `${route.method} ${route.path}`;
      const over = new Uint8Array(limit + 1).fill(0x61);
      // The server answers 413 and may close the connection without reading the rest: raw sockets read
      // the answer whatever happens to the upload (fetch would fail on the closed connection).
      const head = Object.entries(allowedHeaders(route))
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      const start = `${route.method} ${concrete(route)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${head}`;
      const withLength = await raw(Buffer.concat([Buffer.from(`${start}Content-Length: ${limit + 1}\r\n\r\n`), over]));
      assert.equal(withLength.statuses[0], 413, `${what} with Content-Length`);
      assert.match(withLength.answer, /"code":"payload_too_large"/, `${what} with Content-Length`);
      // Chunked, without Content-Length: the limit counts the bytes as they come.
      const chunkedHead = `${start}Transfer-Encoding: chunked\r\n\r\n${(limit + 1).toString(16)}\r\n`;
      const chunked = await raw(Buffer.concat([Buffer.from(chunkedHead), over, Buffer.from('\r\n0\r\n\r\n')]));
      assert.equal(chunked.statuses[0], 413, `${what} chunked`);
      assert.match(chunked.answer, /"code":"payload_too_large"/, `${what} chunked`);

      const atLimit = await overHttp(concrete(route), { method: route.method, headers: allowedHeaders(route), body: over.subarray(0, limit) });
      assert.ok(atLimit.status !== 413 && atLimit.status < 500, `${what} at the limit → ${atLimit.status}`);
      tried['body limits'] = (tried['body limits'] ?? 0) + 3;
      await atLimit.arrayBuffer();
    }
  });

  /** Writes raw bytes and reads until the server closes or goes quiet; returns the status codes seen. */
  function raw(bytes: string | Buffer, endAfterWrite = false): Promise<{ statuses: number[]; answer: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(new URL(served.url).port), '127.0.0.1');
      let answer = '';
      const done = () => {
        socket.destroy();
        resolve({ statuses: [...answer.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1])), answer });
      };
      socket.setTimeout(400, done); // a connection kept alive: the answer is in
      socket.on('data', (data) => (answer += data.toString('latin1')));
      socket.on('end', done);
      // The server may close while we still write (EPIPE, ECONNRESET): what it answered before counts.
      socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? done() : reject(error)));
      socket.write(bytes, () => endAfterWrite && socket.end());
    });
  }

  test('lying lengths, broken framing and broken headers never reach a 5xx, and the server keeps serving', async () => {
    const json = '{"email":"nobody@acme.example"}';
    const signIn = (headers: string, body = json) =>
      `POST /v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;
    const cases: [string, string | Buffer, boolean?][] = [
      ['Content-Length shorter than the body', signIn('Content-Length: 5\r\n')],
      ['Content-Length longer than the body, then the client hangs up', signIn('Content-Length: 500\r\n'), true],
      ['Content-Length not a number', signIn('Content-Length: abc\r\n')],
      ['negative Content-Length', signIn('Content-Length: -1\r\n')],
      ['two different Content-Lengths', signIn(`Content-Length: ${json.length}\r\nContent-Length: 3\r\n`)],
      ['Content-Length and chunked together', signIn(`Content-Length: ${json.length}\r\nTransfer-Encoding: chunked\r\n`)],
      ['broken chunk sizes', signIn('Transfer-Encoding: chunked\r\n', 'zz\r\nabc\r\n0\r\n\r\n')],
      ['a huge limit by Content-Length on a small route', signIn('Content-Length: 99999999999\r\n', '{')],
      ['NUL in a header value', Buffer.from(`GET /v1/me HTTP/1.1\r\nHost: x\r\nCookie: hw_session=a\0b\r\n\r\n`, 'latin1')],
      ['bytes over 0x7f in a header value', Buffer.from(`GET /me HTTP/1.1\r\nHost: x\r\nAccept-Language: \xff\xfe;q=\x80\r\n\r\n`, 'latin1')],
      ['a header without a colon', 'GET /healthz HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n'],
      ['64 KB of headers', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * KB)}\r\n\r\n`],
      ['a garbage request line', 'BREW /coffee HTCPCP/1.0\r\n\r\n'],
      ['an absolute-form target for another host', 'GET http://evil.example/v1/openapi.json HTTP/1.1\r\nHost: evil.example\r\n\r\n'],
      ['a request target with raw spaces and NUL', Buffer.from('GET /v1/sites/ac me/people?job=\0 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1')],
    ];
    for (const [name, bytes, end] of cases) {
      const { statuses } = await raw(bytes, end);
      tried['raw HTTP'] = (tried['raw HTTP'] ?? 0) + 1;
      for (const status of statuses) assert.ok(status < 500, `${name} → ${status}`);
      assert.equal((await fetch(`${served.url}/healthz`)).status, 200, `still serving after: ${name}`);
    }
  });
});
