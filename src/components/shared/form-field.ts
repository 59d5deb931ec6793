import { html, noChange, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** What differs between the forms of two elements: their documented CSS parts, and how an error is announced. */
export interface FieldLook {
  /** The CSS part of a control's error. */
  errorPart: string;
  /** Each error is an alert of its own; without it, the form's summary of its errors announces them. */
  errorAlert: boolean;
  /** The CSS part of a text area's count, where the element documents one. */
  countPart?: string;
}

interface FieldOptions {
  label: string;
  /** Between the label and the control, which it describes. */
  hint?: string;
  maxlength?: number;
  required?: boolean;
  readonly?: boolean;
}

export interface TextFieldOptions extends FieldOptions {
  /** Without a value, the input keeps what is typed in it, and the form reads it when sent. */
  value?: string;
  type?: 'text' | 'email' | 'url';
  autocomplete?: string;
}

export interface TextAreaOptions extends FieldOptions {
  value: string;
  rows: number;
  counter: Counter;
}

/** The count below a text area: always visible, but only announced near the limit, not at every keystroke. */
export interface Counter {
  shown: string;
  announced: string;
  /** The length from which `announced` is said. */
  from: number;
}

/**
 * Renders the controls of a form with their label, hint and error, the same way in every form: the
 * control with an error gets `aria-invalid` and is described by the error (id `<name>-error`), which
 * sits right below it. `errorFor` answers a control's error by its `name`, if it has one.
 */
export class FormFields {
  constructor(
    private readonly errorFor: (name: string) => string | undefined,
    private readonly look: FieldLook,
  ) {}

  text(name: string, options: TextFieldOptions) {
    const hintId = options.hint ? `${name}-hint` : undefined;
    return html`
      <div class="field">
        <label for=${name}>${options.label}</label>
        ${this.hint(hintId, options.hint)}
        <input part="input" id=${name} name=${name} type=${options.type ?? 'text'}
          .value=${options.value === undefined ? noChange : live(options.value)} autocomplete=${ifDefined(options.autocomplete)}
          maxlength=${ifDefined(options.maxlength)} ?required=${!!options.required} ?readonly=${!!options.readonly}
          aria-invalid=${this.invalid(name)} aria-describedby=${this.describedBy(name, hintId)} />
        ${this.error(name)}
      </div>
    `;
  }

  textArea(name: string, options: TextAreaOptions) {
    const hintId = options.hint ? `${name}-hint` : undefined;
    const { counter } = options;
    return html`
      <div class="field">
        <label for=${name}>${options.label}</label>
        ${this.hint(hintId, options.hint)}
        <textarea part="input" id=${name} name=${name} rows=${options.rows} .value=${live(options.value)}
          maxlength=${ifDefined(options.maxlength)} ?required=${!!options.required} ?readonly=${!!options.readonly}
          aria-invalid=${this.invalid(name)} aria-describedby=${this.describedBy(name, hintId, `${name}-count`)}></textarea>
        <p id="${name}-count" part=${ifDefined(this.look.countPart)} class="hint count">${counter.shown}</p>
        <p role="status" class="visually-hidden">${options.value.length >= counter.from ? counter.announced : ''}</p>
        ${this.error(name)}
      </div>
    `;
  }

  /** For `aria-invalid`. */
  invalid(name: string) {
    return ifDefined(this.errorFor(name) ? 'true' : undefined);
  }

  /** For `aria-describedby`: the given ids, then the error's if the control has one. */
  describedBy(name: string, ...ids: (string | undefined)[]) {
    const error = this.errorFor(name) ? `${name}-error` : undefined;
    return ifDefined([...ids, error].filter(Boolean).join(' ') || undefined);
  }

  /** The control's error, if it has one. */
  error(name: string) {
    const text = this.errorFor(name);
    if (!text) return nothing;
    const role = this.look.errorAlert ? 'alert' : undefined;
    return html`<p id="${name}-error" role=${ifDefined(role)} part=${this.look.errorPart} class="error">${text}</p>`;
  }

  private hint(id: string | undefined, text: string | undefined) {
    return id ? html`<p id=${id} class="hint">${text}</p>` : nothing;
  }
}
