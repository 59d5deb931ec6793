import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SafetyOverview, SafetyQuestion } from '../../sdk/admin-schemas.js';
import { errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import { $, alerts, button, focused, mockedApi, received, route, signedInClient, statuses, texts, type, until } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminReports } from './reports.js';
import './reports.js';

const worker = mockedApi();

const aQuestion = (overrides: Partial<SafetyQuestion> = {}): SafetyQuestion => ({
  id: 'q1',
  candidateName: 'Casey Doe',
  senderDomain: 'acme-recruiting.example',
  message: 'See www.casey.example for my CV',
  job: null,
  to: 'Ana L.',
  askedAt: '2026-12-01T09:00:00.000Z',
  senderBlocked: false,
  ...overrides,
});

const full: SafetyOverview = {
  held: [{ question: aQuestion(), holdReasons: ['link', 'phone'] }],
  reports: [
    {
      question: aQuestion({ id: 'q2', candidateName: 'Rex Rude', message: 'You are all useless', senderBlocked: true }),
      reason: 'abusive',
      reportedAt: '2026-12-02T09:00:00.000Z',
    },
  ],
  blocks: [
    { id: 'b1', kind: 'address', domain: null, candidateName: 'Rex Rude', source: 'employee', createdAt: '2026-12-02T10:00:00.000Z' },
    { id: 'b2', kind: 'domain', domain: 'fishing.example', candidateName: null, source: 'reports', createdAt: '2026-11-20T10:00:00.000Z' },
  ],
};
const empty: SafetyOverview = { held: [], reports: [], blocks: [] };

/** The lists as the server holds them; each action answers, then the page reads `after` (or the same lists). */
function serve(overview: SafetyOverview, { wait, after }: { wait?: Promise<void>; after?: SafetyOverview } = {}) {
  let current = overview;
  const acted = () => (current = after ?? current);
  worker.use(
    route('get', 'sites/acme/safety', async () => (await wait, current)),
    route('post', 'sites/acme/safety/held/:id/release', () => (acted(), { status: 'confirmed' })),
    route('post', 'sites/acme/safety/held/:id/reject', () => (acted(), { status: 'refused_unavailable' })),
    route('post', 'sites/acme/safety/blocks', () => (acted(), new Response('{"blocked":"domain"}', { status: 201, headers: { 'Content-Type': 'application/json' } }))),
    route('delete', 'sites/acme/safety/blocks/:id', () => (acted(), new Response(null, { status: 204 }))),
  );
}

async function reportsPage(lang = 'en') {
  const el = await fixture<HwAdminReports>(html`<hw-admin-reports lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['moderation']}></hw-admin-reports>`);
  await until('the lists or a message', () => el.shadowRoot!.querySelector('#held-heading, .message'));
  return el;
}

describe('hw-admin-reports', () => {
  it('lists held questions, reports and blocked senders, never an address', async () => {
    const response = gate();
    serve(full, { wait: response.opened });
    const el = await fixture<HwAdminReports>(html`<hw-admin-reports site="acme" .admin=${signedInClient()}></hw-admin-reports>`);
    expect(statuses(el)).to.include('Loading…');
    await expect(el).to.be.accessible();
    response.open();
    await until('the lists', () => el.shadowRoot!.querySelector('#held-heading'));

    expect(texts(el, 'h2')).to.deep.equal(['Held questions (1)', 'Reports (1)', 'Blocked senders (2)']);
    expect(texts(el, '[data-question="q1"] .why')).to.deep.equal(['Held for: a link, a phone number']);
    expect(texts(el, '[data-question="q1"] .about')).to.deep.equal(['From Casey Doe (acme-recruiting.example) to Ana L., Dec 1, 2026']);
    expect(texts(el, '[data-question="q1"] blockquote')).to.deep.equal(['See www.casey.example for my CV']);
    expect(texts(el, '[data-question="q1"] button')).to.deep.equal(['Release Casey Doe', 'Reject Casey Doe', 'Block the sender Casey Doe']);
    expect(texts(el, '[data-question="q2"] .why')).to.deep.equal(['Abusive, reported on Dec 2, 2026']);
    expect(texts(el, '[data-question="q2"] .badge')).to.deep.equal(['Sender blocked']);
    expect(texts(el, '[data-question="q2"] button')).to.deep.equal(['Block acme-recruiting.example']);
    expect(texts(el, '[data-block] > span')).to.deep.equal([
      'The address of Rex Rude (by an employee, Dec 2, 2026)',
      'Every address at fishing.example (after repeated reports, Nov 20, 2026)',
    ]);
    expect(el.shadowRoot!.textContent).not.to.include('@');
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serve(full);
    const el = await reportsPage('fr');
    expect(texts(el, 'h2')).to.deep.equal(['Questions retenues (1)', 'Signalements (1)', 'Expéditeurs bloqués (2)']);
    expect(texts(el, '[data-question="q1"] .why')).to.deep.equal(['Retenue pour\u202f: un lien, un numéro de téléphone']);
    expect(texts(el, '[data-question="q1"] button')).to.deep.equal(['Libérer Casey Doe', 'Refuser Casey Doe', 'Bloquer l’expéditeur Casey Doe']);
    expect(texts(el, '[data-question="q2"] .why')[0]).to.match(/^Abusive, signalée le 2 déc\.? 2026$/);
    await expect(el).to.be.accessible();
  });

  it('releases a held question from the keyboard, says so and reads the lists again', async () => {
    serve(full, { after: { ...full, held: [] } });
    const el = await reportsPage();
    button(el, 'Release Casey Doe').focus();
    await sendKeys({ press: 'Enter' });
    await until('the announcement', () => statuses(el).includes('The question from Casey Doe was released.'));
    expect(received.find((request) => request.method === 'POST')).to.include({ path: '/v1/admin/sites/acme/safety/held/q1/release', csrf: 'csrf-token-of-the-session' });
    await until('the list read again', () => texts(el, 'h2')[0] === 'Held questions (0)');
    expect(texts(el, '#held-heading + p')).to.deep.equal(['No question is waiting.']);
    await until('the focus on the announcement', () => el.shadowRoot!.activeElement?.classList.contains('status'));
    await expect(el).to.be.accessible();
  });

  it('rejects, blocks a sender and unblocks', async () => {
    serve(full);
    const el = await reportsPage();
    button(el, 'Reject Casey Doe').click();
    await until('rejected', () => statuses(el).includes('The question from Casey Doe was rejected; the candidate was told, kindly.'));
    button(el, 'Block the sender Casey Doe').click();
    await until('blocked', () => statuses(el).includes('The sender of the question from Casey Doe is blocked.'));
    expect(received.filter((request) => request.method === 'POST').at(-1)!.body).to.deep.equal({ request: 'q1' });
    button(el, 'Unblock Every address at fishing.example').click();
    await until('unblocked', () => statuses(el).includes('The block was lifted.'));
    expect(received.filter((request) => request.method === 'DELETE').map((request) => request.path)).to.deep.equal(['/v1/admin/sites/acme/safety/blocks/b2']);
  });

  it('blocks a domain typed in, after checking it', async () => {
    serve(empty);
    const el = await reportsPage();
    expect(texts(el, '.muted')).to.deep.equal(['No question is waiting.', 'No question was reported.', 'Nobody is blocked.']);
    await expect(el).to.be.accessible();

    await type(el, '#domain', 'not a domain');
    button(el, 'Block a domain').click();
    await until('the error', () => texts(el, '#domain-error').length);
    expect(texts(el, '#domain-error')).to.deep.equal(['Enter a domain such as acme-recruiting.com.']);
    expect(focused(el)).to.equal('domain');
    expect($(el, '#domain').getAttribute('aria-invalid')).to.equal('true');
    expect(received.filter((request) => request.method === 'POST')).to.be.empty;
    await expect(el).to.be.accessible();

    await type(el, '#domain', ' Spam-Corp.example ');
    await sendKeys({ press: 'Enter' });
    await until('blocked', () => statuses(el).includes('Every address at spam-corp.example is blocked.'));
    expect(received.find((request) => request.method === 'POST')!.body).to.deep.equal({ domain: 'spam-corp.example' });
    expect($<HTMLInputElement>(el, '#domain').value).to.equal('');
  });

  it('says why a load or an action failed', async () => {
    worker.use(route('get', 'sites/acme/safety', () => errorResponse(403, 'forbidden')));
    const forbidden = await reportsPage();
    expect(alerts(forbidden)).to.deep.equal(['Your role does not allow this.']);
    await expect(forbidden).to.be.accessible();

    serve(full);
    worker.use(route('post', 'sites/acme/safety/blocks', () => errorResponse(422, 'invalid_body')));
    const el = await reportsPage();
    button(el, 'Block acme-recruiting.example').click();
    await until('the error', () => alerts(el).length);
    expect(alerts(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
