import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ImportRefusedError, type PeopleFile } from '../../sdk/admin-client.js';
import {
  IMPORT_MAX_BYTES,
  type ImportPreview,
  type ImportPreviewMissing,
  type ImportPreviewRow,
  type ImportPreviewUpdate,
  type ImportProblem,
  type ImportReport,
} from '../../sdk/admin-schemas.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import styles from './people-import.styles.js';

const MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;
const TABS = ['created', 'updated', 'unchanged', 'missing', 'problems'] as const;
type Tab = (typeof TABS)[number];

interface Upload {
  name: string;
  sent: number;
  total: number;
}

/**
 * @tagname hw-admin-people-import
 * @summary The HR workspace's people import (`/admin/people/import`): choose or drop a CSV or JSON
 * file; it goes up with a progress bar and comes back as a preview (new, updated with old → new,
 * unchanged, employees the file does not name, problems by line), written nowhere. "Apply" imports
 * it; the report follows, with a button to mark each employee the file left out as gone.
 */
export class HwAdminPeopleImport extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  @state() private file?: File;
  @state() private upload?: Upload;
  @state() private preview?: ImportPreview;
  @state() private tab: Tab = 'created';
  @state() private report?: ImportReport;
  @state() private problems: ImportProblem[] = [];
  @state() private markedLeft = new Set<string>();
  @state() private dragging = false;

  protected override render() {
    return html`
      ${this.report ? this.renderReport(this.report) : this.preview ? this.renderPreview(this.preview) : this.renderChooser()}
      ${this.upload ? this.renderProgress(this.upload) : nothing} ${this.renderFeedback()}
      ${this.problems.length ? this.renderProblems(this.problems) : nothing}
    `;
  }

  private renderChooser() {
    const { localize } = this;
    return html`
      <p>${localize.term('adImpIntro')}</p>
      <div
        class="drop ${this.dragging ? 'over' : ''}"
        @dragover=${this.dragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.drop}
      >
        <div class="field">
          <label for="file">${localize.term('adImpFile')}</label>
          <input id="file" type="file" accept=".csv,.json,text/csv,application/json" aria-describedby="file-hint" @change=${this.pick} />
          <p id="file-hint" class="hint">${localize.term('adImpFileHint', MAX_MB)}</p>
        </div>
        <p class="drop-hint" aria-hidden="true">${localize.term('adImpDrop')}</p>
      </div>
    `;
  }

  private renderProgress({ name, sent, total }: Upload) {
    const percent = total ? Math.round((sent / total) * 100) : 0;
    return html`
      <div class="upload">
        <label for="progress">${this.localize.term('adImpUploading', name)}</label>
        <progress id="progress" max="100" value=${percent}>${percent} %</progress>
      </div>
    `;
  }

  private renderPreview(preview: ImportPreview) {
    const { localize } = this;
    const counts: Record<Tab, number> = { ...preview, problems: preview.problemCount };
    const terms = { created: 'adImpCreated', updated: 'adImpUpdated', unchanged: 'adImpUnchanged', missing: 'adImpMissing', problems: 'adImpProblems' } as const;
    return html`
      <h2 tabindex="-1">${localize.term('adImpPreviewOf', this.file?.name ?? '')}</h2>
      <p>${localize.term('adImpNothingWritten')}</p>
      <div role="tablist" aria-label=${localize.term('adImpTabs')} @keydown=${this.tabKey}>
        ${TABS.map(
          (tab) => html`<button
            role="tab"
            id="tab-${tab}"
            class="tab ${tab === 'problems' && counts.problems ? 'bad' : ''}"
            aria-selected=${tab === this.tab ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === this.tab ? 0 : -1}
            @click=${() => (this.tab = tab)}
          >
            ${localize.term(terms[tab], counts[tab])}
          </button>`,
        )}
      </div>
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.tab}" tabindex="0">${this.renderPanel(preview, this.tab, counts[this.tab])}</div>
      ${preview.problemCount ? html`<p class="error">${localize.term('adImpBlocked', preview.problemCount)}</p>` : nothing}
      <div class="actions">
        ${preview.problemCount ? nothing : html`<button class="apply" @click=${this.apply}>${localize.term('adImpApply')}</button>`}
        <button class="secondary" @click=${this.cancel}>${localize.term(preview.problemCount ? 'adImpOther' : 'adCancel')}</button>
      </div>
    `;
  }

  private renderPanel(preview: ImportPreview, tab: Tab, count: number) {
    const shown = tab === 'problems' ? preview.problems.length : preview.rows[tab].length;
    if (count === 0) return html`<p class="muted">${this.localize.term('adImpNone')}</p>`;
    return html`
      ${tab === 'missing' ? html`<p class="hint">${this.localize.term('adImpMissingHint')}</p>` : nothing}
      ${tab === 'problems' ? this.problemTable(preview.problems) : tab === 'updated' ? this.updateTable(preview.rows.updated) : this.peopleTable(preview.rows[tab])}
      ${shown < count ? html`<p class="muted">${this.localize.term('adImpFirst', shown, count)}</p>` : nothing}
    `;
  }

  private peopleTable(rows: (ImportPreviewRow | ImportPreviewMissing)[], markLeft = false) {
    const { localize } = this;
    const withLine = rows.some((row) => 'line' in row);
    return html`
      <table class="cards">
        <thead>
          <tr>
            ${withLine ? html`<th scope="col">${localize.term('adImpLine')}</th>` : nothing}
            <th scope="col">${localize.term('adName')}</th>
            <th scope="col">${localize.term('adImpFieldName', 'email')}</th>
            <th scope="col">${localize.term('adJobTitle')}</th>
            ${markLeft ? html`<th scope="col">${localize.term('adActions')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              ${'line' in row ? html`<td data-label=${localize.term('adImpLine')}>${row.line}</td>` : nothing}
              <th scope="row" class="primary">${row.fullName}</th>
              <td data-label=${localize.term('adImpFieldName', 'email')}>${row.email}</td>
              <td data-label=${localize.term('adJobTitle')}>${row.jobTitle}</td>
              ${markLeft && 'id' in row ? html`<td data-label=${localize.term('adActions')}>${this.renderMarkLeft(row)}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private updateTable(rows: ImportPreviewUpdate[]) {
    const { localize } = this;
    const value = (field: string, text: string) => (field === 'status' ? this.statusName(text) : text) || localize.term('adImpEmpty');
    return html`
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">${localize.term('adImpLine')}</th>
            <th scope="col">${localize.term('adName')}</th>
            <th scope="col">${localize.term('adImpChanges')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <td data-label=${localize.term('adImpLine')}>${row.line}</td>
              <th scope="row" class="primary">${row.fullName}</th>
              <td data-label=${localize.term('adImpChanges')}>
                <ul class="changes">
                  ${row.changes.map(
                    (change) => html`<li>
                      <span class="field-name">${localize.term('adImpFieldName', change.field)}</span>:
                      <del>${value(change.field, change.from)}</del> → <ins>${value(change.field, change.to)}</ins>
                    </li>`,
                  )}
                </ul>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  /** In the workspace's language from the problem's code; a code this page does not know shows the server's English reason, marked as such. */
  private problemReason(problem: ImportProblem) {
    const said = problem.code ? this.localize.term('adIpProblem', problem.code, problem.params ?? {}) : '';
    const label = this.localize.term('adImpReason');
    return said ? html`<td data-label=${label}>${said}</td>` : html`<td data-label=${label} lang="en">${problem.reason}</td>`;
  }

  private problemTable(problems: ImportProblem[]) {
    const { localize } = this;
    return html`
      <table class="cards problems">
        <thead>
          <tr>
            <th scope="col">${localize.term('adImpLine')}</th>
            <th scope="col">${localize.term('adImpField')}</th>
            <th scope="col">${localize.term('adImpReason')}</th>
          </tr>
        </thead>
        <tbody>
          ${problems.map(
            (problem) => html`<tr>
              <th scope="row" class="primary">${localize.term('adImpLine')} ${problem.line}</th>
              <td data-label=${localize.term('adImpField')}>${localize.term('adImpFieldName', problem.field)}</td>
              ${this.problemReason(problem)}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderProblems(problems: ImportProblem[]) {
    return html`<section>${this.problemTable(problems)}</section>`;
  }

  private renderReport(report: ImportReport) {
    const { localize } = this;
    const missing = this.preview?.rows.missing ?? [];
    return html`
      <p class="done" tabindex="-1">${localize.term('adImpDone', report.created, report.updated, report.unchanged)}</p>
      ${report.emailChanged ? html`<p>${localize.term('adImpEmailChanged', report.emailChanged)}</p>` : nothing}
      ${
        missing.length
          ? html`<section>
            <h2>${localize.term('adImpMissing', this.preview?.missing ?? 0)}</h2>
            <p class="hint">${localize.term('adImpMissingHint')}</p>
            ${this.peopleTable(missing, true)}
          </section>`
          : nothing
      }
      <div class="actions"><button class="secondary" @click=${this.cancel}>${localize.term('adImpOther')}</button></div>
    `;
  }

  private renderMarkLeft(person: ImportPreviewMissing) {
    if (this.markedLeft.has(person.id)) return this.localize.term('adStatusLeft');
    return html`<button class="secondary" @click=${() => this.markLeft(person)}>
      ${this.about(this.localize.term('adImpMarkLeft'), person.fullName)}
    </button>`;
  }

  private readonly dragOver = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = true;
  };

  private readonly drop = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.choose(file);
  };

  private readonly pick = (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.choose(file);
  };

  /** Arrow keys (round), Home and End move between the tabs, as the ARIA tabs pattern says; Tab goes on to the panel. */
  private readonly tabKey = (event: KeyboardEvent) => {
    const at = TABS.indexOf(this.tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1 + TABS.length, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = TABS[next % TABS.length]!;
    this.tab = tab;
    void this.focusOn(`#tab-${tab}`);
  };

  private async choose(file: File): Promise<void> {
    this.problems = [];
    if (file.size > IMPORT_MAX_BYTES) {
      this.failure = this.localize.term('adImpTooBig', MAX_MB);
      return;
    }
    this.file = file;
    await this.send(
      (upload) => this.admin!.previewImport(this.site!, upload, this.progressOf(file)),
      (preview) => {
        this.preview = preview;
        this.tab = TABS.find((tab) => (tab === 'problems' ? preview.problemCount : preview[tab]) > 0) ?? 'created';
        // The heading says it, as it takes the focus.
        return '';
      },
    );
    await this.focusOn('h2');
  }

  private readonly apply = async () => {
    const file = this.file!;
    await this.send(
      (upload) => this.admin!.people.import(this.site!, upload, this.progressOf(file)),
      (report) => {
        this.report = report;
        // Said once, where the focus goes: the report stays in view as rows are marked left below it.
        return '';
      },
    );
    await this.focusOn(this.report ? '.done' : '.status');
  };

  /** Sends the chosen file (preview or import) with its progress; a refusal shows its problems. */
  private async send<T>(request: (file: PeopleFile) => Promise<T>, done: (answer: T) => string): Promise<void> {
    const file = this.file!;
    await this.act(async () => {
      this.upload = { name: file.name, sent: 0, total: file.size };
      try {
        return done(await request({ type: file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv', body: file }));
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) throw error;
        this.problems = error.problems;
        return this.localize.term('adImpRefused');
      } finally {
        this.upload = undefined;
      }
    });
  }

  private progressOf(file: File) {
    return { onUploadProgress: (sent: number, total: number) => (this.upload = { name: file.name, sent, total }) };
  }

  /** Back to choosing a file; nothing was written (or the import is done). */
  private readonly cancel = async () => {
    const cancelled = !this.report;
    [this.file, this.preview, this.report, this.problems, this.markedLeft] = [undefined, undefined, undefined, [], new Set()];
    this.announcement = cancelled ? this.localize.term('adImpCancelled') : '';
    await this.focusOn('#file');
  };

  private markLeft(person: ImportPreviewMissing) {
    return this.act(async () => {
      await this.admin!.people.setStatus(this.site!, person.id, { status: 'left' });
      this.markedLeft = new Set([...this.markedLeft, person.id]);
      return this.localize.term('adImpMarkedLeft', person.fullName);
    });
  }

  private statusName(status: string): string {
    const terms: Record<string, 'adStatusEmployee' | 'adStatusLeft' | 'adStatusAlumni'> = {
      employee: 'adStatusEmployee',
      left: 'adStatusLeft',
      alumni: 'adStatusAlumni',
    };
    const term = terms[status];
    return term ? this.localize.term(term) : status;
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

define('hw-admin-people-import', HwAdminPeopleImport);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-people-import': HwAdminPeopleImport;
  }
}
