import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ANALYTICS_MAX_WEEKS, type AnalyticsFigures, type AnalyticsQuery, type AnalyticsReport } from '../../sdk/admin-schemas.js';
import { HttpError } from '../../sdk/errors.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { barChart } from './chart.js';
import styles from './analytics.styles.js';

const STEPS = ['lists', 'asked', 'confirmed', 'answered', 'declined', 'testimonials'] as const;
const STEP_TERMS = {
  lists: 'adAnLists',
  asked: 'adAnAsked',
  confirmed: 'adAnConfirmed',
  answered: 'adAnAnswered',
  declined: 'adAnDeclined',
  testimonials: 'adAnTestimonials',
} as const;
const QUESTION_STEPS = ['asked', 'confirmed', 'answered', 'declined'] as const;

/**
 * @tagname hw-admin-analytics
 * @summary The HR workspace's analytics: for a range of ISO weeks (by default the last 12), the people
 * lists shown and the questions' funnel per week as charts, the same per job as a table, and a CSV.
 * Counts only, made by the server without cookies or personal data.
 */
export class HwAdminAnalytics extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  /** The weeks asked for; empty asks for the server's default. */
  @state() private range: AnalyticsQuery = {};
  /** A range refused, here or by the server: said by its field, the form kept. */
  @state() private rangeError?: { field: 'from' | 'to'; message: string };

  private readonly report = new Loader(this, {
    task: ([admin, site, range]) => admin!.analytics.report(site!, range),
    args: () => [this.admin, this.site, this.range] as const,
  });

  protected override render() {
    return html`
      <p class="muted">${this.localize.term('adAnIntro')}</p>
      ${this.renderFeedback()}
      ${this.report.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: (report) => this.renderReport(report),
        error: (error) => (isRangeRefused(error) ? this.renderRefusedRange(error) : this.renderLoadError(error, () => this.report.run())),
      })}
    `;
  }

  private renderReport(report: AnalyticsReport) {
    const { localize } = this;
    const empty = STEPS.every((step) => report.totals[step] === 0);
    return html`
      ${this.renderRange(report, this.rangeError, report)}
      ${
        empty
          ? html`<p class="message empty">${localize.term('adAnEmpty')}</p>`
          : html`
            <div class="charts">${this.renderListsChart(report)} ${this.renderQuestionsChart(report)}</div>
            <details>
              <summary>${localize.term('adAnPerWeek')}</summary>
              <div class="numbers" role="region" aria-label=${localize.term('adAnPerWeek')} tabindex="0">
                ${this.renderTable(
                  localize.term('adAnWeek'),
                  report.weeks.map((week) => [week.week, week]),
                  '',
                )}
              </div>
            </details>
            <h2>${localize.term('adAnByJob')}</h2>
            <div>
              ${this.renderTable(localize.term('adAnJob'), [
                ...report.jobs.map((job) => [job.job || localize.term('adAnNoJob'), job] as const),
                [localize.term('adAnAllJobs'), report.totals] as const,
              ])}
            </div>
            <p class="muted">${localize.term('adAnMedianNote')}</p>
          `
      }
    `;
  }

  /** The server refused the weeks asked for: the form stays, with the reason by the field. */
  private renderRefusedRange(error: HttpError) {
    const { from = '', to = '' } = this.range;
    // Backwards ranges never leave the page: a range refused in order is one too long (or a week the year lacks).
    const tooLong = error.field === 'from' && from !== '' && from <= to;
    const message = tooLong ? this.localize.term('adWsAnRangeTooLong', ANALYTICS_MAX_WEEKS) : this.localize.term('adAnRangeError');
    return this.renderRange({ from, to }, this.rangeError ?? { field: error.field === 'to' ? 'to' : 'from', message });
  }

  private renderRange(weeks: { from: string; to: string }, refused = this.rangeError, csvOf?: AnalyticsReport) {
    const { localize } = this;
    const field = (name: 'from' | 'to', label: string) => {
      const invalid = refused?.field === name;
      return html`<div class="field">
        <label for=${name}>${label}</label>
        <input id=${name} name=${name} type="week" required .value=${weeks[name]} aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${name}-error` : nothing} />
        ${invalid ? html`<p id=${`${name}-error`} class="error">${refused.message}</p>` : nothing}
      </div>`;
    };
    return html`
      <form class="range" novalidate @submit=${this.showRange}>
        ${field('from', localize.term('adAnFrom'))} ${field('to', localize.term('adAnTo'))}
        <div class="actions">
          <button type="submit">${localize.term('adAnShow')}</button>
          ${csvOf ? html`<a href=${this.admin!.analytics.csvUrl(this.site!, { from: csvOf.from, to: csvOf.to })} download>${localize.term('adAnCsv')}</a>` : nothing}
        </div>
      </form>
    `;
  }

  private renderListsChart({ weeks, from, to, totals }: AnalyticsReport) {
    const { localize } = this;
    const values = weeks.map((week) => week.lists);
    return html`<section>
      <h2>${localize.term('adAnListsTitle')}</h2>
      ${barChart({
        label: localize.term('adAnListsSummary', from, to, totals.lists, Math.max(...values)),
        weeks: weeks.map((week) => week.week),
        series: [{ name: localize.term('adAnLists'), className: 'lists', values }],
      })}
    </section>`;
  }

  private renderQuestionsChart({ weeks, from, to, totals }: AnalyticsReport) {
    const { localize } = this;
    return html`<section>
      <h2>${localize.term('adAnQuestionsTitle')}</h2>
      ${barChart({
        label: localize.term('adAnQuestionsSummary', from, to, totals.asked, totals.confirmed, totals.answered, totals.declined),
        weeks: weeks.map((week) => week.week),
        series: QUESTION_STEPS.map((step) => ({ name: localize.term(STEP_TERMS[step]), className: step, values: weeks.map((week) => week[step]) })),
      })}
    </section>`;
  }

  /** `layout` "cards" makes each row a card at phone width; else the table scrolls sideways in its region. */
  private renderTable(first: string, rows: (readonly [string, AnalyticsFigures])[], layout = 'cards') {
    const { localize } = this;
    const median = localize.term('adAnMedian');
    return html`
      <table class=${layout}>
        <thead>
          <tr>
            <th scope="col">${first}</th>
            ${STEPS.map((step) => html`<th scope="col" class="number">${localize.term(STEP_TERMS[step])}</th>`)}
            <th scope="col" class="number">${median}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([name, figures]) => html`<tr>
              <th scope="row" class="primary">${name}</th>
              ${STEPS.map((step) => html`<td class="number" data-label=${localize.term(STEP_TERMS[step])}>${figures[step]}</td>`)}
              <td class="number" data-label=${median}>${localize.term('adAnHours', figures.medianAnswerHours)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private readonly showRange = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const [from, to] = (['from', 'to'] as const).map((name) => (form.elements.namedItem(name) as HTMLInputElement).value);
    this.rangeError = !from || !to || from > to ? { field: from ? 'to' : 'from', message: this.localize.term('adAnRangeError') } : undefined;
    if (this.rangeError) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    this.range = { from, to };
  };
}

/** The server's 400 for weeks it will not report on (backwards, too many, no such week). */
const isRangeRefused = (error: unknown): error is HttpError => error instanceof HttpError && error.code === 'invalid_query';

define('hw-admin-analytics', HwAdminAnalytics);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-analytics': HwAdminAnalytics;
  }
}
