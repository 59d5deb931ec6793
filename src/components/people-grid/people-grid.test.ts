import { expect, fixture, fixtureCleanup, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { HwErrorEvent, HwLoadEvent } from '../shared/events.js';
import { API, LOAD_WAIT, PEOPLE_URL, aList, aPerson, errorResponse, gate, photos, site } from '../../../tests/support/browser/test-data.js';
import type { HwPeopleGrid } from './people-grid.js';
import './people-grid.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** Every request the mock API received, as URLs. */
let requests: URL[] = [];
beforeEach(() => (requests = []));

function serve(list = aList(['Ada Lovelace', 'Grace Hopper']), wait?: Promise<void>) {
  worker.use(
    http.get(PEOPLE_URL, async ({ request }) => {
      requests.push(new URL(request.url));
      await wait;
      return HttpResponse.json(list);
    }),
  );
}

const shadow = (el: HwPeopleGrid) => el.shadowRoot!;
const heading = (el: HwPeopleGrid) => shadow(el).querySelector('h2')?.textContent?.trim();
const status = (el: HwPeopleGrid) => shadow(el).querySelector('[role="status"]')!.textContent!.trim();
const cardNames = (el: HwPeopleGrid) => [...shadow(el).querySelectorAll('hw-person-card')].map((card) => card.shadowRoot!.querySelector('h3')?.textContent);
const isLoading = (el: HwPeopleGrid) => !!shadow(el).querySelector('[aria-busy="true"]');
// The first render waits for the page's job to be read (the reader loads with the first element).
const loaded = (el: HwPeopleGrid) => waitUntil(() => el.hasUpdated && !isLoading(el), 'still loading', LOAD_WAIT);

/** A grid talking to the mock API, with these properties. */
function grid(properties: Partial<HwPeopleGrid> = {}) {
  return fixture<HwPeopleGrid>(Object.assign(document.createElement('hw-people-grid'), { api: API, site: 'acme', ...properties }));
}

describe('hw-people-grid', () => {
  it('shows a busy skeleton of `limit` placeholder cards while loading', async () => {
    const response = gate();
    serve(undefined, response.opened);
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Engineer" limit="4"></hw-people-grid>`);

    expect(isLoading(el)).to.be.true;
    expect(status(el)).to.equal('Loading people…');
    expect(shadow(el).querySelectorAll('hw-person-card')).to.have.length(4);
    expect(
      cardNames(el).every((name) => name === undefined),
      'no names yet',
    ).to.be.true;
    await expect(el).to.be.accessible();

    response.open();
    await loaded(el);
    expect(status(el)).to.equal('');
  });

  it('reserves exactly the final height while loading (no layout shift)', async () => {
    const response = gate();
    const people = [
      aPerson({ id: 'a', bio: 'A long story. '.repeat(40) }),
      aPerson({ id: 'b', bio: null, team: null, location: null, languages: [], kind: 'alumni' }),
      aPerson({ id: 'c' }),
    ];
    serve({ items: people, match: 'job', nextCursor: null }, response.opened);
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Engineer" limit="3"></hw-people-grid>`);
    const skeletonHeight = el.getBoundingClientRect().height;
    const skeletonCardHeights = [...shadow(el).querySelectorAll('li')].map((li) => li.getBoundingClientRect().height);

    response.open();
    await loaded(el);
    await waitUntil(() => cardNames(el).length === 3);

    expect(el.getBoundingClientRect().height).to.be.closeTo(skeletonHeight, 0.5);
    const cardHeights = [...shadow(el).querySelectorAll('li')].map((li) => li.getBoundingClientRect().height);
    cardHeights.forEach((height, index) => expect(height).to.be.closeTo(skeletonCardHeights[index]!, 0.5));
  });

  it('wraps a long name and job title rather than cutting them, at 390 px', async () => {
    const long = { displayName: 'Maximiliane Ottilie von Schwerin-Löwenstein', jobTitle: 'Embedded Software Engineer (Linux) (m/w/d)' };
    serve({ items: [aPerson({ id: 'a', ...long })], match: 'job', nextCursor: null });
    // fixtureSync: a plain <div> fixture waits for an animation frame, which a background test page may never get.
    const el = fixtureSync<HTMLElement>(
      html`<div style="width: 358px"><hw-people-grid api=${API} site="acme" job="Teacher of Design &amp; Technology (Maternity Cover)"></hw-people-grid></div>`,
    ).firstElementChild as HwPeopleGrid;
    await loaded(el);
    await waitUntil(() => cardNames(el).length === 1);
    const card = shadow(el).querySelector('hw-person-card')!.shadowRoot!;
    for (const shown of [shadow(el).querySelector('h2')!, card.querySelector('h3')!, card.querySelector('[part="title"]')!]) {
      expect(shown.scrollWidth, shown.textContent!).to.be.at.most(shown.clientWidth);
      expect(shown.scrollHeight, shown.textContent!).to.be.at.most(shown.clientHeight + 1);
    }
    expect(heading(el)).to.contain('Teacher of Design & Technology (Maternity Cover)');
    expect(shadow(el).querySelector('h2')!.getBoundingClientRect().height, 'the heading wraps').to.be.greaterThan(50);
    await expect(el).to.be.accessible();
  });

  it("fits a 320 px phone inside a page's grid column, even with a heading of one very long word (en, fr)", async () => {
    serve({ items: [aPerson({ id: 'a' })], match: 'job', nextCursor: null });
    const job = 'Rechtsanwaltsfachangestelltenausbildungsleiterin';
    // A page's layout grid sizes its column to its content (min-content): nothing must be wider than the phone.
    const page = fixtureSync<HTMLElement>(html`<div style="display: grid; width: 288px">
      <hw-people-grid api=${API} site="acme" job=${job}></hw-people-grid>
      <hw-people-grid api=${API} site="acme" job=${job} lang="fr"></hw-people-grid>
    </div>`);
    const grids = [...page.querySelectorAll('hw-people-grid')];
    for (const el of grids) await loaded(el);
    await waitUntil(() => grids.every((el) => cardNames(el).length === 1));
    for (const el of grids) {
      const h2 = shadow(el).querySelector('h2')!;
      expect(h2.textContent).to.contain(job);
      expect(el.getBoundingClientRect().width, 'the element').to.be.at.most(288);
      expect(h2.scrollWidth, h2.textContent!).to.be.at.most(h2.clientWidth);
      await expect(el).to.be.accessible();
    }
  });

  it('shows the people as a list of cards and asks for the job, limit and language', async () => {
    serve(aList(['Ada Lovelace', 'Grace Hopper']));
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Engineer" limit="2"></hw-people-grid>`);
    await loaded(el);

    expect(shadow(el).querySelector('ul[role="list"]')!.children).to.have.length(2);
    expect(cardNames(el)).to.deep.equal(['Ada Lovelace', 'Grace Hopper']);
    expect(requests).to.have.length(1);
    expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({ job: 'Engineer', lang: 'en', limit: '2' });
    await expect(el).to.be.accessible();
  });

  const headings = [
    { match: 'job', attributes: { job: 'Engineer' }, expected: 'Meet people who work as Engineer' },
    { match: 'team', attributes: { job: 'Engineer', team: 'Platform' }, expected: 'Meet the Platform team' },
    { match: 'location', attributes: { job: 'Engineer' }, expected: 'Meet our people in Paris' },
    { match: 'all', attributes: { job: 'Engineer' }, expected: 'Meet our people' },
  ] as const;

  for (const { match, attributes, expected } of headings) {
    it(`names a "${match}" match in its heading`, async () => {
      serve(aList(['Ada Lovelace'], match));
      const el = await grid(attributes);
      await loaded(el);
      expect(heading(el)).to.equal(expected);
    });
  }

  it('uses the `heading` attribute instead of the computed heading', async () => {
    serve();
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Engineer" heading="Our crew"></hw-people-grid>`);
    await loaded(el);
    expect(heading(el)).to.equal('Our crew');
  });

  it("reads the job from the page's JobPosting JSON-LD when it has no `job`", async () => {
    serve(aList(['Ada Lovelace'], 'job'));
    const script = Object.assign(document.createElement('script'), {
      type: 'application/ld+json',
      textContent: JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Baker' }),
    });
    document.head.append(script);
    try {
      const el = await grid();
      await loaded(el);
      expect(requests[0]!.searchParams.get('job')).to.equal('Baker');
      expect(heading(el)).to.equal('Meet people who work as Baker');
    } finally {
      // The element first: removing the posting under it would load the page's list again, and that
      // request, still in flight, would be shared with the next test's (the SDK merges equal requests).
      fixtureCleanup();
      script.remove();
    }
  });

  it("sends the page's address when it has no job, and names the job the server found at it", async () => {
    serve({ ...aList(['Ada Lovelace'], 'job'), job: 'Pastry Chef' });
    const el = await grid();
    await loaded(el);
    expect(requests[0]!.searchParams.get('job')).to.equal(null);
    expect(requests[0]!.searchParams.get('url')).to.equal(location.origin + location.pathname);
    expect(heading(el)).to.equal('Meet people who work as Pastry Chef');
    await expect(el).to.be.accessible();
  });

  it('sends no address when it has a job', async () => {
    serve();
    const el = await grid({ job: 'Engineer' });
    await loaded(el);
    expect(requests[0]!.searchParams.has('url')).to.equal(false);
  });

  it('fires hw-load with the count and the match only', async () => {
    serve(aList(['Ada Lovelace', 'Grace Hopper'], 'team'));
    const events: HwLoadEvent[] = [];
    const el = await fixture<HwPeopleGrid>(
      html`<hw-people-grid api=${API} site="acme" team="Platform" @hw-load=${(event: HwLoadEvent) => events.push(event)}></hw-people-grid>`,
    );
    await waitUntil(() => events.length > 0);

    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.deep.equal({ count: 2, match: 'team' });
    expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
    expect(cardNames(el), 'fired once the cards are on screen').to.have.length(2);
  });

  it('says so kindly when there is no one to show', async () => {
    serve(aList([], 'all'));
    const el = await grid({ job: 'Astronaut' });
    const { detail } = await oneEvent(el, 'hw-load');

    expect(detail).to.deep.equal({ count: 0, match: 'all' });
    expect(shadow(el).textContent).to.contain('There is no one to introduce here yet.');
    expect(shadow(el).querySelector('h2')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('with hide-empty, disappears when there is no one to show', async () => {
    serve(aList([], 'all'));
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Astronaut" hide-empty></hw-people-grid>`);
    const { detail } = await oneEvent(el, 'hw-load');

    expect(detail.count).to.equal(0);
    expect(el.hidden).to.be.true;
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows its empty message again once hide-empty is removed', async () => {
    serve(aList([], 'all'));
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" hide-empty></hw-people-grid>`);
    await oneEvent(el, 'hw-load');
    el.removeAttribute('hide-empty');
    await el.updateComplete;

    expect(el.hidden).to.be.false;
    expect(shadow(el).textContent).to.contain('There is no one to introduce here yet.');
    await expect(el).to.be.accessible();
  });

  it('with hide-empty, still shows people when there are some', async () => {
    serve();
    const el = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" hide-empty></hw-people-grid>`);
    await loaded(el);
    expect(el.hidden).to.be.false;
    expect(cardNames(el)).to.have.length(2);
  });

  it('shows an error with "Try again", fires hw-error, and recovers on retry', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    worker.use(http.get(PEOPLE_URL, () => errorResponse(400, 'invalid_query'), { once: true }));
    const errors: HwErrorEvent[] = [];
    const el = await fixture<HwPeopleGrid>(
      html`<hw-people-grid api=${API} site="acme" job="Engineer" @hw-error=${(event: HwErrorEvent) => errors.push(event)}></hw-people-grid>`,
    );
    await waitUntil(() => errors.length > 0);

    expect(errors[0]!.detail).to.deep.equal({ code: 'invalid_query' });
    expect(shadow(el).textContent).to.contain('We couldn’t load the people for this page.');
    const retry = shadow(el).querySelector('button')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();

    serve(aList(['Ada Lovelace']));
    retry.click();
    await loaded(el);
    await waitUntil(() => cardNames(el).length === 1);
    expect(cardNames(el)).to.deep.equal(['Ada Lovelace']);
    expect(shadow(el).activeElement, 'focus moves to the heading, not the page body').to.equal(shadow(el).querySelector('h2'));
    expect(errors).to.have.length(1);
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('speaks French from a `lang` ancestor, and asks for French speakers first', async () => {
    const response = gate();
    serve(aList(['Ada Lovelace'], 'job'), response.opened);
    const wrapper = fixtureSync(html`<div lang="fr-CA"><hw-people-grid api=${API} site="acme" job="Développeuse"></hw-people-grid></div>`);
    const el = wrapper.querySelector('hw-people-grid')!;
    await el.updateComplete;
    expect(status(el)).to.equal('Chargement des profils…');
    await expect(el).to.be.accessible();

    response.open();
    await loaded(el);
    await waitUntil(() => cardNames(el).length === 1);
    expect(heading(el)).to.equal('Rencontrez celles et ceux qui travaillent comme Développeuse');
    expect(requests[0]!.searchParams.get('lang')).to.equal('fr');
    const languages = shadow(el).querySelector('hw-person-card')!.shadowRoot!.querySelector('[part="languages"]')!;
    expect(languages.textContent).to.equal('Parle anglais et français');
    await expect(el).to.be.accessible();
  });

  describe('with <html lang>', () => {
    afterEach(() => (document.documentElement.lang = 'en'));

    it('speaks French and switches when <html lang> changes', async () => {
      document.documentElement.lang = 'fr';
      serve(aList([], 'all'));
      const el = await grid();
      await loaded(el);
      expect(shadow(el).textContent).to.contain('Personne à vous présenter pour l’instant.');
      await expect(el).to.be.accessible();

      document.documentElement.lang = 'en';
      await waitUntil(() => shadow(el).textContent!.includes('There is no one to introduce here yet.'), 'back to English');
    });
  });

  it('with a site the server does not know, tells the web team once on the console and shows the quiet empty state', async () => {
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    worker.use(http.get(PEOPLE_URL, () => errorResponse(404, 'site_not_found')));
    const errors: HwErrorEvent[] = [];
    try {
      const wrapper = fixtureSync(html`<div @hw-error=${(event: HwErrorEvent) => errors.push(event)}>
        <hw-people-grid api=${API} site="acme" job="Engineer"></hw-people-grid><hw-people-grid api=${API} site="acme" hide-empty></hw-people-grid>
      </div>`);
      const [grid, hidden] = [...wrapper.querySelectorAll('hw-people-grid')];
      await waitUntil(() => errors.length === 2 && logged.length > 0);

      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.contain('has no site "acme"').and.to.contain('sites create acme');
      expect(errors.map((event) => event.detail.code)).to.deep.equal(['site_not_found', 'site_not_found']);
      expect(shadow(grid!).textContent).to.contain('There is no one to introduce here yet.');
      expect(shadow(grid!).querySelector('button'), 'no "Try again"').to.be.null;
      expect(hidden!.hidden).to.be.true;
      await expect(grid).to.be.accessible();
    } finally {
      console.error = consoleError;
    }
  });

  it('without any site, tells the web team once on the console and stays quiet', async () => {
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const wrapper = fixtureSync(html`<div><hw-people-grid></hw-people-grid><hw-people-grid></hw-people-grid></div>`);
      const grids = [...wrapper.querySelectorAll('hw-people-grid')];
      await Promise.all(grids.map(loaded));
      await waitUntil(() => logged.length > 0);

      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.contain('site=');
      expect(requests).to.have.length(0);
      expect(shadow(grids[0]!).textContent).to.contain('There is no one to introduce here yet.');
      await expect(grids[0]).to.be.accessible();
    } finally {
      console.error = consoleError;
    }
  });
});
