import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { CardDetails, ConsentUpdate, MyProfile, MyTestimonial, ProfileUpdate, TestimonialDraft, OpenQuestion } from '../../sdk/index.js';
import { aPerson, errorResponse, gate, photos, site } from '../../../tests/support/browser/test-data.js';
import type { HwConsentChangedEvent } from './events.js';
import type { HwProfileEditor } from './profile-editor.js';
import './profile-editor.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** When the mock server records a decision. */
const DECIDED_AT = '2026-12-01T12:00:00.000Z';

function aMyProfile(overrides: Partial<MyProfile> = {}): MyProfile {
  return {
    email: 'ada@acme.test',
    status: 'employee',
    profile: {
      displayName: 'Ada Lovelace',
      jobTitle: 'Software Engineer',
      team: 'Platform',
      location: 'Paris',
      languages: ['en', 'fr'],
      bio: 'I write the engine that computes Bernoulli numbers.',
      linkedinUrl: null,
    },
    hasPhoto: false,
    contact: { channels: ['message'], weeklyCap: 3, pausedUntil: null, bookingUrl: null },
    consents: {
      showProfile: { granted: false, textVersion: null, decidedAt: null },
      contact: { granted: true, textVersion: '2026-11', decidedAt: '2026-11-23T12:00:00Z' },
    },
    questions: { received: 0, answered: 0, medianResponseHours: null },
    testimonial: null,
    // As the server publishes it: from the full name HR holds, not the display name.
    testimonialNames: { full: 'Augusta Ada King', first_initial: 'Augusta K.', initials: 'A. K.' },
    preview: aPerson({ channels: ['message'] }),
    photoUrl: 'https://img.test/me.svg',
    site: { slug: 'acme', name: 'Acme', consentTextVersion: '2026-11' },
    ...overrides,
  };
}

interface Received {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string | null;
  bytes?: number;
}

/** Every request the mock API received. */
let received: Received[] = [];
/** The signed-in employee, as the mock server holds it. */
let me: MyProfile;

beforeEach(() => (received = []));

const record = async (request: Request, body?: unknown) => received.push({ method: request.method, path: new URL(request.url).pathname.replace(/\/$/, ''), body });

/** A mock of the `/v1/me` API at the page's origin that keeps the profile and records every write. */
function serveMe(profile = aMyProfile(), wait?: Promise<void>) {
  me = profile;
  worker.use(
    http.get('/v1/me', async () => {
      await wait;
      return HttpResponse.json(me);
    }),
    http.put('/v1/me/profile', async ({ request }) => {
      const body = (await request.json()) as ProfileUpdate;
      await record(request, body);
      const { displayName, jobTitle, team, location, languages, bio } = body;
      me = { ...me, profile: body, preview: { ...me.preview, displayName, jobTitle, team, location, languages, bio } };
      return HttpResponse.json(me);
    }),
    http.put('/v1/me/consent', async ({ request }) => {
      const body = (await request.json()) as ConsentUpdate;
      await record(request, body);
      const decided = (granted: boolean) => ({ granted, textVersion: '2026-11', decidedAt: DECIDED_AT });
      const { consents } = me;
      me = {
        ...me,
        contact: body.contact?.settings ?? me.contact,
        consents: {
          showProfile: body.showProfile === undefined ? consents.showProfile : decided(body.showProfile),
          contact: body.contact ? decided(body.contact.granted) : consents.contact,
        },
      };
      return HttpResponse.json(me);
    }),
    http.post('/v1/me/withdraw', async ({ request }) => {
      await record(request);
      me = {
        ...me,
        consents: {
          showProfile: { granted: false, textVersion: '2026-11', decidedAt: DECIDED_AT },
          contact: { granted: false, textVersion: '2026-11', decidedAt: DECIDED_AT },
        },
      };
      return HttpResponse.json(me);
    }),
    http.put('/v1/me/photo', async ({ request }) => {
      const bytes = (await request.arrayBuffer()).byteLength;
      received.push({ method: 'PUT', path: '/v1/me/photo', contentType: request.headers.get('Content-Type'), bytes });
      me = { ...me, hasPhoto: true, preview: { ...me.preview, photoUrl: 'https://img.test/photo.jpg' }, photoUrl: 'https://img.test/my-photo.jpg' };
      return HttpResponse.json(me);
    }),
    http.delete('/v1/me/photo', async ({ request }) => {
      await record(request);
      me = { ...me, hasPhoto: false, preview: { ...me.preview, photoUrl: 'https://img.test/initials.svg' }, photoUrl: 'https://img.test/my-initials.svg' };
      return HttpResponse.json(me);
    }),
    http.delete('/v1/me/session', async ({ request }) => {
      await record(request);
      return new HttpResponse(null, { status: 204 });
    }),
    http.delete('/v1/me', async ({ request }) => {
      await record(request);
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('/v1/auth/sign-in', async ({ request }) => {
      await record(request, await request.json());
      return HttpResponse.json({ status: 'sent_if_known' }, { status: 202 });
    }),
    http.get('/v1/me/open-questions', () => HttpResponse.json({ items: [] })),
  );
}

// ---- Looking at the element as a user does

const $ = <T extends HTMLElement = HTMLElement>(el: HwProfileEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const input = (el: HwProfileEditor, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`);
const box = (el: HwProfileEditor, name: string, value: string) => $<HTMLInputElement>(el, `[name="${name}"][value="${value}"]`);
const texts = (el: HwProfileEditor, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.trim()).filter(Boolean);
const alerts = (el: HwProfileEditor) => texts(el, '[role="alert"]');
const statuses = (el: HwProfileEditor) => texts(el, '[role="status"]');
/** What has the focus, by its id (or text): readable when a test fails, unlike the element itself. */
function focused(el: HwProfileEditor): string | null {
  const active = el.shadowRoot!.activeElement;
  return active && (active.id || active.textContent!.trim());
}
const card = (el: HwProfileEditor, part: string) => $(el, 'hw-person-card').shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.trim();

function button(el: HwProfileEditor, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

/** The description a screen reader reads after the control's name. */
function description(el: HwProfileEditor, control: Element): string {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim()).join(' ');
}

async function type(el: HwProfileEditor, name: string, value: string) {
  const field = input(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: HwProfileEditor, target: HTMLElement) {
  target.click();
  await el.updateComplete;
}

function choosePhoto(el: HwProfileEditor, file: File) {
  const picker = input(el, 'photo');
  const files = new DataTransfer();
  files.items.add(file);
  picker.files = files.files;
  picker.dispatchEvent(new Event('change', { bubbles: true }));
}

const isReady = (el: HwProfileEditor) => !!el.shadowRoot!.querySelector('[part="preview"]');

async function editor(lang?: string) {
  const el = await fixture<HwProfileEditor>(html`<hw-profile-editor lang=${lang ?? 'en'}></hw-profile-editor>`);
  await waitUntil(() => isReady(el), 'the profile never showed');
  await $<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'hw-person-card').updateComplete;
  return el;
}

const until = (what: string, condition: () => unknown) => waitUntil(condition, what, { timeout: 3000 });

describe('hw-profile-editor', () => {
  it('shows a busy skeleton while loading', async () => {
    const response = gate();
    serveMe(aMyProfile(), response.opened);
    const el = await fixture<HwProfileEditor>(html`<hw-profile-editor></hw-profile-editor>`);

    expect($(el, '[aria-busy="true"]')).to.exist;
    expect(statuses(el)).to.deep.equal(['Loading your profile…']);
    expect(el.shadowRoot!.querySelector('form')).to.be.null;
    await expect(el).to.be.accessible();

    response.open();
    await until('ready', () => isReady(el));
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.be.null;
  });

  it('shows the profile, its preview and each decision, in English', async () => {
    serveMe();
    const el = await editor();

    expect(texts(el, 'h2')).to.deep.equal(['What candidates see', 'Your profile', 'Your choices', 'Your testimonial', 'Your data']);
    expect(card(el, 'name')).to.equal('Ada Lovelace');
    expect($(el, '[part="hidden-note"]').textContent).to.equal('Hidden: candidates can’t see you');
    expect(input(el, 'displayName').value).to.equal('Ada Lovelace');
    expect(input(el, 'jobTitle').value).to.equal('Software Engineer');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('I write the engine that computes Bernoulli numbers.');
    expect(texts(el, 'label.choice').slice(0, 3)).to.deep.equal(['French', 'English', 'Spanish']);
    expect([box(el, 'languages', 'en').checked, box(el, 'languages', 'fr').checked, box(el, 'languages', 'es').checked]).to.deep.equal([true, true, false]);
    expect(texts(el, 'legend')).to.include('Show my profile on the Acme careers site');
    expect(texts(el, '.consent')[0]).to.match(/^I agree that Acme shows my card as previewed on this page/);
    expect(el.shadowRoot!.textContent).to.contain('Text version 2026-11');
    expect(texts(el, '.decision')).to.deep.equal(['Not granted', 'Granted on Nov 23, 2026']);
    expect(description(el, input(el, 'contact'))).to.equal('Granted on Nov 23, 2026');
    expect([input(el, 'showProfile').checked, input(el, 'contact').checked]).to.deep.equal([false, true]);
    expect(input(el, 'weeklyCap').value).to.equal('3');
    expect(texts(el, '#weeklyCap-hint')).to.deep.equal(['At most 3 requests a week']);

    const download = $<HTMLAnchorElement>(el, 'a[download]');
    expect(download.textContent).to.equal('Download my data');
    expect(download.href).to.equal(`${location.origin}/v1/me/export`);

    const tabindexes = [...el.shadowRoot!.querySelectorAll('[tabindex]')].map((node) => Number(node.getAttribute('tabindex')));
    expect(
      tabindexes.every((index) => index <= 0),
      'no positive tabindex',
    ).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('speaks French, with dates and language names in French', async () => {
    serveMe();
    const el = await editor('fr');

    expect(texts(el, 'h2')).to.deep.equal(['Ce que voient les candidats', 'Votre profil', 'Vos choix', 'Votre témoignage', 'Vos données']);
    expect($(el, '[part="hidden-note"]').textContent).to.equal('Masqué\u202f: les candidats ne vous voient pas');
    expect(texts(el, 'label.choice').slice(0, 2)).to.deep.equal(['français', 'anglais']);
    expect(texts(el, '.decision')).to.deep.equal(['Non accordé', 'Accordé le 23 nov. 2026']);
    expect(texts(el, 'legend')).to.include('Afficher mon profil sur le site carrières de Acme');
    expect(card(el, 'languages')).to.equal('Parle anglais et français');
    expect(button(el, 'Enregistrer mon profil')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows what candidates’ questions came to, once there were some, in English and French', async () => {
    serveMe();
    expect((await editor()).shadowRoot!.querySelector('[part="questions"]'), 'nothing before any question').to.be.null;

    serveMe(aMyProfile({ questions: { received: 4, answered: 3, medianResponseHours: 5.2 } }));
    const el = await editor();
    expect(texts(el, '[part="questions"] p').slice(0, 2)).to.deep.equal(['4 questions received, 3 answered.', 'You usually answer within 5 h.']);
    await expect(el).to.be.accessible();

    // In whole days rounded up, as the card's "Usually replies within 2 days" says it.
    serveMe(aMyProfile({ questions: { received: 4, answered: 3, medianResponseHours: 30 } }));
    expect(texts(await editor(), '[part="questions"] p')[1]).to.equal('You usually answer within 2 days.');

    serveMe(aMyProfile({ questions: { received: 1, answered: 0, medianResponseHours: null } }));
    const fr = await editor('fr');
    expect(texts(fr, '[part="questions"] p').slice(0, 1)).to.deep.equal(['1 question reçue, 0 répondue.']);
  });

  it('updates the preview as the employee types', async () => {
    serveMe();
    const el = await editor();

    await type(el, 'displayName', 'Ada King');
    await type(el, 'jobTitle', 'Staff Engineer');
    await type(el, 'team', '');
    await type(el, 'location', 'Lyon');
    await type(el, 'bio', 'Ask me about engines.');
    await click(el, box(el, 'languages', 'es'));

    await until('preview updated', () => card(el, 'name') === 'Ada King');
    expect(card(el, 'title')).to.equal('Staff Engineer');
    expect(card(el, 'meta')).to.equal('Lyon');
    expect(card(el, 'bio')).to.equal('Ask me about engines.');
    expect(card(el, 'languages')).to.equal('Speaks English, French, and Spanish');
    expect(received, 'nothing saved while typing').to.deep.equal([]);
  });

  describe('unsaved changes', () => {
    const unsavedNotes = (el: HwProfileEditor) => texts(el, '[part~="unsaved"]');
    const PREVIEW_NOTE = 'Not saved yet: candidates see these changes only once you save your profile.';

    it('keeps a typed bio when "my choices" is saved, and says everywhere that it is not saved yet', async () => {
      serveMe();
      const el = await editor();
      expect(unsavedNotes(el)).to.deep.equal([]);
      expect(el.unsaved).to.be.false;

      await type(el, 'bio', 'Ask me about engines.');
      expect(unsavedNotes(el)).to.deep.equal([PREVIEW_NOTE, 'Unsaved changes']);
      expect(description(el, button(el, 'Save my profile'))).to.equal('Unsaved changes');
      expect(el.unsaved, 'leaving the page asks first (tests/employee.e2e.test.ts)').to.be.true;
      await expect(el).to.be.accessible();

      await click(el, input(el, 'showProfile'));
      expect(unsavedNotes(el)).to.deep.equal([PREVIEW_NOTE, 'Unsaved changes', 'Unsaved changes']);
      await click(el, button(el, 'Save my choices'));
      await until('choices saved', () => statuses(el).includes('Your choices are saved.'));

      expect(received.map((r) => r.path)).to.deep.equal(['/v1/me/consent']);
      expect(input(el, 'bio').value, 'the bio is still there').to.equal('Ask me about engines.');
      expect(card(el, 'bio')).to.equal('Ask me about engines.');
      expect(unsavedNotes(el), 'and still said to be unsaved').to.deep.equal([PREVIEW_NOTE, 'Unsaved changes']);
      expect(el.unsaved).to.be.true;

      await click(el, button(el, 'Save my profile'));
      await until('profile saved', () => statuses(el).includes('Your profile is saved.'));
      expect(received.at(-1)!.body).to.include({ bio: 'Ask me about engines.' });
      expect(unsavedNotes(el)).to.deep.equal([]);
      expect(description(el, button(el, 'Save my profile'))).to.equal('');
      expect(el.unsaved).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says so in French, and for the testimonial too', async () => {
      serveMe();
      const el = await editor('fr');
      await type(el, 'bio', 'Parlez-moi de moteurs.');
      await type(el, 'quote', 'Des gens bienveillants.');
      expect(unsavedNotes(el)).to.deep.equal([
        'Pas encore enregistré\u202f: les candidats ne verront ces modifications qu’une fois votre profil enregistré.',
        'Modifications non enregistrées',
        'Modifications non enregistrées',
      ]);
      expect(el.unsaved).to.be.true;
      await expect(el).to.be.accessible();
      await type(el, 'quote', '');
      await type(el, 'bio', 'I write the engine that computes Bernoulli numbers.');
      expect(unsavedNotes(el), 'back to what is saved').to.deep.equal([]);
      expect(el.unsaved).to.be.false;
    });
  });

  it('saves exactly the form as a ProfileUpdate, says so and fires hw-profile-saved', async () => {
    serveMe();
    const el = await editor();
    const saved: Event[] = [];
    el.addEventListener('hw-profile-saved', (event) => saved.push(event));

    await type(el, 'displayName', '  Ada King ');
    await type(el, 'team', '   ');
    await type(el, 'linkedinUrl', 'https://www.linkedin.com/in/ada');
    await click(el, box(el, 'languages', 'fr'));
    await click(el, box(el, 'languages', 'es'));
    await click(el, button(el, 'Save my profile'));
    await until('saved', () => statuses(el).includes('Your profile is saved.'));

    expect(received).to.deep.equal([
      {
        method: 'PUT',
        path: '/v1/me/profile',
        body: {
          displayName: 'Ada King',
          jobTitle: 'Software Engineer',
          team: null,
          location: 'Paris',
          languages: ['en', 'es'],
          bio: 'I write the engine that computes Bernoulli numbers.',
          linkedinUrl: 'https://www.linkedin.com/in/ada',
        },
      },
    ]);
    expect(input(el, 'displayName').value, 'the saved value').to.equal('Ada King');
    await until('event', () => saved.length === 1);
    expect(saved[0]!.bubbles && saved[0]!.composed).to.be.true;
    expect('detail' in saved[0]!, 'no personal data').to.be.false;
    await expect(el).to.be.accessible();
  });

  it('requires a display name, without asking the server', async () => {
    serveMe();
    const el = await editor();

    await type(el, 'displayName', '  ');
    await click(el, button(el, 'Save my profile'));

    expect(alerts(el)).to.deep.equal(['Enter the name candidates will see.']);
    expect(input(el, 'displayName').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('displayName');
    expect(received).to.deep.equal([]);
  });

  it('rejects an http:// LinkedIn address with a clear message, without asking the server', async () => {
    serveMe();
    const el = await editor();

    await type(el, 'linkedinUrl', 'http://www.linkedin.com/in/ada');
    await click(el, button(el, 'Save my profile'));

    const linkedin = input(el, 'linkedinUrl');
    expect(alerts(el)).to.deep.equal(['Enter the address of your LinkedIn profile, starting with https://']);
    expect(linkedin.type).to.equal('url');
    expect(linkedin.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, linkedin)).to.equal('Its address, starting with https:// Enter the address of your LinkedIn profile, starting with https://');
    expect(focused(el)).to.equal('linkedinUrl');
    expect(received).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("shows the server's invalid_body on the field it names", async () => {
    serveMe();
    worker.use(http.put('/v1/me/profile', () => HttpResponse.json({ error: { code: 'invalid_body', message: 'team: Too big', field: 'team' } }, { status: 400 })));
    const el = await editor();

    await click(el, button(el, 'Save my profile'));
    await until('error shown', () => alerts(el).length > 0);

    const team = input(el, 'team');
    expect(alerts(el)).to.deep.equal(['Check this field: Team.']);
    expect(team.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, team)).to.equal('Check this field: Team.');
    expect(input(el, 'location').hasAttribute('aria-invalid'), 'only that field').to.be.false;
    expect(focused(el)).to.equal('team');
    expect(statuses(el)).to.deep.equal([], 'no longer "Saving…"');
    await expect(el).to.be.accessible();
  });

  it('says when the network is down', async () => {
    serveMe();
    worker.use(http.put('/v1/me/profile', () => HttpResponse.error()));
    const el = await editor();

    await click(el, button(el, 'Save my profile'));
    await until('error shown', () => alerts(el).length > 0);
    expect(alerts(el)).to.deep.equal(['You seem to be offline. Check your connection and try again.']);
    await expect(el).to.be.accessible();
  });

  it('counts the bio, and announces the count only near the limit', async () => {
    serveMe();
    const el = await editor();
    const bio = $<HTMLTextAreaElement>(el, 'textarea');
    const announced = () => texts(el, '.field [role="status"]');

    expect(bio.maxLength).to.equal(300);
    await type(el, 'bio', 'a'.repeat(100));
    expect($(el, '#bio-count').textContent).to.equal('100/300');
    expect(description(el, bio)).to.contain('100/300');
    expect(announced()).to.deep.equal([]);

    await type(el, 'bio', 'a'.repeat(280));
    expect($(el, '#bio-count').textContent).to.equal('280/300');
    expect(announced()).to.deep.equal(['280 of 300 characters']);
  });

  it('rejects a photo over 2 MB before uploading it', async () => {
    serveMe();
    const el = await editor();

    choosePhoto(el, new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.jpg', { type: 'image/jpeg' }));
    await el.updateComplete;

    expect(alerts(el)).to.deep.equal(['This photo is larger than 2 MB. Choose a smaller one.']);
    expect(input(el, 'photo').getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, input(el, 'photo'))).to.contain('This photo is larger than 2 MB.');
    expect(received).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('uploads a photo with its content type, then goes back to initials', async () => {
    serveMe();
    const el = await editor();
    expect(input(el, 'photo').accept).to.equal('image/jpeg,image/png,image/webp');
    expect(() => button(el, 'Use initials instead'), 'no photo to remove yet').to.throw();

    choosePhoto(el, new File([new Uint8Array(1234)], 'me.png', { type: 'image/png' }));
    await until('uploaded', () => statuses(el).includes('Your photo is saved.'));

    expect(received).to.deep.equal([{ method: 'PUT', path: '/v1/me/photo', contentType: 'image/png', bytes: 1234 }]);
    expect($<HTMLImageElement>(el, '.photo').src).to.equal('https://img.test/my-photo.jpg');
    await expect(el).to.be.accessible();

    await click(el, button(el, 'Use initials instead'));
    await until('removed', () => statuses(el).includes('Candidates now see your initials instead of a photo.'));
    expect(received[1]).to.deep.equal({ method: 'DELETE', path: '/v1/me/photo', body: undefined });
    expect(focused(el), 'focus stays in the photo group').to.equal('photo');
  });

  it('grants showing the profile: sends only that decision, and the state line updates', async () => {
    serveMe();
    const el = await editor();
    const events: HwConsentChangedEvent[] = [];
    el.addEventListener('hw-consent-changed', (event) => events.push(event));

    await click(el, input(el, 'showProfile'));
    await click(el, button(el, 'Save my choices'));
    await until('saved', () => statuses(el).includes('Your choices are saved.'));

    expect(received).to.deep.equal([{ method: 'PUT', path: '/v1/me/consent', body: { showProfile: true } }]);
    expect(texts(el, '.decision')).to.deep.equal(['Granted on Dec 1, 2026', 'Granted on Nov 23, 2026']);
    expect(el.shadowRoot!.querySelector('[part="hidden-note"]')).to.be.null;
    await until('event', () => events.length === 1);
    expect(events[0]!.detail).to.deep.equal({ purpose: 'showProfile', granted: true });
    await expect(el).to.be.accessible();
  });

  it('withdraws being contacted: sends the decision with the settings', async () => {
    serveMe();
    const el = await editor();
    const event = oneEvent(el, 'hw-consent-changed');

    await click(el, input(el, 'contact'));
    await click(el, button(el, 'Save my choices'));
    await until('saved', () => statuses(el).includes('Your choices are saved.'));

    expect(received).to.deep.equal([
      {
        method: 'PUT',
        path: '/v1/me/consent',
        body: { contact: { granted: false, settings: { channels: ['message'], weeklyCap: 3, pausedUntil: null, bookingUrl: null } } },
      },
    ]);
    expect(texts(el, '.decision')).to.deep.equal(['Not granted', 'Not granted']);
    expect((await event).detail).to.deep.equal({ purpose: 'contact', granted: false });
  });

  it('sends nothing when no choice changed', async () => {
    serveMe();
    const el = await editor();
    await click(el, button(el, 'Save my choices'));
    expect(statuses(el)).to.include('Nothing has changed.');
    expect(received).to.deep.equal([]);
  });

  it('validates the contact settings: a booking link in https, a weekly limit from 1 to 10, a clearable pause', async () => {
    serveMe();
    const el = await editor();
    const save = () => click(el, button(el, 'Save my choices'));

    expect(el.shadowRoot!.querySelector('[name="bookingUrl"]'), 'no link without the channel').to.be.null;
    await click(el, box(el, 'channels', 'booking'));
    await type(el, 'bookingUrl', 'http://cal.example/ada');
    await save();
    expect(alerts(el)).to.deep.equal(['Enter your booking link, starting with https://']);
    expect(input(el, 'bookingUrl').getAttribute('aria-invalid')).to.equal('true');
    await type(el, 'bookingUrl', 'https://cal.example/ada');

    for (const cap of ['0', '11', '2.5', '']) {
      await type(el, 'weeklyCap', cap);
      await save();
      expect(alerts(el), `cap "${cap}"`).to.deep.equal(['Choose a whole number from 1 to 10.']);
      expect(input(el, 'weeklyCap').getAttribute('aria-invalid')).to.equal('true');
      expect(focused(el)).to.equal('weeklyCap');
    }
    expect(received, 'nothing sent while invalid').to.deep.equal([]);
    await expect(el).to.be.accessible();

    await type(el, 'weeklyCap', '5');
    expect(texts(el, '#weeklyCap-hint')).to.deep.equal(['At most 5 requests a week']);
    await type(el, 'pausedUntil', '2026-12-24');
    await click(el, button(el, 'Clear'));
    expect(input(el, 'pausedUntil').value).to.equal('');
    expect(focused(el), 'focus back on the date').to.equal('pausedUntil');
    await type(el, 'pausedUntil', '2027-01-04');
    await save();
    await until('saved', () => statuses(el).includes('Your choices are saved.'));

    expect(received).to.deep.equal([
      {
        method: 'PUT',
        path: '/v1/me/consent',
        body: {
          contact: {
            granted: true,
            settings: { channels: ['message', 'booking'], weeklyCap: 5, pausedUntil: '2027-01-04', bookingUrl: 'https://cal.example/ada' },
          },
        },
      },
    ]);
    expect(alerts(el)).to.deep.equal([]);
  });

  it('withdraws everything in one click', async () => {
    serveMe(
      aMyProfile({
        consents: {
          showProfile: { granted: true, textVersion: '2026-11', decidedAt: '2026-11-23T12:00:00Z' },
          contact: { granted: true, textVersion: '2026-11', decidedAt: '2026-11-23T12:00:00Z' },
        },
      }),
    );
    const el = await editor();
    expect(el.shadowRoot!.querySelector('[part="hidden-note"]')).to.be.null;
    const withdrawn = oneEvent(el, 'hw-withdrawn');

    await click(el, button(el, 'Withdraw everything'));
    await until('withdrawn', () => statuses(el).includes('You’re hidden and can’t be contacted. You can opt in again at any time.'));

    expect(received).to.deep.equal([{ method: 'POST', path: '/v1/me/withdraw', body: undefined }]);
    expect([input(el, 'showProfile').checked, input(el, 'contact').checked]).to.deep.equal([false, false]);
    expect(texts(el, '.decision')).to.deep.equal(['Not granted', 'Not granted']);
    expect($(el, '[part="hidden-note"]')).to.exist;
    expect('detail' in (await withdrawn)).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('deletes the data after an inline confirmation that Escape cancels', async () => {
    serveMe();
    const el = await editor();
    const deleteButton = button(el, 'Delete my data');
    expect(deleteButton.getAttribute('aria-expanded')).to.equal('false');

    await click(el, deleteButton);
    const confirm = button(el, 'Yes, erase my profile');
    expect(focused(el), 'focus on the confirmation').to.equal('confirm-delete');
    expect(deleteButton.getAttribute('aria-expanded')).to.equal('true');
    expect(description(el, confirm)).to.contain('Only a minimal history of your consent decisions is kept');
    await expect(el).to.be.accessible();

    confirm.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(() => button(el, 'Yes, erase my profile')).to.throw();
    expect(focused(el), 'focus back on "Delete my data"').to.equal('delete');

    await click(el, deleteButton);
    await click(el, button(el, 'Cancel'));
    expect(focused(el)).to.equal('delete');
    expect(received).to.deep.equal([]);

    await click(el, deleteButton);
    const deleted = oneEvent(el, 'hw-data-deleted');
    await click(el, button(el, 'Yes, erase my profile'));
    await until('erased', () => el.shadowRoot!.textContent!.includes('Your data is erased.'));

    expect(received).to.deep.equal([{ method: 'DELETE', path: '/v1/me', body: undefined }]);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('Your data is erased.');
    expect(el.shadowRoot!.querySelectorAll('form, button, input, a, hw-person-card')).to.have.length(0);
    expect(focused(el)).to.equal('Your data is erased.');
    expect('detail' in (await deleted)).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('signs out', async () => {
    serveMe();
    const el = await editor();

    await click(el, button(el, 'Sign out'));
    await until('signed out', () => el.shadowRoot!.textContent!.includes('You’re signed out.'));

    expect(received).to.deep.equal([{ method: 'DELETE', path: '/v1/me/session', body: undefined }]);
    expect(el.shadowRoot!.querySelector('[part="preview"]')).to.be.null;
    expect(focused(el)).to.equal('sign-in-heading');
    expect($(el, 'h2').textContent).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('without a session, offers to e-mail a sign-in link', async () => {
    serveMe();
    worker.use(http.get('/v1/me', () => errorResponse(401, 'unauthorized')));
    const el = await fixture<HwProfileEditor>(html`<hw-profile-editor></hw-profile-editor>`);
    await until('sign-in form', () => el.shadowRoot!.querySelector('[part="sign-in"]'));

    expect(el.shadowRoot!.textContent).to.contain('You’re not signed in, or your session has expired.');
    expect($(el, 'label[for="email"]').textContent).to.equal('Work e-mail address');
    await expect(el).to.be.accessible();

    await type(el, 'email', 'not an address');
    await click(el, button(el, 'E-mail me a link'));
    expect(alerts(el)).to.deep.equal(['Enter an e-mail address, like name@example.com.']);
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(received).to.deep.equal([]);

    await type(el, 'email', ' ada@acme.test ');
    await click(el, button(el, 'E-mail me a link'));
    await until('sent', () => statuses(el).includes('If this address belongs to someone invited, a link is on its way.'));

    expect(received).to.deep.equal([{ method: 'POST', path: '/v1/auth/sign-in', body: { email: 'ada@acme.test' } }]);
    expect(alerts(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('on a site that turned e-mail sign-in off, offers no e-mail form, only the company button of the page, in French too', async () => {
    serveMe();
    worker.use(http.get('/v1/me', () => errorResponse(401, 'unauthorized')));
    for (const [lang, expected] of [
      ['en', 'Sign in with your company account, with the button below.'],
      ['fr', 'Connectez-vous avec votre compte d’entreprise, avec le bouton ci-dessous.'],
    ] as const) {
      const el = await fixture<HwProfileEditor>(html`<hw-profile-editor lang=${lang} company-sign-in-only></hw-profile-editor>`);
      await until('the way in', () => el.shadowRoot!.querySelector('[part="sign-in"]'));
      expect(el.shadowRoot!.querySelector('[part="sign-in"]')!.textContent).to.contain(expected);
      expect(el.shadowRoot!.querySelector('form, input[type="email"]')).to.be.null;
      await expect(el).to.be.accessible();
    }
  });

  it('says when too many links were asked for from this network, and when to try again, in French too', async () => {
    serveMe();
    const limited = () => {
      const response = errorResponse(429, 'rate_limited');
      response.headers.set('Retry-After', '420');
      return response;
    };
    worker.use(
      http.get('/v1/me', () => errorResponse(401, 'unauthorized')),
      http.post('/v1/auth/sign-in', limited),
    );
    for (const [lang, label, expected] of [
      ['en', 'E-mail me a link', 'Too many links were asked for from this network. Try again in 7 min.'],
      ['fr', 'M’envoyer un lien', 'Trop de liens ont été demandés depuis ce réseau. Réessayez dans 7\u202fmin.'],
    ] as const) {
      const el = await fixture<HwProfileEditor>(html`<hw-profile-editor lang=${lang}></hw-profile-editor>`);
      await until('sign-in form', () => el.shadowRoot!.querySelector('[part="sign-in"]'));
      await type(el, 'email', 'ada@acme.test');
      await click(el, button(el, label));
      await until(`the limit explained (${lang})`, () => alerts(el).includes(expected));
      await expect(el).to.be.accessible();
    }
  });

  it('shows the sign-in form when the session expires while saving', async () => {
    serveMe();
    worker.use(http.put('/v1/me/profile', () => errorResponse(401, 'unauthorized')));
    const el = await editor();

    await click(el, button(el, 'Save my profile'));
    await until('sign-in form', () => el.shadowRoot!.querySelector('[part="sign-in"]'));
    expect(el.shadowRoot!.textContent).to.contain('You’re not signed in, or your session has expired.');
    expect(el.shadowRoot!.textContent).not.to.contain('Ada Lovelace');
    expect(focused(el)).to.equal('sign-in-heading');
  });

  it('offers to try again when loading failed', async () => {
    serveMe();
    worker.use(http.get('/v1/me', () => errorResponse(503, 'unavailable'), { once: true }));
    const el = await fixture<HwProfileEditor>(html`<hw-profile-editor></hw-profile-editor>`);
    await until('error', () => alerts(el).length > 0);

    expect(alerts(el)).to.deep.equal(['We couldn’t load your profile.']);
    await expect(el).to.be.accessible();

    await click(el, button(el, 'Try again'));
    await until('ready', () => isReady(el));
  });

  describe('your testimonial', () => {
    function aMyTestimonial(overrides: Partial<MyTestimonial> = {}): MyTestimonial {
      return {
        quote: 'Kind people, fair rotas.',
        roles: ['Receptionist'],
        fromYear: 2016,
        toYear: 2020,
        currentRole: 'Hotel Manager',
        nameStyle: 'first_initial',
        lang: 'en',
        publish: true,
        status: 'pending',
        rejectionReason: null,
        published: false,
        ...overrides,
      };
    }

    /** The testimonial endpoints: a save answers `status` (pending by default), a delete removes it. */
    function serveTestimonial(saved: Partial<MyTestimonial> = {}) {
      worker.use(
        http.put('/v1/me/testimonial', async ({ request }) => {
          const body = (await request.json()) as TestimonialDraft;
          await record(request, body);
          me = { ...me, testimonial: aMyTestimonial({ ...body, ...saved }) };
          return HttpResponse.json(me);
        }),
        http.delete('/v1/me/testimonial', async ({ request }) => {
          await record(request);
          me = { ...me, testimonial: null };
          return HttpResponse.json(me);
        }),
      );
    }

    const testimonialStatus = (el: HwProfileEditor) => el.shadowRoot!.querySelector('#testimonial-status')?.textContent?.trim();

    it('comes after "Your choices", and saves exactly the form as a TestimonialDraft', async () => {
      serveMe(aMyProfile({ status: 'alumni' }));
      serveTestimonial();
      const el = await editor();
      const headings = texts(el, 'h2');
      expect(headings.indexOf('Your testimonial')).to.equal(headings.indexOf('Your choices') + 1);
      expect(testimonialStatus(el)).to.be.undefined;
      expect(texts(el, '.choice').filter((label) => label.includes(':'))).to.deep.equal([
        'Full name: Augusta Ada King',
        'First name and initial: Augusta K.',
        'Initials: A. K.',
      ]);
      await expect(el).to.be.accessible();

      await type(el, 'quote', '  Kind people, fair rotas.  ');
      await type(el, 'roles', 'Receptionist, , Front Office Manager ');
      await type(el, 'fromYear', '2016');
      await type(el, 'toYear', '2020');
      await type(el, 'currentRole', 'Hotel Manager');
      await click(el, box(el, 'nameStyle', 'initials'));
      await click(el, input(el, 'publish'));
      await click(el, button(el, 'Save my testimonial'));
      await until('saved', () => statuses(el).includes('Sent for review: we’ll e-mail you when it’s published.'));

      expect(received).to.deep.equal([
        {
          method: 'PUT',
          path: '/v1/me/testimonial',
          body: {
            quote: 'Kind people, fair rotas.',
            roles: ['Receptionist', 'Front Office Manager'],
            fromYear: 2016,
            toYear: 2020,
            currentRole: 'Hotel Manager',
            nameStyle: 'initials',
            lang: 'en',
            publish: true,
          },
        },
      ]);
      expect(testimonialStatus(el)).to.equal('Status: pending review');
      expect(button(el, 'Delete my testimonial')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows each name choice as the server publishes it, in French too', async () => {
      serveMe();
      const el = await editor('fr');
      expect(texts(el, '.choice').filter((label) => label.includes(':'))).to.deep.equal([
        'Nom complet\u202f: Augusta Ada King',
        'Prénom et initiale\u202f: Augusta K.',
        'Initiales\u202f: A. K.',
      ]);
    });

    it('sends no current role and a null end year for an employee who still works there', async () => {
      serveMe();
      serveTestimonial();
      const el = await editor();
      expect(el.shadowRoot!.querySelector('[name="currentRole"]'), 'only for those who left').to.be.null;

      await type(el, 'quote', 'Great kitchen.');
      await type(el, 'roles', 'Chef');
      await type(el, 'fromYear', '2021');
      await click(el, button(el, 'Save my testimonial'));
      await until('saved', () => received.length === 1);
      expect(received[0]!.body).to.deep.equal({
        quote: 'Great kitchen.',
        roles: ['Chef'],
        fromYear: 2021,
        toYear: null,
        currentRole: null,
        nameStyle: 'first_initial',
        lang: 'en',
        publish: false,
      });
    });

    it('asks the language of the quote: this page’s by default, else the saved one; sends the choice', async () => {
      const choices = (el: HwProfileEditor) =>
        [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="lang"]')].map((radio) => [
          radio.value,
          radio.checked,
          radio.labels![0]!.textContent!.trim(),
          radio.labels![0]!.querySelector('span')!.lang,
        ]);
      serveMe();
      serveTestimonial();
      const french = await editor('fr');
      expect(choices(french), 'each language in its own words and lang').to.deep.equal([
        ['en', false, 'English', 'en'],
        ['fr', true, 'Français', 'fr'],
      ]);
      expect(texts(french, 'legend')).to.include('Langue de votre témoignage');
      await expect(french).to.be.accessible();

      const el = await editor();
      expect(choices(el).map(([lang, checked]) => [lang, checked])).to.deep.equal([
        ['en', true],
        ['fr', false],
      ]);
      await type(el, 'quote', 'Des collègues formidables.');
      await type(el, 'roles', 'Réceptionniste');
      await type(el, 'fromYear', '2019');
      box(el, 'lang', 'en').focus();
      await sendKeys({ press: 'ArrowRight' }); // a radio group: the arrows choose
      await el.updateComplete;
      await click(el, button(el, 'Save my testimonial'));
      await until('saved', () => received.length === 1);
      expect(received[0]!.body).to.include({ lang: 'fr' });
      expect(
        choices(el).map(([lang, checked]) => [lang, checked]),
        'the saved choice',
      ).to.deep.equal([
        ['en', false],
        ['fr', true],
      ]);
      await expect(el).to.be.accessible();
    });

    it('keeps a language saved through the API that this page does not offer', async () => {
      serveMe(aMyProfile({ testimonial: aMyTestimonial({ lang: 'de' }) }));
      const el = await editor();
      expect(texts(el, 'label:has(input[name="lang"])')).to.deep.equal(['English', 'Français', 'Deutsch']);
      expect(box(el, 'lang', 'de').checked).to.be.true;
    });

    const statusCases = [
      { testimonial: { status: 'pending' }, en: 'Status: pending review', fr: 'Statut\u202f: en attente de relecture' },
      { testimonial: { status: 'approved', published: true }, en: 'Status: published', fr: 'Statut\u202f: publié' },
      {
        testimonial: { status: 'approved', published: false, publish: false },
        en: 'Status: approved but not published, as you haven’t agreed to publish it',
        fr: 'Statut\u202f: approuvé mais non publié, car vous n’avez pas accepté sa publication',
      },
      {
        testimonial: { status: 'rejected', rejectionReason: 'It names a guest.' },
        en: 'Status: not approved: It names a guest.',
        fr: 'Statut\u202f: refusé\u202f: It names a guest.',
      },
    ] as const;

    for (const { testimonial, en, fr } of statusCases) {
      it(`shows the status "${en}", in English and French`, async () => {
        serveMe(aMyProfile({ testimonial: aMyTestimonial(testimonial) }));
        const el = await editor();
        expect(testimonialStatus(el)).to.equal(en);
        expect(input(el, 'quote').value).to.equal('Kind people, fair rotas.');
        el.lang = 'fr';
        await el.updateComplete;
        expect(testimonialStatus(el)).to.equal(fr);
      });
    }

    it('warns that saving an approved testimonial sends it back to review', async () => {
      serveMe(aMyProfile({ testimonial: aMyTestimonial({ status: 'approved', published: true }) }));
      const el = await editor();
      expect(description(el, button(el, 'Save my testimonial'))).to.equal(
        'Saving a change sends your testimonial back for review: candidates won’t see it until it’s approved again.',
      );
      await expect(el).to.be.accessible();
    });

    it('deletes the testimonial', async () => {
      serveMe(aMyProfile({ testimonial: aMyTestimonial() }));
      serveTestimonial();
      const el = await editor();
      await click(el, button(el, 'Delete my testimonial'));
      await until('deleted', () => statuses(el).includes('Your testimonial is deleted.'));

      expect(received).to.deep.equal([{ method: 'DELETE', path: '/v1/me/testimonial', body: undefined }]);
      expect(testimonialStatus(el)).to.be.undefined;
      expect(input(el, 'quote').value).to.equal('');
      await until('focus', () => focused(el) === 'quote');
    });

    const invalid = [
      { what: 'an empty testimonial', quote: '   ', roles: 'Chef', field: 'quote', error: 'Write your testimonial.' },
      { what: 'one over 600 characters', quote: 'a'.repeat(601), roles: 'Chef', field: 'quote', error: 'Shorten your testimonial to 600 characters.' },
      { what: 'no roles', quote: 'Great.', roles: ' , ', field: 'roles', error: 'Enter from 1 to 5 roles, separated by commas.' },
      { what: 'six roles', quote: 'Great.', roles: 'a, b, c, d, e, f', field: 'roles', error: 'Enter from 1 to 5 roles, separated by commas.' },
    ];

    for (const { what, quote, roles, field, error } of invalid) {
      it(`refuses ${what} on its field, without asking the server`, async () => {
        serveMe();
        serveTestimonial();
        const el = await editor();
        await type(el, 'quote', quote);
        await type(el, 'roles', roles);
        await type(el, 'fromYear', '2020');
        await click(el, button(el, 'Save my testimonial'));
        await el.updateComplete;

        expect(alerts(el)).to.deep.equal([error]);
        expect(input(el, field).getAttribute('aria-invalid')).to.equal('true');
        expect(description(el, input(el, field))).to.contain(error);
        await until('focus', () => focused(el) === field);
        expect(received).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    }

    it('counts the testimonial, and announces the count only near the limit', async () => {
      serveMe();
      const el = await editor();
      await type(el, 'quote', 'a'.repeat(100));
      expect($(el, '#quote-count').textContent).to.equal('100/600');
      expect(statuses(el)).not.to.include('100 of 600 characters');
      await type(el, 'quote', 'a'.repeat(560));
      expect(statuses(el)).to.include('560 of 600 characters');
    });

    it("shows the server's refusal on the field it names, then that the network is down, in French", async () => {
      serveMe();
      const refused = { error: { code: 'invalid_body', message: 'roles.1: Too big', field: 'roles.1' } };
      worker.use(http.put('/v1/me/testimonial', () => HttpResponse.json(refused, { status: 400 }), { once: true }));
      const el = await editor('fr');
      await type(el, 'quote', 'Des collègues formidables.');
      await type(el, 'roles', 'Commis, Chef de partie');
      await type(el, 'fromYear', '2020');
      await click(el, button(el, 'Enregistrer mon témoignage'));
      await until('refused', () => alerts(el).length > 0);

      expect(alerts(el)).to.deep.equal(['Vérifiez ce champ\u202f: Postes occupés ici.']);
      expect(input(el, 'roles').getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, input(el, 'roles'))).to.contain('Vérifiez ce champ\u202f: Postes occupés ici.');
      expect(focused(el)).to.equal('roles');
      await expect(el).to.be.accessible();

      worker.use(http.put('/v1/me/testimonial', () => HttpResponse.error()));
      await click(el, button(el, 'Enregistrer mon témoignage'));
      await until('offline', () => alerts(el).some((text) => text.startsWith('Vous semblez hors ligne')));
      expect(input(el, 'roles').hasAttribute('aria-invalid'), 'no longer the field').to.be.false;
      await expect(el).to.be.accessible();
    });

    it('sends one save at a time, from whichever section', async () => {
      serveMe();
      serveTestimonial();
      const response = gate();
      worker.use(
        http.put('/v1/me/profile', async ({ request }) => {
          await record(request, await request.json());
          await response.opened;
          return HttpResponse.json(me);
        }),
      );
      const el = await editor();
      await click(el, button(el, 'Save my profile'));
      await until('saving', () => statuses(el).includes('Saving…'));
      await type(el, 'quote', 'Great.');
      await type(el, 'roles', 'Chef');
      await type(el, 'fromYear', '2020');
      await click(el, button(el, 'Save my testimonial'));

      response.open();
      await until('saved', () => statuses(el).includes('Your profile is saved.'));
      expect(received.map(({ path }) => path)).to.deep.equal(['/v1/me/profile']);
      expect(statuses(el)).not.to.include('Sent for review: we’ll e-mail you when it’s published.');
    });
  });
  describe('more about you', () => {
    /** The details endpoint: keeps what it is sent, and the card shows it (the reply time with the opt-in). */
    function serveDetails() {
      worker.use(
        http.put('/v1/me/details', async ({ request }) => {
          const body = (await request.json()) as CardDetails;
          await record(request, body);
          const replyDays = me.details!.replyDays;
          me = { ...me, details: { ...body, replyDays }, preview: { ...me.preview, path: body.path, ...(body.showReplyTime && replyDays ? { replyDays } : {}) } };
          return HttpResponse.json(me);
        }),
      );
    }
    const withDetails = (details: Partial<NonNullable<MyProfile['details']>> = {}) =>
      aMyProfile({ details: { path: [], showReplyTime: false, replyDays: 2, ...details } });
    const roles = (el: HwProfileEditor) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name^="role-"]')].map((field) => field.value);
    const press = async (el: HwProfileEditor, id: string, key = 'Enter') => {
      $(el, `#${id}`).focus();
      await sendKeys({ press: key });
      await el.updateComplete;
    };

    it('adds, reorders and removes roles from the keyboard, the focus following, and saves them with the opt-in', async () => {
      serveMe(withDetails());
      serveDetails();
      const el = await editor();
      const headings = texts(el, 'h2');
      expect(headings.indexOf('More about you')).to.equal(headings.indexOf('Your choices') + 1);
      expect(description(el, input(el, 'showReplyTime'))).to.equal('Candidates would read: “Usually replies within 2 days”, from your answers of the last 90 days.');
      expect(input(el, 'showReplyTime').checked, 'off by default').to.be.false;
      await expect(el).to.be.accessible();

      const add = async (role: string, from: string, to = '') => {
        await press(el, 'path-add');
        const i = roles(el).length - 1;
        expect(focused(el), 'the new role').to.equal(`role-${i}`);
        await type(el, `role-${i}`, role);
        await type(el, `fromYear-${i}`, from);
        await type(el, `toYear-${i}`, to);
      };
      await add('Warehouse Operative', '2015', '2018');
      await add('Dispatcher', '2018');
      await add('Intern', '2014', '2015');
      expect(texts(el, '.path legend')).to.deep.equal(['Role 1', 'Role 2', 'Role 3']);
      expect(button(el, 'Move role 3 up')).to.exist;
      expect(() => button(el, 'Move role 1 up'), 'the first has no "up"').to.throw();

      await press(el, 'up-2');
      expect(roles(el)).to.deep.equal(['Warehouse Operative', 'Intern', 'Dispatcher']);
      expect(focused(el)).to.equal('up-1');
      await press(el, 'up-1');
      expect(roles(el)).to.deep.equal(['Intern', 'Warehouse Operative', 'Dispatcher']);
      expect(focused(el), 'at the top: its "down"').to.equal('down-0');
      await press(el, 'remove-2');
      expect(roles(el)).to.deep.equal(['Intern', 'Warehouse Operative']);
      expect(focused(el), 'the role before it').to.equal('remove-1');
      await add('Dispatcher', '2018');
      expect(texts(el, '[part="unsaved"]')).to.include('Unsaved changes');
      await click(el, input(el, 'showReplyTime'));
      await expect(el).to.be.accessible();

      await click(el, button(el, 'Save these details'));
      await until('saved', () => statuses(el).includes('Saved: your card shows them.'));
      expect(received).to.deep.equal([
        {
          method: 'PUT',
          path: '/v1/me/details',
          body: {
            path: [
              { role: 'Intern', fromYear: 2014, toYear: 2015 },
              { role: 'Warehouse Operative', fromYear: 2015, toYear: 2018 },
              { role: 'Dispatcher', fromYear: 2018, toYear: null },
            ],
            showReplyTime: true,
          },
        },
      ]);
      expect($(el, 'hw-person-card').shadowRoot!.querySelector('summary')?.textContent, 'the preview shows it').to.equal('More about Ada');
      expect(el.unsaved).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('refuses a role without a name, and years in the wrong order, on their field, without asking the server', async () => {
      serveMe(withDetails());
      serveDetails();
      const el = await editor();
      await press(el, 'path-add');
      await click(el, button(el, 'Save these details'));
      expect(alerts(el)).to.deep.equal(['Name the role, or remove it.']);
      expect(focused(el)).to.equal('role-0');
      expect(input(el, 'role-0').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();

      await type(el, 'role-0', 'Dispatcher');
      await type(el, 'fromYear-0', '2020');
      await type(el, 'toYear-0', '2019');
      await click(el, button(el, 'Save these details'));
      expect(alerts(el)).to.deep.equal(['Enter years like 2019, the first one no later than the second.']);
      expect(focused(el)).to.equal('toYear-0');
      expect(received).to.deep.equal([]);
    });

    it('stops at 8 roles, and says when the reply time will show, in French too', async () => {
      const eight = Array.from({ length: 8 }, (_, i) => ({ role: `Role ${i}`, fromYear: 2010 + i, toYear: 2011 + i }));
      serveMe(withDetails({ path: eight, replyDays: null }));
      const el = await editor();
      expect(roles(el)).to.have.length(8);
      expect(() => button(el, 'Add a role')).to.throw();
      expect(texts(el, '[part="details"] .hint')).to.include('You listed 8 roles, the most there can be.');
      expect(description(el, input(el, 'showReplyTime'))).to.equal('Shown once you have answered 3 questions in 90 days.');
      await expect(el).to.be.accessible();

      const fr = await editor('fr');
      await until('French', () => texts(fr, 'h2').includes('Plus sur vous'));
      expect(description(fr, input(fr, 'showReplyTime'))).to.equal('Affiché une fois que vous aurez répondu à 3\u00a0questions en 90\u00a0jours.');
      expect(texts(fr, '.path legend')[0]).to.equal('Poste 1');
      await expect(fr).to.be.accessible();
    });
  });

  describe('your record', () => {
    const recorded = { received: 1234, answered: 9, declined: 2, thanks: 4, publishedAnswers: 0 };
    const figures = (el: HwProfileEditor) =>
      [...el.shadowRoot!.querySelectorAll('.record > div')].map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]);
    const links = (el: HwProfileEditor) =>
      [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="record"] a')].map((a) => [
        a.textContent!.trim(),
        new URL(a.href).pathname,
        a.hasAttribute('download'),
      ]);

    it('shows the figures, for the person alone, and downloads them as JSON and CSV', async () => {
      serveMe(aMyProfile({ record: recorded }));
      const el = await editor();
      expect(texts(el, '[part="record"] h2')).to.deep.equal(['Your record']);
      expect(texts(el, '[part="record"] .hint')).to.deep.equal(['Only you see this. Your company sees totals for the whole site, never yours.']);
      expect(figures(el)).to.deep.equal([
        ['Questions received', '1,234'],
        ['Answered', '9'],
        ['Declined', '2'],
        ['Thanks from candidates', '4'],
        ['Published answers', '0'],
      ]);
      expect(links(el)).to.deep.equal([
        ['Download my record (JSON)', '/v1/me/record.json', true],
        ['Download my record (CSV, for spreadsheets)', '/v1/me/record.csv', true],
      ]);
      await expect(el).to.be.accessible();
    });

    it('speaks French', async () => {
      serveMe(aMyProfile({ record: recorded }));
      const el = await editor('fr');
      await until('French', () => texts(el, 'h2').includes('Votre bilan'));
      expect(figures(el)[0]).to.deep.equal(['Questions reçues', '1\u202f234']);
      expect(links(el).map(([label]) => label)).to.deep.equal(['Télécharger mon bilan (JSON)', 'Télécharger mon bilan (CSV, pour tableur)']);
      await expect(el).to.be.accessible();
    });

    it('is not there with a server that has no record', async () => {
      serveMe();
      const el = await editor();
      expect(el.shadowRoot!.querySelector('[part="record"]')).to.be.null;
      expect(el.shadowRoot!.querySelector('[part="details"]')).to.be.null;
    });
  });
});

// ---- Issue 18: questions waiting for an answer, answered on the page

describe('hw-profile-editor: questions waiting for an answer', () => {
  const QUESTIONS: OpenQuestion[] = [
    { id: 'q-1', candidateName: 'Camille', message: 'What are the night shifts like?', job: 'Night manager', receivedAt: '2026-11-30T09:00:00Z' },
    { id: 'q-2', candidateName: 'Dominique', message: 'Is there a dress code?', job: null, receivedAt: '2026-12-01T09:00:00Z' },
  ];

  /** The open questions as the server keeps them: an answer removes one; `refuse` answers that status instead. */
  function serveQuestions(questions = QUESTIONS, refuse?: { status: number; code: string }) {
    let open = [...questions];
    worker.use(
      http.get('/v1/me/open-questions', () => HttpResponse.json({ items: open })),
      http.post('/v1/me/open-questions/:id/answer', async ({ request, params }) => {
        await record(request, await request.json());
        if (refuse) return errorResponse(refuse.status, refuse.code);
        open = open.filter((question) => question.id !== params.id);
        return HttpResponse.json({ items: open });
      }),
    );
  }

  const answersShown = (el: HwProfileEditor) => until('the questions', () => el.shadowRoot!.querySelector('[part="answers"] article'));

  it('lists each question with an "Answer here" box, and sends the answer typed with the keyboard', async () => {
    serveMe();
    serveQuestions();
    const el = await editor();
    await answersShown(el);

    expect(texts(el, 'h2')[1]).to.equal('Questions waiting for your answer');
    expect(texts(el, '[part="answers"] h3')).to.deep.equal(['From Camille', 'From Dominique']);
    expect(texts(el, 'blockquote.question')).to.deep.equal(['What are the night shifts like?', 'Is there a dress code?']);
    expect(texts(el, '[part="answers"] label')).to.deep.equal(['Your answer to Camille', 'Your answer to Dominique']);
    expect(texts(el, '[part="answers"] .hint')[0]).to.equal('About the job “Night manager” · received on November 30, 2026');
    await expect(el).to.be.accessible();

    $(el, '[name="answer-q-1"]').focus();
    await sendKeys({ type: 'Calm nights, a lovely team.' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('Send my answer');
    await sendKeys({ press: 'Enter' });

    await until('sent', () => statuses(el).includes('Your answer is on its way to Camille. Thank you for taking the time!'));
    expect(received).to.deep.equal([{ method: 'POST', path: '/v1/me/open-questions/q-1/answer', body: { text: 'Calm nights, a lovely team.' } }]);
    expect(texts(el, '[part="answers"] h3')).to.deep.equal(['From Dominique']);
    expect(focused(el)).to.equal('answers-heading');
    await expect(el).to.be.accessible();
  });

  it('says what is missing on an empty answer, on the box itself, and sends nothing', async () => {
    serveMe();
    serveQuestions();
    const el = await editor();
    await answersShown(el);

    button(el, 'Send my answer').click();
    await until('the error', () => alerts(el).length > 0);
    const box = $<HTMLTextAreaElement>(el, '[name="answer-q-1"]');
    expect(alerts(el)).to.deep.equal(['Write your answer first.']);
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, box)).to.contain('Write your answer first.');
    expect(focused(el)).to.equal('answer-q-1');
    expect(received).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says so when the question was settled meanwhile, and removes it', async () => {
    serveMe();
    serveQuestions([QUESTIONS[0]!], { status: 409, code: 'conflict' });
    const el = await editor();
    await answersShown(el);
    await type(el, 'answer-q-1', 'Too late?');
    await click(el, button(el, 'Send my answer'));

    await until('the error', () => alerts(el).length > 0);
    expect(alerts(el)).to.deep.equal(['This question was answered or declined meanwhile: there is nothing more to send.']);
    expect(el.shadowRoot!.querySelector('[part="answers"] article')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows nothing while no question waits', async () => {
    serveMe();
    const el = await editor();
    expect(el.shadowRoot!.querySelector('[part="answers"]')).to.be.null;
  });

  it('speaks French', async () => {
    serveMe();
    serveQuestions();
    const el = await editor('fr');
    await answersShown(el);
    expect(texts(el, 'h2')[1]).to.equal('Questions en attente de votre réponse');
    expect(texts(el, '[part="answers"] h3')[0]).to.equal('De Camille');
    expect(texts(el, '[part="answers"] label')[0]).to.equal('Votre réponse à Camille');
    expect(texts(el, '[part="answers"] .hint')[0]).to.equal('À propos de l’offre «\u00a0Night manager\u00a0» · reçue le 30 novembre 2026');
    expect(button(el, 'Envoyer ma réponse')).to.exist;
    await expect(el).to.be.accessible();
  });
});
