import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { AnswerList, PublicAnswer } from '../../sdk/answer-schemas.js';
import type { Translation } from '../locales/en.js';
import questionsEn, { type QuestionsTranslation } from '../locales/questions-en.js';
import questionsFr from '../locales/questions-fr.js';
import { SiteElement } from '../shared/site-element.js';
import { ListShell, shownLimit } from '../shared/list-shell.js';
import { PageJob } from '../shared/page-job.js';
import { define } from '../shared/define.js';
import { registerTerms, type LocalizeController } from '../shared/localize.js';
import { baseStyles, listShellStyles } from '../shared/styles.js';
import styles from './questions.styles.js';

registerTerms<QuestionsTranslation>({ en: questionsEn, fr: questionsFr });

/**
 * @tagname hw-questions
 * @summary Questions candidates asked and the answers of the people who do the job, published with
 * both people's consent and a moderator's approval: those of people in the job on the page first
 * (then its team, then its location), each a disclosure that opens on the answer. `hallway.js` loads
 * its code only on a page that has one.
 *
 * @csspart heading - The heading (says about which job, when the answers match it).
 * @csspart list - The list of questions.
 * @csspart item - Each question and its answer (a `details`).
 * @csspart question - The question (the `summary`, which opens and closes the answer).
 * @csspart answer - The answer and who gave it.
 * @csspart person - Who answered: photo, name, job title and date.
 * @csspart photo - Their photo (or initials).
 * @csspart empty - The message shown when there is no question.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop --hw-gap - Space between the questions. Default `1rem`.
 * @cssprop --hw-heading-size - Font size of the heading. Default `1.5em`.
 * @cssprop --hw-accent - The questions' rule, focus ring, buttons. Default `#2f5bd3`.
 * @cssprop --hw-radius - Corner radius. Default `0.75rem`.
 * @cssprop --hw-card-background - Background of each question. Default: the theme's surface.
 * @cssprop --hw-card-color - Text of each question. Default: the theme's, else the page's text colour.
 * @cssprop --hw-card-padding - Default `1rem 1.25rem`.
 * @cssprop --hw-card-shadow - Default `none`.
 * @cssprop --hw-muted-color - Who asked and who answered. Default: the text colour at 75%.
 * @cssprop --hw-font - Font family. Default: the page's.
 * @cssprop --hw-placeholder-color - Loading placeholders. Default: the text colour at 12%.
 *
 * @fires {HwLoadEvent} hw-load - The questions (possibly none) are shown; `detail` is `{ count, match }`.
 * @fires {HwErrorEvent} hw-error - Loading failed; `detail.code` says why.
 */
export class HwQuestions extends SiteElement {
  static override styles = [baseStyles, listShellStyles, styles];

  declare protected readonly localize: LocalizeController<Translation & QuestionsTranslation>;

  /** The job title on the page. Default: the page's schema.org `JobPosting`'s `title`, as for `hw-people-grid`. */
  @property() job?: string;

  /** A team, for when nobody in the job published an answer. Default: the page's `JobPosting`'s `employmentUnit`. */
  @property() team?: string;

  /** A location, for when nobody in the team did either. Default: the town of the page's `JobPosting`'s first `jobLocation`. */
  @property() location?: string;

  /** How many questions to show at most, 1 to 50. Default `5`. */
  @property({ type: Number }) limit = 5;

  /** Replaces the computed heading ("Questions candidates asked", about the job when they match it). */
  @property() heading?: string;

  /** Hides the element entirely when there is no question to show. */
  @property({ type: Boolean, attribute: 'hide-empty' }) hideEmpty = false;

  protected override readonly page = new PageJob(this);

  private readonly shell = new ListShell(this, {
    load: (client, [job, team, location, limit, lang], signal): Promise<AnswerList> => client.questions.list({ job, team, location, limit, lang, signal }),
    args: () =>
      [
        this.client(),
        this.job || this.page.value.job,
        this.team || this.page.value.team,
        this.location || this.page.value.location,
        shownLimit(this.limit),
        this.localize.lang,
      ] as const,
    none: { items: [], match: 'all' },
    localize: this.localize,
    // Keys of this chunk's table (registered above), which the shell's type, made for the shared one, does not know.
    terms: { loading: 'qLoading', empty: 'qEmpty', error: 'qError' } as never,
    emit: (event) => this.emitAfterRender(event),
    failed: (error) => this.loadFailed(error),
  });

  protected override render() {
    return this.shell.render({
      placeholder: () => html`
        <ul class="list" role="list" aria-hidden="true">
          ${Array.from({ length: shownLimit(this.limit) }, () => html`<li class="item placeholder-item"><span class="placeholder"></span></li>`)}
        </ul>
      `,
      heading: (list) => this.computedHeading(list),
      items: (list) => html`<ul part="list" class="list" role="list">${list.items.map((item) => html`<li>${this.renderItem(item)}</li>`)}</ul>`,
    });
  }

  private renderItem({ question, answer, lang, date, person }: PublicAnswer) {
    const { localize } = this;
    return html`
      <details part="item" class="item">
        <summary part="question"><span class="asker">${localize.term('qAsker')}</span> <span lang=${lang}>${question}</span></summary>
        <div part="answer" class="answer">
          <p class="text" lang=${lang}>${answer}</p>
          <p part="person" class="person">
            <img part="photo" src=${person.photoUrl} alt="" width="40" height="40" loading="lazy" />
            <span>${localize.term('qAnsweredBy', person.displayName, person.jobTitle)} · <time datetime=${date}>${this.formatDate(date)}</time></span>
          </p>
        </div>
      </details>
    `;
  }

  private formatDate(day: string): string {
    return new Intl.DateTimeFormat(this.localize.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  }

  private computedHeading({ match }: AnswerList): string {
    const job = this.job || this.page.value.job;
    return match === 'job' && job ? this.localize.term('qHeadingJob', job) : this.localize.term('qHeading');
  }
}

define('hw-questions', HwQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'hw-questions': HwQuestions;
  }
}
