import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PublishDraft, type MyAnswer, type MyAnswers, type Publication } from '../../sdk/answer-schemas.js';
import { createMyAnswersClient } from '../../sdk/answers-client.js';
import type { Translation } from '../locales/en.js';
import myAnswersEn, { type MyAnswersTranslation } from '../locales/my-answers-en.js';
import myAnswersFr from '../locales/my-answers-fr.js';
import { HallwayElement } from '../shared/hallway-element.js';
import { Loader } from '../shared/loader.js';
import { define } from '../shared/define.js';
import { fieldStyles } from '../shared/field-styles.js';
import { registerTerms, type LocalizeController } from '../shared/localize.js';
import { baseStyles } from '../shared/styles.js';
import styles from './my-answers.styles.js';

registerTerms<MyAnswersTranslation>({ en: myAnswersEn, fr: myAnswersFr });

type StatusKey = 'maPending' | 'maDeclined' | 'maModeration' | 'maRejected' | 'maPublic' | 'maHidden' | 'maWithdrawn';

/** Where a publication stands, in one sentence for its author. */
export function publicationStatus(publication: Publication): StatusKey {
  if (publication.withdrawn) return 'maWithdrawn';
  if (publication.candidate === 'declined') return 'maDeclined';
  if (publication.candidate === 'pending') return 'maPending';
  if (publication.moderation === 'pending') return 'maModeration';
  if (publication.moderation === 'rejected') return 'maRejected';
  return publication.public ? 'maPublic' : 'maHidden';
}

/**
 * @tagname hw-my-answers
 * @summary On `/me`: the employee's answered questions (those whose answer's text Hallway holds), each
 * with "Publish this answer" (an editable wording the candidate must agree to, then a moderator) or
 * "Withdraw" (hidden from candidates at once). Shows nothing while there is no such answer.
 *
 * @csspart answer - Each question and answer.
 * @csspart button - Its buttons.
 */
export class HwMyAnswers extends HallwayElement {
  static override styles = [baseStyles, fieldStyles, styles];

  declare protected readonly localize: LocalizeController<Translation & MyAnswersTranslation>;

  /** The Hallway server. Default: this page's origin. */
  @property() api?: string;

  @state() private items: MyAnswer[] = [];
  /** The question whose publish form is open. */
  @state() private editing?: string;
  @state() private invalid: ('question' | 'answer')[] = [];
  @state() private feedback?: { text: string; failed: boolean };
  @state() private busy = false;

  private readonly client = () => createMyAnswersClient({ baseUrl: this.api ?? location.origin });

  protected readonly loader = new Loader(this, {
    task: (_args, { signal }) => this.client().list({ signal }),
    args: () => [this.api] as const,
    onComplete: (list) => (this.items = list.items),
  });

  protected override render() {
    if (this.items.length === 0) return nothing;
    const { localize } = this;
    return html`
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">${localize.term('maHeading')}</h2>
        <p class="hint">${localize.term('maIntro')}</p>
        <p role="status" class=${this.feedback?.failed ? 'error' : 'done'}>${this.feedback?.text ?? ''}</p>
        <ul role="list">
          ${this.items.map((item) => html`<li>${this.renderAnswer(item)}</li>`)}
        </ul>
      </section>
    `;
  }

  private renderAnswer(item: MyAnswer) {
    const { localize } = this;
    const { publication } = item;
    return html`
      <article part="answer" class="answer">
        <h3>${localize.term('maAsked')}</h3>
        <blockquote><p>${item.question}</p></blockquote>
        <h3>${localize.term('maAnswered')}</h3>
        <p class="text">${item.answer}</p>
        ${publication ? html`<p class="state">${localize.term(publicationStatus(publication))}</p>` : nothing}
        ${this.editing === item.request ? this.renderForm(item) : this.renderActions(item)}
      </article>
    `;
  }

  private renderActions(item: MyAnswer) {
    const { publication } = item;
    const active = publication && !publication.withdrawn && publication.candidate !== 'declined';
    if (active) {
      return html`<button part="button" class="secondary" ?disabled=${this.busy} @click=${() => this.withdraw(publication)}>${this.localize.term('maWithdraw')}</button>`;
    }
    if (!item.request || publication?.candidate === 'declined') return nothing;
    return html`<button part="button" ?disabled=${this.busy} @click=${() => this.openForm(item)}>
      ${this.localize.term(publication ? 'maPublishAgain' : 'maPublish')}
    </button>`;
  }

  private renderForm(item: MyAnswer) {
    const { localize } = this;
    const wording = item.publication ?? item;
    const field = (name: 'question' | 'answer', label: string, value: string) => {
      const invalid = this.invalid.includes(name);
      return html`
        <div class="field">
          <label for=${`${name}-${item.request}`}>${label}</label>
          <textarea id=${`${name}-${item.request}`} name=${name} rows="4" aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? `edit-hint-${item.request} ${name}-error-${item.request}` : `edit-hint-${item.request}`}>${value}</textarea>
          ${invalid ? html`<p id=${`${name}-error-${item.request}`} class="error">${localize.term('maRequired')}</p>` : nothing}
        </div>
      `;
    };
    return html`
      <form novalidate @submit=${(event: SubmitEvent) => this.publish(event, item.request!)}>
        <p id=${`edit-hint-${item.request}`} class="hint">${localize.term('maEditHint')}</p>
        ${field('question', localize.term('maQuestionLabel'), wording.question)} ${field('answer', localize.term('maAnswerLabel'), wording.answer)}
        <div class="row">
          <button part="button" type="submit" ?disabled=${this.busy}>${localize.term('maSend')}</button>
          <button part="button" type="button" class="secondary" @click=${this.closeForm}>${localize.term('maCancel')}</button>
        </div>
      </form>
    `;
  }

  private async openForm(item: MyAnswer) {
    this.editing = item.request!;
    this.invalid = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  private readonly closeForm = async () => {
    const request = this.editing;
    this.editing = undefined;
    await this.updateComplete;
    this.focusAnswerOf(request);
  };

  private async publish(event: SubmitEvent, request: string) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const draft = PublishDraft.safeParse({ question: form.question.value, answer: form.answer.value });
    if (!draft.success) {
      this.invalid = (['question', 'answer'] as const).filter((name) => !(form[name] as HTMLTextAreaElement).value.trim());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const done = await this.act(() => this.client().publish(request, draft.data), 'maAskedDone');
    if (done) {
      this.editing = undefined;
      await this.updateComplete;
      this.focusAnswerOf(request);
    }
  }

  private withdraw(publication: Publication) {
    return this.act(() => this.client().withdraw(publication.id), 'maWithdrawnDone');
  }

  private async act(call: () => Promise<MyAnswers>, done: 'maAskedDone' | 'maWithdrawnDone'): Promise<boolean> {
    this.busy = true;
    try {
      this.items = (await call()).items;
      this.feedback = { text: this.localize.term(done), failed: false };
      return true;
    } catch {
      this.feedback = { text: this.localize.term('maFailed'), failed: true };
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** After the form closes, the focus goes back to that answer's button rather than to the page. */
  private focusAnswerOf(request: string | undefined) {
    const index = this.items.findIndex((item) => item.request === request);
    this.renderRoot.querySelectorAll<HTMLElement>('article')[index]?.querySelector<HTMLElement>('button')?.focus();
  }
}

define('hw-my-answers', HwMyAnswers);

declare global {
  interface HTMLElementTagNameMap {
    'hw-my-answers': HwMyAnswers;
  }
}
