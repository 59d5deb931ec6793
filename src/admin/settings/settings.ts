import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  ANSWER_WINDOW_MAX_DAYS,
  ANSWER_WINDOW_MIN_DAYS,
  DEFAULT_ANSWER_WINDOW_DAYS,
  DEFAULT_TIME_ZONE,
  SITE_NAME_MAX,
  SiteUpdate,
  isAllowedOrigin,
  type AdminSite,
} from '../../sdk/admin-schemas.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { copyText } from '../shared/copy.js';
import { invalidFields } from '../shared/errors.js';
import { SNIPPET_ELEMENTS, embedSnippet, type SnippetAttribute, type SnippetChoice, type SnippetElement } from './snippet.js';
import styles from './settings.styles.js';
import { filterUpdate, renderFilterFields, toFilterDraft, type FilterDraft } from './filter-fields.js';
import { renderThemeFields, themeProblems, themeTokens, themeUpdate, toThemeDraft, type ThemeDraft } from './theme-fields.js';
import '../job-feed/job-feed.js';

interface Draft extends FilterDraft, ThemeDraft {
  name: string;
  allowedOrigins: string[];
  defaultLang: string;
  accentColor: string;
  careersUrl: string;
  answerWindowDays: string;
  timeZone: string;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The messages of the fields the contract refuses. */
const FIELD_ERRORS = {
  name: 'adSiteNameError',
  allowedOrigins: 'adOriginError',
  accentColor: 'adAccentError',
  careersUrl: 'adCareersUrlError',
  answerWindowDays: 'adWsAnswerWindowError',
  timeZone: 'adWsTimeZoneError',
} as const;

/** Fired with the site as the server saved it. */
export class HwAdminSiteSavedEvent extends CustomEvent<AdminSite> {
  constructor(site: AdminSite) {
    super('hw-admin-site-saved', { detail: site, bubbles: true, composed: true });
  }
}

/**
 * @tagname hw-admin-settings
 * @summary The HR workspace's site settings: name, allowed origins, default language, accent colour
 * with a live preview of the real people grid, careers page, and the embed code builder.
 *
 * @fires {HwAdminSiteSavedEvent} hw-admin-site-saved - The settings were saved; `detail` is the site.
 */
export class HwAdminSettings extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  /** The site as the server holds it. */
  @property({ attribute: false }) value?: AdminSite;

  @state() private draft?: Draft;
  @state() private invalid = new Set<string>();
  @state() private newOrigin = '';
  @state() private originError?: 'adOriginError' | 'adOriginTwice';
  @state() private snippet: SnippetChoice = { element: 'hw-people-grid', attributes: { limit: '6' } };
  @state() private copyMessage = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // The real elements, for the preview: only loaded when this page opens.
    void import('../../components/people-grid/people-grid.js');
    void import('../company-sign-in/company-sign-in.js');
    void import('../scim/scim.js');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value) this.draft = toDraft(this.value);
  }

  /**
   * The preview's accent, as a style property: the workspace's CSP (`style-src 'self'`) refuses style
   * attributes, which is what styleMap writes on its first render.
   */
  protected override updated(): void {
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    const accent = this.draft?.accentColor ?? '';
    if (HEX.test(accent)) frame?.style.setProperty('--hw-accent', accent);
    else frame?.style.removeProperty('--hw-accent');
    const tokens = new Map(this.draft ? themeTokens(this.draft) : []);
    for (const name of ['--hw-radius', '--hw-font', '--hw-card-background', '--hw-card-color']) {
      if (tokens.has(name)) frame?.style.setProperty(name, tokens.get(name)!);
      else frame?.style.removeProperty(name);
    }
  }

  protected override render() {
    const { draft, localize } = this;
    if (!draft) return nothing;
    return html`
      <div class="columns">
        <section aria-labelledby="settings-heading">
          <h2 id="settings-heading" class="visually-hidden">${localize.term('adSettings')}</h2>
          <form novalidate @submit=${this.save}>
            ${this.textField('name', localize.term('adSiteName'), draft.name, { maxlength: SITE_NAME_MAX, required: true })}
            ${this.renderOrigins(draft)}
            <div class="field">
              <label for="defaultLang">${localize.term('adDefaultLang')}</label>
              <select id="defaultLang" aria-invalid=${this.invalid.has('defaultLang') ? 'true' : 'false'} aria-describedby=${this.invalid.has('defaultLang') ? 'defaultLang-error' : nothing}
                @change=${(event: Event) => this.edit({ defaultLang: (event.target as HTMLSelectElement).value })}>
                ${(['en', 'fr'] as const).map((lang) => html`<option value=${lang} ?selected=${draft.defaultLang === lang}>${localize.languageName(lang)}</option>`)}
              </select>
              ${this.invalid.has('defaultLang') ? html`<p id="defaultLang-error" class="error">${localize.term('adThDefaultLangError')}</p>` : nothing}
            </div>
            ${renderThemeFields(localize, draft, this.invalid, (fields) => this.edit(fields))}
            ${this.renderAccent(draft)}
            ${this.textField('careersUrl', localize.term('adCareersUrl'), draft.careersUrl, { type: 'url', hint: localize.term('adCareersUrlHint') })}
            ${renderFilterFields(localize, draft, this.invalid.has('heldWords'), (fields) => this.edit(fields))}
            ${this.renderAnswerWindow(draft)}
            ${this.renderFeedback()}
            <button type="submit">${localize.term('adSave')}</button>
          </form>
        </section>
        ${this.renderPreview()}
      </div>
      ${this.renderSnippet()}
      <hw-admin-job-feed site=${this.site ?? ''} .admin=${this.admin} .scopes=${this.scopes}></hw-admin-job-feed>
      <hw-admin-company-sign-in lang=${this.localize.lang} .admin=${this.admin} .scopes=${this.scopes} site=${this.site ?? ''}></hw-admin-company-sign-in>
      ${this.scopes.includes('settings') ? html`<hw-admin-scim lang=${this.localize.lang} site=${this.site ?? ''} .value=${this.value} .admin=${this.admin} .scopes=${this.scopes}></hw-admin-scim>` : nothing}
    `;
  }

  private textField(name: keyof Draft, label: string, value: string, options: { type?: string; maxlength?: number; required?: boolean; hint?: string }) {
    const invalid = this.invalid.has(name);
    const describedBy = [options.hint ? `${name}-hint` : '', invalid ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for=${name}>${label}</label>
        ${options.hint ? html`<p id=${`${name}-hint`} class="hint">${options.hint}</p>` : nothing}
        <input id=${name} name=${name} type=${options.type ?? 'text'} .value=${live(value)} maxlength=${options.maxlength ?? 2000}
          ?required=${!!options.required} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
          @input=${(event: InputEvent) => this.edit({ [name]: (event.target as HTMLInputElement).value })} />
        ${invalid ? html`<p id=${`${name}-error`} class="error">${this.fieldError(name)}</p>` : nothing}
      </div>
    `;
  }

  private fieldError(name: keyof Draft): string {
    if (name === 'name') return this.localize.term('adSiteNameError', SITE_NAME_MAX);
    return this.localize.term(FIELD_ERRORS[name as Exclude<keyof typeof FIELD_ERRORS, 'name'>]);
  }

  private renderOrigins(draft: Draft) {
    const { localize } = this;
    const error = this.originError ?? (this.invalid.has('allowedOrigins') ? 'adOriginError' : undefined);
    return html`
      <fieldset>
        <legend>${localize.term('adOrigins')}</legend>
        <p class="hint" id="origins-hint">${localize.term('adOriginsHint')}</p>
        ${
          draft.allowedOrigins.length
            ? html`<ul class="origins" role="list">
              ${draft.allowedOrigins.map(
                (origin) => html`<li>
                  <code>${origin}</code>
                  <button type="button" class="secondary" @click=${() => this.removeOrigin(origin)}>
                    ${this.about(localize.term('adRemove'), origin)}
                  </button>
                </li>`,
              )}
            </ul>`
            : html`<p class="muted">${localize.term('adOriginsNone')}</p>`
        }
        <div class="field">
          <label for="newOrigin">${localize.term('adOriginNew')}</label>
          <div class="inline">
            <input id="newOrigin" type="url" placeholder="https://careers.example.com" .value=${live(this.newOrigin)}
              aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'origins-hint newOrigin-error' : 'origins-hint'}
              @input=${(event: InputEvent) => (this.newOrigin = (event.target as HTMLInputElement).value)}
              @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && (event.preventDefault(), this.addOrigin())} />
            <button type="button" class="secondary" @click=${this.addOrigin}>${localize.term('adOriginAdd')}</button>
          </div>
          ${error ? html`<p id="newOrigin-error" class="error">${localize.term(error)}</p>` : nothing}
        </div>
      </fieldset>
    `;
  }

  private renderAccent(draft: Draft) {
    const { localize } = this;
    const invalid = this.invalid.has('accentColor');
    const contrast = HEX.test(draft.accentColor) ? contrastWithWhite(draft.accentColor) : undefined;
    const lowContrast = contrast !== undefined && contrast < 4.5;
    const describedBy = ['accentColor-hint', invalid ? 'accentColor-error' : '', lowContrast ? 'accentColor-contrast' : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for="accentColor">${localize.term('adAccent')}</label>
        <p id="accentColor-hint" class="hint">${localize.term('adAccentHint')}</p>
        <div class="inline">
          <input id="accentColor" name="accentColor" placeholder="#2f5bd3" .value=${live(draft.accentColor)} maxlength="7"
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
            @input=${(event: InputEvent) => this.edit({ accentColor: (event.target as HTMLInputElement).value.trim() })} />
          <input type="color" aria-label=${localize.term('adAccentPicker')} .value=${live(HEX.test(draft.accentColor) ? longHex(draft.accentColor) : '#2f5bd3')}
            @input=${(event: InputEvent) => this.edit({ accentColor: (event.target as HTMLInputElement).value })} />
        </div>
        ${invalid ? html`<p id="accentColor-error" class="error">${localize.term('adAccentError')}</p>` : nothing}
        ${
          lowContrast
            ? html`<p id="accentColor-contrast" class="warning">
              ${localize.term('adAccentContrast', new Intl.NumberFormat(localize.lang, { maximumFractionDigits: 1 }).format(contrast))}
            </p>`
            : nothing
        }
      </div>
    `;
  }

  /** Issue 18's second chance: the answer window and the time zone of the working days the one reminder keeps to. */
  private renderAnswerWindow(draft: Draft) {
    const { localize } = this;
    const error = (name: 'answerWindowDays' | 'timeZone') =>
      this.invalid.has(name) ? html`<p id=${`${name}-error`} class="error">${this.fieldError(name)}</p>` : nothing;
    const describedBy = (name: string) => [`${name}-hint`, this.invalid.has(name) ? `${name}-error` : ''].filter(Boolean).join(' ');
    const zones = timeZones(draft.timeZone);
    return html`
      <div class="field">
        <label for="answerWindowDays">${localize.term('adWsAnswerWindow')}</label>
        <p id="answerWindowDays-hint" class="hint">${localize.term('adWsAnswerWindowHint')}</p>
        <input id="answerWindowDays" name="answerWindowDays" type="number" inputmode="numeric" min=${ANSWER_WINDOW_MIN_DAYS} max=${ANSWER_WINDOW_MAX_DAYS}
          .value=${live(draft.answerWindowDays)} aria-invalid=${this.invalid.has('answerWindowDays') ? 'true' : 'false'} aria-describedby=${describedBy('answerWindowDays')}
          @input=${(event: InputEvent) => this.edit({ answerWindowDays: (event.target as HTMLInputElement).value })} />
        ${error('answerWindowDays')}
      </div>
      <div class="field">
        <label for="timeZone">${localize.term('adWsTimeZone')}</label>
        <p id="timeZone-hint" class="hint">${localize.term('adWsTimeZoneHint')}</p>
        <select id="timeZone" name="timeZone" aria-invalid=${this.invalid.has('timeZone') ? 'true' : 'false'} aria-describedby=${describedBy('timeZone')}
          @change=${(event: Event) => this.edit({ timeZone: (event.target as HTMLSelectElement).value })}>
          ${zones.map((zone) => html`<option value=${zone} ?selected=${draft.timeZone === zone}>${zone.replaceAll('_', ' ')}</option>`)}
        </select>
        ${error('timeZone')}
      </div>
    `;
  }

  private renderPreview() {
    const { localize } = this;
    return html`
      <section class="preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading">${localize.term('adPreview')}</h2>
        <p class="hint">${localize.term('adPreviewHint')}</p>
        <div class="frame">
          <hw-people-grid api=${this.admin?.baseUrl ?? location.origin} site=${this.site ?? ''} limit="3" theme="light"></hw-people-grid>
        </div>
      </section>
    `;
  }

  private renderSnippet() {
    const { localize, snippet } = this;
    const attributes: readonly SnippetAttribute[] = SNIPPET_ELEMENTS[snippet.element];
    const code = embedSnippet(this.admin?.baseUrl ?? location.origin, this.site ?? '', snippet);
    return html`
      <section class="snippet" aria-labelledby="snippet-heading">
        <h2 id="snippet-heading">${localize.term('adSnippet')}</h2>
        <p class="hint">${localize.term('adSnippetHint')}</p>
        <div class="snippet-fields">
          <div class="field">
            <label for="snippet-element">${localize.term('adElement')}</label>
            <select id="snippet-element" @change=${(event: Event) => this.chooseElement((event.target as HTMLSelectElement).value as SnippetElement)}>
              <option value="hw-people-grid" ?selected=${snippet.element === 'hw-people-grid'}>${localize.term('adElGrid')}</option>
              <option value="hw-alumni-testimonials" ?selected=${snippet.element === 'hw-alumni-testimonials'}>${localize.term('adElTestimonials')}</option>
              <option value="hw-contact-button" ?selected=${snippet.element === 'hw-contact-button'}>${localize.term('adElButton')}</option>
            </select>
          </div>
          ${attributes.map((name) => this.renderSnippetAttribute(name))}
        </div>
        <label for="snippet-code">${localize.term('adCode')}</label>
        <textarea id="snippet-code" readonly rows="3" spellcheck="false" .value=${code}></textarea>
        <div class="actions">
          <button type="button" @click=${() => this.copy(code)}>${localize.term('adCopy')}</button>
          <p class="status" role="status">${this.copyMessage}</p>
        </div>
      </section>
    `;
  }

  private renderSnippetAttribute(name: SnippetAttribute) {
    const { localize } = this;
    const value = this.snippet.attributes[name] ?? '';
    const set = (event: Event) => this.setSnippetAttribute(name, (event.target as HTMLInputElement | HTMLSelectElement).value);
    const id = `snippet-${name}`;
    if (name === 'job')
      return html`<div class="field">
        <label for=${id}>${localize.term('adJob')}</label>
        <input id=${id} .value=${live(value)} aria-describedby="snippet-job-hint" @input=${set} />
        <p id="snippet-job-hint" class="hint">${localize.term('adJobHint')}</p>
      </div>`;
    if (name === 'limit')
      return html`<div class="field">
        <label for=${id}>${localize.term('adLimit')}</label>
        <input id=${id} type="number" min="1" max="50" .value=${live(value)} @input=${set} />
      </div>`;
    const options: [string, string][] =
      name === 'layout'
        ? [
            ['', localize.term('adLayoutList')],
            ['carousel', localize.term('adLayoutCarousel')],
          ]
        : [
            ['', localize.term('adLangPage')],
            ['en', localize.languageName('en')],
            ['fr', localize.languageName('fr')],
          ];
    return html`<div class="field">
      <label for=${id}>${localize.term(name === 'layout' ? 'adLayout' : 'adLang')}</label>
      <select id=${id} @change=${set}>${options.map(([option, label]) => html`<option value=${option} ?selected=${value === option}>${label}</option>`)}</select>
    </div>`;
  }

  private chooseElement(element: SnippetElement): void {
    this.snippet = {
      element,
      attributes: element === 'hw-people-grid' ? { ...this.snippet.attributes, limit: this.snippet.attributes.limit ?? '6' } : this.snippet.attributes,
    };
  }

  private setSnippetAttribute(name: SnippetAttribute, value: string): void {
    this.snippet = { ...this.snippet, attributes: { ...this.snippet.attributes, [name]: value } };
  }

  private async copy(code: string): Promise<void> {
    this.copyMessage = '';
    const copied = await copyText(code);
    this.copyMessage = this.localize.term(copied ? 'adCopied' : 'adCopyFailed');
    if (!copied) this.renderRoot.querySelector<HTMLTextAreaElement>('#snippet-code')?.select();
  }

  private edit(fields: Partial<Draft>): void {
    this.draft = { ...this.draft!, ...fields };
    this.announcement = '';
  }

  private readonly addOrigin = () => {
    const origin = this.newOrigin.trim().replace(/\/$/, '');
    const origins = this.draft!.allowedOrigins;
    this.originError = !isAllowedOrigin(origin) ? 'adOriginError' : origins.includes(origin) ? 'adOriginTwice' : undefined;
    if (this.originError) return;
    this.edit({ allowedOrigins: [...origins, origin] });
    this.newOrigin = '';
  };

  private removeOrigin(origin: string): void {
    this.edit({ allowedOrigins: this.draft!.allowedOrigins.filter((each) => each !== origin) });
    this.renderRoot.querySelector<HTMLElement>('#newOrigin')?.focus();
  }

  private readonly save = async (event: SubmitEvent) => {
    event.preventDefault();
    const { draft } = this;
    const parsed = SiteUpdate.safeParse({
      name: draft!.name,
      allowedOrigins: draft!.allowedOrigins,
      defaultLang: draft!.defaultLang,
      accentColor: draft!.accentColor || null,
      careersUrl: draft!.careersUrl.trim() || null,
      ...filterUpdate(draft!),
      answerWindowDays: draft!.answerWindowDays.trim() === '' ? NaN : Number(draft!.answerWindowDays),
      timeZone: draft!.timeZone,
      ...themeUpdate(draft!),
    });
    this.invalid = new Set([...(parsed.success ? [] : invalidFields(parsed.error.issues)), ...themeProblems(draft!, draft!.defaultLang)]);
    [this.failure, this.announcement] = ['', ''];
    if (!parsed.success || this.invalid.size > 0) {
      this.failure = this.localize.term('adFixErrors');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    await this.act(async () => {
      const site = await this.admin!.sites.update(this.site!, parsed.data!);
      this.value = site;
      this.dispatchEvent(new HwAdminSiteSavedEvent(site));
      return this.localize.term('adSaved');
    });
  };
}

function toDraft(site: AdminSite): Draft {
  return {
    name: site.name,
    allowedOrigins: [...site.allowedOrigins],
    defaultLang: site.defaultLang,
    accentColor: site.accentColor ?? '',
    careersUrl: site.careersUrl ?? '',
    ...toFilterDraft(site),
    answerWindowDays: String(site.answerWindowDays ?? DEFAULT_ANSWER_WINDOW_DAYS),
    timeZone: site.timeZone ?? DEFAULT_TIME_ZONE,
    ...toThemeDraft(site),
  };
}

/** The zones this browser knows, the site's own first when the browser lacks it. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_TIME_ZONE];
  return known.includes(current) ? known : [current, ...known];
}

/** WCAG contrast ratio of white text on `hex`: buttons in the accent colour carry white text. */
export function contrastWithWhite(hex: string): number {
  const channels = longHex(hex)
    .match(/[0-9a-f]{2}/g)!
    .map((pair) => {
      const value = parseInt(pair, 16) / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
  const luminance = 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
  return 1.05 / (luminance + 0.05);
}

const longHex = (hex: string) => (hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (digit) => digit + digit) : hex).toLowerCase();

define('hw-admin-settings', HwAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-settings': HwAdminSettings;
  }
  interface GlobalEventHandlersEventMap {
    'hw-admin-site-saved': HwAdminSiteSavedEvent;
  }
}
