import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { AnswerList, Match, PublicAnswer } from '../../sdk/index.js';
import type { HwErrorEvent } from '../shared/events.js';
import { API, LOAD_WAIT, errorResponse, gate, photos } from '../../../tests/support/browser/test-data.js';
import type { HwQuestions } from './questions.js';
import './questions.js';

const QUESTIONS_URL = `${API}/v1/sites/acme/questions`;

const worker = setupWorker(photos);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

function anAnswer(overrides: Partial<PublicAnswer> = {}): PublicAnswer {
  return {
    id: 'a1',
    question: 'What does a normal day look like?',
    answer: 'Mornings with the team,\nafternoons on the floor.',
    lang: 'en',
    date: '2026-11-02',
    person: { id: 'p1', displayName: 'Marie D.', jobTitle: 'Receptionist', photoUrl: 'https://img.test/p1.svg', hasPhoto: false },
    ...overrides,
  };
}

const aList = (count: number, match: Match = 'job'): AnswerList => ({
  items: Array.from({ length: count }, (_, index) => anAnswer({ id: `a${index + 1}`, question: `Question ${index + 1}?` })),
  match,
});

let requests: URL[] = [];
beforeEach(() => (requests = []));

function serve(list = aList(2), wait?: Promise<void>) {
  worker.use(
    http.get(QUESTIONS_URL, async ({ request }) => {
      requests.push(new URL(request.url));
      await wait;
      return HttpResponse.json(list);
    }),
  );
}

const shadow = (el: HwQuestions) => el.shadowRoot!;
const heading = (el: HwQuestions) => text(shadow(el).querySelector('h2'));
const isLoading = (el: HwQuestions) => !!shadow(el).querySelector('[aria-busy="true"]');
const loaded = (el: HwQuestions) => waitUntil(() => el.hasUpdated && !isLoading(el), 'still loading', LOAD_WAIT);
const part = <T extends HTMLElement = HTMLElement>(el: HwQuestions, name: string) => shadow(el).querySelector<T>(`[part~="${name}"]`)!;
const items = (el: HwQuestions) => [...shadow(el).querySelectorAll<HTMLDetailsElement>('details')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function questions(properties: Partial<HwQuestions> = {}) {
  const el = await fixture<HwQuestions>(Object.assign(document.createElement('hw-questions'), { api: API, site: 'acme', ...properties }));
  await loaded(el);
  return el;
}

describe('hw-questions', () => {
  it('shows a busy skeleton of `limit` placeholders while loading', async () => {
    const response = gate();
    serve(undefined, response.opened);
    const el = await fixture<HwQuestions>(html`<hw-questions api=${API} site="acme" limit="3"></hw-questions>`);
    expect(isLoading(el)).to.be.true;
    expect(text(shadow(el).querySelector('[role="status"]'))).to.equal('Loading questions…');
    expect(shadow(el).querySelectorAll('li.placeholder-item')).to.have.length(3);
    await expect(el).to.be.accessible();
    response.open();
    await loaded(el);
  });

  it('shows each question closed, and its answer with who gave it once opened; asks for the job, team, location and limit', async () => {
    serve();
    const el = await questions({ job: 'Receptionist', team: 'Front Office', location: 'Lyon', limit: 4 });
    expect(Object.fromEntries(requests[0]!.searchParams)).to.deep.equal({ job: 'Receptionist', team: 'Front Office', location: 'Lyon', lang: 'en', limit: '4' });
    expect(heading(el)).to.equal('Questions candidates asked about Receptionist');
    const [first] = items(el);
    expect(items(el)).to.have.length(2);
    expect(first!.open).to.be.false;
    expect(text(first!.querySelector('summary'))).to.equal('A candidate asked Question 1?');
    await expect(el).to.be.accessible();

    first!.querySelector('summary')!.click();
    expect(first!.open).to.be.true;
    expect(first!.querySelector('[part="answer"] .text')!.textContent).to.equal('Mornings with the team,\nafternoons on the floor.');
    expect(text(part(el, 'person'))).to.equal('Answered by Marie D., Receptionist · Nov 2, 2026');
    expect(part(el, 'person').querySelector('time')!.dateTime).to.equal('2026-11-02');
    expect(part<HTMLImageElement>(el, 'photo').alt).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('opens and closes a question from the keyboard', async () => {
    serve();
    const el = await questions();
    const [first, second] = items(el);
    first!.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(first!.open).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(second!.querySelector('summary'));
    await sendKeys({ press: 'Space' });
    expect(second!.open).to.be.true;
    await sendKeys({ press: 'Space' });
    expect(second!.open).to.be.false;
  });

  it('speaks French, and names no job it did not match', async () => {
    serve(aList(1, 'team'));
    const el = await questions({ lang: 'fr', job: 'Réceptionniste' });
    expect(heading(el)).to.equal('Les questions des candidats');
    items(el)[0]!.open = true;
    await el.updateComplete;
    expect(text(items(el)[0]!.querySelector('summary'))).to.equal('Un candidat a demandé Question 1?');
    expect(text(part(el, 'person'))).to.match(/^Réponse de Marie D., Receptionist · 2 nov\. 2026$/);
    await expect(el).to.be.accessible();
  });

  it('marks the question and the answer with the language they were written in', async () => {
    serve({ items: [anAnswer({ lang: 'fr' })], match: 'all' });
    const el = await questions();
    expect(items(el)[0]!.querySelector('summary [lang]')!.getAttribute('lang')).to.equal('fr');
    expect(items(el)[0]!.querySelector('.text')!.getAttribute('lang')).to.equal('fr');
  });

  it('shows the text as text, never as markup', async () => {
    serve({ items: [anAnswer({ question: '<img src=x onerror=alert(1)>?', answer: '<b>bold</b>' })], match: 'all' });
    const el = await questions();
    expect(items(el)[0]!.querySelector('summary img')).to.be.null;
    expect(items(el)[0]!.querySelector('.text')!.textContent).to.equal('<b>bold</b>');
  });

  it('fires hw-load with the count and the match', async () => {
    serve(aList(2, 'location'));
    const el = Object.assign(document.createElement('hw-questions'), { api: API, site: 'acme' });
    const event = oneEvent(el, 'hw-load');
    await fixture(el);
    expect((await event).detail).to.deep.equal({ count: 2, match: 'location' });
  });

  it('says so when there is no question, and hides itself with hide-empty', async () => {
    serve(aList(0, 'all'));
    const el = await questions();
    expect(text(part(el, 'empty'))).to.equal('No question has been answered here yet.');
    await expect(el).to.be.accessible();
    const hidden = await questions({ hideEmpty: true });
    expect(hidden.hidden).to.be.true;
  });

  it('shows an error with "Try again", fires hw-error, and recovers', async () => {
    worker.use(http.get(QUESTIONS_URL, () => errorResponse(400, 'invalid_query'), { once: true }));
    const errors: HwErrorEvent[] = [];
    const el = await fixture<HwQuestions>(html`<hw-questions api=${API} site="acme" @hw-error=${(event: HwErrorEvent) => errors.push(event)}></hw-questions>`);
    await waitUntil(() => errors.length > 0, 'no hw-error', { timeout: 10_000 });
    expect(text(part(el, 'error'))).to.contain('The questions could not be loaded.');
    await expect(el).to.be.accessible();

    serve(aList(1));
    part(el, 'retry').click();
    await waitUntil(() => items(el).length === 1);
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('h2'));
  });
});
