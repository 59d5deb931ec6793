import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse } from 'msw';
import type { AnalyticsFigures, AnalyticsReport } from '../../sdk/admin-schemas.js';
import { errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import { $, alerts, received, route, signedInClient, statuses, texts, until, mockedApi } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminAnalytics } from './analytics.js';
import './analytics.js';

const worker = mockedApi();

const figures = (overrides: Partial<AnalyticsFigures> = {}): AnalyticsFigures => ({
  lists: 0,
  asked: 0,
  confirmed: 0,
  answered: 0,
  declined: 0,
  testimonials: 0,
  medianAnswerHours: null,
  ...overrides,
});

function aReport(from = '2026-W47', to = '2026-W49'): AnalyticsReport {
  return {
    from,
    to,
    weeks: [
      { week: '2026-W47', ...figures({ lists: 120, asked: 6, confirmed: 5, answered: 4, declined: 1, testimonials: 40, medianAnswerHours: 5 }) },
      { week: '2026-W48', ...figures({ lists: 80, asked: 2, confirmed: 2, answered: 1, medianAnswerHours: 30 }) },
      { week: '2026-W49', ...figures() },
    ],
    jobs: [
      { job: 'Warehouse Operator', ...figures({ lists: 150, asked: 7, confirmed: 6, answered: 5, declined: 1, testimonials: 30, medianAnswerHours: 6 }) },
      { job: '', ...figures({ lists: 50, asked: 1, confirmed: 1, testimonials: 10 }) },
    ],
    totals: figures({ lists: 200, asked: 8, confirmed: 7, answered: 5, declined: 1, testimonials: 40, medianAnswerHours: 6 }),
  };
}

const emptyReport = (): AnalyticsReport => ({ ...aReport(), weeks: aReport().weeks.map(({ week }) => ({ week, ...figures() })), jobs: [], totals: figures() });

function serveReports(answer: (query: Record<string, string>) => AnalyticsReport | Response, wait?: Promise<void>) {
  worker.use(
    route('get', 'sites/acme/analytics', async (request) => {
      await wait;
      return answer(Object.fromEntries(new URL(request.url).searchParams));
    }),
  );
}

async function analyticsPage(lang = 'en') {
  const el = await fixture<HwAdminAnalytics>(
    html`<hw-admin-analytics lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['analytics']}></hw-admin-analytics>`,
  );
  await until('the report or a message', () => el.shadowRoot!.querySelector('form, .message'));
  return el;
}

const chartLabels = (el: HwAdminAnalytics) => [...el.shadowRoot!.querySelectorAll('svg[role="img"]')].map((svg) => svg.getAttribute('aria-label'));
/** A table row's cells, `|` between them, found by its first cell. */
const rowOf = (el: HwAdminAnalytics, name: string) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')]
    .map((row) => [...row.children].map((cell) => cell.textContent!.trim()).join('|'))
    .find((row) => row.startsWith(`${name}|`));

describe('hw-admin-analytics', () => {
  it('loads the last weeks, and shows the charts, the numbers per week and per job', async () => {
    const response = gate();
    serveReports(() => aReport(), response.opened);
    const el = await fixture<HwAdminAnalytics>(html`<hw-admin-analytics site="acme" .admin=${signedInClient()}></hw-admin-analytics>`);
    expect(statuses(el)).to.include('Loading…');
    await expect(el).to.be.accessible();
    response.open();
    await until('the charts', () => el.shadowRoot!.querySelector('svg'));

    expect(received[0]!.query).to.deep.equal({});
    expect($<HTMLInputElement>(el, '#from').value).to.equal('2026-W47');
    expect($<HTMLInputElement>(el, '#to').value).to.equal('2026-W49');
    expect(chartLabels(el)).to.deep.equal([
      'Bar chart of the people lists shown per week, from 2026-W47 to 2026-W49: 200 in all, at most 120 in one week. The numbers are in the table below.',
      'Bar chart of the questions per week, from 2026-W47 to 2026-W49: 8 asked, 7 confirmed, 5 answered, 1 declined in all. The numbers are in the table below.',
    ]);
    // Drawn to scale: the busiest week's bar is the tallest, an empty week has none.
    const heights = [...el.shadowRoot!.querySelectorAll('rect.lists')].map((bar) => Number(bar.getAttribute('height')));
    expect(heights[0]).to.be.greaterThan(heights[1]!);
    expect(heights[2]).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('rect.answered').length).to.equal(3);
    expect(rowOf(el, '2026-W48')).to.equal('2026-W48|80|2|2|1|0|0|within 30 h');
    expect(rowOf(el, 'Warehouse Operator')).to.equal('Warehouse Operator|150|7|6|5|1|30|within 6 h');
    expect(rowOf(el, 'No job')).to.equal('No job|50|1|1|0|0|10|—');
    expect(rowOf(el, 'All jobs')).to.equal('All jobs|200|8|7|5|1|40|within 6 h');
    const csv = $<HTMLAnchorElement>(el, 'a[download]');
    expect(csv.textContent).to.equal('Download as CSV');
    expect(csv.href).to.equal(`${location.origin}/v1/admin/sites/acme/analytics.csv?from=2026-W47&to=2026-W49`);
    await expect(el).to.be.accessible();
    $<HTMLDetailsElement>(el, 'details').open = true;
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serveReports(() => aReport());
    const el = await analyticsPage('fr');
    await until('the charts', () => el.shadowRoot!.querySelector('svg'));
    expect(texts(el, 'h2')).to.deep.equal(['Listes de personnes affichées', 'Questions', 'Par poste']);
    expect(chartLabels(el)[1]).to.equal(
      'Histogramme des questions par semaine, de 2026-W47 à 2026-W49\u202f: 8 posées, 7 confirmées, 5 répondues, 1 déclinées en tout. Les chiffres sont dans le tableau ci-dessous.',
    );
    expect(rowOf(el, 'Sans poste')).to.equal('Sans poste|50|1|1|0|0|10|—');
    expect(rowOf(el, 'Tous les postes')).to.equal('Tous les postes|200|8|7|5|1|40|en moins de 6\u00a0h');
    expect($(el, 'a[download]').textContent).to.equal('Télécharger en CSV');
    await expect(el).to.be.accessible();
  });

  it('says when nothing was counted yet', async () => {
    serveReports(() => emptyReport());
    const el = await analyticsPage();
    await until('the message', () => el.shadowRoot!.querySelector('.empty'));
    expect(texts(el, '.empty')).to.deep.equal(['Nothing counted in these weeks yet.']);
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows other weeks from the keyboard, and refuses a range backwards', async () => {
    serveReports((query) => (query.from ? aReport(query.from, query.to) : aReport()));
    const el = await analyticsPage();
    const from = $<HTMLInputElement>(el, '#from');
    from.value = '2026-W40';
    from.focus();
    await sendKeys({ press: 'Enter' });
    await until('the second report', () => received.length === 2);
    expect(received[1]!.query).to.deep.equal({ from: '2026-W40', to: '2026-W49' });
    await until('the new range', () => $<HTMLInputElement>(el, '#from')?.value === '2026-W40');

    $<HTMLInputElement>(el, '#to').value = '2026-W30';
    $<HTMLInputElement>(el, '#to').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(texts(el, '#to-error'), 'by the field, the form kept').to.deep.equal(['Choose two weeks, the first no later than the last.']);
    expect($(el, '#to').getAttribute('aria-describedby')).to.equal('to-error');
    await until('the field focused', () => el.shadowRoot!.activeElement?.id === 'to');
    expect(received.length).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('keeps the form when the server refuses the weeks, and says why by the field', async () => {
    const tooLong = { error: { code: 'invalid_query', message: 'A report covers at most 104 weeks.', field: 'from' } };
    serveReports((query) => (query.from === '2020-W01' ? HttpResponse.json(tooLong, { status: 400 }) : aReport()));
    const el = await analyticsPage();
    $<HTMLInputElement>(el, '#from').value = '2020-W01';
    $<HTMLInputElement>(el, '#from').focus();
    await sendKeys({ press: 'Enter' });
    await until('the refusal', () => texts(el, '#from-error').length);
    expect(texts(el, '#from-error')).to.deep.equal(['A report covers at most 104 weeks: choose a later first week.']);
    expect($<HTMLInputElement>(el, '#from').value, 'the weeks asked for, to correct').to.equal('2020-W01');
    expect(el.shadowRoot!.querySelector('form.range button[type="submit"]')).to.not.equal(null);
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(el, '#from').value = '2026-W40';
    $<HTMLInputElement>(el, '#from').focus();
    await sendKeys({ press: 'Enter' });
    await until('the charts again', () => el.shadowRoot!.querySelector('svg'));
    expect(el.shadowRoot!.querySelector('#from-error')).to.equal(null);
  });

  it('shows a failure, and loads again on Retry', async () => {
    let calls = 0;
    serveReports(() => (++calls === 1 ? errorResponse(500, 'internal') : aReport()));
    const el = await analyticsPage();
    expect(alerts(el).length).to.equal(1);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.message button').click();
    await until('the charts', () => el.shadowRoot!.querySelector('svg'));
  });
});
