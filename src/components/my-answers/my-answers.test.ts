import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { MyAnswer, MyAnswers, Publication } from '../../sdk/answer-schemas.js';
import { API } from '../../../tests/support/browser/test-data.js';
import type { HwMyAnswers } from './my-answers.js';
import './my-answers.js';

const ANSWERS_URL = `${API}/v1/me/answers`;

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

const anAnswer = (publication: Publication | null = null): MyAnswer => ({
  request: 'r1',
  question: 'Hi, I am Jane from Lyon. What is a normal day like?',
  answer: 'Mornings with the team.',
  answeredAt: '2026-11-02T10:00:00.000Z',
  publication,
});

const aPublication = (overrides: Partial<Publication> = {}): Publication => ({
  id: 'pub1',
  question: 'What is a normal day like?',
  answer: 'Mornings with the team.',
  candidate: 'pending',
  moderation: 'pending',
  withdrawn: false,
  public: false,
  ...overrides,
});

let posted: { url: string; body: unknown }[] = [];
beforeEach(() => (posted = []));

function serve(list: MyAnswers, after: MyAnswers = list) {
  worker.use(
    http.get(ANSWERS_URL, () => HttpResponse.json(list)),
    http.post(`${ANSWERS_URL}/*`, async ({ request }) => {
      posted.push({ url: request.url, body: request.headers.get('Content-Type') ? await request.json() : undefined });
      return HttpResponse.json(after);
    }),
  );
}

const shadow = (el: HwMyAnswers) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const buttons = (el: HwMyAnswers) => [...shadow(el).querySelectorAll('button')].map(text);
const button = (el: HwMyAnswers, label: string) => [...shadow(el).querySelectorAll('button')].find((each) => text(each) === label)!;
const state = (el: HwMyAnswers) => text(shadow(el).querySelector('.state'));

async function myAnswers(list: MyAnswers, after?: MyAnswers, lang = 'en') {
  serve(list, after);
  const el = await fixture<HwMyAnswers>(html`<hw-my-answers api=${API} lang=${lang}></hw-my-answers>`);
  await waitUntil(() => el.hasUpdated && (list.items.length === 0 || shadow(el).querySelector('article')), 'never loaded');
  return el;
}

describe('hw-my-answers', () => {
  it('shows nothing without an answered question', async () => {
    const el = await myAnswers({ items: [] });
    await el.updateComplete;
    expect(shadow(el).querySelector('section')).to.be.null;
  });

  it('publishes with the wording the employee edited, and says the candidate was asked', async () => {
    const el = await myAnswers({ items: [anAnswer()] }, { items: [anAnswer(aPublication())] });
    expect(text(shadow(el).querySelector('h2'))).to.equal('Your answers');
    expect(buttons(el)).to.deep.equal(['Publish this answer']);
    await expect(el).to.be.accessible();

    button(el, 'Publish this answer').click();
    await el.updateComplete;
    const question = shadow(el).querySelector<HTMLTextAreaElement>('textarea[name="question"]')!;
    expect(shadow(el).activeElement).to.equal(question);
    expect(question.value).to.equal('Hi, I am Jane from Lyon. What is a normal day like?');
    await expect(el).to.be.accessible();

    question.value = '';
    button(el, 'Ask the candidate').click();
    await el.updateComplete;
    expect(question.getAttribute('aria-invalid')).to.equal('true');
    expect(text(shadow(el).querySelector('.field .error'))).to.equal('This cannot be empty.');
    expect(posted).to.have.length(0);
    await expect(el).to.be.accessible();

    question.value = 'What is a normal day like?';
    button(el, 'Ask the candidate').click();
    await waitUntil(() => posted.length === 1 && !shadow(el).querySelector('form'));
    expect(posted[0]).to.deep.equal({ url: `${ANSWERS_URL}/r1/publish`, body: { question: 'What is a normal day like?', answer: 'Mornings with the team.' } });
    expect(state(el)).to.equal('Waiting for the candidate to agree.');
    expect(text(shadow(el).querySelector('[role="status"]'))).to.equal('The candidate has been asked by e-mail.');
    expect(shadow(el).activeElement).to.equal(button(el, 'Withdraw'));
  });

  it('withdraws in one click', async () => {
    const published = aPublication({ candidate: 'agreed', moderation: 'approved', public: true });
    const el = await myAnswers({ items: [anAnswer(published)] }, { items: [anAnswer({ ...published, withdrawn: true, public: false })] });
    expect(state(el)).to.equal('Published: candidates can read it.');
    button(el, 'Withdraw').click();
    await waitUntil(() => posted.length === 1 && state(el) === 'Withdrawn: candidates no longer see it.');
    expect(posted[0]!.url).to.equal(`${ANSWERS_URL}/published/pub1/withdraw`);
    expect(buttons(el)).to.deep.equal(['Publish it again']);
    await expect(el).to.be.accessible();
  });

  it('offers nothing more once the candidate said no thanks', async () => {
    const el = await myAnswers({ items: [anAnswer(aPublication({ candidate: 'declined' }))] });
    expect(state(el)).to.equal('The candidate preferred not to publish it.');
    expect(buttons(el)).to.deep.equal([]);
  });

  it('works from the keyboard: Enter opens the form, Cancel gives the focus back', async () => {
    const el = await myAnswers({ items: [anAnswer()] });
    button(el, 'Publish this answer').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('question');
    button(el, 'Cancel').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('form')).to.be.null;
    expect(shadow(el).activeElement).to.equal(button(el, 'Publish this answer'));
  });

  it('speaks French', async () => {
    const el = await myAnswers({ items: [anAnswer(aPublication({ candidate: 'agreed' }))] }, undefined, 'fr');
    expect(text(shadow(el).querySelector('h2'))).to.equal('Vos réponses');
    expect(state(el)).to.equal('Le candidat est d’accord ; en attente d’un modérateur.');
    expect(buttons(el)).to.deep.equal(['Retirer']);
    await expect(el).to.be.accessible();
  });
});
