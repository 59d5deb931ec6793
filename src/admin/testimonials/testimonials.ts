import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Rejection, REJECTION_REASON_MAX, type ModeratedTestimonial } from '../../sdk/index.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import quoteStyles from '../../components/alumni-testimonials/alumni-testimonials.styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { queueStyles } from '../shared/queue-styles.js';
import { DialogController } from '../shared/dialog.js';

const ORDER = { pending: 0, rejected: 1, approved: 2 } as const;

/** The queue: waiting ones first, then the most recently changed. */
export function queueOrder(a: ModeratedTestimonial, b: ModeratedTestimonial): number {
  return ORDER[a.status] - ORDER[b.status] || b.updatedAt.localeCompare(a.updatedAt);
}

/**
 * @tagname hw-admin-testimonials
 * @summary The HR workspace's moderation queue: each alumni testimonial as candidates will see it,
 * waiting ones first, with Approve, and Reject with a reason the author receives.
 */
export class HwAdminTestimonials extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, quoteStyles, queueStyles];

  @state() private items: ModeratedTestimonial[] = [];
  @state() private reasonInvalid = false;

  private readonly dialog = new DialogController<ModeratedTestimonial>(this, '.status');

  private readonly queue = new Loader(this, {
    task: ([admin, site]) => admin!.testimonials.list(site!),
    args: () => [this.admin, this.site] as const,
    onComplete: (list) => (this.items = [...list.items].sort(queueOrder)),
  });

  protected override render() {
    return html`
      ${this.renderFeedback()}
      ${this.queue.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderQueue(),
        error: (error) => this.renderLoadError(error, () => this.queue.run()),
      })}
      ${this.dialog.render(this.localize.term('adRejectTitle', this.dialog.subject?.author ?? ''), (item) => this.renderRejectForm(item))}
    `;
  }

  private renderQueue() {
    if (this.items.length === 0) return html`<p class="message empty">${this.localize.term('adQueueEmpty')}</p>`;
    return html`<ul class="queue" role="list">
      ${repeat(
        this.items,
        (item) => item.id,
        (item) => html`<li data-testimonial=${item.id}>${this.renderItem(item)}</li>`,
      )}
    </ul>`;
  }

  private renderItem(item: ModeratedTestimonial) {
    const { localize } = this;
    return html`
      <p class="state ${item.status}">${this.statusText(item)}</p>
      ${this.renderQuote(item)}
      ${item.consent ? nothing : html`<p class="hint">${localize.term('adNoConsent')}</p>`}
      <div class="actions">
        ${item.status === 'approved' ? nothing : html`<button @click=${() => this.approve(item)}>${this.about(localize.term('adApprove'), item.author)}</button>`}
        ${
          item.status === 'rejected'
            ? nothing
            : html`<button class="secondary" @click=${() => ((this.reasonInvalid = false), this.dialog.open(item))}>
              ${this.about(localize.term('adReject'), item.author)}
            </button>`
        }
      </div>
    `;
  }

  /** As `hw-alumni-testimonials` shows it, with the same styles. */
  private renderQuote({ quote, author, roles, fromYear, toYear, currentRole }: ModeratedTestimonial) {
    const { localize } = this;
    const years = toYear === null ? localize.term('adSince', fromYear) : fromYear === toYear ? fromYear : `${fromYear}–${toYear}`;
    return html`
      <figure class="quote">
        <blockquote><p>${quote}</p></blockquote>
        <figcaption>
          <span class="author">${author}</span> — ${roles.join(', ')} (${years})${currentRole ? html`, ${localize.term('adNow', currentRole)}` : nothing}
          <span class="badge">${localize.term('alumni')}</span>
        </figcaption>
      </figure>
    `;
  }

  private statusText(item: ModeratedTestimonial): string {
    const { localize } = this;
    if (item.status === 'pending') return localize.term('adPending');
    if (item.status === 'approved') return localize.term('adApproved');
    return item.rejectionReason ? localize.term('adRejectedBecause', item.rejectionReason) : localize.term('adRejected');
  }

  private renderRejectForm(item: ModeratedTestimonial) {
    const { localize } = this;
    const describedBy = this.reasonInvalid ? 'reason-hint reason-error' : 'reason-hint';
    return html`
      <form novalidate @submit=${(event: SubmitEvent) => this.reject(event, item)}>
        <div class="field">
          <label for="reason">${localize.term('adReason')}</label>
          <p id="reason-hint" class="hint">${localize.term('adReasonHint')}</p>
          <textarea id="reason" name="reason" rows="4" maxlength=${REJECTION_REASON_MAX} required autofocus
            aria-invalid=${this.reasonInvalid ? 'true' : 'false'} aria-describedby=${describedBy}></textarea>
          ${this.reasonInvalid ? html`<p id="reason-error" class="error">${localize.term('adReasonRequired', REJECTION_REASON_MAX)}</p>` : nothing}
        </div>
        <div class="actions">
          <button type="button" class="secondary" @click=${this.dialog.close}>${localize.term('adCancel')}</button>
          <button type="submit">${localize.term('adReject')}</button>
        </div>
      </form>
    `;
  }

  private approve(item: ModeratedTestimonial) {
    return this.act(async () => {
      const { testimonial } = await this.admin!.testimonials.approve(this.site!, item.id);
      this.replace(testimonial);
      return this.localize.term('adApprovedDone', item.author);
    });
  }

  private async reject(event: SubmitEvent, item: ModeratedTestimonial) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const parsed = Rejection.safeParse({ reason: (form.reason as HTMLTextAreaElement).value });
    this.reasonInvalid = !parsed.success;
    if (!parsed.success) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#reason')?.focus();
      return;
    }
    await this.act(async () => {
      const { testimonial } = await this.admin!.testimonials.reject(this.site!, item.id, parsed.data.reason);
      this.replace(testimonial);
      return this.localize.term('adRejectedDone', item.author);
    });
    this.dialog.close();
  }

  private replace(testimonial: ModeratedTestimonial): void {
    this.items = this.items.map((each) => (each.id === testimonial.id ? testimonial : each));
  }
}

define('hw-admin-testimonials', HwAdminTestimonials);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-testimonials': HwAdminTestimonials;
  }
}
