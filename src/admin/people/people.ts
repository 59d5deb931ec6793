import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AdminPeopleList, AdminPerson, PersonStatus } from '../../sdk/index.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { DialogController } from '../shared/dialog.js';

import styles from './people.styles.js';

/** People per page: enough to scan, few enough that 10,000 people never reach the page at once. */
export const PEOPLE_PAGE = 100;
/** The search waits for a pause in typing before it asks the server. */
const SEARCH_PAUSE_MS = 300;

type Confirm = { kind: 'invite-all' } | { kind: 'left'; person: AdminPerson };

/**
 * @tagname hw-admin-people
 * @summary The HR workspace's people page: search, status filter, a paged list with what HR may see
 * of each person's consent (listed, contactable), invitations (one, or everyone not yet invited) and
 * "left the company" with the alumni invitation.
 */
export class HwAdminPeople extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  /** The search; `?q=` in the address opens the page searched (the overview's links to a team). */
  @state() private q = new URLSearchParams(location.search).get('q') ?? '';
  @state() private status?: PersonStatus;
  @state() private people: AdminPerson[] = [];
  @state() private nextCursor: string | null = null;
  /** The employees ticked for "Invite the selected", by public id. */
  @state() private selected = new Set<string>();
  private searchTimer?: ReturnType<typeof setTimeout>;

  private readonly dialog = new DialogController<Confirm>(this, '.status');

  private readonly firstPage = new Loader(this, {
    task: ([admin, site, q, status]) => admin!.people.list(site!, { q: q || undefined, status, limit: PEOPLE_PAGE }),
    args: () => [this.admin, this.site, this.q, this.status] as const,
    onComplete: (page) => this.show(page, false),
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private show(page: AdminPeopleList, append: boolean): void {
    if (!append) this.selected = new Set();
    this.people = append ? [...this.people, ...page.items] : page.items;
    this.nextCursor = page.nextCursor;
  }

  protected override render() {
    const { localize } = this;
    return html`
      <div class="toolbar">
        <div class="field search">
          <label for="search">${localize.term('adSearch')}</label>
          <input id="search" type="search" maxlength="200" value=${this.q} aria-describedby="search-hint" @input=${this.search} />
          <p id="search-hint" class="hint">${localize.term('adSearchHint')}</p>
        </div>
        <div class="field">
          <label for="status">${localize.term('adStatus')}</label>
          <select id="status" @change=${this.filter}>
            <option value="" ?selected=${!this.status}>${localize.term('adStatusAll')}</option>
            ${(['employee', 'left', 'alumni'] as const).map(
              (status) => html`<option value=${status} ?selected=${this.status === status}>${this.statusName(status)}</option>`,
            )}
          </select>
        </div>
        ${
          this.scopes.includes('people')
            ? html`<button class="secondary invite-all" @click=${() => this.dialog.open({ kind: 'invite-all' })}>
              ${localize.term('adInviteAll')}
            </button>`
            : nothing
        }
      </div>
      ${this.renderFeedback()}
      ${this.firstPage.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderList(),
        error: (error) => this.renderLoadError(error, () => this.firstPage.run()),
      })}
      ${this.dialog.render(this.dialogTitle(), (subject) => this.renderDialog(subject))}
    `;
  }

  private renderList() {
    const { localize, people } = this;
    if (people.length === 0) {
      const filtered = this.q !== '' || this.status !== undefined;
      return html`<p class="message empty">${localize.term(filtered ? 'adPeopleNoMatch' : 'adPeopleEmpty')}</p>`;
    }
    return html`
      <p class="count" role="status">${localize.term('adPeopleCount', people.length, this.nextCursor !== null)}</p>
      ${this.scopes.includes('people') ? this.renderSelection() : nothing}
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">${localize.term('adName')}</th>
            <th scope="col">${localize.term('adJobTitle')}</th>
            <th scope="col">${localize.term('adTeamColumn')}</th>
            <th scope="col">${localize.term('adLocation')}</th>
            <th scope="col">${localize.term('adListed')}</th>
            <th scope="col">${localize.term('adContactable')}</th>
            <th scope="col">${localize.term('adInvited')}</th>
            <th scope="col">${localize.term('adActions')}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            people,
            (person) => person.id,
            (person) => this.renderPerson(person),
          )}
        </tbody>
      </table>
      ${this.nextCursor !== null ? html`<button class="secondary more" @click=${this.loadMore}>${localize.term('adLoadMore')}</button>` : nothing}
    `;
  }

  private renderPerson(person: AdminPerson) {
    const { localize } = this;
    const yesNo = (value: boolean) => localize.term(value ? 'adYes' : 'adNo');
    return html`
      <tr data-person=${person.id}>
        <th scope="row" class="primary">
          ${
            person.status === 'employee' && this.scopes.includes('people')
              ? html`<input type="checkbox" class="select" aria-label=${localize.term('adWsSelect', person.fullName)} .checked=${this.selected.has(person.id)}
                  @change=${(event: Event) => this.select([person.id], (event.target as HTMLInputElement).checked)} />`
              : nothing
          }
          <span class="name">${person.fullName}</span>
          ${person.status === 'employee' ? nothing : html`<span class="badge">${this.statusName(person.status)}</span>`}
          <span class="email muted">${person.email}</span>
        </th>
        <td data-label=${localize.term('adJobTitle')}>${person.jobTitle}</td>
        <td data-label=${localize.term('adTeamColumn')}>${person.team ?? ''}</td>
        <td data-label=${localize.term('adLocation')}>${person.location ?? ''}</td>
        <td data-label=${localize.term('adListed')}>${yesNo(person.showProfile)}</td>
        <td data-label=${localize.term('adContactable')}>${yesNo(person.contact)}</td>
        <td data-label=${localize.term('adInvited')}>${person.invitedAt ? this.date(person.invitedAt) : localize.term('adNotInvited')}</td>
        <td data-label=${localize.term('adActions')}>${person.status === 'employee' ? this.renderActions(person) : nothing}</td>
      </tr>
    `;
  }

  private renderActions(person: AdminPerson) {
    const { localize } = this;
    const again = person.invitedAt !== null;
    return html`
      <div class="actions">
        <button class="secondary" @click=${() => this.inviteOne(person)}>
          ${this.about(localize.term(again ? 'adInviteAgain' : 'adInvite'), person.fullName)}
        </button>
        <button class="secondary" @click=${() => this.dialog.open({ kind: 'left', person })}>
          ${this.about(localize.term('adMarkLeft'), person.fullName)}
        </button>
      </div>
    `;
  }

  /** Select all shown employees, how many are selected (said politely), and "Invite the selected". */
  private renderSelection() {
    const { localize } = this;
    const employees = this.people.filter((person) => person.status === 'employee').map((person) => person.id);
    const count = employees.filter((id) => this.selected.has(id)).length;
    return html`
      <div class="selection">
        <label class="choice">
          <input type="checkbox" id="select-all" .checked=${count > 0 && count === employees.length} .indeterminate=${count > 0 && count < employees.length}
            ?disabled=${employees.length === 0} @change=${(event: Event) => this.select(employees, (event.target as HTMLInputElement).checked)} />
          ${localize.term('adWsSelectAll')}
        </label>
        <p class="selected" role="status">${this.selected.size ? localize.term('adWsSelected', this.selected.size) : ''}</p>
        ${this.selected.size ? html`<button class="invite-selected" @click=${this.inviteSelected}>${localize.term('adWsInviteSelected', this.selected.size)}</button>` : nothing}
      </div>
    `;
  }

  private select(ids: string[], on: boolean): void {
    const selected = new Set(this.selected);
    for (const id of ids) {
      if (on) selected.add(id);
      else selected.delete(id);
    }
    this.selected = selected;
  }

  private readonly inviteSelected = () =>
    this.act(async () => {
      const { results } = await this.admin!.inviteMany(this.site!, [...this.selected]);
      const now = new Date().toISOString();
      const invited = new Set(results.filter((result) => result.outcome === 'invited').map((result) => result.person));
      this.people = this.people.map((person) => (invited.has(person.id) ? { ...person, invitedAt: now } : person));
      this.selected = new Set();
      const counts = { invited: 0, already_listed: 0, left: 0, recently_invited: 0, not_found: 0 };
      for (const { outcome } of results) counts[outcome]++;
      return this.localize.term('adWsInvitedMany', counts);
    });

  private dialogTitle(): string {
    const subject = this.dialog.subject;
    if (subject?.kind === 'left') return this.localize.term('adLeftTitle', subject.person.fullName);
    return this.localize.term('adInviteAll');
  }

  private renderDialog(subject: Confirm) {
    const { localize } = this;
    if (subject.kind === 'invite-all') {
      return html`
        <form @submit=${this.inviteAll}>
          <p>${localize.term('adInviteAllConfirm')}</p>
          <div class="actions">
            <button type="button" class="secondary" @click=${this.dialog.close}>${localize.term('adCancel')}</button>
            <button type="submit" autofocus>${localize.term('adInviteAllSend')}</button>
          </div>
        </form>
      `;
    }
    return html`
      <form @submit=${(event: SubmitEvent) => this.markLeft(event, subject.person)}>
        <p>${localize.term('adLeftHint')}</p>
        <label class="choice"><input type="checkbox" name="inviteAlumni" checked autofocus /> ${localize.term('adInviteAlumni')}</label>
        <div class="actions">
          <button type="button" class="secondary" @click=${this.dialog.close}>${localize.term('adCancel')}</button>
          <button type="submit">${localize.term('adLeftConfirm')}</button>
        </div>
      </form>
    `;
  }

  private statusName(status: PersonStatus): string {
    const terms = { employee: 'adStatusEmployee', left: 'adStatusLeft', alumni: 'adStatusAlumni' } as const;
    return this.localize.term(terms[status]);
  }

  private readonly search = (event: InputEvent) => {
    // Trimmed for the server only: the box keeps what is typed, trailing space included.
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.q = value), SEARCH_PAUSE_MS);
  };

  private readonly filter = (event: Event) => {
    this.status = ((event.target as HTMLSelectElement).value || undefined) as PersonStatus | undefined;
  };

  private readonly loadMore = () =>
    this.act(async () => {
      const page = await this.admin!.people.list(this.site!, { q: this.q || undefined, status: this.status, limit: PEOPLE_PAGE, cursor: this.nextCursor! });
      this.show(page, true);
      return this.localize.term('adPeopleCount', this.people.length, this.nextCursor !== null);
    });

  private inviteOne(person: AdminPerson) {
    return this.act(async () => {
      await this.admin!.invite(this.site!, { person: person.id });
      this.replace({ ...person, invitedAt: new Date().toISOString() });
      return this.localize.term('adInvited1', person.fullName);
    });
  }

  private readonly inviteAll = async (event: SubmitEvent) => {
    event.preventDefault();
    await this.act(async () => {
      const { invited, skipped = 0 } = await this.admin!.invite(this.site!, { all: true });
      void this.firstPage.run();
      return this.localize.term('adInvitedAll', invited, skipped);
    });
    this.dialog.close();
  };

  private async markLeft(event: SubmitEvent, person: AdminPerson) {
    event.preventDefault();
    const inviteAlumni = (event.target as HTMLFormElement).inviteAlumni.checked as boolean;
    await this.act(async () => {
      const changed = await this.admin!.people.setStatus(this.site!, person.id, { status: 'left', inviteAlumni });
      this.replace(changed.person);
      return this.localize.term(changed.alumniInvited ? 'adLeftDoneInvited' : 'adLeftDone', person.fullName);
    });
    this.dialog.close();
  }

  private replace(person: AdminPerson): void {
    this.people = this.people.map((each) => (each.id === person.id ? person : each));
  }
}

define('hw-admin-people', HwAdminPeople);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-people': HwAdminPeople;
  }
}
