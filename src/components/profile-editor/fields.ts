import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormFields } from '../shared/form-field.js';

/** Where a message shows: next to what the employee just did. */
export type Section = 'photo' | 'profile' | 'consent' | 'testimonial' | 'account' | 'sign-in' | 'details';

/** The one message on screen. */
export interface Feedback {
  section: Section;
  /** `status`: progress or success, said politely. `error`: announced at once (role="alert"). */
  kind: 'status' | 'error';
  text: string;
  /** The `name` of the control an error is about. */
  field?: string;
}

/**
 * "Unsaved changes" above a section's Save button (which `aria-describedby` it), while the
 * section's form differs from what the server holds: drafts survive saving another section.
 */
export function unsavedNote(id: string, text: string | false) {
  return text ? html`<p id=${id} part="unsaved" class="unsaved">${text}</p>` : nothing;
}

/** The /me forms' controls: an error is about the control `feedback.field` names, and is announced itself. */
export class Fields extends FormFields {
  constructor(private readonly feedback: Feedback | undefined) {
    super((name) => (feedback?.kind === 'error' && feedback.field === name ? feedback.text : undefined), { errorPart: 'error', errorAlert: true });
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
}
