import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { API, PEOPLE_URL, aPerson, photos, site } from '../../../tests/support/browser/test-data.js';
import { contactServer } from '../../../tests/support/browser/contact-test-data.js';
import type { HwPeopleGrid } from '../people-grid/people-grid.js';
import type { HwPersonCard } from '../person-card/person-card.js';
import type { HwContactButton } from '../contact-button/contact-button.js';
import '../people-grid/people-grid.js';
import '../person-card/person-card.js';
import '../contact-button/contact-button.js';

// Host pages that fight the elements. Only inherited properties and the hosts' own boxes reach
// through the shadow roots; the cards must keep their layout whatever comes through.
const HOSTILE = {
  'a reset of everything, * { all: unset }': '* { all: unset }',
  'huge fonts, html { font-size: 48px }': 'html { font-size: 48px } body { font-size: 2.5rem; line-height: 2 }',
  'both at once, with wide letters and pre white-space': `
    * { all: unset }
    html { font-size: 40px }
    body { letter-spacing: 0.2em; word-spacing: 1em; white-space: pre; text-transform: uppercase }`,
};

const PEOPLE = [
  aPerson({ id: 'a', displayName: 'Bartholomew-Alexander Longname-Featherstonehaugh', bio: 'A long story. '.repeat(30) }),
  aPerson({ id: 'b', displayName: 'Ada Lovelace', kind: 'alumni' }),
  aPerson({ id: 'c', displayName: 'Grace Hopper', jobTitle: 'Rear Admiral of the Compiler Division, Retired' }),
  aPerson({ id: 'd', displayName: 'Li Wei', team: null, location: null, bio: null, languages: [] }),
];

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
before(() => setViewport({ width: 1280, height: 900 }));
let contact: ReturnType<typeof contactServer>;
beforeEach(() => {
  contact = contactServer();
  worker.use(
    http.get(PEOPLE_URL, () => HttpResponse.json({ items: PEOPLE, match: 'job', nextCursor: null })),
    ...contact.handlers,
  );
});
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

let sheet: HTMLStyleElement | undefined;
afterEach(async () => {
  sheet?.remove();
  await resetMouse();
});

function hostile(css: string): void {
  sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
}

const box = (el: Element) => el.getBoundingClientRect();
const part = (root: ShadowRoot, name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const cardsOf = (grid: HwPeopleGrid) => [...grid.shadowRoot!.querySelectorAll<HwPersonCard>('hw-person-card')];

/** `inner` lies within `outer` (to the half pixel) and is not empty. */
function expectInside(inner: DOMRect, outer: DOMRect, what: string): void {
  expect(inner.width * inner.height, `${what} has no size`).to.be.greaterThan(0);
  expect(inner.left, `${what}: left`).to.be.at.least(outer.left - 0.5);
  expect(inner.right, `${what}: right`).to.be.at.most(outer.right + 0.5);
  expect(inner.top, `${what}: top`).to.be.at.least(outer.top - 0.5);
  expect(inner.bottom, `${what}: bottom`).to.be.at.most(outer.bottom + 0.5);
}

/** Nothing covers the middle of `el`: a click there reaches it. */
function expectReachable(root: ShadowRoot, el: HTMLElement, what: string): void {
  el.scrollIntoView({ block: 'center' });
  const { left, top, width, height } = box(el);
  const hit = root.elementFromPoint(left + width / 2, top + height / 2);
  expect(hit === el || el.contains(hit), `${what} is covered by ${hit?.outerHTML.slice(0, 80)}`).to.be.true;
}

/** `el` stays within the window's width: the host page may scroll sideways, never because of us. */
function expectWithinWindow(el: Element, what: string): void {
  const { left, right } = box(el);
  expect(left, `${what}: left`).to.be.at.least(-0.5);
  expect(right, `${what}: right`).to.be.at.most(innerWidth + 0.5);
}

/** A card that shows its person: name and title one visible line each, inside the card, and its button. */
function expectWholeCard(card: HwPersonCard, label: string): void {
  const root = card.shadowRoot!;
  const frameElement = part(root, 'card');
  frameElement.scrollIntoView({ block: 'center' });
  const frame = box(frameElement);
  expect(frame.height, `${label}: card height`).to.be.greaterThan(100);
  expectWithinWindow(frameElement, label);
  for (const name of ['photo', 'name', 'title', 'meta', 'bio', 'actions', 'button']) expectInside(box(part(root, name)), frame, `${label} ${name}`);
  for (const name of ['name', 'title']) {
    const line = part(root, name);
    const fontSize = parseFloat(getComputedStyle(line).fontSize);
    expect(box(line).height, `${label} ${name} shows a whole line`).to.be.at.least(fontSize);
    expect(line.textContent!.trim().length).to.be.greaterThan(0);
    expectReachable(root, line, `${label} ${name}`);
  }
  expectReachable(root, part(root, 'button'), `${label} button`);
}

/** Clicks `button` with the mouse where it is on screen; the contact dialog must open. */
async function expectClickOpensDialog(root: ShadowRoot, button: HTMLElement): Promise<void> {
  button.scrollIntoView({ block: 'center' });
  const { left, top, width, height } = box(button);
  await sendMouse({ type: 'click', position: [Math.round(left + width / 2), Math.round(top + height / 2)] });
  const dialog = () => root.querySelector('hw-contact-dialog')?.shadowRoot?.querySelector('dialog');
  await waitUntil(() => dialog()?.open, 'the click did not open the dialog', { timeout: 3000 });
  const form = box(dialog()!);
  expect(form.width, 'the dialog fits the window').to.be.at.most(innerWidth);
  expect(form.width).to.be.greaterThan(200);
  await waitUntil(() => contact.server.challenges.length > 0, 'no challenge asked'); // before the mock API goes
  dialog()!.close();
}

for (const [name, css] of Object.entries(HOSTILE)) {
  describe(`hostile host CSS: ${name}`, () => {
    beforeEach(() => hostile(css));

    it('keeps the grid: sane columns of equal cards, each whole, nothing overflowing, buttons that work', async () => {
      const grid = await fixture<HwPeopleGrid>(html`<hw-people-grid api=${API} site="acme" job="Engineer"></hw-people-grid>`);
      // Their "Ask" comes once the server said this page may send questions.
      await waitUntil(() => cardsOf(grid).length === 4 && cardsOf(grid).every((card) => card.shadowRoot!.querySelector('[part~="button"]')), 'no cards');

      const list = part(grid.shadowRoot!, 'list');
      const listBox = box(list);
      const cards = cardsOf(grid).map((card) => box(part(card.shadowRoot!, 'card')));
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
      const gap = parseFloat(getComputedStyle(list).columnGap);
      const columns = new Set(cards.map((card) => Math.round(card.left))).size;
      const fit = Math.max(1, Math.floor((listBox.width + gap) / (14 * rem + gap)));
      expect(columns, `columns in ${Math.round(listBox.width)}px at ${rem}px/rem`).to.equal(Math.min(fit, 4));
      for (const card of cards) {
        expect(card.width, 'equal columns').to.be.closeTo(cards[0]!.width, 1);
        expect(card.width, 'at least 14rem or the whole row').to.be.at.least(Math.min(14 * rem, listBox.width) - 1);
        expectInside(card, listBox, 'card in the grid');
      }
      expect(list.scrollWidth, 'the grid overflows').to.be.at.most(list.clientWidth);
      expectWithinWindow(list, 'the grid');
      const heading = box(part(grid.shadowRoot!, 'heading'));
      expectInside(heading, new DOMRect(listBox.left, heading.top, listBox.width, heading.height), 'the heading');

      cardsOf(grid).forEach((card, index) => expectWholeCard(card, `card ${index + 1}`));
      const first = cardsOf(grid)[0]!.shadowRoot!;
      await expectClickOpensDialog(first, part(first, 'button'));
    });

    it('keeps a card alone and a contact button whole and clickable', async () => {
      worker.use(http.get(`${PEOPLE_URL}/a`, () => HttpResponse.json(PEOPLE[0])));
      const wrapper = fixtureSync<HTMLElement>(html`
        <div>
          <hw-person-card api=${API} site="acme" .person=${PEOPLE[0]}></hw-person-card>
          <hw-contact-button api=${API} site="acme" person-id="a"></hw-contact-button>
        </div>
      `);
      const card = wrapper.querySelector<HwPersonCard>('hw-person-card')!;
      const contact = wrapper.querySelector<HwContactButton>('hw-contact-button')!;
      await waitUntil(() => contact.shadowRoot!.querySelector('[part~="button"]') && card.shadowRoot!.querySelector('[part~="button"]'), 'no contact button');

      expectWholeCard(card, 'the card');
      const button = part(contact.shadowRoot!, 'button');
      expectWithinWindow(button, 'the contact button');
      expectReachable(contact.shadowRoot!, button, 'the contact button');
      await expectClickOpensDialog(contact.shadowRoot!, button);
    });
  });
}
