import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { PublicPerson } from '../../sdk/index.js';
import { avatarColor } from '../../sdk/initials.js';
import type { HwErrorEvent } from '../shared/events.js';
import { API, PEOPLE_URL, aList, aPerson, errorResponse, gate, photos, site } from '../../../tests/support/browser/test-data.js';
import { contactServer } from '../../../tests/support/browser/contact-test-data.js';
import type { HwPeopleGrid } from '../people-grid/people-grid.js';
import type { HwPersonCard } from './person-card.js';
import './person-card.js';
import '../people-grid/people-grid.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

const part = (el: HwPersonCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: HwPersonCard, name: string) => part(el, name)?.textContent?.trim();

function card(person = aPerson()) {
  return fixture<HwPersonCard>(html`<hw-person-card .person=${person}></hw-person-card>`);
}

describe('hw-person-card', () => {
  it('shows the person: photo, name as a heading, job, team · location, languages, bio', async () => {
    const el = await card();

    const heading = el.shadowRoot!.querySelector('h3')!;
    expect(heading.textContent).to.equal('Ada Lovelace');
    expect(text(el, 'title')).to.equal('Software Engineer');
    expect(text(el, 'meta')).to.equal('Platform · Paris');
    expect(text(el, 'languages')).to.equal('Speaks English and French');
    expect(text(el, 'bio')).to.equal('I write the engine that computes Bernoulli numbers.');
    expect(part(el, 'badge')).to.be.null;

    const photo = part(el, 'photo') as HTMLImageElement;
    expect(photo.getAttribute('src')).to.equal('https://img.test/ada.svg');
    expect(photo.getAttribute('alt')).to.equal('');
    expect([photo.width, photo.height]).to.deep.equal([96, 96]);
    expect(photo.loading).to.equal('lazy');
    await expect(el).to.be.accessible();
  });

  it('marks alumni with a badge', async () => {
    const el = await card(aPerson({ kind: 'alumni' }));
    expect(text(el, 'badge')).to.equal('Alumni');
    await expect(el).to.be.accessible();
  });

  describe('a person without a photo', () => {
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const noPhoto = aPerson({ id: 'p7', displayName: 'élodie  de la Tour', photoUrl: 'https://img.test/avatar.svg', hasPhoto: false });

    it('gets their initials in their colour, drawn by the card: no image to load', async () => {
      const el = await card(noPhoto);
      const photo = part(el, 'photo')!;
      expect(el.shadowRoot!.querySelector('img')).to.be.null;
      expect(photo.textContent).to.equal('ÉD');
      expect(getComputedStyle(photo).backgroundColor).to.equal(rgb(avatarColor('p7')));
      expect(getComputedStyle(photo).color).to.equal('rgb(255, 255, 255)');
      expect([photo.offsetWidth, photo.offsetHeight, getComputedStyle(photo).borderRadius]).to.deep.equal([96, 96, '50%']);
      await expect(el).to.be.accessible();
    });

    it('follows the photo size and shape the page sets', async () => {
      const el = await fixture<HwPersonCard>(html`<hw-person-card style="--hw-photo-size: 48px; --hw-photo-radius: 0" .person=${noPhoto}></hw-person-card>`);
      const style = getComputedStyle(part(el, 'photo')!);
      expect([style.width, style.fontSize, style.borderRadius]).to.deep.equal(['48px', '18px', '0px']);
    });

    it('keeps the photo of a person who has one', async () => {
      const el = await card(aPerson({ hasPhoto: true }));
      expect(part(el, 'photo')!.getAttribute('src')).to.equal('https://img.test/ada.svg');
    });
  });

  it('speaks French from its own `lang`', async () => {
    const el = await fixture<HwPersonCard>(html`<hw-person-card lang="fr" .person=${aPerson({ kind: 'alumni' })}></hw-person-card>`);
    expect(text(el, 'languages')).to.equal('Parle anglais et français');
    expect(text(el, 'badge')).to.equal('Ex-collègue');
    await expect(el).to.be.accessible();
  });

  for (const photoUrl of ['javascript:alert(1)', 'data:image/svg+xml,<svg/>', 'not a url']) {
    it(`never uses "${photoUrl}" as the photo`, async () => {
      const el = await card(aPerson({ photoUrl }));
      expect(part(el, 'photo')!.hasAttribute('src')).to.be.false;
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Ada Lovelace');
    });
  }

  it('has the same height whatever the person wrote, with or without a contact button, and so does its placeholder, unless the name, the job title or the actions take two lines', async () => {
    // fixtureSync: a plain <div> fixture waits for an animation frame, which a background test page may never get.
    const wrapper = fixtureSync(html`
      <div style="width: 16rem">
        <hw-person-card></hw-person-card>
        <hw-person-card .person=${aPerson()}></hw-person-card>
        <hw-person-card api=${API} site="acme" .person=${aPerson()}></hw-person-card>
        <hw-person-card api=${API} site="acme" .person=${aPerson({ availability: 'busy', channels: ['booking'] })}></hw-person-card>
        <hw-person-card .person=${aPerson({ bio: 'Bio. '.repeat(200), kind: 'alumni' })}></hw-person-card>
        <hw-person-card .person=${aPerson({ team: null, location: null, bio: null, languages: [] })}></hw-person-card>
        <hw-person-card .person=${aPerson({ replyDays: 2, path: [{ role: 'Engineer', fromYear: 2019, toYear: null }] })}></hw-person-card>
      </div>
    `);
    await Promise.all([...wrapper.querySelectorAll('hw-person-card')].map((el) => el.updateComplete));
    const withButton = wrapper.querySelectorAll<HwPersonCard>('hw-person-card')[2]!;
    await waitUntil(() => withButton.shadowRoot!.querySelector('[part~="contact"]'), 'a card with a button');
    const heights = [...wrapper.children].map((el) => el.getBoundingClientRect().height);
    expect(heights[0]).to.be.greaterThan(150);
    heights.forEach((height) => expect(height).to.be.closeTo(heights[0]!, 0.5));

    // A long name or job title wraps, whole, and the card grows by those lines only.
    const long = document.createElement('hw-person-card');
    long.person = aPerson({ displayName: 'Bartholomew-Alexander Longname', jobTitle: 'Embedded Software Engineer (Linux) (m/w/d)' });
    wrapper.append(long);
    await long.updateComplete;
    for (const line of [part(long, 'name')!, part(long, 'title')!]) {
      expect(line.scrollWidth, line.textContent!).to.be.at.most(line.clientWidth);
      expect(line.scrollHeight, line.textContent!).to.be.at.most(line.clientHeight + 1);
    }
    expect(long.getBoundingClientRect().height).to.be.greaterThan(heights[0]!);
  });

  describe('"More about"', () => {
    const path = [
      { role: 'Warehouse Operative', fromYear: 2015, toYear: 2018 },
      { role: 'Dispatcher', fromYear: 2018, toYear: null },
    ];
    const summary = (el: HwPersonCard) => part(el, 'more')!.querySelector('summary');
    const items = (el: HwPersonCard) => [...el.shadowRoot!.querySelectorAll('[part~="path"] li')].map((li) => li.textContent!.trim());

    it('is offered only when the person shares a reply time or a path', async () => {
      expect(summary(await card())).to.be.null;
      expect(summary(await card(aPerson({ path: [] })))).to.be.null;
      expect(summary(await card(aPerson({ replyDays: 3 })))?.textContent).to.equal('More about Ada');
      expect(summary(await card(aPerson({ path }))), 'a path alone').to.exist;
    });

    it('opens from the keyboard on how the person usually replies and their path here, oldest first', async () => {
      const el = await card(aPerson({ replyDays: 2, path }));
      expect(part(el, 'reply')!.checkVisibility(), 'closed').to.be.false;
      await expect(el).to.be.accessible();

      summary(el)!.focus();
      await sendKeys({ press: 'Enter' });
      expect(el.shadowRoot!.querySelector('details')!.open).to.be.true;
      expect(text(el, 'reply')).to.equal('Usually replies within 2 days');
      expect(part(el, 'path')!.getAttribute('aria-label')).to.equal('Path here');
      expect(items(el)).to.deep.equal(['Warehouse Operative · 2015–\u20602018', 'Dispatcher · since 2018']);
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Space' });
      expect(el.shadowRoot!.querySelector('details')!.open, 'Space closes it').to.be.false;
    });

    it('says "within a day" for one day, and shows no reply time the person did not share', async () => {
      const el = await card(aPerson({ replyDays: 1 }));
      expect(text(el, 'reply')).to.equal('Usually replies within a day');
      expect(part(el, 'path')).to.be.null;
      const pathOnly = await card(aPerson({ path }));
      expect(part(pathOnly, 'reply')).to.be.null;
    });

    it('speaks French', async () => {
      const el = await fixture<HwPersonCard>(html`<hw-person-card lang="fr" .person=${aPerson({ replyDays: 2, path })}></hw-person-card>`);
      await waitUntil(() => summary(el)?.textContent === 'En savoir plus sur Ada', 'French loaded');
      el.shadowRoot!.querySelector('details')!.open = true;
      expect(text(el, 'reply')).to.equal('Répond généralement sous 2\u00a0jours');
      expect(part(el, 'path')!.getAttribute('aria-label')).to.equal('Parcours ici');
      expect(items(el)).to.deep.equal(['Warehouse Operative · 2015–\u20602018', 'Dispatcher · depuis 2018']);
      await expect(el).to.be.accessible();
      const soon = await fixture<HwPersonCard>(html`<hw-person-card lang="fr" .person=${aPerson({ replyDays: 1 })}></hw-person-card>`);
      expect(text(soon, 'reply')).to.equal('Répond généralement dans la journée');
    });
  });

  // The narrowest column a grid makes (--hw-column-min-width, 14rem), the longest strings of each language.
  for (const lang of ['en', 'fr']) {
    it(`wraps, never cuts, a long name, job title, "Ask" button and "Not taking questions" note (${lang})`, async () => {
      const long = { displayName: 'Bartholomew-Alexander Longname', jobTitle: 'Responsable revenue management et distribution' };
      const wrapper = fixtureSync(html`
        <div style="width: 14rem" lang=${lang}>
          <hw-person-card api=${API} site="acme" .person=${aPerson(long)}></hw-person-card>
          <hw-person-card api=${API} site="acme" .person=${aPerson({ ...long, availability: 'busy', availableFrom: '2026-12-14' })}></hw-person-card>
          <hw-person-card api=${API} site="acme" .person=${aPerson({ ...long, availability: 'busy' })}></hw-person-card>
        </div>
      `);
      const cards = [...wrapper.querySelectorAll<HwPersonCard>('hw-person-card')];
      await waitUntil(() => part(cards[0]!, 'contact'), 'a card with a button');
      const shown = cards.flatMap((el) => ['name', 'title', 'contact', 'availability'].map((name) => part(el, name)).filter((e) => e !== null));
      expect(shown, '3 names, 3 titles, 1 button, 2 notes').to.have.length(9);
      for (const element of shown) {
        const { scrollWidth, clientWidth, scrollHeight, clientHeight } = element;
        expect(
          [scrollWidth <= clientWidth, scrollHeight <= clientHeight + 1],
          `${element.textContent!.trim()}: ${scrollWidth}×${scrollHeight} in ${clientWidth}×${clientHeight}`,
        ).to.deep.equal([true, true]);
        expect(getComputedStyle(element).textOverflow).to.equal('clip');
        expect(element.getBoundingClientRect().right).to.be.at.most(cards[0]!.getBoundingClientRect().right);
      }
      for (const el of cards) await expect(el).to.be.accessible();
    });
  }

  it('offers no "Ask" when the site does not take questions from this page, and says how to fix it on the console once', async () => {
    worker.use(http.get(`${API}/v1/sites/refusing`, () => HttpResponse.json({ slug: 'refusing', name: 'R', contactOrigins: ['https://careers.example.com'] })));
    const warned: unknown[][] = [];
    const consoleWarn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const wrapper = fixtureSync(html`<div>
        <hw-person-card api=${API} site="refusing" .person=${aPerson()}></hw-person-card>
        <hw-person-card api=${API} site="refusing" .person=${aPerson({ id: 'p2' })}></hw-person-card>
      </div>`);
      await waitUntil(() => warned.length > 0);
      const cards = [...wrapper.querySelectorAll<HwPersonCard>('hw-person-card')];
      await Promise.all(cards.map((el) => el.updateComplete));

      expect(cards.map((el) => part(el, 'contact'))).to.deep.equal([null, null]);
      expect(warned).to.have.length(1);
      expect(String(warned[0]![0])).to.contain(`npx hallway sites update refusing --add-origin ${location.origin}`);
      await expect(cards[0]).to.be.accessible();
    } finally {
      console.warn = consoleWarn;
    }
  });

  describe('alone, with person-id', () => {
    it('shows a placeholder, then the person it loaded', async () => {
      const response = gate();
      worker.use(
        http.get(`${PEOPLE_URL}/:id`, async ({ params }) => {
          await response.opened;
          return HttpResponse.json(aPerson({ id: String(params.id), displayName: 'Grace Hopper' }));
        }),
      );
      const el = await fixture<HwPersonCard>(html`<hw-person-card person-id="p2" api=${API} site="acme"></hw-person-card>`);

      expect(part(el, 'card')!.getAttribute('aria-hidden')).to.equal('true');
      expect(el.shadowRoot!.querySelector('h3')).to.be.null;
      await expect(el).to.be.accessible();

      response.open();
      await waitUntil(() => el.shadowRoot!.querySelector('h3'));
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Grace Hopper');
      await expect(el).to.be.accessible();
    });

    it('says the profile is unavailable and fires hw-error when the person is gone', async () => {
      worker.use(http.get(`${PEOPLE_URL}/:id`, () => errorResponse(404, 'person_not_found')));
      const errors: HwErrorEvent[] = [];
      const el = await fixture<HwPersonCard>(
        html`<hw-person-card person-id="gone" api=${API} site="acme" @hw-error=${(event: HwErrorEvent) => errors.push(event)}></hw-person-card>`,
      );
      await waitUntil(() => errors.length > 0);

      expect(errors[0]!.detail).to.deep.equal({ code: 'person_not_found' });
      expect(el.shadowRoot!.textContent).to.contain('This profile can’t be shown right now.');
      expect(el.shadowRoot!.querySelector('button'), 'no point trying again').to.be.null;
      await expect(el).to.be.accessible();
    });

    it('shows nothing when the site is unknown, and tells the web team on the console', async () => {
      worker.use(http.get(`${PEOPLE_URL}/:id`, () => errorResponse(404, 'site_not_found')));
      const logged: unknown[][] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => logged.push(args);
      const errors: HwErrorEvent[] = [];
      try {
        const el = await fixture<HwPersonCard>(
          html`<hw-person-card person-id="p1" api=${API} site="acme" @hw-error=${(event: HwErrorEvent) => errors.push(event)}></hw-person-card>`,
        );
        await waitUntil(() => errors.length > 0 && logged.length > 0);
        await el.updateComplete;

        expect(errors[0]!.detail).to.deep.equal({ code: 'site_not_found' });
        expect(el.shadowRoot!.textContent!.trim()).to.equal('');
        expect(el.getBoundingClientRect().height).to.equal(0);
        expect(logged.map((args) => String(args[0])).filter((message) => message.includes('has no site "acme"'))).to.have.length(1);
      } finally {
        console.error = consoleError;
      }
    });

    it('offers to try again after a failure that may pass', async () => {
      worker.use(http.get(`${PEOPLE_URL}/:id`, () => errorResponse(400, 'invalid_query'), { once: true }));
      const el = await fixture<HwPersonCard>(html`<hw-person-card person-id="p1" api=${API} site="acme"></hw-person-card>`);
      await waitUntil(() => el.shadowRoot!.querySelector('button'));
      await expect(el).to.be.accessible();

      worker.use(http.get(`${PEOPLE_URL}/:id`, () => HttpResponse.json(aPerson())));
      el.shadowRoot!.querySelector('button')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('h3'));
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Ada Lovelace');
    });
  });
  describe('contact action', () => {
    const contactButton = (el: HwPersonCard) => part(el, 'contact') as HTMLButtonElement | null;
    const dialog = (el: HwPersonCard) => el.shadowRoot!.querySelector('hw-contact-dialog');
    const inDialog = (el: HwPersonCard, selector: string) => dialog(el)?.shadowRoot?.querySelector<HTMLElement>(selector);

    function contactable(person: PublicPerson, job?: string) {
      return fixture<HwPersonCard>(html`<hw-person-card api=${API} site="acme" job=${job ?? ''} .person=${person}></hw-person-card>`);
    }

    beforeEach(() => worker.use(...contactServer().handlers));

    // First: once loaded, the dialog stays defined for the rest of this page.
    it('loads the dialog on the first click only, and opens it about the job', async () => {
      const el = await contactable(aPerson(), 'Software Engineer');
      expect(contactButton(el)!.textContent!.trim()).to.equal('Ask Ada a question');
      expect(customElements.get('hw-contact-dialog') === undefined, 'not loaded up front').to.be.true; // not the class: chai would print it all
      await expect(el).to.be.accessible();

      contactButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => (inDialog(el, 'dialog') as HTMLDialogElement | undefined)?.open, 'the dialog never opened', { timeout: 3000 });
      expect(customElements.get('hw-contact-dialog')).to.exist;
      expect(inDialog(el, 'h2')!.textContent).to.equal('Ask Ada Lovelace about this job');
      await expect(dialog(el)!).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => el.shadowRoot!.activeElement === contactButton(el), 'the focus is back on the button', { timeout: 4000 });
    });

    const cases: [string, Partial<PublicPerson>, boolean][] = [
      ['takes messages and is open', { channels: ['message'], availability: 'open' }, true],
      ['takes messages and bookings', { channels: ['booking', 'message'], availability: 'open' }, true],
      ['is busy', { channels: ['message'], availability: 'busy' }, false],
      ['only takes bookings', { channels: ['booking'], availability: 'open' }, false],
      ['takes nothing', { channels: [], availability: 'open' }, false],
    ];
    for (const [when, overrides, shown] of cases) {
      it(`${shown ? 'offers' : 'does not offer'} to ask a question when the person ${when}, and keeps the row`, async () => {
        const el = await contactable(aPerson(overrides));
        expect(!!contactButton(el)).to.equal(shown);
        expect(part(el, 'actions'), 'the row is always there').to.exist;
        await expect(el).to.be.accessible();
      });
    }

    it("says until when a paused person takes no questions, as a date of the element's language", async () => {
      const paused = aPerson({ availability: 'busy', availableFrom: '2026-12-14' });
      const en = await contactable(paused);
      expect(text(en, 'availability')).to.equal('Not taking questions until Dec 14, 2026');
      await expect(en).to.be.accessible();
      const fr = await fixture<HwPersonCard>(html`<hw-person-card lang="fr" api=${API} site="acme" .person=${paused}></hw-person-card>`);
      expect(text(fr, 'availability')).to.equal('Ne répond pas aux questions avant le 14 déc. 2026');
      await expect(fr).to.be.accessible();
    });

    it('says a person at their weekly cap takes no new questions this week, and nothing for one who takes no messages', async () => {
      const atCap = await contactable(aPerson({ availability: 'busy' }));
      expect(text(atCap, 'availability')).to.equal('Not taking new questions this week');
      await expect(atCap).to.be.accessible();
      const fr = await fixture<HwPersonCard>(html`<hw-person-card lang="fr" api=${API} site="acme" .person=${aPerson({ availability: 'busy' })}></hw-person-card>`);
      expect(text(fr, 'availability')).to.equal('Ne prend pas de nouvelles questions cette semaine');
      const bookingsOnly = await contactable(aPerson({ availability: 'busy', availableFrom: '2026-12-14', channels: ['booking'] }));
      expect(part(bookingsOnly, 'availability')).to.be.null;
    });

    it('offers nothing without a site to send to (the /me preview)', async () => {
      const el = await card(aPerson());
      expect(contactButton(el)).to.be.null;
    });

    it('speaks French', async () => {
      const el = await fixture<HwPersonCard>(html`<hw-person-card lang="fr" api=${API} site="acme" .person=${aPerson()}></hw-person-card>`);
      expect(contactButton(el)!.textContent!.trim()).to.equal('Poser une question à Ada');
    });

    it("gets the grid's job, api and site, so its dialog asks about the job", async () => {
      worker.use(http.get(PEOPLE_URL, () => HttpResponse.json(aList(['Ada Lovelace']))));
      const grid = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Software Engineer"></hw-people-grid>`);
      await waitUntil(() => grid.shadowRoot!.querySelector('hw-person-card')?.person, 'no card');
      const el = grid.shadowRoot!.querySelector('hw-person-card')!;
      await el.updateComplete;

      expect([el.job, el.api, el.site]).to.deep.equal(['Software Engineer', API, 'acme']);
      contactButton(el)!.click();
      await waitUntil(() => inDialog(el, 'h2'), 'the dialog never opened', { timeout: 3000 });
      expect(inDialog(el, 'h2')!.textContent).to.equal('Ask Ada Lovelace about this job');
      (inDialog(el, '[part="close"]') as HTMLButtonElement).click();
    });
  });
});
