import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { AdminRole } from '../../sdk/admin-schemas.js';
import { aList, errorResponse, gate, photos } from '../../../tests/support/browser/test-data.js';
import { $, alerts, aSession, aSite, choose, focused, received, route, statuses, texts, until } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminApp, HwAdminSignedOutEvent } from './app.js';
import './app.js';

/** Every page's data, so that any page the workspace opens has something to show. */
const pages = [
  photos,
  route('get', 'sites/:site/people', () => ({ items: [], nextCursor: null })),
  route('get', 'sites/:site/testimonials', () => ({ items: [] })),
  route('get', 'sites/:site/answers', () => ({ items: [] })),
  route('get', 'sites/:site/overview', () => ({
    ...{ jobs: [], jobsSource: null, jobsUpdatedAt: null, teams: [], locations: [], pendingTestimonials: 0 },
    ...{ people: { total: 0, listed: 0, contactable: 0 }, invitations: { sent: 0, accepted: 0 } },
  })),
  route('get', 'users', () => ({ items: [] })),
  route('get', 'keys', () => ({ items: [] })),
  http.get('/v1/admin/sites/:site/job-feed', () => HttpResponse.json({ feed: null })),
  route('get', 'sites/:site/scim/tokens', () => ({ items: [], baseUrl: `${location.origin}/scim/v2` })),
  http.get('/v1/sites/:site/people', () => HttpResponse.json(aList(['Ada Lovelace']))),
  http.get('/v1/sites/:site', ({ params }) => HttpResponse.json({ slug: params.site, name: 'Acme', contactOrigins: [location.origin] })),
];
const worker = setupWorker(...pages);
const testPage = location.href;
/** The sign-in page would leave the test page: the tests look at the event instead. */
const signedOut: HwAdminSignedOutEvent[] = [];
const stay = (event: HwAdminSignedOutEvent) => (signedOut.push(event), event.preventDefault());

before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
before(() => addEventListener('hw-admin-signed-out', stay));
beforeEach(() => ((received.length = 0), (signedOut.length = 0)));
afterEach(() => (worker.resetHandlers(), history.replaceState(null, '', testPage)));
after(() => (worker.stop(), removeEventListener('hw-admin-signed-out', stay)));

function serveSession(role: AdminRole = 'owner', sites = [aSite()], wait?: Promise<void>) {
  worker.use(
    route('get', 'session', async () => (await wait, aSession(role))),
    route('get', 'sites', () => ({ items: sites })),
    route('delete', 'session', () => new HttpResponse(null, { status: 204 })),
  );
}

async function workspace(lang = 'en') {
  const el = await fixture<HwAdminApp>(html`<hw-admin-app lang=${lang}></hw-admin-app>`);
  await until('the workspace or a message', () => el.shadowRoot!.querySelector('main, .message'));
  return el;
}

const nav = (el: HwAdminApp) => texts(el, 'nav a');
const current = (el: HwAdminApp) => texts(el, 'nav a[aria-current="page"]');
const link = (el: HwAdminApp, label: string) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].find((a) => a.textContent!.trim() === label)!;
const heading = (el: HwAdminApp) => texts(el, 'h1')[0];

describe('hw-admin-app', () => {
  it('says it is loading, then shows the signed-in owner every page', async () => {
    const response = gate();
    serveSession('owner', [aSite()], response.opened);
    const el = await fixture<HwAdminApp>(html`<hw-admin-app></hw-admin-app>`);
    expect(statuses(el)).to.deep.equal(['Loading…']);
    await expect(el).to.be.accessible();
    response.open();
    await until('the workspace', () => el.shadowRoot!.querySelector('main'));

    expect(texts(el, 'header p')).to.deep.equal(['Hallway HR workspace', 'Hélène Roux, owner']);
    expect(nav(el)).to.deep.equal([
      'Overview',
      'People',
      'Import people',
      'Testimonials',
      'Reports and held questions',
      'Published answers',
      'Site settings',
      'Team',
      'Audit log',
      'Analytics',
    ]);
    expect([...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) => new URL(a.href).pathname)).to.deep.equal([
      '/admin/overview',
      '/admin/people',
      '/admin/people/import',
      '/admin/testimonials',
      '/admin/reports',
      '/admin/answers',
      '/admin/settings',
      '/admin/team',
      '/admin/audit',
      '/admin/analytics',
    ]);
    expect(current(el)).to.deep.equal(['Overview']);
    expect(heading(el)).to.equal('Overview');
    const overview = $(el, 'hw-admin-overview');
    expect(overview.getAttribute('site')).to.equal('acme');
    await until('the overview page', () => overview.shadowRoot!.querySelector('.headline'));
    expect(received.find((request) => request.path === '/v1/admin/sites/acme/overview')!.csrf, 'pages write with the session’s CSRF token').to.equal(
      'csrf-token-of-the-session',
    );
    await expect(el).to.be.accessible();
  });

  it('moves between pages with real links, the history and the focus on the page’s heading', async () => {
    serveSession();
    const el = await workspace();
    link(el, 'Testimonials').focus();
    await sendKeys({ press: 'Enter' });
    await until('the testimonials page', () => heading(el) === 'Testimonials');
    expect(location.pathname).to.equal('/admin/testimonials');
    expect(current(el)).to.deep.equal(['Testimonials']);
    expect($(el, 'hw-admin-testimonials')).to.exist;
    expect(focused(el)).to.equal('Testimonials');
    expect(el.shadowRoot!.activeElement!.tagName).to.equal('H1');

    link(el, 'Team').click();
    await until('the team page', () => heading(el) === 'Team');
    expect(location.pathname).to.equal('/admin/team');
    await expect(el).to.be.accessible();

    history.back();
    await until('back on testimonials', () => heading(el) === 'Testimonials');
    expect(el.shadowRoot!.activeElement!.tagName).to.equal('H1');

    link(el, 'Site settings').click();
    await until('the settings page', () => heading(el) === 'Site settings');
    expect($(el, 'hw-admin-settings').shadowRoot!.querySelector<HTMLInputElement>('#name')!.value).to.equal('Acme');
  });

  it('offers a skip link to the page’s content first', async () => {
    serveSession();
    const el = await workspace();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('Skip to content');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement!.tagName).to.equal('H1');
  });

  it('opens the people import at its own address, under People', async () => {
    history.replaceState(null, '', '/admin/people/import');
    serveSession('editor');
    const el = await workspace();
    expect(current(el)).to.deep.equal(['Import people']);
    expect(heading(el)).to.equal('Import people');
    await until('the import page', () => $(el, 'hw-admin-people-import')?.shadowRoot?.querySelector('#file'));
    expect($(el, 'hw-admin-people-import').getAttribute('site')).to.equal('acme');
    await expect(el).to.be.accessible();
  });

  it('shows a moderator only moderation, and no other page even by its address', async () => {
    history.replaceState(null, '', '/admin/people');
    serveSession('moderator');
    const el = await workspace();
    expect(texts(el, 'header p')[1]).to.equal('Hélène Roux, moderator');
    expect(nav(el)).to.deep.equal(['Testimonials', 'Reports and held questions', 'Published answers']);
    expect(heading(el)).to.equal('People');
    expect(texts(el, 'main .message')).to.deep.equal(['Your role does not give access to this page.']);
    expect(el.shadowRoot!.querySelector('hw-admin-people')).to.be.null;
    expect(received.some((request) => request.path.endsWith('/people'))).to.be.false;
    await expect(el).to.be.accessible();

    link(el, 'Testimonials').click();
    await until('the testimonials page', () => $(el, 'hw-admin-testimonials'));
  });

  it('lets an admin of several sites pick one', async () => {
    serveSession('owner', [aSite(), aSite({ slug: 'beta', name: 'Beta Labs' })]);
    const el = await workspace();
    expect(texts(el, 'header option')).to.deep.equal(['Acme', 'Beta Labs']);
    await choose(el, 'header select', 'beta');
    expect(new URLSearchParams(location.search).get('site')).to.equal('beta');
    await until('the overview of beta', () => received.some((request) => request.path === '/v1/admin/sites/beta/overview'));
    expect(new URL(link(el, 'Testimonials').href).search).to.equal('?site=beta');
    await expect(el).to.be.accessible();
  });

  it('signs out, and goes to the sign-in page', async () => {
    serveSession();
    const el = await workspace();
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Sign out')!.click();
    await until('signed out', () => signedOut.length === 1);
    expect(received.at(-1)).to.include({ method: 'DELETE', path: '/v1/admin/session', csrf: 'csrf-token-of-the-session' });
    await el.updateComplete;
    expect(statuses(el)).to.deep.equal(['You are signed out.']);
    expect(new URL($<HTMLAnchorElement>(el, 'a.button').href).pathname).to.equal('/admin/sign-in');
    await expect(el).to.be.accessible();
  });

  it('goes to the sign-in page without a session', async () => {
    worker.use(route('get', 'session', () => errorResponse(401, 'unauthorized')));
    const el = await workspace();
    expect(signedOut).to.have.length(1);
    expect(statuses(el)).to.deep.equal(['You are signed out.']);
    expect(texts(el, 'a.button')).to.deep.equal(['Sign in']);
    await expect(el).to.be.accessible();
  });

  it('says when the workspace could not open, and tries again', async () => {
    worker.use(route('get', 'session', () => errorResponse(503, 'unavailable')));
    const el = await workspace();
    expect(alerts(el)).to.deep.equal(['Something went wrong. Try again.']);
    await expect(el).to.be.accessible();
    serveSession();
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click();
    await until('the workspace', () => el.shadowRoot!.querySelector('main'));
  });

  it('speaks French', async () => {
    serveSession('editor');
    const el = await workspace('fr');
    expect(texts(el, 'header p')).to.deep.equal(['Espace RH Hallway', 'Hélène Roux, éditeur']);
    expect(nav(el)).to.deep.equal(['Vue d’ensemble', 'Personnes', 'Importer des personnes', 'Réglages du site', 'Statistiques']);
    expect(texts(el, '.skip')).to.deep.equal(['Aller au contenu']);
    await expect(el).to.be.accessible();
  });
});
