import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { API, PEOPLE_URL, aList, photos, site } from '../../../tests/support/browser/test-data.js';
import type { HwPeopleGrid } from '../people-grid/people-grid.js';
import '../people-grid/people-grid.js';
import '../contact-button/contact-button.js';
import '../alumni-testimonials/alumni-testimonials.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** Every API request, with the animation frame it was sent in. */
let requests: { url: URL; frame: number }[] = [];
let frame = 0;
let ticking = 0;
const tick = () => ((frame += 1), (ticking = requestAnimationFrame(tick)));
const fetch = window.fetch;
beforeEach(() => {
  requests = [];
  ticking = requestAnimationFrame(tick);
  window.fetch = (input, init) => {
    requests.push({ url: new URL(input instanceof Request ? input.url : String(input)), frame });
    return fetch(input, init);
  };
  worker.use(
    http.get(PEOPLE_URL, ({ request }) => HttpResponse.json(aList(['Ada Lovelace'], new URL(request.url).searchParams.has('job') ? 'job' : 'all'))),
    http.get(`${API}/v1/sites/acme/testimonials`, () => HttpResponse.json({ items: [], match: 'all' })),
  );
});
afterEach(() => {
  window.fetch = fetch;
  cancelAnimationFrame(ticking);
  for (const script of document.querySelectorAll('script[data-test]')) script.remove();
});

/** Adds a JobPosting to <head>, as a tag manager or a single-page site's head manager does. */
function post(posting: object): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.dataset.test = '';
  script.text = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', ...posting });
  document.head.append(script);
  return script;
}

/** A moment later: a few frames in a visible page (a background test page gets no animation frames). */
const later = () => new Promise((resolve) => setTimeout(resolve, 50));
const asked = (path: string, job: string) => requests.filter(({ url }) => url.pathname.endsWith(path) && url.searchParams.get('job') === job);
const shadow = (el: Element) => el.shadowRoot!;
const heading = (el: Element) => shadow(el).querySelector('h2')?.textContent?.trim();

async function elements() {
  // fixtureSync: a plain <div> fixture waits for an animation frame, which a background test page may never get.
  const wrapper = fixtureSync<HTMLElement>(html`
    <div>
      <hw-people-grid api=${API} site="acme"></hw-people-grid>
      <hw-contact-button api=${API} site="acme"></hw-contact-button>
      <hw-alumni-testimonials api=${API} site="acme"></hw-alumni-testimonials>
    </div>
  `);
  const grid = wrapper.querySelector<HwPeopleGrid>('hw-people-grid')!;
  await waitUntil(() => grid.hasUpdated && heading(grid), 'no heading');
  return { wrapper, grid };
}

/** The document's MutationObservers, counted as they observe and disconnect. */
function countDocumentObservers() {
  const { observe, disconnect } = MutationObserver.prototype;
  const watching = new Set<MutationObserver>();
  MutationObserver.prototype.observe = function (this: MutationObserver, target, options) {
    if (target === document) watching.add(this);
    observe.call(this, target, options);
  };
  MutationObserver.prototype.disconnect = function (this: MutationObserver) {
    watching.delete(this);
    disconnect.call(this);
  };
  return { watching, restore: () => Object.assign(MutationObserver.prototype, { observe, disconnect }) };
}

describe('the page job, watched', () => {
  it('asks for a posting added after the elements (a tag manager) in the frame it was added, grid, button and testimonials alike', async () => {
    const { grid } = await elements();
    expect(heading(grid)).to.equal('Meet our people');

    const added = frame;
    post({ title: 'Head Chef', employmentUnit: { name: 'Food &amp; Beverage' }, jobLocation: { address: { addressLocality: 'London' } } });
    // The button offers from the grid's request when it can (one list per page): one request or two.
    await waitUntil(() => asked('/testimonials', 'Head Chef').length && asked('/people', 'Head Chef').length >= 1, 'not asked');
    for (const { url, frame: sent } of asked('/people', 'Head Chef')) expect(sent, `${url}`).to.equal(added);
    const [gridRequest] = asked('/people', 'Head Chef').filter(({ url }) => url.searchParams.get('limit') === '6');
    expect(gridRequest!.url.searchParams.get('team')).to.equal('Food & Beverage');
    expect(gridRequest!.url.searchParams.get('location')).to.equal('London');
    expect(asked('/testimonials', 'Head Chef')[0]!.url.searchParams.get('team')).to.equal('Food & Beverage');
    await waitUntil(() => heading(grid) === 'Meet people who work as Head Chef', 'heading');
    await expect(grid).to.be.accessible();
  });

  it('follows a single-page navigation: the posting replaced, or its text changed in place', async () => {
    const first = post({ title: 'Head Chef' });
    const { grid } = await elements();
    expect(heading(grid)).to.equal('Meet people who work as Head Chef');

    // react-helmet, next/head: the old block removed and a new one added, in a later frame.
    await later();
    first.remove();
    const second = post({ title: 'Revenue Manager' });
    const replaced = frame;
    await waitUntil(() => heading(grid) === 'Meet people who work as Revenue Manager', 'not replaced');
    expect(asked('/people', 'Revenue Manager').every(({ frame: sent }) => sent === replaced)).to.be.true;

    // A head manager that rewrites the block's text.
    second.text = JSON.stringify({ '@type': 'JobPosting', title: 'Concierge' });
    await waitUntil(() => heading(grid) === 'Meet people who work as Concierge', 'not rewritten');
    await expect(grid).to.be.accessible();
  });

  it('an attribute wins over the page, field by field', async () => {
    post({ title: 'Head Chef', employmentUnit: 'Kitchen', jobLocation: { address: { addressLocality: 'London' } } });
    const grid = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Sommelier"></hw-people-grid>`);
    await waitUntil(() => heading(grid), 'no heading');
    const { url } = requests.find(({ url }) => url.pathname.endsWith('/people'))!;
    expect(Object.fromEntries(['job', 'team', 'location'].map((name) => [name, url.searchParams.get(name)]))).to.deep.equal({
      job: 'Sommelier',
      team: 'Kitchen',
      location: 'London',
    });
  });

  it('tells the web team on the console what it read and why, once per change', async () => {
    const info = console.info;
    const lines: string[] = [];
    console.info = (line: string) => lines.push(line);
    try {
      post({ title: 'Events &#038; Marketing', jobLocation: { address: 'Bristol, UK' } });
      const { grid } = await elements();
      await waitUntil(() => heading(grid), 'no heading');
      document.body.append(document.createElement('p')); // nothing to do with the posting
      await later();
      expect(lines.filter((line) => line.includes('Events & Marketing'))).to.deep.equal([
        'Hallway reads job "Events & Marketing", team "", location "Bristol" from the page\'s JSON-LD JobPosting: title, jobLocation.address (an element\'s own attribute wins).',
      ]);
    } finally {
      console.info = info;
    }
  });

  it('reads nothing again while the page changes elsewhere, and leaves no observer once the elements are gone', async () => {
    const observers = countDocumentObservers();
    const { querySelectorAll } = Document.prototype;
    let reads = 0;
    Document.prototype.querySelectorAll = function (this: Document, selectors: string) {
      if (selectors === 'script[type="application/ld+json"]') reads += 1;
      return querySelectorAll.call(this, selectors);
    } as typeof querySelectorAll;
    try {
      post({ title: 'Head Chef' });
      const { wrapper, grid } = await elements();
      expect(observers.watching.size, 'one observer for every element').to.equal(1);
      reads = 0;
      // A busy page: a carousel, a clock, a list growing, a class toggled.
      const clock = document.createElement('p');
      wrapper.append(clock);
      for (let second = 0; second < 20; second++) {
        clock.textContent = `12:00:${second}`;
        wrapper.append(document.createElement('li'));
        wrapper.classList.toggle('open');
        await later();
      }
      expect(reads, 'pages read again').to.equal(0);
      expect(heading(grid)).to.equal('Meet people who work as Head Chef');

      wrapper.remove();
      expect(observers.watching.size, 'observers left').to.equal(0);
    } finally {
      Document.prototype.querySelectorAll = querySelectorAll;
      observers.restore();
    }
  });
});
