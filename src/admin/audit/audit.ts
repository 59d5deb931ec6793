import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AUDIT_ACTIONS, type AuditEntry, type AuditFilters, type AuditPage } from '../../sdk/admin-schemas.js';
import type { AdminPerson } from '../../sdk/index.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import styles from './audit.styles.js';

/** Lines per page of the log. */
export const AUDIT_PAGE = 50;
/** The families of actions the filter offers (the API also takes one action, such as `person.status`). */
export const FAMILIES = [...new Set(AUDIT_ACTIONS.map((action) => action.split('.')[0]!))];

/**
 * @tagname hw-admin-audit
 * @summary The HR workspace's audit log page: who did what, on which site and to whom, newest first,
 * filtered by action, actor and days, exported as CSV; and a person's consent record (or the whole
 * site's) for a compliance request.
 */
export class HwAdminAudit extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  @state() private filters: AuditFilters = {};
  @state() private lines: AuditEntry[] = [];
  @state() private nextCursor: string | null = null;
  @state() private found?: AdminPerson[];
  /** "1 person found.", said once, next to the people found (not at the top of the page). */
  @state() private foundMessage = '';

  private readonly firstPage = new Loader(this, {
    task: ([admin, filters]) => admin!.audit({ ...filters, limit: AUDIT_PAGE }),
    args: () => [this.admin, this.filters] as const,
    onComplete: (page) => this.show(page, false),
  });

  private show(page: AuditPage, append: boolean): void {
    this.lines = append ? [...this.lines, ...page.items] : page.items;
    this.nextCursor = page.nextCursor;
  }

  protected override render() {
    return html`
      ${this.renderFilters()} ${this.renderFeedback()}
      ${this.firstPage.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderLog(),
        error: (error) => this.renderLoadError(error, () => this.firstPage.run()),
      })}
      ${this.renderConsents()}
    `;
  }

  private renderFilters() {
    const { localize, filters } = this;
    return html`
      <form class="toolbar" aria-label=${localize.term('adAuditFilters')} @submit=${this.applyFilters}>
        <div class="field">
          <label for="action">${localize.term('adAuditAction')}</label>
          <select id="action" name="action">
            <option value="">${localize.term('adAuditAllActions')}</option>
            ${FAMILIES.map((family) => html`<option value=${family} ?selected=${filters.action === family}>${localize.term('adAuditFamily', family)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="actor">${localize.term('adAuditActor')}</label>
          <input id="actor" name="actor" maxlength="320" aria-describedby="actor-hint" .value=${filters.actor ?? ''} />
          <p id="actor-hint" class="hint">${localize.term('adAuditActorHint')}</p>
        </div>
        <div class="field">
          <label for="from">${localize.term('adAuditFrom')}</label>
          <input id="from" name="from" type="date" .value=${filters.from ?? ''} />
        </div>
        <div class="field">
          <label for="to">${localize.term('adAuditTo')}</label>
          <input id="to" name="to" type="date" .value=${filters.to ?? ''} />
        </div>
        <button type="submit" class="apply">${localize.term('adAuditApply')}</button>
        <a class="button secondary export" href=${this.url('audit.csv', filters)} download>${localize.term('adAuditExport')}</a>
      </form>
    `;
  }

  private renderLog() {
    const { localize, lines } = this;
    if (lines.length === 0) {
      const filtered = Object.values(this.filters).some(Boolean);
      return html`<p class="message empty">${localize.term(filtered ? 'adAuditNoMatch' : 'adAuditEmpty')}</p>`;
    }
    return html`
      <p class="count" role="status">${localize.term('adAuditCount', lines.length, this.nextCursor !== null)}</p>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">${localize.term('adAuditWhen')}</th>
            <th scope="col">${localize.term('adAuditWho')}</th>
            <th scope="col">${localize.term('adAuditWhat')}</th>
            <th scope="col">${localize.term('adSite')}</th>
            <th scope="col">${localize.term('adAuditTarget')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            lines,
            (line) => line.id,
            (line) => this.renderLine(line),
          )}
        </tbody>
      </table>
      ${this.nextCursor !== null ? html`<button class="secondary more" @click=${this.loadMore}>${localize.term('adLoadMore')}</button>` : nothing}
    `;
  }

  private renderLine(line: AuditEntry) {
    const { localize } = this;
    const when = new Intl.DateTimeFormat(localize.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(line.at));
    return html`
      <tr data-line=${line.id}>
        <th scope="row" class="primary"><time datetime=${line.at}>${when}</time></th>
        <td data-label=${localize.term('adAuditWho')}><span>${line.actor.label} <span class="muted">${localize.term('adAuditActorKind', line.actor.kind)}</span></span></td>
        <td data-label=${localize.term('adAuditWhat')}>${localize.term('adAuditActionName', line.action)}</td>
        <td data-label=${localize.term('adSite')}>${line.site ?? ''}</td>
        <td data-label=${localize.term('adAuditTarget')}><span class="target">${line.target ?? ''}</span></td>
      </tr>
    `;
  }

  private renderConsents() {
    const { localize } = this;
    return html`
      <section aria-labelledby="consents-title">
        <h2 id="consents-title">${localize.term('adConsentTitle')}</h2>
        <p class="hint">${localize.term('adConsentHint')}</p>
        ${
          this.site
            ? html`
              ${
                this.scopes.includes('people')
                  ? html`<form class="toolbar" role="search" aria-labelledby="consents-title" @submit=${this.searchPeople}>
                    <div class="field search">
                      <label for="consent-q">${localize.term('adConsentSearch')}</label>
                      <input id="consent-q" name="q" type="search" maxlength="200" required />
                    </div>
                    <button type="submit" class="apply secondary">${localize.term('adConsentFind')}</button>
                  </form>
                  <p class="status found-status" role="status">${this.foundMessage}</p>`
                  : nothing
              }
              ${this.found ? this.renderFound(this.found) : nothing}
              <p>
                <a class="button secondary all" href=${this.url(`sites/${encodeURIComponent(this.site)}/consents.csv`, {})} download>
                  ${localize.term('adConsentAll')}
                </a>
              </p>
            `
            : html`<p class="message">${localize.term('adNoSite')}</p>`
        }
      </section>
    `;
  }

  private renderFound(people: AdminPerson[]) {
    const { localize } = this;
    if (people.length === 0) return html`<p class="message empty">${localize.term('adPeopleNoMatch')}</p>`;
    return html`
      <ul class="found">
        ${people.map(
          (person) => html`<li data-person=${person.id}>
            <span><span class="name">${person.fullName}</span> <span class="muted">${person.email}</span></span>
            <a class="button secondary" href=${this.url(`sites/${encodeURIComponent(this.site!)}/consents.csv`, { person: person.id })} download>
              ${this.about(localize.term('adConsentDownload'), person.fullName)}
            </a>
          </li>`,
        )}
      </ul>
    `;
  }

  /** An address of the admin API, for a download the browser makes itself (with the session's cookie). */
  private url(path: string, query: Record<string, string | undefined>): string {
    const url = new URL(`${this.admin?.baseUrl ?? location.origin}/v1/admin/${path}`);
    for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
    return url.href;
  }

  private readonly applyFilters = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const read = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    this.filters = { action: read('action'), actor: read('actor'), from: read('from'), to: read('to') };
  };

  private readonly loadMore = () =>
    this.act(async () => {
      const page = await this.admin!.audit({ ...this.filters, limit: AUDIT_PAGE, cursor: this.nextCursor! });
      this.show(page, true);
      // The count above the list is a status region already: it says the new total, once.
      return '';
    });

  private readonly searchPeople = (event: SubmitEvent) => {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    this.foundMessage = '';
    return this.act(async () => {
      this.found = (await this.admin!.people.list(this.site!, { q, limit: 20 })).items;
      this.foundMessage = this.localize.term('adConsentFound', this.found.length);
      return '';
    });
  };
}

define('hw-admin-audit', HwAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-audit': HwAdminAudit;
  }
}
