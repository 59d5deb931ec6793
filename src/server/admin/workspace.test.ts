/** The HR workspace's accounts: sign-in by e-mail link, the session cookie, CSRF, and account management. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issueAdminToken } from '../auth/admin-sessions.js';
import { signInLinksMade } from '../auth/sign-in.js';
import { purgeOldData } from '../contact/retention.js';
import { findLinks, listOutbox } from '../mail/index.js';
import { landingPageParts } from '../../../tests/support/node/test-http.js';
import { createAdminUser } from './accounts.js';
import { COOKIE, openWorkspace, type Workspace } from '../../../tests/support/node/test-workspace.js';

let ws: Workspace;

before(async () => {
  ws = await openWorkspace();
});
after(() => ws.drop());

const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  ws.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', Origin: 'null', ...headers },
    body: new URLSearchParams(fields).toString(),
  });

const mailsTo = async (address: string) => {
  await signInLinksMade();
  return (await listOutbox(ws.db)).filter((mail) => mail.to === address);
};

describe('sign-in', () => {
  test('the sign-in page asks for an e-mail address, in English and in French', async () => {
    for (const [language, lang, label] of [
      ['en-GB', 'en', 'Work e-mail address'],
      ['fr-FR,fr;q=0.9', 'fr', 'Adresse e-mail professionnelle'],
    ]) {
      const response = await ws.app.request('/admin/sign-in', { headers: { 'Accept-Language': language! } });
      const page = await response.text();
      assert.equal(response.status, 200);
      assert.equal(landingPageParts(page).lang, lang);
      assert.match(
        page,
        new RegExp(`<label for="field-email">${label}</label><input id="field-email" name="email" type="email" autocomplete="email" value="" required>`),
      );
      assert.match(response.headers.get('Content-Security-Policy') ?? '', /script-src 'self'/);
    }
  });

  test('an account and an unknown address get the same answer; only the account is mailed a link, in its language', async () => {
    await createAdminUser(ws.db, { email: 'claire@hr.test', role: 'editor' });
    const known = await form('/admin/sign-in', { email: 'Claire@HR.test' }, { 'Accept-Language': 'fr' });
    const unknown = await form('/admin/sign-in', { email: 'nobody@hr.test' }, { 'Accept-Language': 'fr' });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    assert.equal(await known.text(), await unknown.text());
    const [mail, ...more] = await mailsTo('claire@hr.test');
    assert.equal(more.length, 0);
    assert.equal(mail!.locale, 'fr');
    assert.match(mail!.subject, /espace RH/);
    assert.ok(findLinks(mail!.text).some((link) => link.startsWith('https://hallway.test/admin/link?token=')));
    assert.deepEqual(await mailsTo('nobody@hr.test'), []);
    // One link a minute per account: asking again sends nothing more.
    await form('/admin/sign-in', { email: 'claire@hr.test' });
    assert.equal((await mailsTo('claire@hr.test')).length, 1);
  });

  test('a mistyped address gets the form back with what is wrong; a form from another site is refused', async () => {
    const typo = await form('/admin/sign-in', { email: 'claire.hr.test' });
    assert.equal(typo.status, 400);
    assert.match(await typo.text(), /This is not an e-mail address[\s\S]*value="claire.hr.test"/);
    const foreign = await form('/admin/sign-in', { email: 'claire@hr.test' }, { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.test' });
    assert.equal(foreign.status, 403);
  });

  test('the link asks for a click, then signs in once: a Strict, httpOnly, __Host- cookie, and /admin', async () => {
    const user = await createAdminUser(ws.db, { email: 'owner@hr.test', role: 'owner' });
    const token = await issueAdminToken(ws.db, user.id);
    const page = await ws.app.request(`/admin/link?token=${token}`);
    assert.equal(landingPageParts(await page.text()).action, 'Continue to the workspace');
    const response = await form('/admin/link', { token });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/admin');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    assert.match(cookie, new RegExp(`^${COOKIE}=`));
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) assert.ok(cookie.includes(attribute), attribute);
    const again = await form('/admin/link', { token });
    assert.equal(again.status, 410);
    assert.match(await again.text(), /already used/);
    const signedIn = await ws.db.selectFrom('admin_users').select('last_sign_in_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok(signedIn.last_sign_in_at);
  });

  test('an expired link, an unknown one and a link posted from another site do not sign in', async () => {
    const user = await createAdminUser(ws.db, { email: 'late@hr.test', role: 'moderator' });
    const expired = await issueAdminToken(ws.db, user.id, new Date(Date.now() - 3600_000));
    assert.equal((await form('/admin/link', { token: expired })).status, 410);
    assert.equal((await form('/admin/link', { token: 'made-up' })).status, 410);
    const fresh = await issueAdminToken(ws.db, user.id);
    const foreign = await form('/admin/link', { token: fresh }, { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.test' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('Set-Cookie'), null);
  });

  test('too many links asked for from one network: 429 with Retry-After, in the reader language, and no more mail', async () => {
    const limited = await openWorkspace({ signInLimits: [{ max: 2, windowMs: 600_000 }] });
    try {
      await createAdminUser(limited.db, { email: 'busy@hr.test', role: 'owner' });
      const ask = () =>
        limited.app.request('/admin/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'fr' },
          body: new URLSearchParams({ email: 'busy@hr.test' }).toString(),
        });
      assert.equal((await ask()).status, 200);
      assert.equal((await ask()).status, 200);
      const refused = await ask();
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('Retry-After')) > 0);
      assert.match(await refused.text(), /Trop de liens de connexion/);
      await signInLinksMade();
      assert.equal((await listOutbox(limited.db)).filter((mail) => mail.to === 'busy@hr.test').length, 1);
    } finally {
      await limited.drop();
    }
  });

  test("an employee's sign-in token does not open the workspace", async () => {
    assert.equal((await form('/admin/link', { token: 'an-employee-token' })).status, 410);
  });
});

describe('retention', () => {
  test('the daily purge removes expired workspace links and sessions, and sign-in mails once their links are dead', async () => {
    const user = await createAdminUser(ws.db, { email: 'purge@hr.test', role: 'moderator' });
    await form('/admin/sign-in', { email: 'purge@hr.test' });
    assert.equal((await mailsTo('purge@hr.test')).length, 1);
    const session = await ws.sessionOf(user.id);
    const live = await issueAdminToken(ws.db, user.id);
    const mine = () => ws.db.selectFrom('admin_tokens').select('id').where('admin_id', '=', user.id).execute();
    assert.equal((await mine()).length, 3);

    await purgeOldData(ws.db, 90, new Date(Date.now() + 2 * 3600_000));
    assert.deepEqual(await mine(), [], 'links live 30 minutes');
    assert.equal((await mailsTo('purge@hr.test')).length, 1, 'the mail is kept while its link may be clicked');
    assert.equal((await ws.call('GET', '/v1/admin/session', { session })).status, 200, 'a session lives eight hours');
    await purgeOldData(ws.db, 90, new Date(Date.now() + 15 * 24 * 3600_000));
    assert.equal((await ws.call('GET', '/v1/admin/session', { session })).status, 401);
    assert.deepEqual(await mailsTo('purge@hr.test'), []);
    assert.ok(live);
  });
});

describe('the workspace page and its session', () => {
  test('/admin and its client routes: the app when signed in, the sign-in page otherwise', async () => {
    for (const path of ['/admin', '/admin/people']) {
      const out = await ws.app.request(path);
      assert.equal(out.status, 303, path);
      assert.equal(out.headers.get('Location'), '/admin/sign-in');
    }
    const session = await ws.signIn('moderator');
    for (const path of ['/admin', '/admin/people']) {
      const page = await ws.app.request(path, { headers: { Cookie: `${COOKIE}=${session.cookie}`, 'Accept-Language': 'fr' } });
      const text = await page.text();
      assert.equal(page.status, 200);
      assert.match(text, /<html lang="fr">/);
      assert.match(text, /<hw-admin-app lang="fr"><\/hw-admin-app>/);
      assert.match(text, /<script type="module" src="\/admin.js"><\/script>/);
      assert.match(page.headers.get('Content-Security-Policy') ?? '', /script-src 'self'; style-src 'self'/);
      assert.equal(page.headers.get('Cache-Control'), 'no-store');
    }
  });

  test('GET /v1/admin/session names the account, its scopes and its CSRF token; a key has no session', async () => {
    const session = await ws.signIn('editor', 'edith@hr.test');
    const { status, body } = await ws.call('GET', '/v1/admin/session', { session });
    assert.equal(status, 200);
    assert.equal(body.user.email, 'edith@hr.test');
    assert.equal(body.user.role, 'editor');
    assert.deepEqual(body.scopes, ['people', 'settings', 'analytics']);
    assert.equal(body.csrfToken, session.csrf);
    assert.equal((await ws.call('GET', '/v1/admin/session', { key: 'workspace-bootstrap-key-0123456789' })).status, 401);
  });

  test('a write with the session cookie needs the session own CSRF token', async () => {
    const session = await ws.signIn('owner');
    const other = await ws.signIn('owner');
    const body = { json: { slug: 'csrf-site', name: 'CSRF' } };
    for (const csrf of [null, '', other.csrf, session.csrf.slice(0, -1)]) {
      const refused = await ws.call('POST', '/v1/admin/sites', { session, csrf }, body);
      assert.equal(refused.status, 403, String(csrf));
      assert.equal(refused.body.error.code, 'forbidden');
    }
    assert.equal((await ws.call('GET', '/v1/admin/sites', { session, csrf: null })).status, 200, 'reads need no token');
    assert.equal((await ws.call('POST', '/v1/admin/sites', { session }, body)).status, 201);
  });

  test('signing out ends the session: its cookie then opens nothing', async () => {
    const session = await ws.signIn('editor');
    assert.equal((await ws.call('DELETE', '/v1/admin/session', { session, csrf: null })).status, 403);
    const out = await ws.call('DELETE', '/v1/admin/session', { session });
    assert.equal(out.status, 204);
    assert.equal((await ws.call('GET', '/v1/admin/session', { session })).status, 401);
    assert.equal((await ws.app.request('/admin', { headers: { Cookie: `${COOKIE}=${session.cookie}` } })).status, 303);
  });
});

describe('accounts', () => {
  test('owners add, rename, change and remove accounts; an address is one account', async () => {
    const owner = await ws.signIn('owner');
    const created = await ws.call('POST', '/v1/admin/users', { session: owner }, { json: { email: ' Mod@HR.test ', name: 'Mo', role: 'moderator' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.email, 'mod@hr.test');
    assert.equal(created.body.lastSignInAt, null);
    const twice = await ws.call('POST', '/v1/admin/users', { session: owner }, { json: { email: 'mod@hr.test', role: 'editor' } });
    assert.equal(twice.status, 409);
    const changed = await ws.call('PATCH', `/v1/admin/users/${created.body.id}`, { session: owner }, { json: { role: 'editor', name: 'Morgan' } });
    assert.deepEqual([changed.body.role, changed.body.name], ['editor', 'Morgan']);
    const list = await ws.call('GET', '/v1/admin/users', { session: owner });
    assert.ok(list.body.items.some((user: { email: string }) => user.email === 'mod@hr.test'));
    assert.equal((await ws.call('DELETE', `/v1/admin/users/${created.body.id}`, { session: owner })).status, 204);
    assert.equal((await ws.call('DELETE', `/v1/admin/users/${created.body.id}`, { session: owner })).status, 404);
    const bad = await ws.call('POST', '/v1/admin/users', { session: owner }, { json: { email: 'not-an-address', role: 'owner' } });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'email']);
  });

  test('the last owner can be neither demoted nor removed', async () => {
    const { db, drop, ...solo } = await openWorkspace();
    try {
      const owner = await solo.signIn('owner');
      const demoted = await solo.call('PATCH', `/v1/admin/users/${owner.id}`, { session: owner }, { json: { role: 'editor' } });
      assert.deepEqual([demoted.status, demoted.body.error.code], [409, 'conflict']);
      assert.equal((await solo.call('DELETE', `/v1/admin/users/${owner.id}`, { session: owner })).status, 409);
      const second = await createAdminUser(db, { email: 'second@hr.test', role: 'owner' });
      assert.equal((await solo.call('DELETE', `/v1/admin/users/${owner.id}`, { session: owner })).status, 204);
      // The removed account's session went with it.
      assert.equal((await solo.call('GET', '/v1/admin/session', { session: owner })).status, 401);
      assert.ok(second);
    } finally {
      await drop();
    }
  });
});
