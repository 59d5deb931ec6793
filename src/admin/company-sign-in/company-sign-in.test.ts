import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SiteOidcAnswer } from '../../sdk/admin-schemas.js';
import { errorResponse } from '../../../tests/support/browser/test-data.js';
import { $, alerts, button, focused, mockedApi, received, route, signedInClient, statuses, texts, type, until } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminCompanySignIn } from './company-sign-in.js';
import './company-sign-in.js';

const worker = mockedApi();

const REGISTER = { redirectUri: 'https://hallway.test/auth/oidc/callback', scopes: 'openid email profile' };
const NONE: SiteOidcAnswer = { settings: null, ...REGISTER };
const BEAUMONT: SiteOidcAnswer = {
  settings: {
    issuer: 'https://beaumont.okta.com/oauth2/default',
    clientId: '0oa1beaumont',
    displayName: 'Beaumont',
    emailSignIn: true,
    updatedAt: '2026-12-01T10:00:00.000Z',
  },
  ...REGISTER,
};

/** GET answers `answer`; PUT answers what was sent, as the server keeps it (never the secret). */
function serve(answer: SiteOidcAnswer) {
  worker.use(
    route('get', 'sites/acme/oidc', () => answer),
    route('put', 'sites/acme/oidc', async (request) => {
      const { clientSecret: _secret, ...sent } = (await request.json()) as Record<string, unknown>;
      return { settings: { emailSignIn: true, ...sent, updatedAt: '2026-12-03T10:00:00.000Z' }, ...REGISTER };
    }),
    route('delete', 'sites/acme/oidc', () => NONE),
  );
}

async function page(lang = 'en') {
  const el = await fixture<HwAdminCompanySignIn>(
    html`<hw-admin-company-sign-in lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['settings']}></hw-admin-company-sign-in>`,
  );
  await until('the form', () => el.shadowRoot!.querySelector('form'));
  return el;
}

const value = (el: HwAdminCompanySignIn, selector: string) => $<HTMLInputElement>(el, selector).value;
const puts = () => received.filter((request) => request.method === 'PUT');

const buttons = (el: HwAdminCompanySignIn) => texts(el, 'button');

describe('hw-admin-company-sign-in', () => {
  it('without settings: the values to register at the provider; a first save needs every field and the secret', async () => {
    serve(NONE);
    const el = await page();
    expect(texts(el, '.register dd')).to.deep.equal([REGISTER.redirectUri, REGISTER.scopes]);
    expect(buttons(el), 'nothing to remove yet').to.deep.equal(['Save company sign-in']);
    await expect(el).to.be.accessible();

    await type(el, '#issuer', 'http://idp.example.com');
    button(el, 'Save company sign-in').click();
    await until('the errors', () => alerts(el).length > 0);
    expect(alerts(el)).to.deep.equal(['Correct the highlighted fields.']);
    expect([...el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')].map((field) => field.id)).to.deep.equal(['issuer', 'clientId', 'clientSecret', 'displayName']);
    expect(focused(el)).to.equal('issuer');
    expect(puts()).to.deep.equal([]);
    await expect(el).to.be.accessible();

    await type(el, '#issuer', 'https://beaumont.okta.com/oauth2/default');
    await type(el, '#clientId', '0oa1beaumont');
    await type(el, '#clientSecret', 'the-secret');
    await type(el, '#displayName', 'Beaumont');
    expect(texts(el, '#displayName-hint')).to.deep.equal(['The button says “Sign in with Beaumont”.']);
    button(el, 'Save company sign-in').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    expect(puts().map((request) => request.body)).to.deep.equal([
      { issuer: 'https://beaumont.okta.com/oauth2/default', clientId: '0oa1beaumont', clientSecret: 'the-secret', displayName: 'Beaumont', emailSignIn: true },
    ]);
    expect(value(el, '#clientSecret'), 'the secret is not kept on the page').to.equal('');
    expect(texts(el, '#clientSecret-hint')[0]).to.match(/^A secret is saved \(never shown\)/);
    expect(buttons(el)).to.deep.equal(['Save company sign-in', 'Remove company sign-in']);
    await expect(el).to.be.accessible();
  });

  it('with settings, in French: a save without a new secret keeps it; removing works from the keyboard', async () => {
    serve(BEAUMONT);
    const el = await page('fr');
    expect(value(el, '#issuer')).to.equal('https://beaumont.okta.com/oauth2/default');
    expect(value(el, '#displayName')).to.equal('Beaumont');
    expect(texts(el, '#displayName-hint')).to.deep.equal(['Le bouton indique « Se connecter avec Beaumont ».']);
    expect($<HTMLInputElement>(el, '#emailSignIn').checked).to.equal(true);
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, '#emailSignIn').click();
    button(el, 'Enregistrer la connexion par l’entreprise').click();
    await until('saved', () => statuses(el).includes('Enregistré.'));
    expect(puts().map((request) => request.body)).to.deep.equal([
      { issuer: 'https://beaumont.okta.com/oauth2/default', clientId: '0oa1beaumont', displayName: 'Beaumont', emailSignIn: false },
    ]);

    button(el, 'Retirer la connexion par l’entreprise').focus();
    await sendKeys({ press: 'Enter' });
    await until('removed', () => statuses(el).some((text) => text.startsWith('La connexion par l’entreprise est retirée')));
    expect(received.map((request) => request.method)).to.deep.equal(['GET', 'PUT', 'DELETE']);
    expect(value(el, '#issuer')).to.equal('');
    expect(focused(el)).to.equal('issuer');
    await expect(el).to.be.accessible();
  });

  it('a role without the settings scope reads why, without a retry', async () => {
    worker.use(route('get', 'sites/acme/oidc', () => errorResponse(403, 'forbidden')));
    const el = await fixture<HwAdminCompanySignIn>(html`<hw-admin-company-sign-in site="acme" .admin=${signedInClient()}></hw-admin-company-sign-in>`);
    await until('the error', () => alerts(el).length > 0);
    expect(buttons(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
