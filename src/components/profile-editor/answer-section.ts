import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ANSWER_MAX, isHttpError, type MeClient, type OpenQuestion } from '../../sdk/index.js';
import { FormFields } from '../shared/form-field.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';

/** The count is announced from this many characters on. */
const ANSWER_NEAR_LIMIT = ANSWER_MAX - 100;

/** Added to the editor's styles: the candidate's question, set apart as a quote. */
export const answerStyles = css`
  blockquote.question {
    margin: 0;
    padding: 0.5rem 1rem;
    border-inline-start: 4px solid var(--hw-border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;

export interface AnswerHost {
  localize: LocalizeController<EditorTranslation>;
  client: () => MeClient;
}

type Said = { kind: 'status' | 'error'; text: string };

/**
 * "Questions waiting for your answer" (issue 18): each open question with an "Answer here" box. The
 * answer goes to the candidate through the relay, as a reply to the question's mail would; the section
 * shows only while questions wait, and loads them itself, after the profile.
 */
export class AnswerSection implements ReactiveController {
  private questions: OpenQuestion[] = [];
  private drafts = new Map<string, string>();
  /** The one message on screen: under the question it is about, or under the heading once that question is gone. */
  private said?: Said & { question?: string };
  private sending?: string;
  private loadFailed = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AnswerHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the open questions; `clear` forgets them (signed out). */
  async load(): Promise<void> {
    try {
      this.questions = (await this.options.client().openQuestions()).items;
      this.loadFailed = false;
    } catch {
      this.loadFailed = true;
    }
    this.host.requestUpdate();
  }

  clear(): void {
    this.questions = [];
    this.drafts.clear();
    this.said = undefined;
  }

  render() {
    const { localize } = this.options;
    if (this.questions.length === 0 && !this.loadFailed && !this.said) return nothing;
    return html`
      <section part="answers" aria-labelledby="answers-heading">
        <h2 id="answers-heading" tabindex="-1">${localize.term('meAnswerHeading')}</h2>
        ${
          this.loadFailed
            ? html`<p role="alert" part="error" class="error">${localize.term('meAnswerLoadError')}</p>
              <button part="button" type="button" @click=${() => this.load()}>${localize.term('tryAgain')}</button>`
            : html`<p>${localize.term(this.questions.length ? 'meAnswerIntro' : 'meAnswerNoneLeft')}</p>`
        }
        ${this.messages(undefined)} ${this.questions.map((question) => this.renderQuestion(question))}
      </section>
    `;
  }

  private renderQuestion(question: OpenQuestion) {
    const { localize } = this.options;
    const name = `answer-${question.id}`;
    const value = this.drafts.get(question.id) ?? '';
    const error = this.said?.question === question.id && this.said.kind === 'error' ? this.said.text : undefined;
    const fields = new FormFields((field) => (field === name ? error : undefined), { errorPart: 'error', errorAlert: true });
    const received = new Intl.DateTimeFormat(localize.lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(question.receivedAt));
    return html`
      <article class="purpose" aria-labelledby="${name}-from">
        <h3 id="${name}-from">${localize.term('meAnswerFrom', question.candidateName)}</h3>
        <p class="hint">${question.job ? `${localize.term('meAnswerJob', question.job)} · ` : ''}${localize.term('meAnswerReceived', received)}</p>
        <blockquote class="question">${question.message}</blockquote>
        <form novalidate @input=${(event: Event) => this.edit(question.id, event)} @submit=${(event: SubmitEvent) => this.send(question, name, event)}>
          ${fields.textArea(name, {
            label: localize.term('meAnswerLabel', question.candidateName),
            hint: localize.term('meAnswerHint'),
            value,
            rows: 5,
            counter: {
              shown: localize.term('meQuoteCount', value.length, ANSWER_MAX),
              announced: localize.term('meQuoteNearLimit', value.length, ANSWER_MAX),
              from: ANSWER_NEAR_LIMIT,
            },
          })}
          <div class="row">
            <button part="button" type="submit">${localize.term('meAnswerSend')}</button>
          </div>
          ${this.messages(question.id)}
        </form>
      </article>
    `;
  }

  /** The status line of a question (always there, so that changes are announced), or of the section. */
  private messages(question: string | undefined) {
    const said = this.said?.question === question ? this.said : undefined;
    return html`
      <div class="messages">
        <p role="status" part="status" class="status">${said?.kind === 'status' ? said.text : ''}</p>
        ${said?.kind === 'error' && !question ? html`<p role="alert" part="error" class="error">${said.text}</p>` : nothing}
      </div>
    `;
  }

  private edit(id: string, event: Event): void {
    this.drafts.set(id, (event.target as HTMLTextAreaElement).value);
    this.host.requestUpdate();
  }

  private async send(question: OpenQuestion, name: string, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const { localize } = this.options;
    const text = (this.drafts.get(question.id) ?? '').trim();
    const invalid = !text ? localize.term('meAnswerRequired') : text.length > ANSWER_MAX ? localize.term('meAnswerTooLong', ANSWER_MAX) : undefined;
    if (invalid) return this.say({ kind: 'error', text: invalid, question: question.id }, `#${name}`);
    this.sending = question.id;
    this.say({ kind: 'status', text: localize.term('meAnswerSending'), question: question.id });
    try {
      this.questions = (await this.options.client().answerQuestion(question.id, text)).items;
      this.drafts.delete(question.id);
      // The question is gone with its form: the focus goes to the heading, under which the thanks are said.
      this.say({ kind: 'status', text: localize.term('meAnswerSent', question.candidateName) }, '#answers-heading');
    } catch (error) {
      const gone = isHttpError(error) && (error.status === 404 || error.status === 409);
      if (gone) this.questions = this.questions.filter((item) => item.id !== question.id);
      const said = gone
        ? { kind: 'error' as const, text: localize.term('meAnswerGone') }
        : { kind: 'error' as const, text: localize.term('meAnswerFailed'), question: question.id };
      this.say(said, gone ? '#answers-heading' : `#${name}`);
    } finally {
      this.sending = undefined;
    }
  }

  private say(said: Said & { question?: string }, focus?: string): void {
    this.said = said;
    this.host.requestUpdate();
    if (focus) void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(focus)?.focus());
  }
}
