import { expect, fixture, fixtureCleanup, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Match, PublicTestimonial, TestimonialList } from '../../sdk/index.js';
import type { HwErrorEvent, HwTestimonialViewEvent } from '../shared/events.js';
import { API, LOAD_WAIT, errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import { fakeIntervals, realIntervals } from '../../../tests/support/browser/fake-intervals.js';
import type { HwAlumniTestimonials } from './alumni-testimonials.js';
import './alumni-testimonials.js';

const TESTIMONIALS_URL = `${API}/v1/sites/acme/testimonials`;

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

function aTestimonial(overrides: Partial<PublicTestimonial> = {}): PublicTestimonial {
  return {
    id: 't1',
    quote: 'The best team I have worked with.',
    author: 'Marie D.',
    roles: ['Receptionist', 'Front Office Manager'],
    fromYear: 2015,
    toYear: 2019,
    currentRole: 'Hotel Manager',
    kind: 'alumni',
    lang: 'en',
    ...overrides,
  };
}

function aList(count: number, match: Match = 'job'): TestimonialList {
  const items = Array.from({ length: count }, (_, index) => aTestimonial({ id: `t${index + 1}`, author: `Author ${index + 1}` }));
  return { items, match };
}

/** Every request the mock API received, as URLs. */
let requests: URL[] = [];
beforeEach(() => (requests = []));

function serve(list = aList(3), wait?: Promise<void>) {
  worker.use(
    http.get(TESTIMONIALS_URL, async ({ request }) => {
      requests.push(new URL(request.url));
      await wait;
      return HttpResponse.json(list);
    }),
  );
}

const shadow = (el: HwAlumniTestimonials) => el.shadowRoot!;
const heading = (el: HwAlumniTestimonials) => shadow(el).querySelector('h2')?.textContent?.trim();
const isLoading = (el: HwAlumniTestimonials) => !!shadow(el).querySelector('[aria-busy="true"]');
const loaded = (el: HwAlumniTestimonials) => waitUntil(() => el.hasUpdated && !isLoading(el), 'still loading', LOAD_WAIT);
const part = <T extends HTMLElement = HTMLButtonElement>(el: HwAlumniTestimonials, name: string) => shadow(el).querySelector<T>(`[part~="${name}"]`)!;
const slides = (el: HwAlumniTestimonials) => [...shadow(el).querySelectorAll<HTMLElement>('[aria-roledescription="slide"]')];
/** The authors of the slides a visitor can see. */
const visible = (el: HwAlumniTestimonials) =>
  slides(el)
    .filter((slide) => slide.checkVisibility())
    .map((slide) => slide.querySelector('[part="author"]')!.textContent);
const pickers = (el: HwAlumniTestimonials) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="picker-button"]')];
const focusedPart = (el: HwAlumniTestimonials) => shadow(el).activeElement?.getAttribute('part');
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function click(el: HwAlumniTestimonials, target: HTMLElement) {
  target.click();
  await el.updateComplete;
}

/** An element talking to the mock API, with these properties, once loaded. */
async function testimonials(properties: Partial<HwAlumniTestimonials> = {}) {
  const el = await fixture<HwAlumniTestimonials>(Object.assign(document.createElement('hw-alumni-testimonials'), { api: API, site: 'acme', ...properties }));
  await loaded(el);
  return el;
}

const carousel = (properties: Partial<HwAlumniTestimonials> = {}) => testimonials({ layout: 'carousel', ...properties });

describe('hw-alumni-testimonials', () => {
  it('shows a busy skeleton of `limit` placeholder quotes while loading', async () => {
    const response = gate();
    serve(undefined, response.opened);
    const el = await fixture<HwAlumniTestimonials>(html`<hw-alumni-testimonials api=${API} site="acme" limit="2"></hw-alumni-testimonials>`);

    expect(isLoading(el)).to.be.true;
    expect(text(shadow(el).querySelector('[role="status"]'))).to.equal('Loading testimonials…');
    expect(shadow(el).querySelectorAll('li.quote')).to.have.length(2);
    expect(el.getBoundingClientRect().height, 'reserves room').to.be.greaterThan(100);
    await expect(el).to.be.accessible();

    response.open();
    await loaded(el);
    expect(text(shadow(el).querySelector('[role="status"]'))).to.equal('');
  });

  it('shows each quote as a figure with its blockquote and caption, and asks for the job and limit', async () => {
    serve({
      items: [aTestimonial(), aTestimonial({ id: 't2', author: 'Sam K.', roles: ['Chef'], fromYear: 2021, toYear: null, currentRole: null, kind: 'employee' })],
      match: 'job',
    });
    const el = await testimonials({ job: 'Receptionist', limit: 4 });

    expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({ job: 'Receptionist', lang: 'en', limit: '4' });
    const figures = [...shadow(el).querySelectorAll('ul[role="list"] > li > figure')];
    expect(figures).to.have.length(2);
    expect(text(figures[0]!.querySelector('blockquote'))).to.equal('The best team I have worked with.');
    expect(text(figures[0]!.querySelector('figcaption'))).to.equal('Marie D. — Receptionist, Front Office Manager (2015–2019), now Hotel Manager Alumni');
    expect(text(figures[1]!.querySelector('figcaption'))).to.equal('Sam K. — Chef (since 2021)');
    expect(figures[1]!.querySelector('[part="badge"]'), 'no Alumni label for an employee').to.be.null;
    expect(slides(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serve({ items: [aTestimonial(), aTestimonial({ id: 't2', toYear: null, currentRole: null })], match: 'all' });
    const el = await testimonials({ lang: 'fr' });

    expect(heading(el)).to.equal('Ce qu’en disent d’anciens collègues');
    const captions = [...shadow(el).querySelectorAll('figcaption')].map(text);
    expect(captions).to.deep.equal([
      'Marie D. — Receptionist, Front Office Manager (2015–2019), aujourd’hui Hotel Manager Ex-collègue',
      'Marie D. — Receptionist, Front Office Manager (depuis 2015) Ex-collègue',
    ]);
    await expect(el).to.be.accessible();
  });

  it("asks for quotes in the page's language first, and marks each quote with its own language", async () => {
    serve({ items: [aTestimonial({ lang: 'fr', quote: 'Une équipe en or.' }), aTestimonial({ id: 't2', lang: 'en' })], match: 'all' });
    const wrapper = fixtureSync(html`<div lang="fr-CA"><hw-alumni-testimonials api=${API} site="acme"></hw-alumni-testimonials></div>`);
    const el = wrapper.querySelector('hw-alumni-testimonials')!;
    await loaded(el);

    expect(requests[0]!.searchParams.get('lang')).to.equal('fr');
    const quotes = [...shadow(el).querySelectorAll('blockquote')];
    expect(quotes.map((quote) => [quote.getAttribute('lang'), text(quote)])).to.deep.equal([
      ['fr', 'Une équipe en or.'],
      ['en', 'The best team I have worked with.'],
    ]);
    expect(shadow(el).querySelector('figcaption')!.closest('[lang]'), 'the caption is in the page’s language').to.be.null;
    await expect(el).to.be.accessible();
  });

  const headings = [
    { match: 'job', lang: 'en', expected: 'What former colleagues say about working as Receptionist' },
    { match: 'job', lang: 'fr', expected: 'Ce que d’anciens collègues disent du métier de Receptionist' },
    { match: 'team', lang: 'en', expected: 'What former colleagues say' },
    { match: 'all', lang: 'en', expected: 'What former colleagues say' },
    { match: 'all', lang: 'en', kinds: ['employee', 'employee'], expected: 'What our people say' },
    { match: 'job', lang: 'en', kinds: ['employee'], expected: 'What our people say about working as Receptionist' },
    { match: 'all', lang: 'fr', kinds: ['employee'], expected: 'Ce qu’en disent nos équipes' },
    { match: 'job', lang: 'fr', kinds: ['employee'], expected: 'Ce que nos équipes disent du métier de Receptionist' },
    { match: 'team', lang: 'en', kinds: ['alumni', 'employee'], expected: 'What colleagues past and present say' },
    { match: 'job', lang: 'en', kinds: ['employee', 'alumni'], expected: 'What colleagues past and present say about working as Receptionist' },
    { match: 'all', lang: 'fr', kinds: ['alumni', 'employee'], expected: 'Ce qu’en disent nos collègues d’hier et d’aujourd’hui' },
    {
      match: 'job',
      lang: 'fr',
      kinds: ['alumni', 'employee'],
      expected: 'Ce que nos collègues d’hier et d’aujourd’hui disent du métier de Receptionist',
    },
  ] as const;

  for (const { match, lang, expected, ...rest } of headings) {
    const kinds: readonly PublicTestimonial['kind'][] = 'kinds' in rest ? rest.kinds : ['alumni'];
    it(`says who speaks (${kinds.join(', ')}) and names a "${match}" match in its heading (${lang})`, async () => {
      serve({ items: kinds.map((kind, index) => aTestimonial({ id: `t${index}`, kind })), match });
      const el = await testimonials({ job: 'Receptionist', lang });
      expect(heading(el)).to.equal(expected);
    });
  }

  it('names the carousel by its heading: current employees are not "former colleagues"', async () => {
    serve({ items: [aTestimonial({ kind: 'employee' }), aTestimonial({ id: 't2', kind: 'employee' })], match: 'all' });
    const el = await carousel();
    expect(shadow(el).querySelector('section')!.getAttribute('aria-label')).to.equal('What our people say');
  });

  it('uses the `heading` attribute instead of the computed heading', async () => {
    serve();
    const el = await testimonials({ heading: 'In their words' });
    expect(heading(el)).to.equal('In their words');
  });

  it("reads the job from the page's JobPosting JSON-LD when it has no `job`", async () => {
    serve(aList(1, 'job'));
    const script = Object.assign(document.createElement('script'), {
      type: 'application/ld+json',
      textContent: JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Baker' }),
    });
    document.head.append(script);
    try {
      const el = await testimonials();
      expect(requests[0]!.searchParams.get('job')).to.equal('Baker');
      expect(heading(el)).to.equal('What former colleagues say about working as Baker');
    } finally {
      // The element first: removing the posting under it would load the page's list again, and that
      // request, still in flight, would be shared with the next test's (the SDK merges equal requests).
      fixtureCleanup();
      script.remove();
    }
  });

  it('fires hw-load with the count and the match, once shown', async () => {
    serve(aList(2, 'team'));
    const el = document.createElement('hw-alumni-testimonials');
    Object.assign(el, { api: API, site: 'acme', team: 'Front Office' });
    const event = oneEvent(el, 'hw-load');
    await fixture(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({ count: 2, match: 'team' });
    expect(shadow(el).querySelectorAll('figure')).to.have.length(2);
  });

  it('says so when there is no testimonial, and hides itself with hide-empty', async () => {
    serve(aList(0, 'all'));
    const el = await testimonials();
    expect(text(part(el, 'empty'))).to.equal('No testimonials yet.');
    expect(shadow(el).querySelector('h2')).to.be.null;
    await expect(el).to.be.accessible();

    const hidden = await testimonials({ hideEmpty: true });
    expect(hidden.hidden).to.be.true;
    expect(hidden.getBoundingClientRect().height).to.equal(0);
  });

  it('shows an error with "Try again", fires hw-error, never throws, and recovers', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    worker.use(http.get(TESTIMONIALS_URL, () => errorResponse(400, 'invalid_query'), { once: true }));
    const errors: HwErrorEvent[] = [];
    const el = await fixture<HwAlumniTestimonials>(
      html`<hw-alumni-testimonials api=${API} site="acme" @hw-error=${(event: HwErrorEvent) => errors.push(event)}></hw-alumni-testimonials>`,
    );
    await waitUntil(() => errors.length > 0);

    expect(errors[0]!.detail).to.deep.equal({ code: 'invalid_query' });
    expect(text(part(el, 'error'))).to.contain('We couldn’t load the testimonials.');
    expect(text(part(el, 'retry'))).to.equal('Try again');
    await expect(el).to.be.accessible();

    serve(aList(1));
    await click(el, part(el, 'retry'));
    await waitUntil(() => shadow(el).querySelector('figure'));
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('h2'));
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  describe('carousel', () => {
    afterEach(realIntervals);

    it('is an APG carousel: labelled slides "n of N", only the current one visible, no rotation', async () => {
      serve(aList(3));
      const time = fakeIntervals();
      const el = await carousel({ rotationMs: 30 });

      const section = shadow(el).querySelector('section')!;
      expect(section.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(section.getAttribute('aria-label')).to.equal('What former colleagues say');
      expect(slides(el).map((slide) => [slide.getAttribute('role'), slide.getAttribute('aria-label')])).to.deep.equal([
        ['group', '1 of 3'],
        ['group', '2 of 3'],
        ['group', '3 of 3'],
      ]);
      expect(slides(el).every((slide) => slide.querySelector('figure > blockquote + figcaption'))).to.be.true;
      expect(visible(el)).to.deep.equal(['Author 1']);
      expect(part(el, 'rotation'), 'no Pause button without autoplay').to.be.null;
      expect(shadow(el).querySelector('#slides')!.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();

      time.tick(150);
      await el.updateComplete;
      expect(visible(el), 'does not rotate').to.deep.equal(['Author 1']);
    });

    it('shows a carousel-shaped busy skeleton while loading', async () => {
      const response = gate();
      serve(undefined, response.opened);
      const el = await fixture<HwAlumniTestimonials>(html`<hw-alumni-testimonials api=${API} site="acme" layout="carousel"></hw-alumni-testimonials>`);
      expect(isLoading(el)).to.be.true;
      expect(shadow(el).querySelectorAll('li.quote')).to.have.length(1);
      await expect(el).to.be.accessible();
      response.open();
      await loaded(el);
    });

    it('speaks French', async () => {
      serve(aList(2));
      const el = await carousel({ lang: 'fr' });
      expect(slides(el).map((slide) => slide.getAttribute('aria-label'))).to.deep.equal(['1 sur 2', '2 sur 2']);
      expect([part(el, 'previous'), part(el, 'next'), ...pickers(el)].map(text)).to.deep.equal(['Précédent', 'Suivant', 'Diapositive 1', 'Diapositive 2']);
      await expect(el).to.be.accessible();
    });

    it('moves with Next and Previous, wrapping around at both ends', async () => {
      serve(aList(3));
      const el = await carousel();

      await click(el, part(el, 'next'));
      expect(visible(el)).to.deep.equal(['Author 2']);
      await click(el, part(el, 'next'));
      await click(el, part(el, 'next'));
      expect(visible(el), 'wraps to the first').to.deep.equal(['Author 1']);
      await click(el, part(el, 'previous'));
      expect(visible(el), 'wraps to the last').to.deep.equal(['Author 3']);
      expect(pickers(el).map((button) => button.getAttribute('aria-current'))).to.deep.equal(['false', 'false', 'true']);
    });

    it('selects a slide with the picker, and with the arrow keys on it', async () => {
      serve(aList(3));
      const el = await carousel();

      expect(pickers(el).map(text)).to.deep.equal(['Slide 1', 'Slide 2', 'Slide 3']);
      await click(el, pickers(el)[1]!);
      expect(visible(el)).to.deep.equal(['Author 2']);
      expect(pickers(el)[1]!.getAttribute('aria-current')).to.equal('true');

      pickers(el)[1]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(visible(el)).to.deep.equal(['Author 3']);
      expect(shadow(el).activeElement, 'the focus follows').to.equal(pickers(el)[2]);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(visible(el)).to.deep.equal(['Author 1']);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(visible(el)).to.deep.equal(['Author 3']);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(visible(el)).to.deep.equal(['Author 1']);
    });

    it('fires hw-testimonial-view when the candidate moves to a slide, never for autoplay', async () => {
      serve(aList(3));
      const views: HwTestimonialViewEvent[] = [];
      const onView = (event: HwTestimonialViewEvent) => views.push(event);
      document.addEventListener('hw-testimonial-view', onView);
      const time = fakeIntervals();
      const el = await carousel({ autoplay: true, rotationMs: 30 });
      time.tick(30);
      await el.updateComplete;
      expect(visible(el), 'rotated').to.deep.equal(['Author 2']);
      expect(views, 'autoplay is not the candidate').to.have.length(0);

      await click(el, part(el, 'rotation'));
      await click(el, pickers(el)[0]!);
      await click(el, part(el, 'next'));
      await waitUntil(() => views.length === 2);
      expect(views.map((event) => event.detail)).to.deep.equal([
        { testimonialId: 't1', index: 0 },
        { testimonialId: 't2', index: 1 },
      ]);
      expect(views[0]!.composed && views[0]!.bubbles).to.be.true;
      document.removeEventListener('hw-testimonial-view', onView);
    });

    it('has a control bar under the slide: round icon buttons, a dot per slide with the current one marked, and "n / N"', async () => {
      serve(aList(3));
      const el = await carousel();
      const controls = part<HTMLElement>(el, 'controls');
      const count = part<HTMLElement>(el, 'count');

      expect(controls.getBoundingClientRect().top, 'under the slide').to.be.at.least(shadow(el).querySelector('#slides')!.getBoundingClientRect().bottom);
      for (const [name, label] of [
        ['previous', 'Previous'],
        ['next', 'Next'],
      ] as const) {
        const button = part(el, name);
        expect(text(button), 'named by its text, for screen readers and voice control').to.equal(label);
        expect(button.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
        expect(button.querySelector('span')!.checkVisibility() && button.querySelector('span')!.getBoundingClientRect().width, 'the name is not shown').to.be.below(2);
        const { width, height } = button.getBoundingClientRect();
        expect([width, height], 'an icon button, 44 px').to.deep.equal([44, 44]);
      }
      const dotWidth = (dot: Element) => parseFloat(getComputedStyle(dot, '::before').width);
      expect(pickers(el).map(dotWidth), 'the current dot is a longer bar, not only another colour').to.deep.equal([22, 12, 12]);
      expect(
        pickers(el).every((dot) => dot.getBoundingClientRect().width >= 24 && dot.getBoundingClientRect().height >= 24),
        'targets of 24 px at least',
      ).to.be.true;
      expect(text(count)).to.equal('1 / 3');
      expect(count.getAttribute('aria-hidden'), 'the slides already say "1 of 3"').to.equal('true');
      await expect(el).to.be.accessible();

      await click(el, part(el, 'next'));
      expect(text(count)).to.equal('2 / 3');
      expect(pickers(el).map(dotWidth)).to.deep.equal([12, 22, 12]);
      expect(pickers(el).map((dot) => dot.getAttribute('aria-current'))).to.deep.equal(['false', 'true', 'false']);
      await expect(el).to.be.accessible();
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`paints its buttons in the ${theme} theme, the dots and count in the page's colours, and is accessible`, async () => {
        serve(aList(2));
        const el = await carousel({ theme, autoplay: true });
        const style = (target: Element) => getComputedStyle(target);
        expect([style(part(el, 'next')).color, style(part(el, 'next')).backgroundColor]).to.deep.equal(
          theme === 'light' ? ['rgb(31, 35, 40)', 'rgb(255, 255, 255)'] : ['rgb(230, 232, 235)', 'rgb(29, 33, 39)'],
        );
        expect(style(pickers(el)[0]!).color, 'the current dot: the page’s text').to.equal('rgb(0, 0, 0)');
        await expect(el).to.be.accessible();

        el.style.setProperty('--hw-accent', 'rgb(160, 20, 60)');
        expect(style(pickers(el)[0]!).color, 'or its accent').to.equal('rgb(160, 20, 60)');
        expect(style(part(el, 'next')).color, 'the buttons keep the theme').to.equal(theme === 'light' ? 'rgb(31, 35, 40)' : 'rgb(230, 232, 235)');
      });
    }

    it('works from the keyboard: Enter on Next, Space on Previous, Tab to the current dot, then arrows; accessible in each state', async () => {
      serve(aList(3));
      const el = await carousel();
      const count = () => text(part(el, 'count'));

      part(el, 'next').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect([count(), visible(el)[0]]).to.deep.equal(['2 / 3', 'Author 2']);
      await expect(el).to.be.accessible();

      part(el, 'previous').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect([count(), visible(el)[0]]).to.deep.equal(['1 / 3', 'Author 1']);

      part(el, 'next').focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement, 'the current dot, the only one in the tab order').to.equal(pickers(el)[0]);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect([count(), visible(el)[0], shadow(el).activeElement === pickers(el)[2]]).to.deep.equal(['3 / 3', 'Author 3', true]);
      await expect(el).to.be.accessible();
    });

    it('tabs through Pause, Previous, Next, then the current slide button', async () => {
      serve(aList(3));
      const el = await carousel({ autoplay: true });
      const before = Object.assign(document.createElement('button'), { textContent: 'before' });
      el.before(before);
      before.focus();
      const order: (string | null | undefined)[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(focusedPart(el));
      }
      before.remove();
      expect(order).to.deep.equal(['rotation', 'previous', 'next', 'picker-button']);
    });
  });

  describe('autoplay', () => {
    afterEach(realIntervals);

    it('has a Pause button first, rotates with aria-live off, and Pause/Play stop and resume it', async () => {
      serve(aList(3));
      const time = fakeIntervals();
      const el = await carousel({ autoplay: true, rotationMs: 40 });

      const controls = part<HTMLElement>(el, 'controls');
      expect(controls.firstElementChild).to.equal(part(el, 'rotation'));
      expect(text(part(el, 'rotation'))).to.equal('Pause');
      expect(shadow(el).querySelector('#slides')!.getAttribute('aria-live')).to.equal('off');
      await expect(el).to.be.accessible();
      time.tick(40);
      await el.updateComplete;
      expect(visible(el), 'rotated').to.deep.equal(['Author 2']);

      expect(part(el, 'rotation').querySelector('svg path')!.getAttribute('d'), 'two bars').to.equal('M5 3v10m6-10v10');
      await click(el, part(el, 'rotation'));
      expect(text(part(el, 'rotation'))).to.equal('Play');
      expect(part(el, 'rotation').querySelector('svg path')!.getAttribute('d'), 'a triangle').to.equal('M5 2.5v11L13.5 8z');
      expect(shadow(el).querySelector('#slides')!.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();
      const shown = visible(el);
      time.tick(150);
      await el.updateComplete;
      expect(visible(el), 'paused').to.deep.equal(shown);

      await click(el, part(el, 'rotation'));
      time.tick(40);
      await el.updateComplete;
      expect(visible(el)[0], 'resumed').not.to.equal(shown[0]);
    });

    it('stops while hovered', async () => {
      serve(aList(3));
      const time = fakeIntervals();
      const el = await carousel({ autoplay: true, rotationMs: 40 });
      const section = shadow(el).querySelector('section')!;

      section.dispatchEvent(new MouseEvent('mouseenter'));
      await el.updateComplete;
      const shown = visible(el);
      time.tick(150);
      await el.updateComplete;
      expect(visible(el), 'stopped while hovered').to.deep.equal(shown);
      expect(text(part(el, 'rotation')), 'not paused for good').to.equal('Pause');

      section.dispatchEvent(new MouseEvent('mouseleave'));
      await el.updateComplete;
      time.tick(40);
      await el.updateComplete;
      expect(visible(el)[0], 'resumed').not.to.equal(shown[0]);
    });

    it('stops on keyboard focus inside, and resumes only with Play', async () => {
      serve(aList(3));
      const time = fakeIntervals();
      const el = await carousel({ autoplay: true, rotationMs: 40 });
      const outside = Object.assign(document.createElement('button'), { textContent: 'outside' });
      el.after(outside);

      part(el, 'rotation').focus();
      await sendKeys({ press: 'Tab' }); // to Previous
      expect(focusedPart(el)).to.equal('previous');
      await el.updateComplete;
      expect(text(part(el, 'rotation'))).to.equal('Play');
      const shown = visible(el);
      outside.focus();
      await el.updateComplete;
      time.tick(150);
      await el.updateComplete;
      expect(visible(el), 'still stopped once the focus left').to.deep.equal(shown);

      await click(el, part(el, 'rotation'));
      outside.focus();
      await el.updateComplete;
      time.tick(40);
      await el.updateComplete;
      expect(visible(el)[0], 'Play resumed').not.to.equal(shown[0]);
      outside.remove();
    });

    it('never rotates when the visitor prefers reduced motion: it starts paused', async () => {
      const original = window.matchMedia;
      window.matchMedia = ((query: string) => ({ matches: query.includes('reduce'), media: query }) as MediaQueryList) as typeof matchMedia;
      try {
        serve(aList(3));
        const time = fakeIntervals();
        const el = await carousel({ autoplay: true, rotationMs: 30 });
        expect(text(part(el, 'rotation'))).to.equal('Play');
        expect(shadow(el).querySelector('#slides')!.getAttribute('aria-live')).to.equal('polite');
        time.tick(150);
        await el.updateComplete;
        expect(visible(el)).to.deep.equal(['Author 1']);
      } finally {
        window.matchMedia = original;
      }
    });
  });
});
