import { css, html } from 'lit';
import type { MyRecord } from '../../sdk/index.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';

export interface RecordView {
  record: MyRecord;
  downloads: { json: string; csv: string };
  localize: LocalizeController<EditorTranslation>;
}

const FIGURES = [
  ['received', 'meRecordReceived'],
  ['answered', 'meRecordAnswered'],
  ['declined', 'meRecordDeclined'],
  ['thanks', 'meRecordThanks'],
  ['publishedAnswers', 'meRecordPublished'],
] as const satisfies readonly (readonly [keyof MyRecord, keyof EditorTranslation])[];

/** "Your record": what the person did for candidates, all time, for their eyes only, and its download. */
export function renderRecord({ record, downloads, localize }: RecordView) {
  return html`
    <section part="record" aria-labelledby="record-heading">
      <h2 id="record-heading">${localize.term('meRecordHeading')}</h2>
      <p class="hint">${localize.term('meRecordPrivate')}</p>
      <dl class="record">
        ${FIGURES.map(([figure, label]) => html`<div><dt>${localize.term(label)}</dt><dd>${record[figure].toLocaleString(localize.lang)}</dd></div>`)}
      </dl>
      <p class="row">
        <a href=${downloads.json} download>${localize.term('meRecordJson')}</a>
        <a href=${downloads.csv} download>${localize.term('meRecordCsv')}</a>
      </p>
    </section>
  `;
}

/** Added to the editor's styles: each figure beside its label. */
export const recordStyles = css`
  .record {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }

  .record > div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    padding-block: 0.25rem;
    border-block-end: 1px solid var(--hw-border);
  }

  .record dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
`;
