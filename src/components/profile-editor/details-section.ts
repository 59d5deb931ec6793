import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { PATH_MAX_STEPS, REPLY_TIME_MIN_ANSWERS, TESTIMONIAL_LIMITS, type CardDetails, type MyCardDetails, type MyProfile } from '../../sdk/index.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import { unsavedNote, type Fields } from './fields.js';
import type { SaveController } from './save-controller.js';

/** Added to the editor's styles: one box per role, its years side by side, its buttons in a row. */
export const detailsStyles = css`
  .path {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .path > li {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--hw-border);
    border-radius: var(--_radius);
  }
`;

/** A role as typed: years as text, empty for none. */
interface StepForm {
  role: string;
  fromYear: string;
  toYear: string;
}

interface DetailsForm {
  path: StepForm[];
  showReplyTime: boolean;
}

export interface DetailsHost {
  localize: LocalizeController<EditorTranslation>;
  save: SaveController;
  onSaved: (me: MyProfile) => void;
}

/**
 * "More about you": the path here (roles with years, added, removed and reordered with buttons) and
 * the opt-in to show the reply time, as the card's "More about" view shows them. Keeps its own form.
 */
export class DetailsSection implements ReactiveController {
  private form: DetailsForm = { path: [], showReplyTime: false };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DetailsHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  load(saved: MyCardDetails | undefined): void {
    this.form = formFrom(saved);
  }

  unsaved(me: MyProfile): boolean {
    return JSON.stringify(this.form) !== JSON.stringify(formFrom(me.details));
  }

  render(me: MyProfile, fields: Fields) {
    const { localize } = this.options;
    const { path, showReplyTime } = this.form;
    const unsaved = this.unsaved(me);
    const replyDays = me.details?.replyDays ?? null;
    return html`
      <section part="details" aria-labelledby="details-heading">
        <h2 id="details-heading">${localize.term('meDetailsHeading')}</h2>
        <p>${localize.term('meDetailsIntro')}</p>
        <form novalidate @input=${this.edit} @submit=${this.submit}>
          <fieldset class="field">
            <legend>${localize.term('mePathLegend')}</legend>
            <p id="path-hint" class="hint">${localize.term('mePathHint', PATH_MAX_STEPS)}</p>
            ${path.length ? html`<ol class="path">${path.map((step, i) => this.renderStep(step, i, fields))}</ol>` : nothing}
            ${
              path.length < PATH_MAX_STEPS
                ? html`<div class="row"><button part="button secondary" class="secondary" type="button" id="path-add" aria-describedby="path-hint" @click=${this.add}>${localize.term('mePathAdd')}</button></div>`
                : html`<p class="hint">${localize.term('mePathFull', PATH_MAX_STEPS)}</p>`
            }
          </fieldset>
          <fieldset class="purpose">
            <legend>${localize.term('meReplyLegend')}</legend>
            <label class="consent">
              <input type="checkbox" name="showReplyTime" .checked=${live(showReplyTime)} aria-describedby="reply-hint" />
              <span>${localize.term('meReplyOptIn')}</span>
            </label>
            <p id="reply-hint" class="hint">
              ${replyDays === null ? localize.term('meReplyNotYet', REPLY_TIME_MIN_ANSWERS) : localize.term('meReplyPreview', localize.term('repliesWithin', replyDays))}
            </p>
          </fieldset>
          ${unsavedNote('details-unsaved', unsaved && localize.term('meUnsaved'))}
          <button part="button" type="submit" aria-describedby=${unsaved ? 'details-unsaved' : nothing}>${localize.term('meSaveDetails')}</button>
          ${fields.messages('details')}
        </form>
      </section>
    `;
  }

  private renderStep(step: StepForm, i: number, fields: Fields) {
    const { localize } = this.options;
    const n = i + 1;
    const last = this.form.path.length - 1;
    const input = (name: string, label: string, value: string, year: boolean) => html`
      <span class="field">
        <label for=${name}>${label}</label>
        ${
          year
            ? html`<input part="input" id=${name} name=${name} type="number" inputmode="numeric" min=${TESTIMONIAL_LIMITS.firstYear} max=${TESTIMONIAL_LIMITS.lastYear}
                step="1" class="narrow" .value=${live(value)} aria-invalid=${fields.invalid(name)} aria-describedby=${fields.describedBy(name)} />`
            : html`<input part="input" id=${name} name=${name} maxlength=${TESTIMONIAL_LIMITS.role} autocomplete="organization-title" .value=${live(value)}
                aria-invalid=${fields.invalid(name)} aria-describedby=${fields.describedBy(name)} />`
        }
        ${fields.error(name)}
      </span>
    `;
    return html`
      <li>
        <fieldset class="field">
          <legend>${localize.term('mePathStep', n)}</legend>
          ${input(`role-${i}`, localize.term('mePathRole'), step.role, false)}
          <div class="row">
            ${input(`fromYear-${i}`, localize.term('meFromYear'), step.fromYear, true)} ${input(`toYear-${i}`, localize.term('meToYear'), step.toYear, true)}
          </div>
          <div class="row">
            ${i > 0 ? this.button(`up-${i}`, localize.term('mePathUp', n), () => this.move(i, -1)) : nothing}
            ${i < last ? this.button(`down-${i}`, localize.term('mePathDown', n), () => this.move(i, 1)) : nothing}
            ${this.button(`remove-${i}`, localize.term('mePathRemove', n), () => this.remove(i))}
          </div>
        </fieldset>
      </li>
    `;
  }

  private button(id: string, label: string, onClick: () => void) {
    return html`<button part="button secondary" class="secondary" type="button" id=${id} @click=${onClick}>${label}</button>`;
  }

  private readonly add = (): void => {
    this.form = { ...this.form, path: [...this.form.path, { role: '', fromYear: '', toYear: '' }] };
    this.options.save.focusAfterRender(`#role-${this.form.path.length - 1}`);
  };

  private remove(i: number): void {
    const path = this.form.path.filter((_, j) => j !== i);
    this.form = { ...this.form, path };
    // The focus goes to the role that took its place, else the one before it, else "Add a role".
    this.options.save.focusAfterRender(path.length ? `#remove-${Math.min(i, path.length - 1)}` : '#path-add');
  }

  /** Moves role `i` one place up (-1) or down (1); the focus follows it, on the same button while it has one. */
  private move(i: number, by: -1 | 1): void {
    const path = [...this.form.path];
    const to = i + by;
    [path[i], path[to]] = [path[to]!, path[i]!];
    this.form = { ...this.form, path };
    const edge = (by < 0 && to === 0) || (by > 0 && to === path.length - 1);
    this.options.save.focusAfterRender(edge ? `#${by < 0 ? 'down' : 'up'}-${to}` : `#${by < 0 ? 'up' : 'down'}-${to}`);
  }

  private readonly edit = (event: Event): void => {
    const form = (event.currentTarget as HTMLFormElement).elements;
    const value = (name: string) => (form.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    this.form = {
      path: this.form.path.map((_, i) => ({ role: value(`role-${i}`), fromYear: value(`fromYear-${i}`), toYear: value(`toYear-${i}`) })),
      showReplyTime: (form.namedItem('showReplyTime') as HTMLInputElement).checked,
    };
    this.host.requestUpdate();
  };

  private readonly submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { localize, save } = this.options;
    const invalid = validate(this.form);
    if (invalid) return save.invalid('details', invalid.field, localize.term(invalid.reason));
    const me = await save.send('details', (client) => client.saveDetails(toDetails(this.form)));
    if (!me) return;
    this.form = formFrom(me.details);
    save.say('details', 'meDetailsSaved');
    this.options.onSaved(me);
  };
}

function formFrom(saved: MyCardDetails | undefined): DetailsForm {
  return {
    path: (saved?.path ?? []).map((step) => ({ role: step.role, fromYear: String(step.fromYear), toYear: step.toYear === null ? '' : String(step.toYear) })),
    showReplyTime: saved?.showReplyTime ?? false,
  };
}

const isYear = (year: number) => Number.isInteger(year) && year >= TESTIMONIAL_LIMITS.firstYear && year <= new Date().getFullYear();

function validate({ path }: DetailsForm): { field: string; reason: 'mePathRoleRequired' | 'meYearsInvalid' } | undefined {
  for (const [i, step] of path.entries()) {
    if (!step.role.trim()) return { field: `role-${i}`, reason: 'mePathRoleRequired' };
    const from = Number(step.fromYear);
    if (!step.fromYear.trim() || !isYear(from)) return { field: `fromYear-${i}`, reason: 'meYearsInvalid' };
    const to = Number(step.toYear);
    if (step.toYear.trim() && (!isYear(to) || to < from)) return { field: `toYear-${i}`, reason: 'meYearsInvalid' };
  }
  return undefined;
}

function toDetails(form: DetailsForm): CardDetails {
  return {
    path: form.path.map((step) => ({ role: step.role.trim(), fromYear: Number(step.fromYear), toYear: step.toYear.trim() ? Number(step.toYear) : null })),
    showReplyTime: form.showReplyTime,
  };
}
