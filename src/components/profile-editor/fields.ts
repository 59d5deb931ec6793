import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** Where a message shows: next to what the employee just did. */
export type Section = 'photo' | 'profile' | 'consent' | 'testimonial' | 'account' | 'sign-in';

/** The one message on screen. */
export interface Feedback {
  section: Section;
  /** `status`: progress or success, said politely. `error`: announced at once (role="alert"). */
  kind: 'status' | 'error';
  text: string;
  /** The `name` of the control an error is about. */
  field?: string;
}

export interface TextFieldOptions {
  value: string;
  type?: 'text' | 'url';
  maxlength?: number;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
}

/**
 * "Unsaved changes" above a section's Save button (which `aria-describedby` it), while the
 * section's form differs from what the server holds: drafts survive saving another section.
 */
export function unsavedNote(id: string, text: string | false) {
  return text ? html`<p id=${id} part="unsaved" class="unsaved">${text}</p>` : nothing;
}

/**
 * Renders controls with their label, hint and error: the control named by an error gets
 * `aria-invalid` and is described by the error's text, which sits right below it.
 */
export class Fields {
  constructor(private readonly feedback: Feedback | undefined) {}

  text(name: string, label: string, options: TextFieldOptions) {
    const hintId = options.hint ? `${name}-hint` : undefined;
    return html`
      <div class="field">
        <label for=${name}>${label}</label>
        ${options.hint ? html`<p id=${hintId!} class="hint">${options.hint}</p>` : nothing}
        <input part="input" id=${name} name=${name} type=${options.type ?? 'text'} .value=${live(options.value)}
          maxlength=${ifDefined(options.maxlength)} ?required=${!!options.required} autocomplete=${ifDefined(options.autocomplete)}
          aria-invalid=${this.invalid(name)} aria-describedby=${this.describedBy(name, hintId)} />
        ${this.error(name)}
      </div>
    `;
  }

  checkbox(name: string, value: string, checked: boolean, label: string) {
    return html`
      <label class="choice">
        <input type="checkbox" name=${name} value=${value} .checked=${live(checked)}
          aria-invalid=${this.invalid(name)} aria-describedby=${this.describedBy(name)} />
        ${label}
      </label>
    `;
  }

  /** For `aria-invalid`. */
  invalid(name: string) {
    return ifDefined(this.errorFor(name) === undefined ? undefined : 'true');
  }

  /** For `aria-describedby`: the given ids, then the error's if the control has one. */
  describedBy(name: string, ...ids: (string | undefined)[]) {
    const error = this.errorFor(name) === undefined ? undefined : `${name}-error`;
    return ifDefined([...ids, error].filter(Boolean).join(' ') || undefined);
  }

  /** The control's error, if it has one; inserted with role="alert", so it is announced. */
  error(name: string) {
    const text = this.errorFor(name);
    return text === undefined ? nothing : html`<p id="${name}-error" role="alert" part="error" class="error">${text}</p>`;
  }

  /** The section's status line (always there, so that changes are announced), and its error when not a field's. */
  messages(section: Section) {
    const feedback = this.feedback?.section === section ? this.feedback : undefined;
    return html`
      <div class="messages">
        <p role="status" part="status" class="status">${feedback?.kind === 'status' ? feedback.text : ''}</p>
        ${feedback?.kind === 'error' && !feedback.field ? html`<p role="alert" part="error" class="error">${feedback.text}</p>` : nothing}
      </div>
    `;
  }

  private errorFor(name: string): string | undefined {
    const { feedback } = this;
    return feedback?.kind === 'error' && feedback.field === name ? feedback.text : undefined;
  }
}
