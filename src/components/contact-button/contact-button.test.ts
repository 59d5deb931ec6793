import { expect, fixture, fixtureCleanup, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Match, PeopleList, PublicPerson } from '../../sdk/index.js';
import type { HwContactOpenEvent } from '../contact-dialog/events.js';
import type { HwErrorEvent } from '../shared/events.js';
import { API, LOAD_WAIT, PEOPLE_URL, aPerson, errorResponse, gate, photos, site } from '../../../tests/support/browser/test-data.js';
import { contactServer, solves, type ContactServer } from '../../../tests/support/browser/contact-test-data.js';
import type { HwContactButton } from './contact-button.js';
import './contact-button.js';
import '../people-grid/people-grid.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** Every people request the mock API received. */
let requests: URL[] = [];
let server: ContactServer;

beforeEach(() => {
  requests = [];
  const mock = contactServer();
  server = mock.server;
  worker.use(...mock.handlers);
});

function servePerson(person: PublicPerson, wait?: Promise<void>) {
  worker.use(
    http.get(`${PEOPLE_URL}/:id`, async ({ request }) => {
      requests.push(new URL(request.url));
      await wait;
      return HttpResponse.json(person);
    }),
  );
}

function servePeople(items: PublicPerson[], match: Match = 'job', wait?: Promise<void>) {
  worker.use(
    http.get(PEOPLE_URL, async ({ request }) => {
      requests.push(new URL(request.url));
      await wait;
      return HttpResponse.json({ items, match, nextCursor: null });
    }),
  );
}

const shadow = (el: HwContactButton) => el.shadowRoot!;
const askButton = (el: HwContactButton) => shadow(el).querySelector<HTMLButtonElement>('[part="button"]');
const message = (el: HwContactButton) => shadow(el).querySelector('[part="message"]')?.textContent?.trim();
const isLoading = (el: HwContactButton) => !!shadow(el).querySelector('.placeholder');
const loaded = (el: HwContactButton) => waitUntil(() => el.hasUpdated && !isLoading(el), 'still loading', LOAD_WAIT);
const dialog = (el: HwContactButton) => shadow(el).querySelector('hw-contact-dialog');
const inDialog = <T extends Element = HTMLElement>(el: HwContactButton, selector: string) => dialog(el)?.shadowRoot?.querySelector<T>(selector);

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function contactButton(attributes: string) {
  const el = document.createElement('div');
  el.innerHTML = `<hw-contact-button api="${API}" site="acme" ${attributes}></hw-contact-button>`;
  return fixture<HwContactButton>(el.firstElementChild as HwContactButton);
}

/** As a keyboard user does: focus the button, press Enter. */
async function openDialog(el: HwContactButton) {
  askButton(el)!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog never opened', { timeout: 3000 });
}

const ada = aPerson({ id: 'p1', displayName: 'Ada Lovelace' });
const grace = aPerson({ id: 'p2', displayName: 'Grace Hopper', jobTitle: 'Compiler Engineer' });

describe('hw-contact-button', () => {
  // First: once loaded, the dialog stays defined for the rest of this page.
  it('loads the dialog only when first clicked, then opens it on the first field', async () => {
    servePerson(ada);
    const el = await contactButton('person-id="p1" job="Software Engineer"');
    await loaded(el);
    expect(customElements.get('hw-contact-dialog') === undefined, 'not loaded up front').to.be.true; // not the class: chai would print it all
    expect(dialog(el)).to.be.null;

    const opened: HwContactOpenEvent[] = [];
    document.addEventListener('hw-contact-open', (event) => opened.push(event), { once: true });
    await openDialog(el);

    expect(customElements.get('hw-contact-dialog')).to.exist;
    expect(inDialog(el, 'h2')!.textContent).to.equal('Ask Ada Lovelace about this job');
    expect(deepActive()).to.equal(inDialog(el, '#name'));
    await waitUntil(() => opened.length === 1, 'hw-contact-open reaches the document');
    expect(opened[0]!.detail).to.deep.equal({ personId: 'p1', job: 'Software Engineer' });
    await expect(dialog(el)!).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => deepActive() === askButton(el), 'the focus is back on the button', { timeout: 4000 });
  });

  describe('with person-id', () => {
    it('loads the person and offers to ask them about the job', async () => {
      servePerson(ada);
      const el = await contactButton('person-id="p1" job="Software Engineer"');
      await loaded(el);

      expect(requests.map((url) => url.pathname)).to.deep.equal(['/v1/sites/acme/people/p1']);
      expect(askButton(el)!.textContent).to.equal('Ask Ada about this job');
      expect(askButton(el)!.getAttribute('aria-haspopup')).to.equal('dialog');
      await expect(el).to.be.accessible();
    });

    it('asks "a question" when there is no job on the page', async () => {
      servePerson(ada);
      const el = await contactButton('person-id="p1"');
      await loaded(el);
      expect(askButton(el)!.textContent).to.equal('Ask Ada a question');
    });

    for (const [why, person] of [
      ['busy', aPerson({ availability: 'busy' })],
      ['only bookable', aPerson({ channels: ['booking'] })],
      ['not contactable at all', aPerson({ channels: [] })],
    ] as const) {
      it(`says the person isn't taking questions when ${why}`, async () => {
        servePerson(person);
        const el = await contactButton('person-id="p1" job="Software Engineer"');
        await loaded(el);
        expect(askButton(el)).to.be.null;
        expect(message(el)).to.equal('Ada isn’t taking questions right now');
        await expect(el).to.be.accessible();
      });
    }

    it('says nobody is available when the person is gone, and fires hw-error', async () => {
      worker.use(http.get(`${PEOPLE_URL}/:id`, () => errorResponse(404, 'person_not_found')));
      const errors: HwErrorEvent[] = [];
      const el = await fixture<HwContactButton>(
        html`<hw-contact-button api=${API} site="acme" person-id="gone" @hw-error=${(event: HwErrorEvent) => errors.push(event)}></hw-contact-button>`,
      );
      await waitUntil(() => errors.length > 0);
      expect(errors[0]!.detail).to.deep.equal({ code: 'person_not_found' });
      expect(message(el)).to.equal('Nobody is available to answer questions right now.');
      await expect(el).to.be.accessible();
    });

    it('offers to try again after a failure that may pass', async () => {
      worker.use(http.get(`${PEOPLE_URL}/:id`, () => HttpResponse.error()));
      const el = await contactButton('person-id="p1"');
      await waitUntil(() => shadow(el).querySelector('[part="retry"]'), 'no retry button', { timeout: 4000 }); // after the SDK's own retries
      expect(message(el)).to.equal('Questions can’t be sent right now.');
      await expect(el).to.be.accessible();

      servePerson(ada);
      shadow(el).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => askButton(el));
      expect(askButton(el)!.textContent).to.equal('Ask Ada a question');
    });
  });

  describe('without person-id', () => {
    it('asks for the people of the job, up to 12, in the page language', async () => {
      servePeople([ada]);
      const el = await contactButton('job="Software Engineer"');
      await loaded(el);
      expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({ job: 'Software Engineer', lang: 'en', limit: '12' });
      expect(askButton(el)!.textContent).to.equal('Ask Ada about this job');
    });

    it("reads the job from the page's JobPosting JSON-LD", async () => {
      servePeople([ada]);
      const script = Object.assign(document.createElement('script'), {
        type: 'application/ld+json',
        textContent: JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Baker' }),
      });
      document.head.append(script);
      try {
        const el = await contactButton('');
        await loaded(el);
        expect(requests[0]!.searchParams.get('job')).to.equal('Baker');
        expect(askButton(el)!.textContent).to.equal('Ask Ada about this job');
      } finally {
        // The element first: removing the posting under it would load the page's list again, and that
        // request, still in flight, would be shared with the next test's (the SDK merges equal requests).
        fixtureCleanup();
        script.remove();
      }
    });

    it('offers only the available people with the message channel', async () => {
      servePeople([aPerson({ id: 'b', availability: 'busy' }), aPerson({ id: 'c', channels: ['booking'] }), grace]);
      const el = await contactButton('job="Software Engineer"');
      await loaded(el);
      expect(askButton(el)!.textContent).to.equal('Ask Grace about this job');
    });

    it('offers a choice when several can answer, in the dialog before the form', async () => {
      servePeople([ada, grace, aPerson({ id: 'b', displayName: 'Busy Bee', availability: 'busy' })]);
      const el = await contactButton('job="Software Engineer"');
      await loaded(el);
      expect(askButton(el)!.textContent).to.equal('Ask someone who does this job');
      await expect(el).to.be.accessible();

      await openDialog(el);
      const choices = [...dialog(el)!.shadowRoot!.querySelectorAll('[part="choice"] .name')].map((node) => node.textContent);
      expect(choices).to.deep.equal(['Ada Lovelace', 'Grace Hopper']);
      expect(deepActive()).to.equal(inDialog(el, '[part="choice"]'));
      await expect(dialog(el)!).to.be.accessible();
    });

    for (const [why, items, match] of [
      ['no one does the job', [], 'job'],
      ['no one available does it', [aPerson({ availability: 'busy' })], 'job'],
      ['only people of the team are listed', [ada], 'team'],
    ] as const) {
      it(`says nobody is available when ${why}`, async () => {
        servePeople([...items], match);
        const el = await contactButton('job="Software Engineer"');
        await loaded(el);
        expect(askButton(el)).to.be.null;
        expect(message(el)).to.equal('Nobody is available to answer questions right now.');
        await expect(el).to.be.accessible();
      });
    }
  });

  it('reserves its height while loading, so nothing moves', async () => {
    for (const person of [ada, aPerson({ availability: 'busy' })]) {
      const response = gate();
      servePerson(person, response.opened);
      const el = await contactButton('person-id="p1" job="Software Engineer"');
      expect(isLoading(el)).to.be.true;
      const loadingHeight = el.getBoundingClientRect().height;
      await expect(el).to.be.accessible();

      response.open();
      await loaded(el);
      expect(el.getBoundingClientRect().height, person.availability).to.be.closeTo(loadingHeight, 0.5);
    }
  });

  it('gives the focus back to the button even when a click did not focus it (as in Safari)', async () => {
    servePerson(ada);
    const el = await contactButton('person-id="p1"');
    await loaded(el);
    (document.activeElement as HTMLElement | null)?.blur();
    askButton(el)!.click();
    await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog never opened', { timeout: 3000 });
    inDialog(el, '[part="close"]')!.click();
    await waitUntil(() => deepActive() === askButton(el), 'the focus is back on the button');
  });

  it('sends the question to the person through the server it was given', async () => {
    servePerson(ada);
    const el = await contactButton('person-id="p1" job="Software Engineer"');
    await loaded(el);
    await openDialog(el);
    const root = dialog(el)!.shadowRoot!;
    for (const [id, value] of [
      ['name', 'Grace'],
      ['email', 'grace@example.com'],
      ['message', 'Hello!'],
    ]) {
      const control = root.querySelector<HTMLInputElement>(`#${id}`)!;
      control.value = value!;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    root.querySelector<HTMLInputElement>('#consent')!.click();
    root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => server.requests.length === 1, 'nothing sent', { timeout: 3000 });

    const { personId, body } = server.requests[0]!;
    expect(personId).to.equal('p1');
    expect(body.job).to.equal('Software Engineer');
    expect(await solves(body.proof, server.challenges)).to.be.true;
  });

  it('says honestly that questions can’t be sent from this page when the site does not allow its origin, in English and French', async () => {
    worker.use(
      http.get(`${API}/v1/sites/refusing`, () => HttpResponse.json({ slug: 'refusing', name: 'R', contactOrigins: ['https://careers.example.com'] })),
      http.get(`${API}/v1/sites/refusing/people/:id`, () => HttpResponse.json(ada)),
    );
    const warned: unknown[][] = [];
    const consoleWarn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const el = await fixture<HwContactButton>(html`<hw-contact-button api=${API} site="refusing" person-id="p1"></hw-contact-button>`);
      await loaded(el);
      expect(askButton(el)).to.be.null;
      expect(message(el)).to.equal('Questions can’t be sent from this page yet.');
      await expect(el).to.be.accessible();

      const fr = await fixture<HwContactButton>(html`<hw-contact-button lang="fr" api=${API} site="refusing" person-id="p1"></hw-contact-button>`);
      await loaded(fr);
      expect(message(fr)).to.equal('Les questions ne peuvent pas encore être envoyées depuis cette page.');
      await expect(fr).to.be.accessible();
      expect(warned.map((args) => String(args[0]))).to.deep.equal([
        `Hallway: candidates can't send questions from this page: ${location.origin} is not an allowed origin of site "refusing" on ${API}. ` +
          `Allow it: npx hallway sites update refusing --add-origin ${location.origin}`,
      ]);
    } finally {
      console.warn = consoleWarn;
    }
  });

  it('speaks French from its own `lang`', async () => {
    servePeople([ada, grace]);
    const el = await contactButton('lang="fr" job="Ingénieure logiciel"');
    await loaded(el);
    expect(askButton(el)!.textContent).to.equal('Poser une question à quelqu’un qui fait ce métier');
    await openDialog(el);
    expect(inDialog(el, '.intro')!.textContent).to.equal('À qui voulez-vous poser votre question\u202f?');

    servePerson(aPerson({ availability: 'busy' }));
    const busy = await contactButton('lang="fr" person-id="p1"');
    await loaded(busy);
    expect(message(busy)).to.equal('Ada ne répond pas aux questions en ce moment');
    await expect(busy).to.be.accessible();
  });
});

// The demo's job pages: the button, then a grid of the same job (with a team and a smaller limit).
describe('hw-contact-button beside a hw-people-grid of the job', () => {
  const busyGrace = { ...grace, jobTitle: ada.jobTitle, availability: 'busy' as const };
  const cards = (grid: Element) => grid.shadowRoot!.querySelectorAll('hw-person-card').length;

  /** Answers the grid's query (it names a team) with `shown`, any other with `own`. */
  function servePages(shown: PeopleList, own: PeopleList) {
    worker.use(
      http.get(PEOPLE_URL, ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        return HttpResponse.json(url.searchParams.has('team') ? shown : own);
      }),
    );
  }

  async function jobPage() {
    // fixtureSync: open-wc's fixture waits a frame for a plain <div>, and a hidden test page gets none.
    const page = fixtureSync<HTMLElement>(html`<div>
      <hw-contact-button api=${API} site="acme" job="Software Engineer"></hw-contact-button>
      <hw-people-grid api=${API} site="acme" job="Software Engineer" team="Platform" limit="2"></hw-people-grid>
    </div>`);
    const button = page.querySelector('hw-contact-button')!;
    const grid = page.querySelector('hw-people-grid')!;
    await loaded(button);
    await waitUntil(() => cards(grid) > 0, 'the grid shows no one');
    return button;
  }

  it('makes one request for both and offers whom the grid shows', async () => {
    servePages({ items: [busyGrace, ada], match: 'job', nextCursor: 'more' }, { items: [], match: 'all', nextCursor: null });
    const button = await jobPage();
    expect(askButton(button)!.textContent).to.equal('Ask Ada about this job');
    expect(requests.map((url) => url.searchParams.get('team'))).to.deep.equal(['Platform']);
    await expect(button).to.be.accessible();
  });

  it('asks for more people of the job when none of those shown can be asked', async () => {
    servePages({ items: [busyGrace], match: 'job', nextCursor: 'more' }, { items: [busyGrace, ada], match: 'job', nextCursor: null });
    const button = await jobPage();
    expect(askButton(button)!.textContent).to.equal('Ask Ada about this job');
    expect(requests.map((url) => url.searchParams.get('team')).sort()).to.deep.equal(['Platform', null]);
  });

  it('says nobody is available when the grid shows the team: nobody does the job', async () => {
    servePages({ items: [ada], match: 'team', nextCursor: null }, { items: [ada], match: 'job', nextCursor: null });
    const button = await jobPage();
    expect(message(button)).to.equal('Nobody is available to answer questions right now.');
    expect(requests).to.have.length(1);
  });
});
