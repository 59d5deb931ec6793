import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  SCIM_INVITE_AFTER_DAYS_MAX,
  SCIM_TOKEN_NAME_MAX,
  ScimTokenCreate,
  SiteUpdate,
  type AdminSite,
  type ScimToken,
  type ScimTokenCreated,
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
import { HwAdminSiteSavedEvent } from '../settings/settings.js';
import styles from './scim.styles.js';

type Subject = { kind: 'revoke'; token: ScimToken } | { kind: 'secret'; created: ScimTokenCreated };

const DEFAULT_DAYS = '14';

/**
 * @tagname hw-admin-scim
 * @summary The settings page's "Provisioning (SCIM)" section: the automatic invitations, the base URL
 * to paste into Okta or Entra ID, and the site's tokens (created with the secret shown once, revoked).
 *
 * @fires {HwAdminSiteSavedEvent} hw-admin-site-saved - The invitation settings were saved; `detail` is the site.
 */
export class HwAdminScim extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  /** The site as the server holds it. */
  @property({ attribute: false }) value?: AdminSite;

  @state() private inviteNew = false;
  @state() private days = DEFAULT_DAYS;
  @state() private inviteAlumni = false;
  @state() private invalid = new Set<string>();
  @state() private tokens: ScimToken[] = [];
  @state() private baseUrl = '';
  @state() private copyMessage = '';

  private readonly dialog = new DialogController<Subject>(this, '.status');

  private readonly loader = new Loader(this, {
    task: async ([admin, site]) => admin!.scimTokens.list(site!),
    args: () => [this.admin, this.site] as const,
    onComplete: ({ items, baseUrl }) => ([this.tokens, this.baseUrl] = [items, baseUrl]),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('value') || !this.value) return;
    this.inviteNew = this.value.scimInviteAfterDays !== null;
    this.days = String(this.value.scimInviteAfterDays ?? DEFAULT_DAYS);
    this.inviteAlumni = this.value.scimInviteAlumni;
  }

  protected override render() {
    const { localize } = this;
    return html`
      <section aria-labelledby="scim-heading">
        <h2 id="scim-heading">${localize.term('adScimHeading')}</h2>
        <p class="hint">${localize.term('adScimHint')}</p>
        ${this.renderFeedback()} ${this.renderInvitations()}
        ${this.loader.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          complete: () => html`${this.renderBaseUrl()}${this.renderTokens()}`,
          error: (error) => this.renderLoadError(error, () => this.loader.run()),
        })}
      </section>
      ${this.dialog.render(this.dialogTitle(), (subject) => this.renderDialog(subject))}
    `;
  }

  private renderInvitations() {
    const { localize } = this;
    const invalid = this.invalid.has('scimInviteAfterDays');
    return html`
      <form novalidate @submit=${this.saveInvitations}>
        <fieldset>
          <legend>${localize.term('adScimInvitations')}</legend>
          <label class="choice">
            <input id="scim-invite-new" type="checkbox" .checked=${this.inviteNew} @change=${(event: Event) => (this.inviteNew = (event.target as HTMLInputElement).checked)} />
            ${localize.term('adScimInviteNew')}
          </label>
          ${
            this.inviteNew
              ? html`<div class="field days">
                <label for="scim-days">${localize.term('adScimInviteDays')}</label>
                <p id="scim-days-hint" class="hint">${localize.term('adScimInviteDaysHint')}</p>
                <input id="scim-days" type="number" inputmode="numeric" min="0" max=${SCIM_INVITE_AFTER_DAYS_MAX} .value=${this.days}
                  aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'scim-days-hint scim-days-error' : 'scim-days-hint'}
                  @input=${(event: InputEvent) => (this.days = (event.target as HTMLInputElement).value)} />
                ${invalid ? html`<p id="scim-days-error" class="error">${localize.term('adScimInviteDaysError', SCIM_INVITE_AFTER_DAYS_MAX)}</p>` : nothing}
              </div>`
              : nothing
          }
          <label class="choice">
            <input id="scim-invite-alumni" type="checkbox" .checked=${this.inviteAlumni} @change=${(event: Event) => (this.inviteAlumni = (event.target as HTMLInputElement).checked)} />
            ${localize.term('adScimInviteAlumni')}
          </label>
        </fieldset>
        <button type="submit">${localize.term('adScimSaveInvitations')}</button>
      </form>
    `;
  }

  private renderBaseUrl() {
    const { localize } = this;
    return html`
      <div class="field base-url">
        <label for="scim-base-url">${localize.term('adScimBaseUrl')}</label>
        <div class="inline">
          <input id="scim-base-url" class="code" readonly .value=${this.baseUrl} />
          <button type="button" class="secondary" @click=${() => this.copy(this.baseUrl, '#scim-base-url')}>${localize.term('adScimCopyUrl')}</button>
        </div>
      </div>
    `;
  }

  private renderTokens() {
    const { localize } = this;
    return html`
      <h3 id="scim-tokens-heading">${localize.term('adScimTokens')}</h3>
      <p class="hint">${localize.term('adScimTokensHint')}</p>
      ${
        this.tokens.length === 0
          ? html`<p class="empty">${localize.term('adScimTokensEmpty')}</p>`
          : html`<table class="cards" aria-labelledby="scim-tokens-heading">
            <thead>
              <tr>
                <th scope="col">${localize.term('adKeyName')}</th>
                <th scope="col">${localize.term('adCreated')}</th>
                <th scope="col">${localize.term('adLastUsed')}</th>
                <th scope="col">${localize.term('adActions')}</th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                this.tokens,
                (token) => token.id,
                (token) => this.renderToken(token),
              )}
            </tbody>
          </table>`
      }
      ${this.renderCreate()}
    `;
  }

  private renderToken(token: ScimToken) {
    const { localize } = this;
    return html`
      <tr data-token=${token.id}>
        <th scope="row" class="primary"><span class="name">${token.name}</span> <code class="muted">${token.prefix}…</code></th>
        <td data-label=${localize.term('adCreated')}>${this.date(token.createdAt)}</td>
        <td data-label=${localize.term('adLastUsed')}>${token.lastUsedAt ? this.date(token.lastUsedAt) : localize.term('adNever')}</td>
        <td data-label=${localize.term('adActions')}>
          ${
            token.revokedAt
              ? html`<span class="badge">${localize.term('adRevoked')}</span>`
              : html`<button class="secondary" @click=${() => this.dialog.open({ kind: 'revoke', token })}>${this.about(localize.term('adRevoke'), token.name)}</button>`
          }
        </td>
      </tr>
    `;
  }

  private renderCreate() {
    const { localize } = this;
    const invalid = this.invalid.has('name');
    return html`
      <form class="add" novalidate @submit=${this.createToken}>
        <h4>${localize.term('adScimNewToken')}</h4>
        <div class="field">
          <label for="scim-token-name">${localize.term('adScimTokenName')}</label>
          <div class="inline">
            <input id="scim-token-name" name="name" maxlength=${SCIM_TOKEN_NAME_MAX} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'scim-token-name-error' : nothing} />
            <button type="submit">${localize.term('adScimCreateToken')}</button>
          </div>
          ${invalid ? html`<p id="scim-token-name-error" class="error">${localize.term('adKeyNameError', SCIM_TOKEN_NAME_MAX)}</p>` : nothing}
        </div>
      </form>
    `;
  }

  private dialogTitle(): string {
    const subject = this.dialog.subject;
    if (subject?.kind === 'secret') return this.localize.term('adSecret', subject.created.token.name);
    if (subject?.kind === 'revoke') return this.localize.term('adRevokeOf', subject.token.name);
    return '';
  }

  private renderDialog(subject: Subject) {
    const { localize } = this;
    if (subject.kind === 'secret') {
      return html`
        <p>${localize.term('adSecretOnce')}</p>
        <label for="scim-secret" class="visually-hidden">${localize.term('adSecret', subject.created.token.name)}</label>
        <input id="scim-secret" class="code" readonly .value=${subject.created.secret} />
        <div class="actions">
          <p class="status" role="status">${this.copyMessage}</p>
          <button type="button" autofocus @click=${() => this.copy(subject.created.secret, '#scim-secret')}>${localize.term('adCopy')}</button>
          <button type="button" class="secondary" @click=${this.dialog.close}>${localize.term('adClose')}</button>
        </div>
      `;
    }
    return html`
      <form @submit=${(event: SubmitEvent) => this.revoke(event, subject.token)}>
        <p>${localize.term('adScimRevokeConfirm', subject.token.name)}</p>
        <div class="actions">
          <button type="button" class="secondary" autofocus @click=${this.dialog.close}>${localize.term('adCancel')}</button>
          <button type="submit" class="danger">${localize.term('adRevoke')}</button>
        </div>
      </form>
    `;
  }

  private readonly saveInvitations = async (event: SubmitEvent) => {
    event.preventDefault();
    const days = this.days.trim() === '' ? NaN : Number(this.days);
    const parsed = SiteUpdate.safeParse({ scimInviteAfterDays: this.inviteNew ? days : null, scimInviteAlumni: this.inviteAlumni });
    this.invalid = parsed.success ? new Set() : invalidFields(parsed.error.issues);
    if (!parsed.success) {
      this.failure = this.localize.term('adFixErrors');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#scim-days')?.focus();
      return;
    }
    await this.act(async () => {
      const site = await this.admin!.sites.update(this.site!, parsed.data);
      this.value = site;
      this.dispatchEvent(new HwAdminSiteSavedEvent(site));
      return this.localize.term('adSaved');
    });
  };

  private readonly createToken = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const parsed = ScimTokenCreate.safeParse({ name: new FormData(form).get('name') });
    this.invalid = parsed.success ? new Set() : invalidFields(parsed.error.issues);
    if (!parsed.success) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#scim-token-name')?.focus();
      return;
    }
    await this.act(async () => {
      const created = await this.admin!.scimTokens.create(this.site!, parsed.data);
      this.tokens = [created.token, ...this.tokens];
      form.reset();
      this.copyMessage = '';
      this.dialog.open({ kind: 'secret', created });
      return '';
    });
  };

  private async revoke(event: SubmitEvent, token: ScimToken) {
    event.preventDefault();
    await this.act(async () => {
      const revoked = await this.admin!.scimTokens.revoke(this.site!, token.id);
      this.tokens = this.tokens.map((each) => (each.id === revoked.id ? revoked : each));
      return this.localize.term('adRevokedDone', revoked.name);
    });
    this.dialog.close();
  }

  private async copy(text: string, field: string): Promise<void> {
    this.copyMessage = '';
    const copied = await copyText(text);
    this.copyMessage = this.localize.term(copied ? 'adCopied' : 'adCopyFailed');
    if (!this.dialog.subject) this.announcement = this.copyMessage;
    if (!copied) this.renderRoot.querySelector<HTMLInputElement>(field)?.select();
  }
}

define('hw-admin-scim', HwAdminScim);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-scim': HwAdminScim;
  }
}
