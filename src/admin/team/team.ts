import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  ADMIN_NAME_MAX,
  API_KEY_NAME_MAX,
  AdminRole,
  AdminUserCreate,
  ApiKeyCreate,
  type AdminScope,
  type AdminUser,
  type ApiKey,
  type ApiKeyCreated,
} from '../../sdk/admin-schemas.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { copyText } from '../shared/copy.js';
import { DialogController } from '../shared/dialog.js';
import { invalidFields } from '../shared/errors.js';
import styles from './team.styles.js';

type Confirm = { kind: 'remove'; user: AdminUser } | { kind: 'revoke'; key: ApiKey } | { kind: 'secret'; created: ApiKeyCreated };

const ROLES = AdminRole.options;

/**
 * @tagname hw-admin-team
 * @summary The HR workspace's team page (owners): the admins with their role, add, change role and
 * remove; the API keys with their scopes, create (the secret shown once), revoke.
 */
export class HwAdminTeam extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  /** The signed-in admin's id: their own role and account are changed by another owner. */
  @property({ attribute: false }) userId?: string;

  @state() private users: AdminUser[] = [];
  @state() private keys: ApiKey[] = [];
  @state() private userInvalid = new Set<string>();
  @state() private keyInvalid = new Set<string>();
  @state() private copyMessage = '';

  private readonly dialog = new DialogController<Confirm>(this, '.status');

  private readonly team = new Loader(this, {
    task: async ([admin]) => Promise.all([admin!.users.list(), admin!.keys.list()]),
    args: () => [this.admin] as const,
    onComplete: ([users, keys]) => ([this.users, this.keys] = [users.items, keys.items]),
  });

  protected override render() {
    return html`
      ${this.renderFeedback()}
      ${this.team.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => html`${this.renderUsers()}${this.renderKeys()}`,
        error: (error) => this.renderLoadError(error, () => this.team.run()),
      })}
      ${this.dialog.render(this.dialogTitle(), (subject) => this.renderDialog(subject))}
    `;
  }

  private renderUsers() {
    const { localize } = this;
    return html`
      <section aria-labelledby="admins-heading">
        <h2 id="admins-heading">${localize.term('adAdmins')}</h2>
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">${localize.term('adName')}</th>
              <th scope="col">${localize.term('adRole')}</th>
              <th scope="col">${localize.term('adLastSignIn')}</th>
              <th scope="col">${localize.term('adActions')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              this.users,
              (user) => user.id,
              (user) => this.renderUser(user),
            )}
          </tbody>
        </table>
        ${this.renderAddUser()}
      </section>
    `;
  }

  private renderUser(user: AdminUser) {
    const { localize } = this;
    const label = user.name ?? user.email;
    // One's own role and account are changed by another owner: nobody locks the workspace by mistake.
    const self = this.isSelf(user);
    return html`
      <tr data-user=${user.id}>
        <th scope="row" class="primary">
          <span class="name">${label}</span> ${self ? html`<span class="muted">${localize.term('adYou')}</span>` : nothing}
          ${user.name ? html`<span class="email muted">${user.email}</span>` : nothing}
        </th>
        <td data-label=${localize.term('adRole')}>
          <select aria-label=${localize.term('adRoleOf', label)} ?disabled=${self} @change=${(event: Event) => this.changeRole(user, event)}>
            ${ROLES.map((role) => html`<option value=${role} ?selected=${user.role === role}>${localize.term('adRoleName', role)}</option>`)}
          </select>
        </td>
        <td data-label=${localize.term('adLastSignIn')}>${user.lastSignInAt ? this.date(user.lastSignInAt) : localize.term('adNever')}</td>
        <td data-label=${localize.term('adActions')}>
          ${
            self
              ? nothing
              : html`<button class="secondary" @click=${() => this.dialog.open({ kind: 'remove', user })}>
                ${this.about(localize.term('adRemove'), label)}
              </button>`
          }
        </td>
      </tr>
    `;
  }

  private renderAddUser() {
    const { localize } = this;
    const invalid = this.userInvalid;
    return html`
      <form class="add" novalidate @submit=${this.addUser}>
        <h3>${localize.term('adAddAdmin')}</h3>
        <div class="row">
          ${this.input('user-email', 'email', localize.term('adEmail'), invalid.has('email') ? localize.term('adEmailError') : '', 'email')}
          ${this.input('user-name', 'name', localize.term('adAdminName'), invalid.has('name') ? localize.term('adNameError', ADMIN_NAME_MAX) : '')}
          <div class="field">
            <label for="user-role">${localize.term('adRole')}</label>
            <select id="user-role" name="role">
              ${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'editor'}>${localize.term('adRoleName', role)}</option>`)}
            </select>
          </div>
        </div>
        <button type="submit">${localize.term('adAddAdmin')}</button>
      </form>
    `;
  }

  private input(id: string, name: string, label: string, error: string, type = 'text') {
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} name=${name} type=${type} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
        ${error ? html`<p id=${`${id}-error`} class="error">${error}</p>` : nothing}
      </div>
    `;
  }

  private renderKeys() {
    const { localize } = this;
    return html`
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">${localize.term('adKeys')}</h2>
        <p class="hint">${localize.term('adKeysHint')}</p>
        ${
          this.keys.length === 0
            ? html`<p class="empty">${localize.term('adKeysEmpty')}</p>`
            : html`<table class="cards">
              <thead>
                <tr>
                  <th scope="col">${localize.term('adKeyName')}</th>
                  <th scope="col">${localize.term('adScopes')}</th>
                  <th scope="col">${localize.term('adCreated')}</th>
                  <th scope="col">${localize.term('adLastUsed')}</th>
                  <th scope="col">${localize.term('adActions')}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  this.keys,
                  (key) => key.id,
                  (key) => this.renderKey(key),
                )}
              </tbody>
            </table>`
        }
        ${this.renderCreateKey()}
      </section>
    `;
  }

  private renderKey(key: ApiKey) {
    const { localize } = this;
    return html`
      <tr data-key=${key.id}>
        <th scope="row" class="primary"><span class="name">${key.name}</span> <code class="muted">${key.prefix}…</code></th>
        <td data-label=${localize.term('adScopes')}>${localize.list(key.scopes.map((scope) => localize.term('adScope', scope)))}</td>
        <td data-label=${localize.term('adCreated')}>${this.date(key.createdAt)}</td>
        <td data-label=${localize.term('adLastUsed')}>${key.lastUsedAt ? this.date(key.lastUsedAt) : localize.term('adNever')}</td>
        <td data-label=${localize.term('adActions')}>
          ${
            key.revokedAt
              ? html`<span class="badge">${localize.term('adRevoked')}</span>`
              : html`<button class="secondary" @click=${() => this.dialog.open({ kind: 'revoke', key })}>
                ${this.about(localize.term('adRevoke'), key.name)}
              </button>`
          }
        </td>
      </tr>
    `;
  }

  private renderCreateKey() {
    const { localize } = this;
    const invalid = this.keyInvalid;
    return html`
      <form class="add" novalidate @submit=${this.createKey}>
        <h3>${localize.term('adNewKey')}</h3>
        ${this.input('key-name', 'name', localize.term('adKeyName'), invalid.has('name') ? localize.term('adKeyNameError', API_KEY_NAME_MAX) : '')}
        <fieldset aria-describedby=${invalid.has('scopes') ? 'key-scopes-error' : nothing} aria-invalid=${invalid.has('scopes') ? 'true' : nothing}>
          <legend>${localize.term('adScopes')}</legend>
          ${this.scopes.map((scope) => html`<label class="choice"><input type="checkbox" name="scopes" value=${scope} /> ${localize.term('adScope', scope)}</label>`)}
          ${invalid.has('scopes') ? html`<p id="key-scopes-error" class="error">${localize.term('adScopesError')}</p>` : nothing}
        </fieldset>
        <button type="submit">${localize.term('adCreateKey')}</button>
      </form>
    `;
  }

  private dialogTitle(): string {
    const subject = this.dialog.subject;
    if (subject?.kind === 'secret') return this.localize.term('adSecret', subject.created.key.name);
    if (subject?.kind === 'revoke') return this.localize.term('adRevokeOf', subject.key.name);
    if (subject?.kind === 'remove') return this.localize.term('adRemoveOf', subject.user.name ?? subject.user.email);
    return '';
  }

  private renderDialog(subject: Confirm) {
    const { localize } = this;
    if (subject.kind === 'secret') {
      return html`
        <p>${localize.term('adSecretOnce')}</p>
        <label for="secret" class="visually-hidden">${localize.term('adSecret', subject.created.key.name)}</label>
        <input id="secret" class="secret" readonly .value=${subject.created.secret} />
        <div class="actions">
          <p class="status" role="status">${this.copyMessage}</p>
          <button type="button" autofocus @click=${() => this.copySecret(subject.created.secret)}>${localize.term('adCopy')}</button>
          <button type="button" class="secondary" @click=${this.dialog.close}>${localize.term('adClose')}</button>
        </div>
      `;
    }
    const [text, confirm] =
      subject.kind === 'remove'
        ? [localize.term('adRemoveConfirm', subject.user.name ?? subject.user.email), localize.term('adRemove')]
        : [localize.term('adRevokeConfirm', subject.key.name), localize.term('adRevoke')];
    return html`
      <form @submit=${(event: SubmitEvent) => this.confirm(event, subject)}>
        <p>${text}</p>
        <div class="actions">
          <button type="button" class="secondary" autofocus @click=${this.dialog.close}>${localize.term('adCancel')}</button>
          <button type="submit" class="danger">${confirm}</button>
        </div>
      </form>
    `;
  }

  private isSelf(user: AdminUser): boolean {
    return user.id === this.userId;
  }

  private changeRole(user: AdminUser, event: Event) {
    const select = event.target as HTMLSelectElement;
    const role = AdminRole.parse(select.value);
    return this.act(async () => {
      try {
        const updated = await this.admin!.users.update(user.id, { role });
        this.users = this.users.map((each) => (each.id === updated.id ? updated : each));
        return this.localize.term('adRoleChanged', updated.name ?? updated.email, this.localize.term('adRoleName', updated.role));
      } catch (error) {
        select.value = user.role;
        throw error;
      }
    });
  }

  private readonly addUser = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const parsed = AdminUserCreate.safeParse({ email: data.get('email'), name: String(data.get('name')).trim() || undefined, role: data.get('role') });
    this.userInvalid = parsed.success ? new Set() : invalidFields(parsed.error.issues);
    if (!parsed.success) return this.focusInvalid(form);
    return this.act(async () => {
      const user = await this.admin!.users.create(parsed.data);
      this.users = [...this.users, user];
      form.reset();
      return this.localize.term('adAdminAdded', user.email);
    });
  };

  private readonly createKey = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const parsed = ApiKeyCreate.safeParse({ name: data.get('name'), scopes: data.getAll('scopes') as AdminScope[] });
    this.keyInvalid = parsed.success ? new Set() : invalidFields(parsed.error.issues);
    if (!parsed.success) return this.focusInvalid(form);
    return this.act(async () => {
      const created = await this.admin!.keys.create(parsed.data);
      this.keys = [created.key, ...this.keys];
      form.reset();
      this.copyMessage = '';
      this.dialog.open({ kind: 'secret', created });
      return '';
    });
  };

  private async confirm(event: SubmitEvent, subject: Confirm) {
    event.preventDefault();
    await this.act(async () => {
      if (subject.kind === 'remove') {
        await this.admin!.users.remove(subject.user.id);
        this.users = this.users.filter((each) => each.id !== subject.user.id);
        return this.localize.term('adRemoved', subject.user.name ?? subject.user.email);
      }
      if (subject.kind !== 'revoke') return '';
      const revoked = await this.admin!.keys.revoke(subject.key.id);
      this.keys = this.keys.map((each) => (each.id === revoked.id ? revoked : each));
      return this.localize.term('adRevokedDone', revoked.name);
    });
    this.dialog.close();
  }

  private async copySecret(secret: string): Promise<void> {
    this.copyMessage = '';
    const copied = await copyText(secret);
    this.copyMessage = this.localize.term(copied ? 'adCopied' : 'adCopyFailed');
    if (!copied) this.renderRoot.querySelector<HTMLInputElement>('#secret')?.select();
  }

  private async focusInvalid(form: HTMLFormElement): Promise<void> {
    await this.updateComplete;
    form.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"]')?.focus();
  }
}

define('hw-admin-team', HwAdminTeam);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-team': HwAdminTeam;
  }
}
