import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { API, PEOPLE_URL, aList, photos, site } from '../../../tests/support/browser/test-data.js';
import { contactServer } from '../../../tests/support/browser/contact-test-data.js';
import { pageScheme, watcherCount } from './theme.js';
import type { HwPeopleGrid } from '../people-grid/people-grid.js';
import type { HwPersonCard } from '../person-card/person-card.js';
import '../people-grid/people-grid.js';
import '../person-card/person-card.js';
import '../alumni-testimonials/alumni-testimonials.js';
import '../questions/questions.js';
import '../contact-button/contact-button.js';
import '../provider/provider.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
const TESTIMONIAL = {
  id: 't1',
  quote: 'The best team I have worked with.',
  author: 'Marie D.',
  roles: ['Receptionist'],
  fromYear: 2015,
  toYear: 2019,
  currentRole: 'Hotel Manager',
  kind: 'alumni',
  lang: 'en',
};
beforeEach(() =>
  worker.use(
    http.get(PEOPLE_URL, () => HttpResponse.json(aList(['Ada Lovelace', 'Grace Hopper']))),
    http.get(`${API}/v1/sites/acme/testimonials`, () => HttpResponse.json({ items: [TESTIMONIAL], match: 'job' })),
  ),
);
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

const root = document.documentElement;
afterEach(async () => {
  root.className = '';
  for (const name of ['data-theme', 'data-bs-theme', 'data-color-scheme', 'style']) root.removeAttribute(name);
  document.body.removeAttribute('style');
  await emulateMedia({ colorScheme: 'light' });
});

const DARK_SURFACE = 'rgb(29, 33, 39)';
const DARK_TEXT = 'rgb(230, 232, 235)';
const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const LIGHT_TEXT = 'rgb(31, 35, 40)';

/** What a reader sees of a card: its background and text colours. */
function cardColours(card: HwPersonCard) {
  const style = getComputedStyle(card.shadowRoot!.querySelector('[part~="card"]')!);
  return { background: style.backgroundColor, text: style.color };
}

const firstCard = (grid: HwPeopleGrid) => grid.shadowRoot!.querySelector('hw-person-card')!;

async function loadedGrid(template = html`<hw-people-grid api=${API} site="acme" job="Engineer"></hw-people-grid>`) {
  const container = fixtureSync<HTMLElement>(html`<div>${template}</div>`);
  const grid = container.querySelector('hw-people-grid')!;
  await waitUntil(() => firstCard(grid)?.shadowRoot?.querySelector('h3'), 'no cards');
  return grid;
}

const isDark = (el: Element) => el.matches(':state(dark)');
const isLight = (el: Element) => el.matches(':state(light)');

describe('theme', () => {
  it('without a theme, takes the page colours: its text colour and tints of it, in any scheme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.body.style.color = 'rgb(10, 60, 20)';
    const grid = await loadedGrid();

    expect(isDark(grid) || isLight(grid), 'no scheme').to.be.false;
    const { background, text } = cardColours(firstCard(grid));
    expect(text).to.equal('rgb(10, 60, 20)');
    expect(background).to.match(/^color\(srgb 0\.039\d* 0\.235\d* 0\.078\d* \/ 0\.03\)$/); // 3% of the text colour
  });

  it("inherits the page's font, and --hw-font replaces it", async () => {
    document.body.style.fontFamily = 'Georgia, serif';
    const grid = await loadedGrid();
    const nameFont = () => getComputedStyle(firstCard(grid).shadowRoot!.querySelector('[part~="name"]')!).fontFamily;
    expect(nameFont()).to.equal('Georgia, serif');
    grid.style.setProperty('--hw-font', 'monospace');
    expect(nameFont()).to.equal('monospace');
  });

  it('theme="dark" and theme="light" paint the cards in that palette, also on a page in the other scheme', async () => {
    const dark = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="dark"></hw-people-grid>`);
    expect(isDark(dark)).to.be.true;
    expect(cardColours(firstCard(dark))).to.deep.equal({ background: DARK_SURFACE, text: DARK_TEXT });

    await emulateMedia({ colorScheme: 'dark' });
    root.classList.add('dark');
    const light = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="light"></hw-people-grid>`);
    expect(isLight(light)).to.be.true;
    expect(cardColours(firstCard(light))).to.deep.equal({ background: LIGHT_SURFACE, text: LIGHT_TEXT });
  });

  it("keeps the page's own --hw-* tokens over the theme's palette, set on the element or on an ancestor", async () => {
    const grid = await loadedGrid(html`
      <section style="--hw-card-background: rgb(1, 2, 3)">
        <hw-people-grid api=${API} site="acme" theme="dark" style="--hw-card-color: rgb(250, 240, 230)"></hw-people-grid>
      </section>
    `);
    expect(cardColours(firstCard(grid))).to.deep.equal({ background: 'rgb(1, 2, 3)', text: 'rgb(250, 240, 230)' });
  });

  it('switches live between light and dark when theme changes, and a card alone follows its own theme', async () => {
    const card = await fixture<HwPersonCard>(html`<hw-person-card .person=${aList(['Ada Lovelace']).items[0]} theme="dark"></hw-person-card>`);
    expect(cardColours(card).background).to.equal(DARK_SURFACE);
    card.theme = 'light';
    await card.updateComplete;
    expect(cardColours(card).background).to.equal(LIGHT_SURFACE);
    expect(card.getAttribute('theme')).to.equal('light');
  });

  it("passes the provider's theme to the elements inside it, and a change on the provider too", async () => {
    const provider = await fixture(html`
      <hw-provider api=${API} site="acme" theme="dark">
        <hw-people-grid></hw-people-grid>
        <hw-alumni-testimonials></hw-alumni-testimonials>
      </hw-provider>
    `);
    const grid = provider.querySelector('hw-people-grid')!;
    await waitUntil(() => firstCard(grid)?.shadowRoot?.querySelector('h3'), 'no cards');
    expect(isDark(grid) && isDark(firstCard(grid)) && isDark(provider.querySelector('hw-alumni-testimonials')!)).to.be.true;

    provider.setAttribute('theme', 'light');
    await waitUntil(() => isLight(grid) && isLight(firstCard(grid)), 'still dark');
    expect(cardColours(firstCard(grid)).background).to.equal(LIGHT_SURFACE);
  });

  describe('auto', () => {
    it("follows the system's colour scheme when the page has no switch", async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const dark = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>`);
      expect(isDark(dark)).to.be.true;
      await emulateMedia({ colorScheme: 'light' });
      const light = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>`);
      expect(isLight(light)).to.be.true;
    });

    it("follows the system's colour scheme live", async function () {
      // A page in a background tab (when test files run side by side) gets no rendering updates, and
      // so no media query change events until it is shown: there is nothing to see then.
      if (document.visibilityState === 'hidden') this.skip();
      const grid = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>`);
      expect(isLight(grid)).to.be.true;

      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => isDark(grid), 'not dark');
      expect(cardColours(firstCard(grid))).to.deep.equal({ background: DARK_SURFACE, text: DARK_TEXT });

      await emulateMedia({ colorScheme: 'light' });
      await waitUntil(() => isLight(grid), 'not light again');
    });

    const switches: [string, (dark: boolean) => void][] = [
      ['class="dark" / "light"', (dark) => (root.className = dark ? 'dark' : 'light')],
      ['data-theme', (dark) => root.setAttribute('data-theme', dark ? 'dark' : 'light')],
      ['data-bs-theme (Bootstrap)', (dark) => root.setAttribute('data-bs-theme', dark ? 'dark' : 'light')],
      ['data-color-scheme', (dark) => root.setAttribute('data-color-scheme', dark ? 'dark' : 'light')],
      ['style="color-scheme: …"', (dark) => (root.style.colorScheme = dark ? 'dark' : 'light')],
    ];
    for (const [name, setDark] of switches) {
      it(`follows the page's own switch on <html>, ${name}, live, over the system's choice`, async () => {
        await emulateMedia({ colorScheme: 'light' });
        const grid = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>`);
        expect(isLight(grid)).to.be.true;

        setDark(true);
        await waitUntil(() => isDark(grid), 'the switch to dark was missed');
        expect(cardColours(firstCard(grid)).background, "the grid's cards take its palette").to.equal(DARK_SURFACE);

        await emulateMedia({ colorScheme: 'dark' });
        setDark(false);
        await waitUntil(() => isLight(grid), 'the switch back to light was missed');
        expect(pageScheme()).to.equal('light');
      });
    }

    it('back to the system when the page removes its switch', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      root.setAttribute('data-theme', 'light');
      const grid = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>`);
      expect(isLight(grid)).to.be.true;
      root.removeAttribute('data-theme');
      await waitUntil(() => isDark(grid), 'did not go back to the system');
    });

    it('ignores other values and classes ("system", "dark-blue")', async () => {
      root.className = 'dark-blue';
      root.setAttribute('data-theme', 'system');
      expect(pageScheme()).to.be.undefined;
    });

    it('shares one watcher between all the auto elements, and stops when the last one leaves', async () => {
      const before = watcherCount();
      const container = fixtureSync<HTMLElement>(html`
        <div>
          <hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>
          <hw-contact-button api=${API} site="acme" theme="auto"></hw-contact-button>
          <hw-people-grid api=${API} site="acme" theme="dark"></hw-people-grid>
        </div>
      `);
      expect(watcherCount() - before).to.equal(2); // only the auto ones
      const grids = [...container.querySelectorAll('hw-people-grid')];
      await waitUntil(() => grids.every((grid) => firstCard(grid)?.shadowRoot?.querySelector('h3')), 'no cards');
      const [auto] = grids;
      auto!.theme = 'light';
      await auto!.updateComplete;
      expect(watcherCount() - before).to.equal(1);
      container.remove();
      expect(watcherCount()).to.equal(before);
    });
  });

  describe('accessibility (contrast included)', () => {
    it('a dark grid on a light page', async () => {
      const grid = await loadedGrid(html`<hw-people-grid api=${API} site="acme" theme="dark"></hw-people-grid>`);
      await expect(grid).to.be.accessible();
    });

    it('an auto grid and testimonials on a page switched to dark', async () => {
      root.classList.add('dark');
      document.body.style.cssText = 'background: #111418; color: #eef0f2';
      const container = fixtureSync<HTMLElement>(html`
        <div>
          <hw-people-grid api=${API} site="acme" theme="auto"></hw-people-grid>
          <hw-alumni-testimonials api=${API} site="acme" theme="auto"></hw-alumni-testimonials>
        </div>
      `);
      const grid = container.querySelector('hw-people-grid')!;
      await waitUntil(() => firstCard(grid)?.shadowRoot?.querySelector('h3'), 'no cards');
      const quotes = container.querySelector('hw-alumni-testimonials')!;
      await waitUntil(() => quotes.shadowRoot!.querySelector('figure'), 'no quotes');
      expect(isDark(grid) && isDark(quotes)).to.be.true;
      await expect(grid).to.be.accessible();
      await expect(quotes).to.be.accessible();
    });

    it('dark questions on a light page, opened, are accessible', async () => {
      const person = { id: 'p1', displayName: 'Ada L.', jobTitle: 'Engineer', photoUrl: 'https://img.test/p1.svg', hasPhoto: false };
      const items = [{ id: 'a1', question: 'A normal day?', answer: 'Busy, and fun.', lang: 'en', date: '2026-11-02', person }];
      worker.use(http.get(`${API}/v1/sites/acme/questions`, () => HttpResponse.json({ items, match: 'job' })));
      const questions = await fixture(html`<hw-questions api=${API} site="acme" theme="dark"></hw-questions>`);
      await waitUntil(() => questions.shadowRoot!.querySelector('details'), 'no questions');
      questions.shadowRoot!.querySelector('details')!.open = true;
      expect(isDark(questions)).to.be.true;
      await expect(questions).to.be.accessible();
    });

    it('the contact dialog of a dark card is dark, and accessible', async () => {
      worker.use(...contactServer().handlers);
      const card = await fixture<HwPersonCard>(html`<hw-person-card api=${API} site="acme" theme="dark" .person=${aList(['Ada Lovelace']).items[0]}></hw-person-card>`);
      card.shadowRoot!.querySelector<HTMLElement>('[part~="button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = () => card.shadowRoot!.querySelector('hw-contact-dialog');
      await waitUntil(() => dialog()?.shadowRoot?.querySelector('dialog')?.open, 'the dialog never opened', { timeout: 3000 });
      const box = getComputedStyle(dialog()!.shadowRoot!.querySelector('dialog')!);
      expect({ background: box.backgroundColor, text: box.color }).to.deep.equal({ background: DARK_SURFACE, text: DARK_TEXT });
      await expect(dialog()!).to.be.accessible();
      await sendKeys({ press: 'Escape' });
    });
  });
});
