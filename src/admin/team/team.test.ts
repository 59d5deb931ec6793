import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse } from 'msw';
import { ROLE_SCOPES, type AdminUser, type ApiKey } from '../../sdk/admin-schemas.js';
import { errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import {
  $,
  aKey,
  alerts,
  aUser,
  button,
  choose,
  focused,
  openDialog,
  received,
  route,
  signedInClient,
  statuses,
  texts,
  type,
  until,
  mockedApi,
} from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminTeam } from './team.js';
import './team.js';

const worker = mockedApi();

const me = aUser();
const editor = aUser({ id: 'u2', email: 'ed@acme.test', name: null, role: 'editor', lastSignInAt: null });

/** The workspace's accounts and keys as the server keeps them. */
function serveTeam(users: AdminUser[] = [me, editor], keys: ApiKey[] = [aKey()]) {
  worker.use(
    route('get', 'users', () => ({ items: users })),
    route('get', 'keys', () => ({ items: keys })),
    route('post', 'users', async (request) => ({ ...aUser({ id: 'u3', lastSignInAt: null }), ...((await request.json()) as object), name: null })),
    route('patch', 'users/:id', async (request, { id }) => ({ ...users.find((user) => user.id === id)!, ...((await request.json()) as object) })),
    route('delete', 'users/:id', () => new HttpResponse(null, { status: 204 })),
    route('post', 'keys', async (request) => {
      const key = aKey({ id: 'k2', ...((await request.json()) as object), prefix: 'hw_live_cd34' });
      keys = [key, ...keys];
      return { key, secret: 'hw_live_cd34-the-whole-secret' };
    }),
    route('delete', 'keys/:id', (_request, { id }) => ({ ...keys.find((key) => key.id === id)!, revokedAt: '2026-12-03T09:00:00.000Z' })),
  );
}

async function teamPage(lang = 'en') {
  const el = await fixture<HwAdminTeam>(html`<hw-admin-team lang=${lang} .admin=${signedInClient()} .scopes=${ROLE_SCOPES.owner} .userId=${'u1'}></hw-admin-team>`);
  await until('the team or a message', () => el.shadowRoot!.querySelector('table, .message'));
  return el;
}

const roleOf = (el: HwAdminTeam, id: string) => $<HTMLSelectElement>(el, `[data-user="${id}"] select`);

describe('hw-admin-team', () => {
  it('lists the admins and the API keys; one cannot change or remove oneself', async () => {
    serveTeam();
    const el = await teamPage();
    expect(texts(el, 'h2')).to.deep.equal(['Admins', 'API keys']);
    expect(texts(el, '[data-user] .name')).to.deep.equal(['Hélène Roux', 'ed@acme.test']);
    expect(texts(el, '[data-user="u1"] td')[1]).to.equal('Dec 1, 2026');
    expect(texts(el, '[data-user="u2"] td')[1]).to.equal('Never');
    expect(roleOf(el, 'u1').disabled).to.be.true;
    expect(roleOf(el, 'u2').value).to.equal('editor');
    expect(texts(el, '[data-user="u1"] button')).to.deep.equal([]);
    expect(texts(el, '[data-key] th')).to.deep.equal(['Nightly HR sync hw_live_ab12…']);
    expect(texts(el, '[data-key] td').slice(0, 3)).to.deep.equal(['People', 'Nov 2, 2026', 'Never']);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serveTeam();
    const el = await teamPage('fr');
    expect(texts(el, 'h2')).to.deep.equal(['Administrateurs', 'Clés d’API']);
    expect([...roleOf(el, 'u2').options].map((option) => option.text)).to.deep.equal(['propriétaire', 'éditeur', 'modérateur']);
    await expect(el).to.be.accessible();
  });

  it('adds an admin once the address is one', async () => {
    serveTeam();
    const el = await teamPage();
    await type(el, '#user-email', 'not an address');
    button(el, 'Add an admin').click();
    await until('the error', () => texts(el, '#user-email-error').length);
    expect(texts(el, '#user-email-error')).to.deep.equal(['Enter an e-mail address such as hr@example.com.']);
    expect(focused(el)).to.equal('user-email');
    expect(received.filter((request) => request.method === 'POST')).to.be.empty;
    await expect(el).to.be.accessible();

    await type(el, '#user-email', 'mo@acme.test');
    await choose(el, '#user-role', 'moderator');
    button(el, 'Add an admin').click();
    await until('added', () => statuses(el).includes('mo@acme.test is added: they can sign in with their e-mail address.'));
    expect(received.at(-1)).to.deep.include({ method: 'POST', path: '/v1/admin/users', body: { email: 'mo@acme.test', role: 'moderator' } });
    expect(texts(el, '[data-user] .name')).to.deep.equal(['Hélène Roux', 'ed@acme.test', 'mo@acme.test']);
  });

  it('changes a role, and puts it back when the server refuses', async () => {
    serveTeam();
    const el = await teamPage();
    await choose(el, '[data-user="u2"] select', 'moderator');
    await until('changed', () => statuses(el).includes('ed@acme.test is now moderator.'));
    expect(received.at(-1)).to.deep.include({ method: 'PATCH', path: '/v1/admin/users/u2', body: { role: 'moderator' } });

    worker.use(route('patch', 'users/:id', () => errorResponse(409, 'last_owner')));
    await choose(el, '[data-user="u2"] select', 'owner');
    await until('the error', () => alerts(el).length);
    expect(alerts(el)).to.deep.equal(['This conflicts with something that already exists.']);
    expect(roleOf(el, 'u2').value).to.equal('moderator');
  });

  it('removes an admin after asking', async () => {
    serveTeam();
    const el = await teamPage();
    button(el, 'Remove ed@acme.test').click();
    await until('the dialog', () => openDialog(el));
    expect(texts(el, 'dialog p')).to.deep.equal(['Remove ed@acme.test from the workspace? They can no longer sign in.']);
    expect(focused(el), 'Cancel first: removing is not undone').to.equal('Cancel');
    await expect(el).to.be.accessible();
    button(el, 'Remove').click();
    await until('removed', () => statuses(el).includes('ed@acme.test is removed.'));
    expect(received.at(-1)).to.include({ method: 'DELETE', path: '/v1/admin/users/u2' });
    expect(texts(el, '[data-user] .name')).to.deep.equal(['Hélène Roux']);
    await until('the focus on the announcement', () => el.shadowRoot!.activeElement?.classList.contains('status'));
  });

  it('creates a key with chosen scopes, shows its secret once, and revokes keys', async () => {
    serveTeam([me], []);
    const el = await teamPage();
    expect(texts(el, '.empty')).to.deep.equal(['No API key yet.']);
    expect(texts(el, 'fieldset label')).to.deep.equal(['People', 'Settings', 'Moderation', 'Analytics', 'Audit log', 'Admins and keys']);

    await type(el, '#key-name', 'Website build');
    button(el, 'Create the key').click();
    await until('the error', () => texts(el, '#key-scopes-error').length);
    expect(texts(el, '#key-scopes-error')).to.deep.equal(['Choose at least one scope.']);
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, 'input[name="scopes"][value="settings"]').click();
    button(el, 'Create the key').click();
    await until('the secret', () => openDialog(el));
    expect(received.at(-1)).to.deep.include({ method: 'POST', path: '/v1/admin/keys', body: { name: 'Website build', scopes: ['settings'] } });
    expect(texts(el, 'dialog h2')).to.deep.equal(['The secret of “Website build”']);
    expect(value(el, '#secret')).to.equal('hw_live_cd34-the-whole-secret');
    expect(focused(el)).to.equal('Copy');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await until('copied, or told to copy by hand', () => texts(el, 'dialog [role="status"]').length);
    await sendKeys({ press: 'Escape' });
    await until('closed', () => !openDialog(el));
    expect(el.shadowRoot!.textContent, 'the secret is gone for good').not.to.contain('the-whole-secret');
    expect(texts(el, '[data-key] th')).to.deep.equal(['Website build hw_live_cd34…']);

    button(el, 'Revoke Website build').click();
    await until('the dialog', () => openDialog(el));
    button(el, 'Revoke').click();
    await until('revoked', () => statuses(el).includes('“Website build” is revoked.'));
    expect(received.at(-1)).to.include({ method: 'DELETE', path: '/v1/admin/keys/k2' });
    expect(texts(el, '[data-key] .badge')).to.deep.equal(['Revoked']);
    await expect(el).to.be.accessible();
  });

  it('says it is loading', async () => {
    const response = gate();
    serveTeam();
    worker.use(route('get', 'users', async () => (await response.opened, { items: [me] })));
    const el = await fixture<HwAdminTeam>(html`<hw-admin-team .admin=${signedInClient()} .scopes=${ROLE_SCOPES.owner} .userId=${'u1'}></hw-admin-team>`);
    expect(statuses(el)).to.include('Loading…');
    await expect(el).to.be.accessible();
    response.open();
    await until('the team', () => el.shadowRoot!.querySelector('table'));
    expect(statuses(el)).not.to.include('Loading…');
  });

  it('says when the team could not be loaded, and when the role may not see it', async () => {
    worker.use(
      route('get', 'users', () => errorResponse(500, 'internal')),
      route('get', 'keys', () => ({ items: [] })),
    );
    const failed = await teamPage();
    expect(alerts(failed)).to.deep.equal(['Something went wrong. Try again.']);
    await expect(failed).to.be.accessible();

    worker.use(route('get', 'users', () => errorResponse(403, 'forbidden')));
    const forbidden = await teamPage();
    expect(alerts(forbidden)).to.deep.equal(['Your role does not allow this.']);
    expect(forbidden.shadowRoot!.textContent).not.to.contain('Try again');
  });
});

const value = (el: HwAdminTeam, selector: string) => $<HTMLInputElement>(el, selector).value;
