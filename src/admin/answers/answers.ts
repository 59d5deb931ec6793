import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ModeratedAnswer } from '../../sdk/answer-schemas.js';
import { define } from '../../components/shared/define.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { queueStyles } from '../shared/queue-styles.js';
import styles from './answers.styles.js';

const STATUS = { pending: 'adQaPending', approved: 'adQaApproved', rejected: 'adQaRejected' } as const;

/**
 * @tagname hw-admin-answers
 * @summary The HR workspace's moderation of published Q&A (issue 18): each question and answer as
 * candidates would read them, who answered, whether the candidate agreed, with Approve and Reject.
 * The candidate is never named here either.
 */
export class HwAdminAnswers extends AdminElement {
  static override styles = [baseStyles, adminStyles, queueStyles, styles];

  @state() private items: ModeratedAnswer[] = [];

  protected readonly queue = new Loader(this, {
    task: ([admin, site]) => admin!.answers.list(site!),
    args: () => [this.admin, this.site] as const,
    onComplete: (list) => (this.items = list.items),
  });

  protected override render() {
    return html`
      <p class="hint">${this.localize.term('adQaIntro')}</p>
      ${this.renderFeedback()}
      ${this.queue.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderQueue(),
        error: (error) => this.renderLoadError(error, () => this.queue.run()),
      })}
    `;
  }

  private renderQueue() {
    if (this.items.length === 0) return html`<p class="message empty">${this.localize.term('adQaEmpty')}</p>`;
    return html`<ul class="queue" role="list">
      ${repeat(
        this.items,
        (item) => item.id,
        (item) => html`<li data-answer=${item.id}>${this.renderItem(item)}</li>`,
      )}
    </ul>`;
  }

  private renderItem(item: ModeratedAnswer) {
    const { localize } = this;
    return html`
      <p class="state ${item.moderation}">${localize.term(STATUS[item.moderation])}</p>
      <blockquote>${item.question}</blockquote>
      <p class="text">${item.answer}</p>
      <p class="by">${localize.term('adQaBy', item.employee, item.jobTitle)}</p>
      <p class="consent">${localize.term(item.candidate === 'agreed' ? 'adQaCandidateAgreed' : 'adQaCandidatePending')}</p>
      <div class="actions">
        ${item.moderation === 'approved' ? nothing : html`<button @click=${() => this.decide(item, 'approve')}>${this.about(localize.term('adApprove'), item.employee)}</button>`}
        ${
          item.moderation === 'rejected'
            ? nothing
            : html`<button class="secondary" @click=${() => this.decide(item, 'reject')}>${this.about(localize.term('adReject'), item.employee)}</button>`
        }
      </div>
    `;
  }

  private decide(item: ModeratedAnswer, decision: 'approve' | 'reject') {
    return this.act(async () => {
      const { answer } = await this.admin!.answers[decision](this.site!, item.id);
      this.items = this.items.map((each) => (each.id === answer.id ? answer : each));
      return this.localize.term(decision === 'approve' ? 'adQaApprovedDone' : 'adQaRejectedDone', item.employee);
    });
  }
}

define('hw-admin-answers', HwAdminAnswers);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-answers': HwAdminAnswers;
  }
}
