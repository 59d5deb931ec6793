import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { GroupCount, JobCoverage, SiteOverview } from '../../sdk/admin-schemas.js';
import { isHttpError, type HttpError } from '../../sdk/errors.js';
import { JobListRefusedError } from '../../sdk/admin-client.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { barChart, type Bar } from './bar-chart.js';
import styles from './overview.styles.js';

/** A chart shows this many teams or locations, the most people first; its table shows them all. */
const CHART_GROUPS = 8;

/**
 * @tagname hw-admin-overview
 * @summary The HR workspace's home: coverage where it matters. Headline numbers, the open jobs
 * nobody who opted in can talk about (as the careers page's matching sees it), people by team and
 * location and invitations sent vs accepted as charts with their numbers, testimonials waiting, and
 * the form that uploads the site's job list.
 */
export class HwAdminOverview extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  /** Where the workspace lives, for links to its other pages. Default `/admin`. */
  @property() base = '/admin';

  @state() private fileInvalid = false;

  private readonly overview = new Loader(this, {
    task: ([admin, site]) => admin!.overview(site!),
    args: () => [this.admin, this.site] as const,
  });

  protected override render() {
    return html`
      ${this.renderFeedback()}
      ${this.overview.render({
        initial: () => this.renderLoading(),
        pending: () => (this.overview.value ? this.renderOverview(this.overview.value) : this.renderLoading()),
        complete: (overview) => this.renderOverview(overview),
        error: (error) => this.renderLoadError(error, () => this.overview.run()),
      })}
    `;
  }

  private renderOverview(overview: SiteOverview) {
    const nobody = overview.jobs.filter((job) => job.listed === 0);
    return html`
      ${this.renderHeadline(overview, nobody.length)}
      ${overview.jobs.length === 0 ? this.renderNoJobs() : this.renderJobs(overview.jobs, nobody)}
      ${this.renderCharts(overview)}
      ${overview.jobs.length === 0 ? nothing : this.renderUpload(overview)}
    `;
  }

  private renderHeadline(overview: SiteOverview, nobody: number) {
    const { localize } = this;
    const figure = (label: string, value: string | number, extra: unknown = nothing) => html`<div><dt>${label}</dt><dd>${value}${extra}</dd></div>`;
    return html`<dl class="headline">
      ${overview.jobs.length ? figure(localize.term('adOvOpenJobs'), overview.jobs.length) : nothing}
      ${overview.jobs.length ? figure(localize.term('adOvNobodyCount'), nobody) : nothing}
      ${figure(localize.term('adOvListed'), localize.term('adOvOf', overview.people.listed, overview.people.total))}
      ${figure(localize.term('adOvContactable'), overview.people.contactable)}
      ${figure(
        localize.term('adOvPending'),
        overview.pendingTestimonials,
        overview.pendingTestimonials && this.scopes.includes('moderation') ? html` <a href=${this.link('testimonials')}>${localize.term('adOvModerate')}</a>` : nothing,
      )}
    </dl>`;
  }

  private renderJobs(jobs: JobCoverage[], nobody: JobCoverage[]) {
    const { localize } = this;
    return html`
      <section aria-labelledby="nobody-title">
        <h2 id="nobody-title">${localize.term('adOvNobodyTitle')}</h2>
        ${
          nobody.length === 0
            ? html`<p class="message covered">${localize.term('adOvAllCovered')}</p>`
            : html`<p class="hint">${localize.term('adOvNobodyHint')}</p>
              <ul class="nobody" role="list">
                ${nobody.map((job) => html`<li>${this.renderNobodyJob(job)}</li>`)}
              </ul>`
        }
        <details>
          <summary>${localize.term('adOvAllJobs', jobs.length)}</summary>
          ${this.renderJobTable(jobs)}
        </details>
      </section>
    `;
  }

  private renderNobodyJob(job: JobCoverage) {
    const { localize } = this;
    const where = [job.team, job.location].filter(Boolean).join(' · ');
    return html`
      <p class="job">${job.url ? html`<a href=${job.url} target="_blank" rel="noopener">${job.title}</a>` : job.title}</p>
      ${where ? html`<p class="muted">${where}</p>` : nothing}
      <p class="hint">${localize.term('adOvInstead', job.match)}</p>
      ${job.team && this.scopes.includes('people') ? html`<p><a href=${this.link('people', job.team)}>${localize.term('adOvTeamPeople', job.team)}</a></p>` : nothing}
    `;
  }

  private renderJobTable(jobs: JobCoverage[]) {
    const { localize } = this;
    return html`<table class="cards">
      <thead>
        <tr>
          <th scope="col">${localize.term('adOvJob')}</th>
          <th scope="col">${localize.term('adOvTeam')}</th>
          <th scope="col">${localize.term('adOvLocation')}</th>
          <th scope="col">${localize.term('adOvInJob')}</th>
          <th scope="col">${localize.term('adOvContactable')}</th>
        </tr>
      </thead>
      <tbody>
        ${jobs.map(
          (job) => html`<tr>
            <td class="primary">${job.title}</td>
            <td data-label=${localize.term('adOvTeam')}>${job.team ?? ''}</td>
            <td data-label=${localize.term('adOvLocation')}>${job.location ?? ''}</td>
            <td data-label=${localize.term('adOvInJob')}>${job.listed}</td>
            <td data-label=${localize.term('adOvContactable')}>${job.contactable}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderCharts(overview: SiteOverview) {
    const { localize } = this;
    const invitations = [{ label: localize.term('adOvInvitations'), total: overview.invitations.sent, part: overview.invitations.accepted }];
    return html`
      <div class="charts">
        ${this.renderGroupChart('teams', localize.term('adOvByTeam'), overview.teams, localize.term('adOvNoTeam'))}
        ${this.renderGroupChart('locations', localize.term('adOvByLocation'), overview.locations, localize.term('adOvNoLocation'))}
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">${localize.term('adOvInvitations')}</h2>
          ${this.renderLegend(localize.term('adOvSent'), localize.term('adOvAccepted'))}
          ${barChart(localize.term('adOvInvitationsSummary', overview.invitations.sent, overview.invitations.accepted), invitations)}
        </section>
      </div>
    `;
  }

  private renderGroupChart(id: string, title: string, groups: GroupCount[], unnamed: string) {
    const { localize } = this;
    const bars: Bar[] = groups.map((group) => ({ label: group.name ?? unnamed, total: group.people, part: group.listed }));
    const shown = bars.slice(0, CHART_GROUPS);
    const summary = shown.map((bar) => localize.term('adOvGroupPart', bar.label, bar.total, bar.part)).join(', ');
    return html`<section aria-labelledby="${id}-title">
      <h2 id="${id}-title">${title}</h2>
      ${
        bars.length === 0
          ? html`<p class="muted">${localize.term('adOvNoPeople')}</p>`
          : html`${this.renderLegend(localize.term('adOvPeople'), localize.term('adOvListedShort'))}
            ${barChart(`${title}: ${summary}${bars.length > shown.length ? '…' : ''}`, shown)}
            <details>
              <summary>${localize.term('adOvTheNumbers')}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">${title}</th>
                    <th scope="col">${localize.term('adOvPeople')}</th>
                    <th scope="col">${localize.term('adOvListedShort')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${bars.map((bar) => html`<tr><td>${bar.label}</td><td>${bar.total}</td><td>${bar.part}</td></tr>`)}
                </tbody>
              </table>
            </details>`
      }
    </section>`;
  }

  private renderLegend(total: string, part: string) {
    return html`<p class="legend" aria-hidden="true"><span class="swatch total"></span>${total} <span class="swatch part"></span>${part}</p>`;
  }

  private renderNoJobs() {
    const { localize } = this;
    return html`<section aria-labelledby="upload-title" class="no-jobs">
      <h2 id="upload-title">${localize.term('adOvNoJobs')}</h2>
      <p>${localize.term('adOvNoJobsHint')}</p>
      ${this.renderUploadForm()}
    </section>`;
  }

  private renderUpload(overview: SiteOverview) {
    const { localize } = this;
    return html`<section aria-labelledby="upload-title">
      <h2 id="upload-title">${localize.term('adOvReplace')}</h2>
      ${overview.jobsUpdatedAt ? html`<p class="hint">${localize.term(overview.jobsSource === 'feed' ? 'adFeedOvFrom' : 'adOvUpdatedAt', this.date(overview.jobsUpdatedAt))}</p>` : nothing}
      ${this.renderUploadForm()}
    </section>`;
  }

  private renderUploadForm() {
    const { localize } = this;
    if (!this.scopes.includes('people')) return nothing;
    const describedBy = this.fileInvalid ? 'file-hint file-error' : 'file-hint';
    return html`<form class="upload" novalidate @submit=${this.upload}>
      <div class="field">
        <label for="file">${localize.term('adOvFile')}</label>
        <p id="file-hint" class="hint">${localize.term('adOvFileHint')}</p>
        <input id="file" name="file" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby=${describedBy}
          aria-invalid=${this.fileInvalid ? 'true' : 'false'} @change=${() => (this.fileInvalid = false)} />
        ${this.fileInvalid ? html`<p id="file-error" class="error">${localize.term('adOvFileRequired')}</p>` : nothing}
      </div>
      <div class="actions"><button type="submit">${localize.term('adOvUpload')}</button></div>
    </form>`;
  }

  private readonly upload = async (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#file')!;
    const file = input.files?.[0];
    this.fileInvalid = !file;
    if (!file) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#file')?.focus();
      return;
    }
    const isJson = file.type === 'application/json' || file.name.toLowerCase().endsWith('.json');
    await this.act(async () => {
      try {
        const { jobs } = await this.admin!.replaceJobs(this.site!, { type: isJson ? 'application/json' : 'text/csv', body: file });
        this.overview.run();
        return this.localize.term('adOvUploaded', jobs);
      } catch (error) {
        if (!isHttpError(error) || (error.status !== 400 && error.status !== 413 && error.status !== 415)) throw error;
        this.failure = this.localize.term('adOvRefused', this.refusalReason(error));
        return '';
      }
    });
  };

  /** Why the list was refused, in the page's language when the server named a code this page knows; else its English message. */
  private refusalReason(error: HttpError): string {
    if (!(error instanceof JobListRefusedError)) return error.message;
    const { line, field, code, params = {} } = error.problem;
    const reason = this.localize.term('adJlProblem', code, params);
    if (!reason) return error.message;
    return [line === undefined ? '' : this.localize.term('adJlLine', line), field && field !== 'row' && field !== 'body' ? `${field}: ` : '', reason].join('');
  }

  /** Another page of the workspace, for this site; the People page searched for `q`. */
  private link(page: string, q?: string): string {
    const query = new URLSearchParams({ site: this.site ?? '', ...(q ? { q } : {}) });
    return `${this.base}/${page}?${query}`;
  }
}

define('hw-admin-overview', HwAdminOverview);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-overview': HwAdminOverview;
  }
}
