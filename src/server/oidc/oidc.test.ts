/**
 * Company sign-in against a real OpenID provider (oidc-provider on loopback), driven through its
 * sign-in pages as a browser would: the whole code flow, and every way an answer must be refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminUser } from '../admin/accounts.js';
import { createApp } from '../app.js';
import { Links } from '../auth/links.js';
import type { Db } from '../store/database.js';
import { createPerson } from '../store/people.js';
import { createSite } from '../store/sites.js';
import { testClock } from '../../../tests/support/clock.js';
import { CLIENT_ID, CLIENT_SECRET, OTHER_CLIENT_ID, signInAtProvider, startOpenIdProvider, type TestProvider } from '../../../tests/support/node/openid-provider.js';
import { openTestDatabase } from '../../../tests/support/node/test-database.js';
import { landingPageParts } from '../../../tests/support/node/test-http.js';
import { BOOTSTRAP_KEY, openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';
import { signInLinksMade } from '../auth/sign-in.js';
import { openSecret, saveOidcSettings, sealingKey } from './settings.js';

const PUBLIC_URL = 'https://hallway.test';
const CALLBACK = `${PUBLIC_URL}/auth/oidc/callback`;
const ACCOUNTS = {
  ada: { email: 'Ada@Beaumont.test', emailVerified: true },
  mallory: { email: 'mallory@beaumont.test', emailVerified: false },
  stranger: { email: 'stranger@beaumont.test', emailVerified: true },
  hr: { email: 'hr@beaumont.test', emailVerified: true },
};

let db: Db;
let drop: () => Promise<void>;
let provider: TestProvider;
let otherProvider: TestProvider;
const clock = testClock();
let app: ReturnType<typeof createApp>;
let adaId: number;
let siteId: number;

before(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, publicUrl: PUBLIC_URL, links: new Links(PUBLIC_URL, 'test-secret'), contact: { now: clock.now } });
  // Tokens live 60 s here, so the clock can pass their expiry well within the flow's 10 minutes.
  provider = await startOpenIdProvider({ redirectUri: CALLBACK, accounts: ACCOUNTS, idTokenTtl: 60 });
  otherProvider = await startOpenIdProvider({ redirectUri: CALLBACK, accounts: ACCOUNTS });
  siteId = (await createSite(db, { slug: 'beaumont', name: 'Beaumont' })).id;
  await createSite(db, { slug: 'plain', name: 'Plain' });
  adaId = (await createPerson(db, { siteId, email: 'ada@beaumont.test', fullName: 'Ada Lovelace', displayName: 'Ada L.', jobTitle: 'Engineer' })).id;
  await createPerson(db, { siteId, email: 'mallory@beaumont.test', fullName: 'Mallory', displayName: 'Mallory', jobTitle: 'Engineer' });
  await createAdminUser(db, { email: 'hr@beaumont.test', role: 'editor' });
  await saveOidcSettings(db, siteId, { issuer: provider.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, displayName: 'Beaumont' });
});
after(async () => {
  await provider?.close();
  await otherProvider?.close();
  await drop?.();
});

interface Started {
  /** The provider's authorization URL Hallway sent the browser to. */
  authorizationUrl: string;
  /** `hw_oidc=…`, the flow's browser cookie. */
  cookie: string;
}

async function start(audience: 'me' | 'admin' = 'me', site = 'beaumont'): Promise<Started> {
  const response = await app.request(`/auth/oidc/start?site=${site}&for=${audience}`);
  assert.equal(response.status, 303, await response.text());
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  assert.match(cookie, /^hw_oidc=/);
  return { authorizationUrl: response.headers.get('location')!, cookie };
}

/** Hallway's callback, as the browser brings it back from the provider (with its cookies). */
async function callback(url: string, cookie: string, headers: Record<string, string> = {}) {
  const response = await app.request(new URL(url).pathname + new URL(url).search, { headers: { Cookie: cookie, ...headers } });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { status: response.status, location: response.headers.get('location'), text, setCookie, page: landingPageParts(text) };
}

const withParam = (url: string, name: string, value: string) => {
  const changed = new URL(url);
  changed.searchParams.set(name, value);
  return changed.href;
};

const sessionCookie = (setCookie: string) => /hw_session=([^;]+)/.exec(setCookie)?.[1];

async function me(session: string) {
  const response = await app.request('/v1/me', { headers: { Cookie: `hw_session=${session}` } });
  return { status: response.status, body: (await response.json()) as { email?: string } };
}

/** Nobody was signed in: no session cookie, the problem page, and its way on to the e-mail link. */
function assertRefused(answer: Awaited<ReturnType<typeof callback>>, message: RegExp) {
  assert.equal(answer.status, 403, answer.text);
  assert.equal(sessionCookie(answer.setCookie), undefined);
  assert.doesNotMatch(answer.setCookie, /hw_admin=/);
  assert.match(answer.text, message);
  assert.match(answer.text, /Get a sign-in link by e-mail/);
}

describe('company sign-in, the code flow', () => {
  test('an employee signs in at the provider and lands on /me with the session the e-mail link gives', async () => {
    const { authorizationUrl, cookie } = await start();
    const url = new URL(authorizationUrl);
    assert.equal(url.origin, provider.issuer);
    assert.equal(url.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(url.searchParams.get('redirect_uri'), CALLBACK);
    assert.equal(url.searchParams.get('scope'), 'openid email profile');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(url.searchParams.get('state') && url.searchParams.get('nonce') && url.searchParams.get('code_challenge'));

    const answer = await callback(await signInAtProvider(authorizationUrl, 'ada', CALLBACK), cookie);
    assert.equal(answer.status, 303, answer.text);
    assert.equal(answer.location, '/me');
    const session = sessionCookie(answer.setCookie);
    assert.ok(session, 'a session cookie');
    assert.match(answer.setCookie, /hw_session=[^;]+;.*HttpOnly/i);
    const mine = await me(session);
    assert.equal(mine.status, 200);
    assert.equal(mine.body.email, 'ada@beaumont.test');
    const stored = await db.selectFrom('sessions').select('person_id').execute();
    assert.deepEqual(
      stored.map((row) => row.person_id),
      [adaId],
    );
  });

  test('an HR account signs in to the workspace, from a page that continues to /admin', async () => {
    const { authorizationUrl, cookie } = await start('admin');
    const answer = await callback(await signInAtProvider(authorizationUrl, 'hr', CALLBACK), cookie);
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.setCookie, /__Host-hw_admin=[^;]+/);
    assert.deepEqual(answer.page.action, ['/admin', 'Continue to the workspace']);
    const admin = await app.request('/admin', { headers: { Cookie: /(__Host-hw_admin=[^;]+)/.exec(answer.setCookie)![1]! } });
    assert.equal(admin.status, 200);
    const audit = await db.selectFrom('admin_audit').select(['action', 'actor_label']).execute();
    assert.ok(audit.some((row) => row.action === 'session.sign_in' && row.actor_label === 'hr@beaumont.test'));
  });

  test('a site without company sign-in offers none', async () => {
    const response = await app.request('/auth/oidc/start?site=plain&for=me');
    assert.equal(response.status, 404);
    assert.match(await response.text(), /does not offer company sign-in/);
  });
});

describe('company sign-in refuses', () => {
  test('a code whose PKCE challenge is not the one Hallway sent (the verifier does not match)', async () => {
    const { authorizationUrl, cookie } = await start();
    const forged = withParam(authorizationUrl, 'code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    assertRefused(await callback(await signInAtProvider(forged, 'ada', CALLBACK), cookie), /did not succeed/);
  });

  test('a code used twice, with the same state or a new one', async () => {
    const first = await start();
    const returned = await signInAtProvider(first.authorizationUrl, 'ada', CALLBACK);
    assert.equal((await callback(returned, first.cookie)).status, 303);
    assertRefused(await callback(returned, first.cookie), /did not succeed/);
    const second = await start();
    const secondState = new URL(second.authorizationUrl).searchParams.get('state')!;
    assertRefused(await callback(withParam(returned, 'state', secondState), second.cookie), /did not succeed/);
  });

  test('a state that is not the flow this browser started', async () => {
    const mine = await start();
    const theirs = await start();
    const returned = await signInAtProvider(theirs.authorizationUrl, 'ada', CALLBACK);
    // Their code, brought to my browser (login CSRF), and a state nobody issued.
    assertRefused(await callback(returned, mine.cookie), /did not succeed/);
    assertRefused(await callback(withParam(returned, 'state', 'made-up'), theirs.cookie), /did not succeed/);
  });

  test('an ID token whose nonce is not the one Hallway sent', async () => {
    const { authorizationUrl, cookie } = await start();
    const forged = withParam(authorizationUrl, 'nonce', 'another-nonce');
    assertRefused(await callback(await signInAtProvider(forged, 'ada', CALLBACK), cookie), /did not succeed/);
  });

  test('an answer that names another issuer, and a provider whose discovery names another', async () => {
    const { authorizationUrl, cookie } = await start();
    const returned = await signInAtProvider(authorizationUrl, 'ada', CALLBACK);
    assert.equal(new URL(returned).searchParams.get('iss'), provider.issuer, 'the provider names itself (RFC 9207)');
    assertRefused(await callback(withParam(returned, 'iss', otherProvider.issuer), cookie), /did not succeed/);

    const lying = await createSite(db, { slug: 'lying', name: 'Lying' });
    // Discovery at this address answers for another issuer (the provider behind it says it is 127.0.0.1).
    await saveOidcSettings(db, lying.id, {
      issuer: provider.issuer.replace('127.0.0.1', 'localhost'),
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      displayName: 'Lying',
    });
    const response = await app.request('/auth/oidc/start?site=lying&for=me');
    assert.equal(response.status, 502);
    assert.match(await response.text(), /cannot be reached/);
  });

  test('a code issued to another application (the token would be for another audience)', async () => {
    const { authorizationUrl, cookie } = await start();
    const forOther = withParam(authorizationUrl, 'client_id', OTHER_CLIENT_ID);
    assertRefused(await callback(await signInAtProvider(forOther, 'ada', CALLBACK), cookie), /did not succeed/);
  });

  test('an expired ID token', async () => {
    const { authorizationUrl, cookie } = await start();
    const returned = await signInAtProvider(authorizationUrl, 'ada', CALLBACK);
    // Tokens live 60 s, the check tolerates 30 s of skew: two minutes on, well inside the flow's ten.
    clock.advance(2 * 60_000);
    try {
      assertRefused(await callback(returned, cookie), /did not succeed/);
    } finally {
      clock.advance(-2 * 60_000);
    }
  });

  test('a flow older than 10 minutes', async () => {
    const { authorizationUrl, cookie } = await start();
    const returned = await signInAtProvider(authorizationUrl, 'ada', CALLBACK);
    clock.advance(11 * 60_000);
    try {
      assertRefused(await callback(returned, cookie), /did not succeed/);
    } finally {
      clock.advance(-11 * 60_000);
    }
  });

  test('an e-mail address the provider does not say is verified', async () => {
    const { authorizationUrl, cookie } = await start();
    assertRefused(await callback(await signInAtProvider(authorizationUrl, 'mallory', CALLBACK), cookie), /does not confirm that its e-mail address is verified/);
  });

  test('an address with no profile on the site: a clear page, in the person’s language, pointing to the e-mail link', async () => {
    const { authorizationUrl, cookie } = await start();
    const answer = await callback(await signInAtProvider(authorizationUrl, 'stranger', CALLBACK), cookie, { 'Accept-Language': 'fr-FR,fr;q=0.9' });
    assert.equal(answer.status, 403);
    assert.equal(answer.page.lang, 'fr');
    assert.match(answer.text, /n’a pas de profil Hallway sur ce site carrières/);
    assert.deepEqual(answer.page.action, ['/me?site=beaumont', 'Recevoir un lien de connexion par e-mail']);
    assert.equal(sessionCookie(answer.setCookie), undefined);
  });

  test('an address with no workspace account', async () => {
    const { authorizationUrl, cookie } = await start('admin');
    const answer = await callback(await signInAtProvider(authorizationUrl, 'ada', CALLBACK), cookie);
    assert.equal(answer.status, 403);
    assert.match(answer.text, /has no HR workspace account/);
    assert.deepEqual(answer.page.action, ['/admin/sign-in', 'Get a sign-in link by e-mail']);
    assert.doesNotMatch(answer.setCookie, /hw_admin=/);
  });

  test('the provider’s own error text is never shown', async () => {
    const { authorizationUrl, cookie } = await start();
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const query = new URLSearchParams({ error: 'access_denied', error_description: '<script>alert(1)</script>', state, iss: provider.issuer });
    const answer = await callback(`${CALLBACK}?${query}`, cookie);
    assertRefused(answer, /did not succeed/);
    assert.doesNotMatch(answer.text, /alert\(1\)|<script>/);
  });
});

describe('company sign-in on the sign-in pages', () => {
  const companyButtons = (text: string) =>
    [...(/<p class="also">(.*?)<\/p>/.exec(text)?.[1] ?? '').matchAll(/<a class="button secondary" href="([^"]+)">([^<]+)<\/a>/g)].map((link) => link.slice(1));
  const companyButton = (text: string) => companyButtons(text)[0];

  test('/me names its site in the link: signed out, its button; without a site or signed in, none', async () => {
    const page = await (await app.request('/me?site=beaumont')).text();
    assert.deepEqual(companyButton(page), ['/auth/oidc/start?site=beaumont&amp;for=me', 'Sign in with Beaumont']);
    assert.equal(companyButton(await (await app.request('/me')).text()), undefined);
    assert.equal(companyButton(await (await app.request('/me?site=plain')).text()), undefined);
    const { authorizationUrl, cookie } = await start();
    const session = sessionCookie((await callback(await signInAtProvider(authorizationUrl, 'ada', CALLBACK), cookie)).setCookie)!;
    assert.equal(companyButton(await (await app.request('/me?site=beaumont', { headers: { Cookie: `hw_session=${session}` } })).text()), undefined);
  });

  test('the workspace’s sign-in page offers each site’s, in French too', async () => {
    const page = await (await app.request('/admin/sign-in', { headers: { 'Accept-Language': 'fr' } })).text();
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /Recevoir un lien de connexion/);
    assert.deepEqual(companyButtons(page), [
      ['/auth/oidc/start?site=beaumont&amp;for=admin', 'Se connecter avec Beaumont'],
      ['/auth/oidc/start?site=lying&amp;for=admin', 'Se connecter avec Lying'],
    ]);
  });

  test('with e-mail sign-in turned off, /me of that site offers only the company button, in English and French', async () => {
    const editor = (text: string) => /<hw-profile-editor[^>]*>/.exec(text)?.[0];
    assert.equal(editor(await (await app.request('/me?site=beaumont')).text()), '<hw-profile-editor>');
    await saveOidcSettings(db, siteId, { issuer: provider.issuer, clientId: CLIENT_ID, displayName: 'Beaumont', emailSignIn: false });
    try {
      for (const [lang, button] of [
        ['en', 'Sign in with Beaumont'],
        ['fr', 'Se connecter avec Beaumont'],
      ]) {
        const page = await (await app.request('/me?site=beaumont', { headers: { 'Accept-Language': lang! } })).text();
        assert.equal(editor(page), '<hw-profile-editor company-sign-in-only>');
        assert.deepEqual(companyButton(page), ['/auth/oidc/start?site=beaumont&amp;for=me', button]);
      }
      assert.equal(editor(await (await app.request('/me?site=plain')).text()), '<hw-profile-editor>', 'another site keeps its e-mail form');
      assert.equal(editor(await (await app.request('/me')).text()), '<hw-profile-editor>');
    } finally {
      await saveOidcSettings(db, siteId, { issuer: provider.issuer, clientId: CLIENT_ID, displayName: 'Beaumont', emailSignIn: true });
    }
  });

  test('with e-mail sign-in turned off, the site’s people get no e-mail link', async () => {
    const mailsTo = async (email: string) => (await db.selectFrom('outbox').select('to_address').execute()).filter((mail) => mail.to_address === email).length;
    const ask = async (email: string) => {
      const response = await app.request('/v1/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
      assert.equal(response.status, 202);
      await signInLinksMade();
    };
    const plainId = (await db.selectFrom('sites').select('id').where('slug', '=', 'plain').executeTakeFirstOrThrow()).id;
    await createPerson(db, { siteId: plainId, email: 'grace@plain.test', fullName: 'Grace', displayName: 'Grace', jobTitle: 'Engineer' });
    await saveOidcSettings(db, siteId, { issuer: provider.issuer, clientId: CLIENT_ID, displayName: 'Beaumont', emailSignIn: false });
    try {
      await ask('ada@beaumont.test');
      await ask('grace@plain.test');
      assert.equal(await mailsTo('ada@beaumont.test'), 0);
      assert.equal(await mailsTo('grace@plain.test'), 1, 'another site keeps its e-mail links');
    } finally {
      await saveOidcSettings(db, siteId, { issuer: provider.issuer, clientId: CLIENT_ID, displayName: 'Beaumont', emailSignIn: true });
    }
  });
});

describe('company sign-in, rate limited', () => {
  test('starting flows is limited per client address, as sign-in links are: a clear page in the person’s language, with Retry-After', async () => {
    const limited = createApp({
      db,
      publicUrl: PUBLIC_URL,
      links: new Links(PUBLIC_URL, 'test-secret'),
      signInLimits: [{ max: 2, windowMs: 600_000 }],
      contact: { trustProxy: true },
    });
    const startFrom = (ip: string, lang = 'en') =>
      limited.request('/auth/oidc/start?site=beaumont&for=me', { headers: { 'X-Forwarded-For': ip, 'Accept-Language': lang } });
    assert.deepEqual([(await startFrom('203.0.113.7')).status, (await startFrom('203.0.113.7')).status], [303, 303]);
    const refused = await startFrom('203.0.113.7');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    assert.equal(refused.headers.get('set-cookie'), null, 'no flow was started');
    assert.match(await refused.text(), /Too many sign-ins were started from this network/);
    assert.match(await (await startFrom('203.0.113.7', 'fr')).text(), /Trop de connexions ont été lancées depuis ce réseau/);
    assert.equal((await startFrom('203.0.113.8')).status, 303, 'another address is not limited');
  });
});

describe('company sign-in settings in the admin API', () => {
  let workspace: Workspace;
  const SECRET = 'very-secret-client-secret-42';
  const settings = { issuer: 'https://beaumont.okta.com/oauth2/default', clientId: '0oa1beaumont', clientSecret: SECRET, displayName: 'Beaumont' };
  before(async () => {
    workspace = await openWorkspace();
    await createSite(workspace.db, { slug: 'beaumont', name: 'Beaumont' });
  });
  after(() => workspace?.drop());
  const key = { key: BOOTSTRAP_KEY };

  test('set, read and removed with the settings scope; the secret never comes back, not even in the audit log', async () => {
    const empty = await workspace.call('GET', '/v1/admin/sites/beaumont/oidc', key);
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body, { settings: null, redirectUri: 'https://hallway.test/auth/oidc/callback', scopes: 'openid email profile' });

    const saved = await workspace.call('PUT', '/v1/admin/sites/beaumont/oidc', key, { json: settings });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.body.settings.issuer, settings.issuer);
    assert.equal(saved.body.settings.emailSignIn, true);
    // Changing the label alone keeps the secret.
    const relabelled = await workspace.call('PUT', '/v1/admin/sites/beaumont/oidc', key, {
      json: { ...settings, clientSecret: undefined, displayName: 'Beaumont SSO', emailSignIn: false },
    });
    assert.equal(relabelled.status, 200, relabelled.text);
    const read = await workspace.call('GET', '/v1/admin/sites/beaumont/oidc', key);
    assert.deepEqual(
      { ...read.body.settings, updatedAt: undefined },
      { issuer: settings.issuer, clientId: settings.clientId, displayName: 'Beaumont SSO', emailSignIn: false, updatedAt: undefined },
    );
    const stored = await workspace.db.selectFrom('site_oidc').selectAll().executeTakeFirstOrThrow();
    assert.equal(openSecret(await sealingKey(workspace.db), stored.client_secret_sealed), SECRET);
    const audit = await workspace.call('GET', '/v1/admin/audit', key);
    for (const answer of [saved, relabelled, read, audit]) assert.doesNotMatch(answer.text, new RegExp(SECRET));
    assert.doesNotMatch(JSON.stringify(stored), new RegExp(SECRET), 'sealed at rest');
    assert.deepEqual(
      audit.body.items
        .filter((item: { action: string }) => item.action.startsWith('site.oidc'))
        .map((item: { action: string; details: { secretChanged: boolean } }) => [item.action, item.details.secretChanged]),
      [
        ['site.oidc.update', false],
        ['site.oidc.update', true],
      ],
    );

    const removed = await workspace.call('DELETE', '/v1/admin/sites/beaumont/oidc', key);
    assert.equal(removed.status, 200);
    assert.equal(removed.body.settings, null);
    assert.equal((await workspace.call('DELETE', '/v1/admin/sites/beaumont/oidc', key)).status, 404);
  });

  test('refuses a first setting without its secret, an issuer over plain http elsewhere than this machine, and accounts without the scope', async () => {
    const noSecret = await workspace.call('PUT', '/v1/admin/sites/beaumont/oidc', key, { json: { ...settings, clientSecret: undefined } });
    assert.equal(noSecret.status, 400);
    assert.equal(noSecret.body.error.field, 'clientSecret');
    const plainHttp = await workspace.call('PUT', '/v1/admin/sites/beaumont/oidc', key, { json: { ...settings, issuer: 'http://idp.example.com' } });
    assert.equal(plainHttp.status, 400);
    assert.equal(plainHttp.body.error.field, 'issuer');
    const moderator = await workspace.signIn('moderator');
    assert.equal((await workspace.call('GET', '/v1/admin/sites/beaumont/oidc', { session: moderator })).status, 403);
    assert.equal((await workspace.call('PUT', '/v1/admin/sites/beaumont/oidc', { session: moderator }, { json: settings })).status, 403);
    assert.equal((await workspace.db.selectFrom('site_oidc').selectAll().execute()).length, 0);
  });
});
