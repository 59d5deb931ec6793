import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { AdminScope } from '../../sdk/admin-schemas.js';
import { HallwayElement } from '../../components/shared/hallway-element.js';
import { registerTerms, type LocalizeController } from '../../components/shared/localize.js';
import { errorTerm, isForbidden, isSignedOut } from './errors.js';
import adminEn, { type AdminTerms } from '../admin-en.js';
import adminFr from '../admin-fr.js';
import type { AdminTranslation } from './translations.js';

registerTerms<AdminTerms>({ en: adminEn, fr: adminFr });

/** Where an admin whose session ended signs in again. */
export const SIGN_IN_PATH = '/admin/sign-in';

/**
 * A page of the HR workspace: `hw-admin-app` gives it the signed-in session's client, scopes and site.
 * It does one action at a time, announces its result and shows its failure.
 */
export abstract class AdminElement extends HallwayElement {
  declare protected readonly localize: LocalizeController<AdminTranslation>;

  /** The slug of the site this page works on. */
  @property() site?: string;

  /** The admin client of the signed-in session (its CSRF token included). */
  @property({ attribute: false }) admin?: AdminClient;

  /** What the signed-in admin may do. */
  @property({ attribute: false }) scopes: readonly AdminScope[] = [];

  /** The last action's result, announced politely. */
  @state() protected announcement = '';
  /** The last action's failure, announced at once. */
  @state() protected failure = '';
  /** The last action found the session over: its failure comes with a link to sign in again. */
  @state() protected sessionEnded = false;
  /** While an action runs: a second click does nothing (the buttons stay enabled, so the focus stays on them). */
  @state() protected busy = false;

  /** A date as the workspace's language writes it: "3 Dec 2026". */
  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.localize.lang, { dateStyle: 'medium' }).format(new Date(iso));
  }

  protected async act(action: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    [this.busy, this.failure, this.announcement] = [true, '', ''];
    try {
      this.announcement = await action();
    } catch (error) {
      this.failure = this.localize.term(errorTerm(error));
      this.sessionEnded = isSignedOut(error);
    } finally {
      this.busy = false;
    }
  }

  /** The live regions of `announcement` and `failure`. */
  protected renderFeedback() {
    return html`
      <p class="status" role="status" tabindex="-1">${this.announcement}</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      ${this.failure && this.sessionEnded ? this.renderSignInLink() : nothing}
    `;
  }

  /** Back to the sign-in page, whose link brings the admin back to the workspace. */
  protected renderSignInLink() {
    return html`<p><a href=${SIGN_IN_PATH}>${this.localize.term('adSignIn')}</a></p>`;
  }

  /** A row's button: its visible text, and for screen readers whom it is about ("Invite Ada Lovelace"). */
  protected about(text: string, who: string) {
    return html`${text}<span class="visually-hidden"> ${who}</span>`;
  }

  protected renderLoading() {
    return html`<p class="loading" role="status">${this.localize.term('adLoading')}</p>`;
  }

  /** A load that failed: why, and a retry unless the role may not read it. */
  protected renderLoadError(error: unknown, retry: () => void) {
    return html`
      <div class="message">
        <p role="alert">${this.localize.term(errorTerm(error))}</p>
        ${isSignedOut(error) ? this.renderSignInLink() : isForbidden(error) ? nothing : html`<button @click=${retry}>${this.localize.term('adRetry')}</button>`}
      </div>
    `;
  }
}
