import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdminSite, ScimToken } from '../../sdk/admin-schemas.js';
import { errorResponse } from '../../../tests/support/browser/test-data.js';
import {
  $,
  alerts,
  aSite,
  button,
  focused,
  mockedApi,
  openDialog,
  received,
  route,
  signedInClient,
  statuses,
  texts,
  type,
  until,
} from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminSiteSavedEvent } from '../settings/settings.js';
import type { HwAdminScim } from './scim.js';
import './scim.js';

const worker = mockedApi();
const BASE_URL = 'https://hallway.acme.test/scim/v2';

const aToken = (overrides: Partial<ScimToken> = {}): ScimToken => ({
  id: 't1',
  name: 'Okta',
  prefix: 'hw_scim_ab12',
  createdAt: '2026-11-02T09:00:00.000Z',
  createdBy: 'hr@acme.test',
  lastUsedAt: '2026-12-01T08:00:00.000Z',
  revokedAt: null,
  ...overrides,
});

/** The site's tokens as the server keeps them; PATCH answers the site with what was sent. */
function serveScim(tokens: ScimToken[] = [aToken()], site = aSite()) {
  worker.use(
    route('get', 'sites/acme/scim/tokens', () => ({ items: tokens, baseUrl: BASE_URL })),
    route('post', 'sites/acme/scim/tokens', async (request) => ({
      token: aToken({ id: 't2', lastUsedAt: null, ...((await request.json()) as object), prefix: 'hw_scim_cd34' }),
      secret: 'hw_scim_cd34-the-whole-secret',
      baseUrl: BASE_URL,
    })),
    route('delete', 'sites/acme/scim/tokens/:id', (_request, { id }) => ({ ...aToken({ id, name: 'Entra ID' }), revokedAt: '2026-12-03T09:00:00.000Z' })),
    route('patch', 'sites/acme', async (request) => ({ ...site, ...((await request.json()) as Partial<AdminSite>) })),
  );
}

async function scimSection(lang = 'en', site = aSite()) {
  const el = await fixture<HwAdminScim>(html`<hw-admin-scim lang=${lang} site="acme" .value=${site} .admin=${signedInClient()} .scopes=${['settings']}></hw-admin-scim>`);
  await until('the tokens or a message', () => el.shadowRoot!.querySelector('table, .empty, .message'));
  return el;
}

const value = (el: HwAdminScim, selector: string) => $<HTMLInputElement>(el, selector).value;

describe('hw-admin-scim', () => {
  it('shows the base URL to paste and the tokens, by name and prefix only', async () => {
    serveScim();
    const el = await scimSection();
    expect(texts(el, 'h2')).to.deep.equal(['Provisioning (SCIM)']);
    expect(value(el, '#scim-base-url')).to.equal(BASE_URL);
    expect(texts(el, '[data-token] th')).to.deep.equal(['Okta hw_scim_ab12…']);
    expect(texts(el, '[data-token] td').slice(0, 2)).to.deep.equal(['Nov 2, 2026', 'Dec 1, 2026']);
    expect($<HTMLInputElement>(el, '#scim-invite-new').checked).to.be.false;
    expect(el.shadowRoot!.querySelector('#scim-days'), 'no delay without automatic invitations').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serveScim([]);
    const el = await scimSection('fr');
    expect(texts(el, 'h2')).to.deep.equal(['Provisionnement (SCIM)']);
    expect(texts(el, 'legend')).to.deep.equal(['Invitations automatiques']);
    expect(texts(el, '.empty')).to.deep.equal(['Aucun jeton pour l’instant\u202f: créez-en un pour connecter un fournisseur d’identité.']);
    await expect(el).to.be.accessible();
  });

  it('turns on the automatic invitations from the keyboard, 14 days offered, and saves them', async () => {
    serveScim();
    const el = await scimSection();
    const saved: AdminSite[] = [];
    el.addEventListener('hw-admin-site-saved', (event: HwAdminSiteSavedEvent) => saved.push(event.detail));
    $<HTMLInputElement>(el, '#scim-invite-new').focus();
    await sendKeys({ press: 'Space' });
    await until('the delay', () => el.shadowRoot!.querySelector('#scim-days'));
    expect(value(el, '#scim-days')).to.equal('14');
    await expect(el).to.be.accessible();

    await type(el, '#scim-days', '400');
    button(el, 'Save the invitations').click();
    await until('the error', () => texts(el, '#scim-days-error').length);
    expect(texts(el, '#scim-days-error')).to.deep.equal(['Enter a number of days from 0 to 365.']);
    expect(focused(el)).to.equal('scim-days');
    expect(received.filter((request) => request.method === 'PATCH')).to.be.empty;
    await expect(el).to.be.accessible();

    await type(el, '#scim-days', '21');
    $<HTMLInputElement>(el, '#scim-invite-alumni').click();
    button(el, 'Save the invitations').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    expect(received.at(-1)).to.deep.include({ method: 'PATCH', path: '/v1/admin/sites/acme', body: { scimInviteAfterDays: 21, scimInviteAlumni: true } });
    expect(saved.map((site) => [site.scimInviteAfterDays, site.scimInviteAlumni])).to.deep.equal([[21, true]]);
  });

  it('turning them off saves null: never', async () => {
    serveScim();
    const el = await scimSection('en', aSite({ scimInviteAfterDays: 7 }));
    expect(value(el, '#scim-days')).to.equal('7');
    $<HTMLInputElement>(el, '#scim-invite-new').click();
    button(el, 'Save the invitations').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    expect(received.at(-1)!.body).to.deep.equal({ scimInviteAfterDays: null, scimInviteAlumni: false });
  });

  it('creates a token, shows its secret once, and revokes a token after asking', async () => {
    serveScim([aToken({ id: 't1', name: 'Entra ID' })]);
    const el = await scimSection();
    button(el, 'Create the token').click();
    await until('the error', () => texts(el, '#scim-token-name-error').length);
    expect(focused(el)).to.equal('scim-token-name');
    await expect(el).to.be.accessible();

    await type(el, '#scim-token-name', 'Okta');
    button(el, 'Create the token').click();
    await until('the secret', () => openDialog(el));
    expect(received.at(-1)).to.deep.include({ method: 'POST', path: '/v1/admin/sites/acme/scim/tokens', body: { name: 'Okta' } });
    expect(texts(el, 'dialog h2')).to.deep.equal(['The secret of “Okta”']);
    expect(value(el, '#scim-secret')).to.equal('hw_scim_cd34-the-whole-secret');
    expect(focused(el)).to.equal('Copy');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until('closed', () => !openDialog(el));
    expect(el.shadowRoot!.textContent, 'the secret is gone for good').not.to.contain('the-whole-secret');
    expect(texts(el, '[data-token] th')).to.deep.equal(['Okta hw_scim_cd34…', 'Entra ID hw_scim_ab12…']);

    button(el, 'Revoke Entra ID').click();
    await until('the dialog', () => openDialog(el));
    expect(texts(el, 'dialog p')).to.deep.equal(['Revoke “Entra ID”? The identity provider using it can no longer provision anyone.']);
    expect(focused(el), 'Cancel first').to.equal('Cancel');
    await expect(el).to.be.accessible();
    button(el, 'Revoke').click();
    await until('revoked', () => statuses(el).includes('“Entra ID” is revoked.'));
    expect(received.at(-1)).to.include({ method: 'DELETE', path: '/v1/admin/sites/acme/scim/tokens/t1' });
    expect(texts(el, '[data-token="t1"] .badge')).to.deep.equal(['Revoked']);
  });

  it('says when the tokens could not be loaded', async () => {
    worker.use(route('get', 'sites/acme/scim/tokens', () => errorResponse(500, 'internal')));
    const el = await scimSection();
    expect(alerts(el)).to.deep.equal(['Something went wrong. Try again.']);
    await expect(el).to.be.accessible();
  });
});
