import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { TESTIMONIAL_LIMITS, TESTIMONIAL_MAX, type MyProfile, type MyTestimonial, type NameStyle, type TestimonialDraft } from '../../sdk/index.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import { unsavedNote, type Fields } from './fields.js';
import type { SaveController } from './save-controller.js';

/** The count is announced from this many characters on. */
const QUOTE_NEAR_LIMIT = TESTIMONIAL_MAX - 50;
const NAME_STYLES = ['full', 'first_initial', 'initials'] as const satisfies readonly NameStyle[];
const NAME_LABELS = { full: 'meNameFull', first_initial: 'meNameFirstInitial', initials: 'meNameInitials' } as const;
/** The languages a quote may be written in: those the widgets speak. */
const QUOTE_LANGS = ['en', 'fr'];
/** Room for the most roles at their longest, with the commas between them. */
const ROLES_MAXLENGTH = TESTIMONIAL_LIMITS.roles * (TESTIMONIAL_LIMITS.role + 4);

/** Added to the editor's styles: radio buttons keep their size, years sit side by side. */
export const testimonialStyles = css`
  input[type='radio'] {
    flex: none;
    width: auto;
    margin: 0.125em 0 0;
    accent-color: var(--hw-accent, #2f5bd3);
  }
`;

/** The form's values: text as typed (empty for none). */
export interface TestimonialForm {
  quote: string;
  /** Comma-separated. */
  roles: string;
  fromYear: string;
  toYear: string;
  currentRole: string;
  nameStyle: NameStyle;
  lang: string;
  publish: boolean;
}

type Reason = 'meQuoteRequired' | 'meQuoteTooLong' | 'meRolesInvalid' | 'meYearsInvalid';

export interface TestimonialHost {
  localize: LocalizeController<EditorTranslation>;
  save: SaveController;
  /** The profile the server answered with. */
  onSaved: (me: MyProfile) => void;
}

/**
 * "Your testimonial": what the employee (or alumnus) writes for candidates, sent to moderation on
 * each save. Keeps its own form; the editor renders it after "Your choices".
 */
export class TestimonialSection implements ReactiveController {
  // Replaced by `load` with the profile, before the first render of the form.
  private form = formFrom(null, 'en');

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TestimonialHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts over from the saved testimonial (or an empty form). */
  load(saved: MyTestimonial | null): void {
    this.form = this.formFrom(saved);
  }

  /** Whether the form differs from the saved testimonial (or from an empty one). */
  unsaved(me: MyProfile): boolean {
    return JSON.stringify(this.form) !== JSON.stringify(this.formFrom(me.testimonial));
  }

  /** The saved testimonial's values; a new one is in the language of this page (the author's, else the site's). */
  private formFrom(saved: MyTestimonial | null): TestimonialForm {
    return formFrom(saved, this.options.localize.lang);
  }

  render(me: MyProfile, fields: Fields) {
    const { localize } = this.options;
    const { form } = this;
    const site = me.site.name;
    const saved = me.testimonial;
    const count = form.quote.length;
    const unsaved = this.unsaved(me);
    const describedBy = [saved?.status === 'approved' && 'back-to-review', unsaved && 'testimonial-unsaved'].filter(Boolean).join(' ');
    return html`
      <section part="testimonial" aria-labelledby="testimonial-heading">
        <h2 id="testimonial-heading">${localize.term('meTestimonialHeading')}</h2>
        <p>${localize.term('meTestimonialIntro')}</p>
        ${saved ? html`<p class="decision" id="testimonial-status">${statusText(localize, saved)}</p>` : nothing}
        <form novalidate @input=${this.edit} @submit=${this.submit}>
          ${fields.textArea('quote', {
            label: localize.term('meQuote'),
            value: form.quote,
            rows: 5,
            counter: {
              shown: localize.term('meQuoteCount', count, TESTIMONIAL_MAX),
              announced: localize.term('meQuoteNearLimit', count, TESTIMONIAL_MAX),
              from: QUOTE_NEAR_LIMIT,
            },
          })}
          ${fields.text('roles', { label: localize.term('meRoles'), value: form.roles, hint: localize.term('meRolesHint'), required: true, maxlength: ROLES_MAXLENGTH })}
          <fieldset class="field">
            <legend>${localize.term('meYears')}</legend>
            <div class="row">
              ${this.year(fields, 'fromYear', form.fromYear, localize.term('meFromYear'))}
              ${this.year(fields, 'toYear', form.toYear, localize.term('meToYear'), 'toYear-hint')}
            </div>
            <p id="toYear-hint" class="hint">${localize.term('meToYearHint')}</p>
            ${fields.error('fromYear')} ${fields.error('toYear')}
          </fieldset>
          ${
            me.status === 'employee'
              ? nothing
              : fields.text('currentRole', {
                  label: localize.term('meCurrentRole'),
                  value: form.currentRole,
                  maxlength: TESTIMONIAL_LIMITS.role,
                  autocomplete: 'organization-title',
                })
          }
          <fieldset class="field">
            <legend>${localize.term('meNameStyle')}</legend>
            <div class="choices column">
              ${NAME_STYLES.map(
                (style) => html`
                  <label class="choice">
                    <input type="radio" name="nameStyle" value=${style} .checked=${live(form.nameStyle === style)} />
                    ${localize.term(NAME_LABELS[style], me.testimonialNames[style])}
                  </label>
                `,
              )}
            </div>
          </fieldset>
          <fieldset class="field">
            <legend>${localize.term('meQuoteLang')}</legend>
            <div class="choices">
              ${[...new Set([...QUOTE_LANGS, form.lang])].map(
                (lang) => html`
                  <label class="choice">
                    <input type="radio" name="lang" value=${lang} .checked=${live(form.lang === lang)} aria-describedby="lang-hint" />
                    <span lang=${lang}>${autonym(lang)}</span>
                  </label>
                `,
              )}
            </div>
            <p id="lang-hint" class="hint">${localize.term('meQuoteLangHint')}</p>
          </fieldset>
          <fieldset class="purpose">
            <legend>${localize.term('mePublishLegend', site)}</legend>
            <label class="consent">
              <input type="checkbox" name="publish" .checked=${live(form.publish)} />
              <span>${localize.term('mePublishText', site)}</span>
            </label>
          </fieldset>
          ${saved?.status === 'approved' ? html`<p id="back-to-review" class="hint">${localize.term('meBackToReview')}</p>` : nothing}
          ${unsavedNote('testimonial-unsaved', unsaved && localize.term('meUnsaved'))}
          <div class="row">
            <button part="button" type="submit" aria-describedby=${describedBy || nothing}>
              ${localize.term('meSaveTestimonial')}
            </button>
            ${
              saved
                ? html`<button part="button secondary" class="secondary" type="button" @click=${this.delete}>${localize.term('meDeleteTestimonial')}</button>`
                : nothing
            }
          </div>
          ${fields.messages('testimonial')}
        </form>
      </section>
    `;
  }

  private year(fields: Fields, name: 'fromYear' | 'toYear', value: string, label: string, hint?: string) {
    return html`
      <span class="field">
        <label for=${name}>${label}</label>
        <input part="input" id=${name} name=${name} type="number" inputmode="numeric" min=${TESTIMONIAL_LIMITS.firstYear} max=${TESTIMONIAL_LIMITS.lastYear} step="1" class="narrow"
          .value=${live(value)} aria-invalid=${fields.invalid(name)} aria-describedby=${fields.describedBy(name, hint)} />
      </span>
    `;
  }

  private readonly edit = (event: Event): void => {
    const form = (event.currentTarget as HTMLFormElement).elements;
    const value = (name: string) => (form.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    this.form = {
      quote: value('quote'),
      roles: value('roles'),
      fromYear: value('fromYear'),
      toYear: value('toYear'),
      currentRole: value('currentRole'),
      nameStyle: (value('nameStyle') || 'full') as NameStyle,
      lang: value('lang'),
      publish: (form.namedItem('publish') as HTMLInputElement).checked,
    };
    this.host.requestUpdate();
  };

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { localize, save } = this.options;
    const invalid = validate(this.form);
    if (invalid) {
      const { field, reason } = invalid;
      return save.invalid('testimonial', field, reason === 'meQuoteTooLong' ? localize.term(reason, TESTIMONIAL_MAX) : localize.term(reason));
    }
    const me = await save.send('testimonial', (client) => client.saveTestimonial(toDraft(this.form, this.host)));
    if (!me) return;
    this.form = this.formFrom(me.testimonial);
    save.say('testimonial', 'meTestimonialSent');
    this.options.onSaved(me);
  };

  private readonly delete = async (): Promise<void> => {
    const { save } = this.options;
    const me = await save.send('testimonial', (client) => client.deleteTestimonial());
    if (!me) return;
    this.form = this.formFrom(null);
    save.say('testimonial', 'meTestimonialDeleted');
    this.options.onSaved(me);
    save.focusAfterRender('[name="quote"]'); // the Delete button is gone: the focus goes to the empty testimonial
  };
}

function formFrom(saved: MyTestimonial | null, lang: string): TestimonialForm {
  return {
    quote: saved?.quote ?? '',
    roles: saved?.roles.join(', ') ?? '',
    fromYear: saved ? String(saved.fromYear) : '',
    toYear: saved?.toYear ? String(saved.toYear) : '',
    currentRole: saved?.currentRole ?? '',
    nameStyle: saved?.nameStyle ?? 'first_initial',
    lang: saved?.lang ?? lang,
    publish: saved?.publish ?? false,
  };
}

const rolesOf = (roles: string) =>
  roles
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
const isYear = (year: number) => Number.isInteger(year) && year >= TESTIMONIAL_LIMITS.firstYear && year <= new Date().getFullYear();

function validate(form: TestimonialForm): { field: string; reason: Reason } | undefined {
  const quote = form.quote.trim();
  if (!quote) return { field: 'quote', reason: 'meQuoteRequired' };
  if (quote.length > TESTIMONIAL_MAX) return { field: 'quote', reason: 'meQuoteTooLong' };
  const roles = rolesOf(form.roles);
  if (roles.length < 1 || roles.length > TESTIMONIAL_LIMITS.roles) return { field: 'roles', reason: 'meRolesInvalid' };
  const from = Number(form.fromYear);
  if (!form.fromYear.trim() || !isYear(from)) return { field: 'fromYear', reason: 'meYearsInvalid' };
  const to = Number(form.toYear);
  if (form.toYear.trim() && (!isYear(to) || to < from)) return { field: 'toYear', reason: 'meYearsInvalid' };
  return undefined;
}

function toDraft(form: TestimonialForm, host: HTMLElement): TestimonialDraft {
  // Only alumni have the "what you do now" field.
  const currentRole = host.shadowRoot?.querySelector('[name="currentRole"]') ? form.currentRole.trim() : '';
  return {
    quote: form.quote.trim(),
    roles: rolesOf(form.roles),
    fromYear: Number(form.fromYear),
    toYear: form.toYear.trim() ? Number(form.toYear) : null,
    currentRole: currentRole || null,
    nameStyle: form.nameStyle,
    lang: form.lang,
    publish: form.publish,
  };
}

/** "English", "Français": a language in its own words, as language pickers show them. */
function autonym(code: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    // An invalid code shows as is.
  }
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

function statusText(localize: LocalizeController<EditorTranslation>, { status, published, rejectionReason }: MyTestimonial): string {
  if (status === 'pending') return localize.term('meStatusPending');
  if (status === 'rejected') return localize.term('meStatusRejected', rejectionReason ?? '—');
  return localize.term(published ? 'meStatusPublished' : 'meStatusUnpublished');
}
