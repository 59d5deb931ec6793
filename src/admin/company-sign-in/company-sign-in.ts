import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { OIDC_CLIENT_ID_MAX, OIDC_CLIENT_SECRET_MAX, OIDC_DISPLAY_NAME_MAX, OIDC_ISSUER_MAX, SiteOidcUpdate, type SiteOidcAnswer } from '../../sdk/admin-schemas.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { invalidFields } from '../shared/errors.js';
import styles from './company-sign-in.styles.js';

interface Draft {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  emailSignIn: boolean;
}

type TextField = Exclude<keyof Draft, 'emailSignIn'>;

const EMPTY: Draft = { issuer: '', clientId: '', clientSecret: '', displayName: '', emailSignIn: true };

/**
 * @tagname hw-admin-company-sign-in
 * @summary A site's company sign-in (OpenID Connect), in the site settings: the redirect URI to register
 * at the provider, the issuer, client id, write-only client secret, the company's name on the button,
 * and whether e-mail links stay on.
 */
export class HwAdminCompanySignIn extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  @state() private draft?: Draft;
  @state() private invalid = new Set<string>();

  private readonly settings = new Loader(this, {
    task: async ([admin, site]) => {
      const answer = await admin!.oidc.get(site!);
      this.draft = toDraft(answer);
      return answer;
    },
    args: () => [this.admin, this.site] as const,
  });

  protected override render() {
    const { localize } = this;
    return html`
      <section aria-labelledby="oidc-heading">
        <h2 id="oidc-heading">${localize.term('adOidcTitle')}</h2>
        ${this.settings.render({
          initial: () => this.renderLoading(),
          pending: () => (this.settings.value ? this.renderForm(this.settings.value) : this.renderLoading()),
          complete: (answer) => this.renderForm(answer),
          error: (error) => this.renderLoadError(error, () => this.settings.run()),
        })}
      </section>
    `;
  }

  private renderForm(answer: SiteOidcAnswer) {
    const { localize } = this;
    const draft = this.draft ?? EMPTY;
    const configured = answer.settings !== null;
    return html`
      <p class="hint">${localize.term('adOidcIntro')}</p>
      <dl class="register">
        <dt>${localize.term('adOidcRedirectUri')}</dt>
        <dd><code>${answer.redirectUri}</code></dd>
        <dt>${localize.term('adOidcScopes')}</dt>
        <dd><code>${answer.scopes}</code></dd>
      </dl>
      <form novalidate @submit=${this.save}>
        ${this.textField('issuer', localize.term('adOidcIssuer'), { type: 'url', maxlength: OIDC_ISSUER_MAX, hint: localize.term('adOidcIssuerHint'), placeholder: 'https://beaumont.okta.com' })}
        ${this.textField('clientId', localize.term('adOidcClientId'), { maxlength: OIDC_CLIENT_ID_MAX })}
        ${this.textField('clientSecret', localize.term('adOidcClientSecret'), {
          type: 'password',
          maxlength: OIDC_CLIENT_SECRET_MAX,
          hint: localize.term(configured ? 'adOidcSecretKept' : 'adOidcSecretHint'),
        })}
        ${this.textField('displayName', localize.term('adOidcDisplayName'), {
          maxlength: OIDC_DISPLAY_NAME_MAX,
          hint: localize.term('adOidcDisplayNameHint', draft.displayName.trim() || 'Beaumont'),
        })}
        <div class="field check">
          <input id="emailSignIn" type="checkbox" .checked=${live(draft.emailSignIn)} aria-describedby="emailSignIn-hint"
            @change=${(event: Event) => this.edit({ emailSignIn: (event.target as HTMLInputElement).checked })} />
          <label for="emailSignIn">${localize.term('adOidcEmailSignIn')}</label>
          <p id="emailSignIn-hint" class="hint">${localize.term('adOidcEmailSignInHint')}</p>
        </div>
        ${this.renderFeedback()}
        <div class="actions">
          <button type="submit">${localize.term('adOidcSave')}</button>
          ${configured ? html`<button type="button" class="secondary" @click=${this.removeSettings}>${localize.term('adOidcRemove')}</button>` : nothing}
        </div>
      </form>
    `;
  }

  private textField(name: TextField, label: string, options: { type?: string; maxlength: number; hint?: string; placeholder?: string }) {
    const invalid = this.invalid.has(name);
    const describedBy = [options.hint ? `${name}-hint` : '', invalid ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for=${name}>${label}</label>
        ${options.hint ? html`<p id=${`${name}-hint`} class="hint">${options.hint}</p>` : nothing}
        <input id=${name} name=${name} type=${options.type ?? 'text'} .value=${live((this.draft ?? EMPTY)[name])} maxlength=${options.maxlength}
          autocomplete="off" placeholder=${options.placeholder ?? nothing} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
          @input=${(event: InputEvent) => this.edit({ [name]: (event.target as HTMLInputElement).value })} />
        ${invalid ? html`<p id=${`${name}-error`} class="error">${this.localize.term('adOidcFieldError')}</p>` : nothing}
      </div>
    `;
  }

  private edit(fields: Partial<Draft>): void {
    this.draft = { ...(this.draft ?? EMPTY), ...fields };
    this.announcement = '';
  }

  private readonly save = async (event: SubmitEvent) => {
    event.preventDefault();
    const draft = this.draft ?? EMPTY;
    const configured = this.settings.value?.settings !== null;
    const parsed = SiteOidcUpdate.safeParse({
      issuer: draft.issuer.trim(),
      clientId: draft.clientId,
      ...(draft.clientSecret && { clientSecret: draft.clientSecret }),
      displayName: draft.displayName,
      emailSignIn: draft.emailSignIn,
    });
    this.invalid = parsed.success ? new Set() : invalidFields(parsed.error.issues);
    if (!configured && !draft.clientSecret) this.invalid = new Set([...this.invalid, 'clientSecret']);
    [this.failure, this.announcement] = ['', ''];
    if (!parsed.success || this.invalid.size > 0) {
      this.failure = this.localize.term('adFixErrors');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.act(async () => {
      this.keep(await this.admin!.oidc.set(this.site!, parsed.data));
      return this.localize.term('adSaved');
    });
  };

  private readonly removeSettings = () =>
    this.act(async () => {
      this.keep(await this.admin!.oidc.remove(this.site!));
      this.renderRoot.querySelector<HTMLElement>('#issuer')?.focus();
      return this.localize.term('adOidcRemoved');
    });

  /** The server's answer becomes the page's: the secret field empties, as the secret is never shown again. */
  private keep(answer: SiteOidcAnswer): void {
    this.settings.value = answer;
    this.draft = toDraft(answer);
  }
}

const toDraft = ({ settings }: SiteOidcAnswer): Draft =>
  settings
    ? { issuer: settings.issuer, clientId: settings.clientId, clientSecret: '', displayName: settings.displayName, emailSignIn: settings.emailSignIn }
    : { ...EMPTY };

define('hw-admin-company-sign-in', HwAdminCompanySignIn);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-company-sign-in': HwAdminCompanySignIn;
  }
}
