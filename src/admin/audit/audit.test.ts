import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AUDIT_ACTIONS, type AuditEntry } from '../../sdk/admin-schemas.js';
import { errorResponse } from '../../../tests/support/browser/test-data.js';
import {
  $,
  alerts,
  anAdminPerson,
  button,
  choose,
  received,
  route,
  signedInClient,
  statuses,
  texts,
  until,
  mockedApi,
} from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminAudit } from './audit.js';
import './audit.js';

const worker = mockedApi();

function aLine(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '3',
    at: '2026-12-03T09:30:00.000Z',
    actor: { kind: 'user', id: 'u1', label: 'hr@acme.test' },
    action: 'person.status',
    site: 'acme',
    target: 'p1',
    details: { status: 'left' },
    ...overrides,
  };
}

const lines = [
  aLine(),
  aLine({ id: '2', action: 'people.import', actor: { kind: 'key', id: 'k1', label: 'Nightly HR sync' }, target: null }),
  aLine({ id: '1', action: 'future.thing', actor: { kind: 'bootstrap', id: null, label: 'bootstrap key' }, site: null, target: null }),
];

/** The log, paged by `size` as the server does (the filters are the server's job: only recorded here). */
function serveLog(items: AuditEntry[], size = 50) {
  worker.use(
    route('get', 'audit', (request) => {
      const query = new URL(request.url).searchParams;
      const start = Number(query.get('cursor') ?? 0);
      return { items: items.slice(start, start + size), nextCursor: start + size < items.length ? String(start + size) : null };
    }),
  );
}

async function auditPage(lang = 'en', scopes = ['audit', 'people']) {
  const el = await fixture<HwAdminAudit>(html`<hw-admin-audit lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${scopes}></hw-admin-audit>`);
  await until('the log or a message', () => el.shadowRoot!.querySelector('table, .message'));
  return el;
}

const cells = (el: HwAdminAudit, id: string) => texts(el, `[data-line="${id}"] th, [data-line="${id}"] td`);
const href = (el: HwAdminAudit, selector: string) => new URL($<HTMLAnchorElement>(el, selector).href);

describe('hw-admin-audit', () => {
  it('lists who did what, where, to whom and when, newest first, in words', async () => {
    serveLog(lines);
    const el = await auditPage();
    expect(texts(el, 'thead th')).to.deep.equal(['When', 'Who', 'What', 'Site', 'Target']);
    expect(cells(el, '3').slice(1)).to.deep.equal(['hr@acme.test (account)', 'Changed a person’s status', 'acme', 'p1']);
    expect(cells(el, '3')[0]).to.match(/Dec 3, 2026/);
    expect(cells(el, '2').slice(1, 3)).to.deep.equal(['Nightly HR sync (API key)', 'Imported people']);
    expect(cells(el, '1').slice(1, 3), 'an action the page does not know shows as is').to.deep.equal(['bootstrap key (bootstrap key)', 'future.thing']);
    expect(statuses(el)).to.include('3 lines shown.');
    expect(received[0]!.query).to.deep.equal({ limit: '50' });
    expect(href(el, '.export').pathname).to.equal('/v1/admin/audit.csv');
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serveLog(lines);
    const el = await auditPage('fr');
    expect(texts(el, 'thead th')).to.deep.equal(['Quand', 'Qui', 'Quoi', 'Site', 'Cible']);
    expect(cells(el, '3').slice(1, 3)).to.deep.equal(['hr@acme.test (compte)', 'A changé le statut d’une personne']);
    expect(cells(el, '3')[0]).to.match(/3 déc\. 2026/);
    expect(texts(el, 'h2')).to.deep.equal(['Exporter le registre de consentements d’une personne']);
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en', 'fr']) {
    it(`names in words (${lang}) every action the server writes, and every family in the filter`, async () => {
      serveLog(AUDIT_ACTIONS.map((action, index) => aLine({ id: String(index + 1), action })));
      const el = await auditPage(lang);
      const named = AUDIT_ACTIONS.map((action, index) => [action, cells(el, String(index + 1))[2]]);
      expect(named.filter(([action, shown]) => shown === action || !shown)).to.deep.equal([]);
      expect(new Set(named.map(([, shown]) => shown)).size, 'no two actions read the same').to.equal(AUDIT_ACTIONS.length);
      const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#action option')].slice(1);
      expect(options.filter((option) => option.textContent!.trim() === option.value)).to.deep.equal([]);
      expect(options.map((option) => option.value)).to.include.members(['scim_token', 'scim_user', 'jobs', 'question', 'sender', 'answer']);
      await expect(el).to.be.accessible();
    });
  }

  it('names an action of a SCIM token as such', async () => {
    serveLog([aLine({ action: 'scim_user.create', actor: { kind: 'scim', id: 't1', label: 'Okta' } })]);
    const el = await auditPage();
    expect(cells(el, '3').slice(1, 3)).to.deep.equal(['Okta (SCIM token)', 'Provisioned a person (SCIM)']);
  });

  it('filters by action, who and days with the keyboard; the CSV link has the same filters', async () => {
    serveLog(lines);
    const el = await auditPage();
    await choose(el, '#action', 'person');
    $<HTMLInputElement>(el, '#actor').focus();
    await sendKeys({ type: 'hr@acme.test' });
    $<HTMLInputElement>(el, '#from').value = '2026-12-01';
    $<HTMLInputElement>(el, '#to').value = '2026-12-03';
    $<HTMLInputElement>(el, '#actor').focus();
    await sendKeys({ press: 'Enter' });
    await until('the filtered request', () => received.length === 2);
    expect(received[1]!.query).to.deep.equal({ action: 'person', actor: 'hr@acme.test', from: '2026-12-01', to: '2026-12-03', limit: '50' });
    await el.updateComplete;
    expect(Object.fromEntries(href(el, '.export').searchParams)).to.deep.equal({ action: 'person', actor: 'hr@acme.test', from: '2026-12-01', to: '2026-12-03' });
  });

  it('says when the log is empty, and when nothing matches', async () => {
    serveLog([]);
    const el = await auditPage();
    expect(texts(el, '.empty')).to.deep.equal(['Nothing in the log yet.']);
    await expect(el).to.be.accessible();
    await choose(el, '#action', 'key');
    button(el, 'Filter').click();
    await until('no match', () => texts(el, '.empty')[0] === 'No line matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('loads more with the cursor and the same filters', async () => {
    serveLog(lines, 2);
    const el = await auditPage();
    expect(statuses(el)).to.include('2 lines shown, more below.');
    button(el, 'Load more').click();
    await until('the next page', () => texts(el, 'tbody tr').length === 3);
    expect(received.at(-1)!.query).to.deep.equal({ limit: '50', cursor: '2' });
    expect(el.shadowRoot!.textContent).not.to.contain('Load more');
    await expect(el).to.be.accessible();
  });

  it('shows a failed load with a retry', async () => {
    worker.use(route('get', 'audit', () => errorResponse(500, 'internal')));
    const el = await auditPage();
    expect(alerts(el)).to.have.length(1);
    expect(button(el, 'Try again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it("finds a person and links to their consent record, and to everyone's", async () => {
    serveLog(lines);
    worker.use(route('get', 'sites/acme/people', () => ({ items: [anAdminPerson()], nextCursor: null })));
    const el = await auditPage();
    expect(href(el, '.all').pathname).to.equal('/v1/admin/sites/acme/consents.csv');
    $<HTMLInputElement>(el, '#consent-q').focus();
    await sendKeys({ type: 'ada' });
    await sendKeys({ press: 'Enter' });
    await until('the person', () => el.shadowRoot!.querySelector('[data-person="p1"]'));
    expect(received.at(-1)!.query).to.deep.equal({ q: 'ada', limit: '20' });
    expect(texts(el, '.found-status'), 'said next to the people found').to.deep.equal(['1 person found.']);
    expect(
      statuses(el).filter((said) => said === '1 person found.'),
      'and said once',
    ).to.have.length(1);
    expect(texts(el, '.status:not(.found-status)').join(''), 'not at the top of the page').to.equal('');
    const link = $<HTMLAnchorElement>(el, '[data-person="p1"] a');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Download the record (CSV) Ada Lovelace');
    expect(`${new URL(link.href).pathname}${new URL(link.href).search}`).to.equal('/v1/admin/sites/acme/consents.csv?person=p1');
    expect(link.hasAttribute('download')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('without the people scope, offers the whole site only', async () => {
    serveLog(lines);
    const el = await auditPage('en', ['audit']);
    expect(el.shadowRoot!.querySelector('#consent-q')).to.equal(null);
    expect(href(el, '.all').pathname).to.equal('/v1/admin/sites/acme/consents.csv');
  });
});
