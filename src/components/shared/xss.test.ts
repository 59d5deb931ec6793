/**
 * Every element renders the XSS corpus (tests/support/xss-payloads.ts) from the mocked API as plain text:
 * no payload runs (`__xss` is never called), no <script>, on* handler, frame or object appears in
 * any shadow DOM, every link is https, and the text shows literally.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { XSS_FLAG, XSS_PAYLOADS, type Payload } from '../../../tests/support/xss-payloads.js';
import type { MyProfile, PublicPerson, PublicTestimonial } from '../../sdk/index.js';
import '../alumni-testimonials/alumni-testimonials.js';
import '../questions/questions.js';
import '../contact-button/contact-button.js';
import '../people-grid/people-grid.js';
import '../profile-editor/profile-editor.js';
import { contactServer } from '../../../tests/support/browser/contact-test-data.js';
import { API, PEOPLE_URL, aPerson, photos, site } from '../../../tests/support/browser/test-data.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** Which payloads ran: none may. */
const ran: unknown[] = [];
(window as unknown as Record<string, unknown>)[XSS_FLAG] = (n: unknown) => ran.push(n);

const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'MATH', 'VIDEO', 'DETAILS', 'NOSCRIPT']);

/** The card's own "More about" disclosure, a <details> with no attribute, in its `more` row: not injected. */
const isCardDisclosure = (el: Element) => el.tagName === 'DETAILS' && el.attributes.length === 0 && el.parentElement?.getAttribute('part') === 'more';

/** What should never be in the rendered DOM, light or shadow, with where it was. */
function activeContent(root: Element | ShadowRoot, found: string[] = []): string[] {
  for (const el of root.querySelectorAll('*')) {
    if (FORBIDDEN.has(el.tagName) && !isCardDisclosure(el)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const attribute of el.attributes) if (attribute.name.startsWith('on')) found.push(`${el.tagName} ${attribute.name}`);
    // A link is https, or to the page's own server (the profile page's "download my data").
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href') && new URL(el.href).protocol !== 'https:' && new URL(el.href).origin !== location.origin) {
      found.push(`a href=${el.href}`);
    }
    if (el instanceof HTMLImageElement && el.hasAttribute('src') && new URL(el.src).protocol !== 'https:') found.push(`img src=${el.src}`);
    if (el instanceof HTMLFormElement && el.hasAttribute('action')) found.push(`form action=${el.getAttribute('action')}`);
    if (el.shadowRoot) activeContent(el.shadowRoot, found);
  }
  return found;
}

/** All text, through every shadow root. */
function deepText(root: Element | ShadowRoot): string {
  let text = root instanceof Element ? '' : (root.textContent ?? '');
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) text += `\n${deepText(el.shadowRoot)}`;
  return root instanceof Element ? (root.textContent ?? '') + text : text;
}

/** A few payloads whose text is hardest to lay out and name: checked for accessibility too. */
const A11Y_CHECKED = new Set(['script tag', 'RTL override', 'zero-width joiners', 'very long']);

/** Inert: nothing ran (also after images had time to fail), nothing active in the DOM. */
async function expectInert(el: Element, payload: Payload) {
  await aTimeout(30);
  expect(ran, `${payload.name} ran`).to.deep.equal([]);
  expect(activeContent(el.shadowRoot ?? el), payload.name).to.deep.equal([]);
  if (A11Y_CHECKED.has(payload.name)) await expect(el).to.be.accessible();
}

// A path's role is at most 120 characters: the SDK refuses a longer one.
const carrying = (value: string): PublicPerson =>
  aPerson({
    id: 'p1',
    displayName: value,
    jobTitle: value,
    team: value,
    location: value,
    bio: value,
    channels: ['message'],
    path: [{ role: value.slice(0, 120), fromYear: 2020, toYear: null }],
  });

describe('XSS corpus in the elements', () => {
  after(() => expect(ran).to.deep.equal([]));

  it('control: the same corpus written as HTML does run, and the checks see it', async () => {
    // In a frame of its own, so that what runs late cannot touch this page's flag.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inFrame: unknown[] = [];
    const win = frame.contentWindow as Window & Record<string, unknown>;
    win[XSS_FLAG] = (n: unknown) => inFrame.push(n);
    win.document.body.innerHTML = XSS_PAYLOADS.map((payload) => payload.value).join('\n');
    await aTimeout(100);
    expect(inFrame.length, 'payloads that ran').to.be.greaterThan(0);
    expect(activeContent(win.document.body)).to.include.members(['<script>', 'IMG onerror', 'svg onload']);
    frame.remove();
  });

  describe('hw-people-grid and hw-person-card', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`shows "${payload.name}" as text`, async () => {
        worker.use(http.get(PEOPLE_URL, () => HttpResponse.json({ items: [carrying(payload.value)], match: 'job', nextCursor: null })));
        const el = await fixture(html`<hw-people-grid api=${API} site="acme" job=${payload.value} heading=${payload.value}></hw-people-grid>`);
        const card = () => el.shadowRoot!.querySelector('hw-person-card')?.shadowRoot?.querySelector('[part~="name"]');
        await waitUntil(() => card()?.textContent === payload.value, 'the name never showed as text');
        const bio = el.shadowRoot!.querySelector('hw-person-card')!.shadowRoot!.querySelector('[part~="bio"]')!;
        expect(bio.textContent).to.equal(payload.value);
        await expectInert(el, payload);
      });
    }
  });

  describe('hw-alumni-testimonials, list and carousel', () => {
    const testimonial = (value: string): PublicTestimonial => ({
      id: 't1',
      quote: value,
      author: value,
      roles: [value],
      fromYear: 2015,
      toYear: 2019,
      currentRole: value,
      kind: 'alumni',
      lang: 'en',
    });
    for (const payload of XSS_PAYLOADS) {
      it(`shows "${payload.name}" as text`, async () => {
        const items = [testimonial(payload.value), { ...testimonial(payload.value), id: 't2' }];
        worker.use(http.get(`${API}/v1/sites/acme/testimonials`, () => HttpResponse.json({ items, match: 'job' })));
        for (const layout of ['list', 'carousel']) {
          const el = await fixture(html`<hw-alumni-testimonials api=${API} site="acme" layout=${layout} heading=${payload.value}></hw-alumni-testimonials>`);
          await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]') && el.shadowRoot!.querySelector('blockquote, figure'), 'never loaded');
          expect(deepText(el.shadowRoot!), layout).to.include(payload.value);
          await expectInert(el, payload);
        }
      });
    }
  });

  describe('hw-questions', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`shows "${payload.name}" as text`, async () => {
        const person = { id: 'p1', displayName: payload.value, jobTitle: payload.value, photoUrl: 'https://img.test/p1.svg', hasPhoto: false };
        const items = [{ id: 'a1', question: payload.value, answer: payload.value, lang: 'en', date: '2026-11-02', person }];
        worker.use(http.get(`${API}/v1/sites/acme/questions`, () => HttpResponse.json({ items, match: 'job' })));
        const el = await fixture(html`<hw-questions api=${API} site="acme" heading=${payload.value}></hw-questions>`);
        await waitUntil(() => el.shadowRoot!.querySelector('details'), 'never loaded');
        el.shadowRoot!.querySelector('details')!.open = true;
        expect(deepText(el.shadowRoot!)).to.include(payload.value);
        await aTimeout(30);
        expect(ran, `${payload.name} ran`).to.deep.equal([]);
        // Its one disclosure is the element's own; a payload's <details ontoggle> would be a second.
        expect(activeContent(el.shadowRoot!), payload.name).to.deep.equal(['<details>']);
      });
    }
  });

  describe('hw-contact-button and its dialog', () => {
    for (const payload of XSS_PAYLOADS) {
      it(`shows "${payload.name}" as text`, async () => {
        worker.use(
          ...contactServer().handlers,
          http.get(`${PEOPLE_URL}/:id`, () => HttpResponse.json(carrying(payload.value))),
        );
        const button = await fixture(html`<hw-contact-button api=${API} site="acme" person-id="p1" job=${payload.value}></hw-contact-button>`);
        const ask = () => button.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]');
        await waitUntil(() => ask(), 'no button');
        ask()!.click();
        const dialog = () => button.shadowRoot!.querySelector('hw-contact-dialog')?.shadowRoot?.querySelector('dialog');
        await waitUntil(() => dialog()?.open, 'the dialog never opened', { timeout: 3000 });
        await expectInert(button, payload);
        dialog()!.close();
      });
    }
  });

  describe('hw-profile-editor', () => {
    const profile = (value: string): MyProfile => ({
      email: 'ada@acme.test',
      status: 'employee',
      profile: { displayName: value, jobTitle: value, team: value, location: value, languages: ['en'], bio: value, linkedinUrl: 'https://www.linkedin.com/in/ada' },
      hasPhoto: false,
      contact: { channels: ['message', 'booking'], weeklyCap: 3, pausedUntil: null, bookingUrl: 'https://cal.example/ada' },
      consents: {
        showProfile: { granted: true, textVersion: '2026-11', decidedAt: '2026-11-23T12:00:00Z' },
        contact: { granted: true, textVersion: '2026-11', decidedAt: '2026-11-23T12:00:00Z' },
      },
      questions: { received: 1, answered: 1, medianResponseHours: 2 },
      testimonial: {
        quote: value,
        roles: [value],
        fromYear: 2015,
        toYear: null,
        currentRole: value,
        nameStyle: 'full',
        lang: 'en',
        publish: true,
        status: 'rejected',
        rejectionReason: value,
        published: false,
      },
      testimonialNames: { full: value, first_initial: value, initials: value },
      preview: carrying(value),
      photoUrl: 'https://img.test/me.svg',
      site: { slug: 'acme', name: value, consentTextVersion: '2026-11' },
    });
    for (const payload of XSS_PAYLOADS) {
      it(`shows "${payload.name}" as text`, async () => {
        // As the server gives it back: trimmed, at most 80 characters (the display name's limit).
        const value = payload.value.trim().slice(0, 80);
        // A question waiting for an answer carries a candidate's words (issue 18).
        const question = { id: 'q-1', candidateName: value, message: value, job: value, receivedAt: '2026-11-30T09:00:00Z' };
        worker.use(
          http.get('/v1/me', () => HttpResponse.json(profile(value))),
          http.get('/v1/me/open-questions', () => HttpResponse.json({ items: [question] })),
        );
        const el = await fixture(html`<hw-profile-editor lang="en"></hw-profile-editor>`);
        const name = () => el.shadowRoot!.querySelector('hw-person-card')?.shadowRoot?.querySelector('[part~="name"]');
        await waitUntil(() => name()?.textContent === value, 'the preview never showed the name as text');
        await waitUntil(() => el.shadowRoot!.querySelector('blockquote.question')?.textContent === value, 'the question never showed as text');
        // A one-line input drops line breaks, as browsers do.
        expect(el.shadowRoot!.querySelector<HTMLInputElement>('[name="displayName"]')!.value).to.equal(value.replace(/[\r\n]/g, ''));
        await expectInert(el, payload);
      });
    }
  });
});
