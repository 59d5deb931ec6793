import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { setDefaults } from '../shared/config.js';
import { API, LOAD_WAIT, PEOPLE_URL, aList, photos, site } from '../../../tests/support/browser/test-data.js';
import type { HwPeopleGrid } from '../people-grid/people-grid.js';
import type { HwProvider } from './provider.js';
import './provider.js';
import '../people-grid/people-grid.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

let requests: URL[] = [];
beforeEach(() => {
  requests = [];
  worker.use(
    http.get(PEOPLE_URL, ({ request }) => {
      requests.push(new URL(request.url));
      return HttpResponse.json(aList(['Ada Lovelace'], 'all'));
    }),
  );
});

const grids = (root: Element) => [...root.querySelectorAll('hw-people-grid')];
const heading = (el: HwPeopleGrid) => el.shadowRoot!.querySelector('h2')?.textContent;
const loaded = (el: HwPeopleGrid) => waitUntil(() => heading(el), 'no heading yet', LOAD_WAIT);

describe('hw-provider', () => {
  it('gives its server and site to the elements inside, which share one request for one query', async () => {
    const provider = await fixture<HwProvider>(html`
      <hw-provider api=${API} site="acme">
        <hw-people-grid job="Engineer"></hw-people-grid>
        <section><hw-people-grid job="Engineer"></hw-people-grid></section>
      </hw-provider>
    `);
    await Promise.all(grids(provider).map(loaded));

    expect(requests).to.have.length(1);
    expect(requests[0]!.searchParams.get('job')).to.equal('Engineer');
    expect(grids(provider).map(heading)).to.deep.equal(['Meet our people', 'Meet our people']);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });

  it('sets the language of the elements inside, and they follow when it changes', async () => {
    const provider = await fixture<HwProvider>(html`<hw-provider api=${API} site="acme" lang="fr"><hw-people-grid></hw-people-grid></hw-provider>`);
    const [grid] = grids(provider);
    await loaded(grid!);
    expect(heading(grid!)).to.equal('Rencontrez nos équipes');

    provider.lang = 'en';
    await waitUntil(() => heading(grid!) === 'Meet our people', 'back to English');
    expect(requests.map((url) => url.searchParams.get('lang'))).to.deep.equal(['fr', 'en']);
  });

  it("lets an element's own site win over the provider's", async () => {
    worker.use(http.get(`${API}/v1/sites/other/people`, () => HttpResponse.json(aList(['Grace Hopper'], 'all'))));
    const provider = await fixture(html`<hw-provider api=${API} site="acme"><hw-people-grid site="other"></hw-people-grid></hw-provider>`);
    const [grid] = grids(provider);
    await loaded(grid!);

    expect(requests).to.have.length(0);
    const name = grid!.shadowRoot!.querySelector('hw-person-card')!.shadowRoot!.querySelector('h3')!.textContent;
    expect(name).to.equal('Grace Hopper');
  });

  it('without a provider, elements use the page defaults set by the bundle', async () => {
    setDefaults({ api: `${API}/`, site: 'acme' });
    const grid = await fixture<HwPeopleGrid>(html`<hw-people-grid team="Platform"></hw-people-grid>`);
    await loaded(grid);

    expect(requests).to.have.length(1);
    expect(requests[0]!.searchParams.get('team')).to.equal('Platform');
  });
});
