import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ModeratedAnswer } from '../../sdk/answer-schemas.js';
import { button, received, route, signedInClient, statuses, texts, until, mockedApi } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminAnswers } from './answers.js';
import './answers.js';

const worker = mockedApi();

const anAnswer = (overrides: Partial<ModeratedAnswer> = {}): ModeratedAnswer => ({
  id: 'a1',
  employee: 'Ada Lovelace',
  jobTitle: 'Data Engineer',
  question: 'What is a normal day like?',
  answer: 'Mornings with the team.',
  candidate: 'agreed',
  moderation: 'pending',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

function serveQueue(items: ModeratedAnswer[]) {
  let queue = items;
  const decide = (id: string, moderation: ModeratedAnswer['moderation']) => {
    queue = queue.map((item) => (item.id === id ? { ...item, moderation } : item));
    return { answer: queue.find((item) => item.id === id)! };
  };
  worker.use(
    route('get', 'sites/acme/answers', () => ({ items: queue })),
    route('post', 'sites/acme/answers/:id/approve', (_request, { id }) => decide(id!, 'approved')),
    route('post', 'sites/acme/answers/:id/reject', (_request, { id }) => decide(id!, 'rejected')),
  );
}

async function answersPage(lang = 'en') {
  const el = await fixture<HwAdminAnswers>(html`<hw-admin-answers lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['moderation']}></hw-admin-answers>`);
  await until('the queue or a message', () => el.shadowRoot!.querySelector('.queue, .message'));
  return el;
}

describe('hw-admin-answers', () => {
  it('shows each answer as candidates will read it, who gave it, and whether the candidate agreed', async () => {
    serveQueue([anAnswer(), anAnswer({ id: 'a2', employee: 'Grace Hopper', candidate: 'pending' })]);
    const el = await answersPage();
    expect(texts(el, 'blockquote')).to.deep.equal(['What is a normal day like?', 'What is a normal day like?']);
    expect(texts(el, '.by')).to.deep.equal(['Answer by Ada Lovelace, Data Engineer', 'Answer by Grace Hopper, Data Engineer']);
    expect(texts(el, '.consent')).to.deep.equal(['The candidate agreed.', 'The candidate has not agreed yet.']);
    await expect(el).to.be.accessible();
  });

  it('approves from the keyboard, and says so', async () => {
    serveQueue([anAnswer()]);
    const el = await answersPage();
    button(el, 'Approve Ada Lovelace').focus();
    await sendKeys({ press: 'Enter' });
    await until('approved', () => texts(el, '.state')[0] === 'Approved');
    expect(received.at(-1)).to.include({ method: 'POST', path: '/v1/admin/sites/acme/answers/a1/approve' });
    expect(statuses(el)).to.include('Approved the answer by Ada Lovelace.');
    expect(() => button(el, 'Approve Ada Lovelace')).to.throw();
    await expect(el).to.be.accessible();
  });

  it('rejects, in French', async () => {
    serveQueue([anAnswer()]);
    const el = await answersPage('fr');
    expect(texts(el, '.state')).to.deep.equal(['En attente de modération']);
    button(el, 'Refuser Ada Lovelace').click();
    await until('rejected', () => texts(el, '.state')[0] === 'Non approuvée');
    expect(statuses(el)).to.include('Réponse de Ada Lovelace non approuvée.');
    await expect(el).to.be.accessible();
  });

  it('says when there is nothing to moderate', async () => {
    serveQueue([]);
    const el = await answersPage();
    expect(texts(el, '.message')).to.deep.equal(['No answer is waiting or published.']);
    await expect(el).to.be.accessible();
  });
});
