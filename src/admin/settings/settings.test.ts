import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { AdminSite } from '../../sdk/admin-schemas.js';
import { aList, errorResponse, photos } from '../../../tests/support/browser/test-data.js';
import {
  $,
  alerts,
  aSite,
  button,
  choose,
  focused,
  received,
  route,
  signedInClient,
  statuses,
  texts,
  type,
  until,
} from '../../../tests/support/browser/admin-test-data.js';
import { embedSnippet } from './snippet.js';
import type { HwAdminSettings, HwAdminSiteSavedEvent } from './settings.js';
import './settings.js';

/** The public API the preview's real people grid reads, at the workspace's origin. */
const publicApi = [
  photos,
  http.get('/v1/sites/:site/people', () => HttpResponse.json(aList(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']))),
  http.get('/v1/sites/:site', ({ params }) => HttpResponse.json({ slug: params.site, name: 'Acme', contactOrigins: [location.origin] })),
  // The job feed panel below the settings (its own tests: job-feed.test.ts).
  http.get('/v1/admin/sites/:site/job-feed', () => HttpResponse.json({ feed: null })),
  // The company sign-in section below the settings (its own tests are in company-sign-in.test.ts).
  http.get('/v1/admin/sites/:site/oidc', () =>
    HttpResponse.json({ settings: null, redirectUri: 'https://hallway.test/auth/oidc/callback', scopes: 'openid email profile' }),
  ),
  // The page's "Provisioning (SCIM)" section (src/admin/scim) reads the site's tokens.
  http.get('/v1/admin/sites/:site/scim/tokens', () => HttpResponse.json({ items: [], baseUrl: `${location.origin}/scim/v2` })),
];
const worker = setupWorker(...publicApi);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
beforeEach(() => (received.length = 0));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** PATCH answers the site with the fields sent, as the server stores them. */
function serveUpdate(site = aSite()) {
  worker.use(route('patch', 'sites/acme', async (request) => ({ ...site, ...((await request.json()) as Partial<AdminSite>) })));
}

async function settingsPage(lang = 'en', site = aSite()) {
  const el = await fixture<HwAdminSettings>(
    html`<hw-admin-settings lang=${lang} site="acme" .value=${site} .admin=${signedInClient()} .scopes=${['settings']}></hw-admin-settings>`,
  );
  const grid = () => $(el, 'hw-people-grid')?.shadowRoot?.querySelectorAll('hw-person-card').length;
  await until('the preview’s cards', () => grid() === 3);
  return el;
}

const value = (el: HwAdminSettings, selector: string) => $<HTMLInputElement>(el, selector).value;
const origins = (el: HwAdminSettings) => texts(el, '.origins code');

describe('hw-admin-settings', () => {
  it('shows the site’s settings and a preview of the real grid in its accent colour', async () => {
    const el = await settingsPage();
    expect(value(el, '#name')).to.equal('Acme');
    expect(origins(el)).to.deep.equal(['https://careers.acme.test']);
    expect(value(el, '#defaultLang')).to.equal('en');
    expect(value(el, '#accentColor')).to.equal('#8a2f3c');
    expect(value(el, '#careersUrl')).to.equal('https://careers.acme.test/jobs');
    const frame = $(el, '.frame');
    expect(getComputedStyle(frame).getPropertyValue('--hw-accent').trim()).to.equal('#8a2f3c');

    await type(el, '#accentColor', '#1a7f37');
    expect(getComputedStyle(frame).getPropertyValue('--hw-accent').trim(), 'the preview follows the field').to.equal('#1a7f37');
    await expect(el).to.be.accessible();
  });

  it('warns when white text on the accent colour would be hard to read', async () => {
    const el = await settingsPage();
    expect(el.shadowRoot!.querySelector('#accentColor-contrast'), '#8a2f3c is fine').to.be.null;
    await type(el, '#accentColor', '#abc');
    expect(texts(el, '#accentColor-contrast')).to.deep.equal(['White text on this colour is hard to read: its contrast is 2:1, and 4.5:1 is needed.']);
    expect($(el, '#accentColor').getAttribute('aria-describedby')).to.contain('accentColor-contrast');
    // The preview shows the poor contrast on purpose: it is what the warning is about.
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
  });

  it('adds https origins only, once each, and removes them', async () => {
    const el = await settingsPage();
    await type(el, '#newOrigin', 'http://careers.example.com');
    button(el, 'Add').click();
    await el.updateComplete;
    expect(texts(el, '#newOrigin-error')).to.deep.equal(['Enter an origin such as https://careers.example.com (http only for localhost), without a path.']);
    expect($(el, '#newOrigin').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await type(el, '#newOrigin', 'https://careers.acme.test');
    await sendKeys({ press: 'Enter' });
    expect(texts(el, '#newOrigin-error')).to.deep.equal(['This origin is already in the list.']);

    await type(el, '#newOrigin', 'https://jobs.acme.test/');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(origins(el)).to.deep.equal(['https://careers.acme.test', 'https://jobs.acme.test']);
    expect(value(el, '#newOrigin')).to.equal('');
    expect(el.shadowRoot!.querySelector('#newOrigin-error')).to.be.null;

    button(el, 'Remove https://careers.acme.test').click();
    await el.updateComplete;
    expect(origins(el)).to.deep.equal(['https://jobs.acme.test']);
    expect(focused(el)).to.equal('newOrigin');
    await expect(el).to.be.accessible();
  });

  it('saves what the contract accepts, and says so', async () => {
    serveUpdate();
    const el = await settingsPage();
    const saved = new Promise<HwAdminSiteSavedEvent>((resolve) => el.addEventListener('hw-admin-site-saved', resolve, { once: true }));
    await type(el, '#name', 'Acme Careers');
    await choose(el, '#defaultLang', 'fr');
    await type(el, '#accentColor', '#16A');
    await type(el, '#careersUrl', '');
    button(el, 'Save').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    const patch = received.find((request) => request.method === 'PATCH')!;
    expect(patch.body).to.deep.equal({
      name: 'Acme Careers',
      allowedOrigins: ['https://careers.acme.test'],
      defaultLang: 'fr',
      accentColor: '#1166aa',
      careersUrl: null,
      holdLinks: false,
      holdPhones: false,
      heldWords: [],
      answerWindowDays: 5,
      timeZone: 'Europe/Paris',
      langs: ['en', 'fr'],
      themeRadius: null,
      themeFont: null,
      themeSurface: null,
      themeText: null,
    });
    expect(patch.csrf).to.equal('csrf-token-of-the-session');
    expect((await saved).detail.name).to.equal('Acme Careers');
    expect(value(el, '#accentColor'), 'as the server stored it').to.equal('#1166aa');
    await expect(el).to.be.accessible();
  });

  it('edits the site’s filter: links, phone numbers and listed words, one per line', async () => {
    serveUpdate();
    const el = await settingsPage('en', aSite({ holdLinks: false, holdPhones: true, heldWords: ['crypto'] }));
    expect(texts(el, 'fieldset legend')).to.include('Hold questions for moderation');
    expect($<HTMLInputElement>(el, '[name="holdPhones"]').checked).to.be.true;
    expect(value(el, '#heldWords')).to.equal('crypto');
    $<HTMLInputElement>(el, '[name="holdLinks"]').focus();
    await sendKeys({ press: 'Space' });
    await type(el, '#heldWords', 'crypto\n\n  Télégram \n');
    button(el, 'Save').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    const { holdLinks, holdPhones, heldWords } = received.find((request) => request.method === 'PATCH')!.body as AdminSite;
    expect({ holdLinks, holdPhones, heldWords }).to.deep.equal({ holdLinks: true, holdPhones: true, heldWords: ['crypto', 'Télégram'] });
    await expect(el).to.be.accessible();

    await type(el, '#heldWords', 'x'.repeat(61));
    button(el, 'Save').click();
    await until('the error', () => texts(el, '#heldWords-error').length);
    expect(texts(el, '#heldWords-error')).to.deep.equal(['At most 200 words, of at most 60 characters each.']);
    expect(focused(el)).to.equal('heldWords');
    await expect(el).to.be.accessible();
  });

  it('shows each refused field with its reason, and sends nothing', async () => {
    const el = await settingsPage();
    await type(el, '#name', '  ');
    await type(el, '#accentColor', 'red');
    await type(el, '#careersUrl', 'ftp://careers.acme.test');
    button(el, 'Save').click();
    await until('the errors', () => alerts(el).length);
    expect(alerts(el)).to.deep.equal(['Correct the highlighted fields.']);
    expect(texts(el, '#name-error')).to.deep.equal(['Enter a name, up to 200 characters.']);
    expect(texts(el, '#accentColor-error')).to.deep.equal(['Enter a colour such as #8a2f3c.']);
    expect(texts(el, '#careersUrl-error')).to.deep.equal(['Enter a web address such as https://careers.example.com/jobs.']);
    expect(focused(el), 'the first refused field').to.equal('name');
    expect(received.filter((request) => request.method === 'PATCH')).to.be.empty;
    await expect(el).to.be.accessible();
  });

  it('sets the answer window and the time zone of the working days, each refused by its field', async () => {
    serveUpdate();
    const el = await settingsPage('en', aSite({ answerWindowDays: 7, timeZone: 'America/New_York' }));
    expect(value(el, '#answerWindowDays')).to.equal('7');
    expect(value(el, '#timeZone')).to.equal('America/New_York');

    await type(el, '#answerWindowDays', '0');
    button(el, 'Save').click();
    await until('the error', () => alerts(el).length);
    expect(texts(el, '#answerWindowDays-error')).to.deep.equal(['Enter a number of days from 1 to 30.']);
    expect($(el, '#answerWindowDays').getAttribute('aria-describedby')).to.equal('answerWindowDays-hint answerWindowDays-error');
    expect(focused(el)).to.equal('answerWindowDays');
    expect(received.filter((request) => request.method === 'PATCH')).to.be.empty;
    await expect(el).to.be.accessible();

    await type(el, '#answerWindowDays', '10');
    await choose(el, '#timeZone', 'Asia/Tokyo');
    button(el, 'Save').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    const patch = received.find((request) => request.method === 'PATCH')!;
    expect(patch.body).to.include({ answerWindowDays: 10, timeZone: 'Asia/Tokyo' });
    expect(el.shadowRoot!.querySelector('#answerWindowDays-error')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows why saving failed', async () => {
    worker.use(route('patch', 'sites/acme', () => errorResponse(403, 'forbidden')));
    const el = await settingsPage();
    button(el, 'Save').click();
    await until('the error', () => alerts(el).length);
    expect(alerts(el)).to.deep.equal(['Your role does not allow this.']);
  });

  it('builds the embed code from the chosen element and attributes', async () => {
    const el = await settingsPage();
    const code = () => $<HTMLTextAreaElement>(el, '#snippet-code').value;
    const script =
      `<script type="module" src="${location.origin}/hallway.js?site=acme" crossorigin></script>\n` +
      `<link rel="stylesheet" href="${location.origin}/v1/sites/acme/theme.css">`;
    expect(code()).to.equal(`${script}\n<hw-people-grid limit="6"></hw-people-grid>`);

    await type(el, '#snippet-job', 'Data "Engineer" & co');
    await choose(el, '#snippet-lang', 'fr');
    expect(code()).to.equal(`${script}\n<hw-people-grid job="Data &quot;Engineer&quot; &amp; co" limit="6" lang="fr"></hw-people-grid>`);

    await choose(el, '#snippet-element', 'hw-alumni-testimonials');
    await choose(el, '#snippet-layout', 'carousel');
    expect(el.shadowRoot!.querySelector('#snippet-limit')).to.be.null;
    expect(code()).to.equal(`${script}\n<hw-alumni-testimonials job="Data &quot;Engineer&quot; &amp; co" layout="carousel" lang="fr"></hw-alumni-testimonials>`);

    button(el, 'Copy').click();
    await until('copied, or told to copy by hand', () => texts(el, '.snippet [role="status"]').length);
    const said = texts(el, '.snippet [role="status"]')[0];
    expect(['Copied.', 'Copying failed: select the text and copy it yourself.']).to.include(said);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    const el = await settingsPage('fr');
    expect(texts(el, 'label[for="name"], legend, label[for="accentColor"]')).to.deep.equal([
      'Nom',
      'Origines autorisées',
      'Langues proposées',
      'Apparence des éléments',
      'Couleur d’accent',
      'Retenir des questions pour modération',
    ]);
    expect(texts(el, 'label.choice')).to.deep.equal(['anglais', 'français', 'Les questions avec un lien (une adresse web)', 'Les questions avec un numéro de téléphone']);
    expect(texts(el, 'h2:not(.visually-hidden)')).to.deep.equal(['Aperçu', 'Code d’intégration']);
    expect(texts(el, '#defaultLang option')).to.deep.equal(['anglais', 'français']);
    expect(texts(el, 'label[for="answerWindowDays"], label[for="timeZone"]')).to.deep.equal(['Délai de réponse, en jours', 'Fuseau horaire des jours ouvrés']);
    expect(texts(el, 'label[for="themeRadius"], label[for="themeFont"], label[for="themeSurface"], label[for="themeText"]')).to.deep.equal([
      'Arrondi des coins (px)',
      'Police',
      'Couleur de fond des cartes',
      'Couleur du texte des cartes',
    ]);
    await expect(el).to.be.accessible();
  });
});

describe('hw-admin-settings: languages and theme', () => {
  const token = (el: HwAdminSettings, name: string) => getComputedStyle($(el, '.frame')).getPropertyValue(name).trim();
  const check = async (el: HwAdminSettings, selector: string, on: boolean) => {
    const box = $<HTMLInputElement>(el, selector);
    if (box.checked !== on) box.click();
    await el.updateComplete;
  };

  it('shows the languages offered and the theme, and the preview takes the theme as the careers page will', async () => {
    const el = await settingsPage('en', { ...aSite(), langs: ['en', 'fr'], themeRadius: 4, themeFont: 'serif', themeSurface: '#fff8e7', themeText: '#2b1d0e' });
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="langs"]')].map((box) => [box.value, box.checked])).to.deep.equal([
      ['en', true],
      ['fr', true],
    ]);
    expect([value(el, '#themeRadius'), value(el, '#themeFont'), value(el, '#themeSurface'), value(el, '#themeText')]).to.deep.equal(['4', 'serif', '#fff8e7', '#2b1d0e']);
    expect([token(el, '--hw-radius'), token(el, '--hw-card-background'), token(el, '--hw-card-color')]).to.deep.equal(['4px', '#fff8e7', '#2b1d0e']);
    const card = () => $(el, 'hw-people-grid').shadowRoot!.querySelector('hw-person-card')!.shadowRoot?.querySelector('article.card');
    await until('the first card', card);
    expect(getComputedStyle(card()!).backgroundColor, 'the real card in the surface colour').to.equal('rgb(255, 248, 231)');

    await type(el, '#themeRadius', '16');
    expect(token(el, '--hw-radius'), 'the preview follows the field').to.equal('16px');
    await expect(el).to.be.accessible();
  });

  it('saves the languages and the theme, an empty field clearing its token', async () => {
    serveUpdate();
    const el = await settingsPage();
    await check(el, 'input[name="langs"][value="en"]', false);
    await choose(el, '#defaultLang', 'fr');
    await type(el, '#themeRadius', '8');
    await choose(el, '#themeFont', 'system-ui');
    await type(el, '#themeSurface', '#ffffff');
    await type(el, '#themeText', '#1f2328');
    button(el, 'Save').click();
    await until('saved', () => statuses(el).includes('Saved.'));
    const sent = received.at(-1)!.body as Record<string, unknown>;
    expect([sent.langs, sent.defaultLang, sent.themeRadius, sent.themeFont, sent.themeSurface, sent.themeText]).to.deep.equal([
      ['fr'],
      'fr',
      8,
      'system-ui',
      '#ffffff',
      '#1f2328',
    ]);

    await type(el, '#themeRadius', '');
    button(el, 'Save').click();
    await until('saved again', () => received.length === 2);
    expect((received.at(-1)!.body as Record<string, unknown>).themeRadius).to.equal(null);
  });

  it('refuses unreadable colours, one colour alone, and a default language not offered, before sending', async () => {
    const el = await settingsPage();
    await type(el, '#themeSurface', '#ffffff');
    await type(el, '#themeText', '#aaaaaa');
    expect(texts(el, '#themeText-error')).to.deep.equal(['This text is hard to read on this background: its contrast is 2.3:1, and 4.5:1 is needed.']);
    await check(el, 'input[name="langs"][value="en"]', false);
    button(el, 'Save').click();
    await el.updateComplete;
    expect(received).to.have.length(0);
    expect(texts(el, '#defaultLang-error')).to.deep.equal(['Choose a default language among the languages offered.']);
    expect(focused(el), 'the first field to fix').to.equal('defaultLang');
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });

    await type(el, '#themeText', '');
    button(el, 'Save').click();
    await el.updateComplete;
    expect(texts(el, '#themeText-error')).to.deep.equal(['Enter both colours, such as #ffffff and #1f2328, or leave both empty.']);
    expect(received).to.have.length(0);
  });

  it('goes through the theme fields with the keyboard', async () => {
    const el = await settingsPage();
    $<HTMLInputElement>(el, 'input[name="langs"][value="fr"]').focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[name="langs"][value="fr"]').checked, 'space unchecks').to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('themeRadius');
    await sendKeys({ type: '12' });
    await el.updateComplete;
    expect(token(el, '--hw-radius')).to.equal('12px');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('themeFont');
  });

  it('speaks French about contrast', async () => {
    const el = await settingsPage('fr');
    await type(el, '#themeSurface', '#ffffff');
    await type(el, '#themeText', '#aaaaaa');
    expect(texts(el, '#themeText-error')).to.deep.equal(['Ce texte se lit mal sur ce fond : son contraste est de 2,3:1, il faut 4,5:1.']);
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
  });
});

describe('embedSnippet', () => {
  it('escapes what would end an attribute or start a tag', () => {
    expect(embedSnippet('https://h.test', 'a b', { element: 'hw-contact-button', attributes: { job: '"><script>x</script>' } })).to.equal(
      '<script type="module" src="https://h.test/hallway.js?site=a%20b" crossorigin></script>\n' +
        '<link rel="stylesheet" href="https://h.test/v1/sites/a%20b/theme.css">\n<hw-contact-button job="&quot;>&lt;script>x&lt;/script>"></hw-contact-button>',
    );
  });
});
