import { html, nothing } from 'lit';
import type { ContactStats } from '../../sdk/index.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';

/** What candidates' questions came to: shown once there is something to show, never as a target. */
export function renderQuestions(questions: ContactStats, localize: LocalizeController<EditorTranslation>) {
  if (questions.received === 0) return nothing;
  const hours = questions.medianResponseHours;
  return html`
    <div part="questions" class="questions">
      <h3>${localize.term('meQuestionsHeading')}</h3>
      <p>${localize.term('meQuestionsFigures', questions.received, questions.answered)}</p>
      ${hours === null ? nothing : html`<p>${localize.term('meQuestionsMedian', hours)}</p>`}
      <p class="hint">${localize.term('meQuestionsThanks')}</p>
    </div>
  `;
}
