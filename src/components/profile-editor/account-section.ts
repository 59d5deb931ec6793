import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import type { Fields } from './fields.js';

export interface AccountView {
  exportUrl: string;
  /** The inline "Yes, erase my profile" step is open. */
  confirmingDelete: boolean;
  localize: LocalizeController<EditorTranslation>;
  fields: Fields;
  onWithdraw: () => void;
  onToggleDelete: () => void;
  onDelete: () => void;
  onCancelDelete: () => void;
  onSignOut: () => void;
}

/** "Your data": withdraw everything, download, delete (with a confirm step), sign out. */
export function renderAccount(view: AccountView) {
  const { localize, confirmingDelete } = view;
  return html`
    <section part="account" aria-labelledby="account-heading">
      <h2 id="account-heading">${localize.term('meDataHeading')}</h2>
      <div class="action">
        <button part="button" type="button" aria-describedby="withdraw-hint" @click=${view.onWithdraw}>${localize.term('meWithdraw')}</button>
        <p id="withdraw-hint" class="hint">${localize.term('meWithdrawHint')}</p>
      </div>
      <p><a href=${view.exportUrl} download>${localize.term('meExport')}</a></p>
      <div class="action">
        <button part="button danger" class="danger" type="button" id="delete" aria-expanded=${confirmingDelete ? 'true' : 'false'}
          aria-controls=${ifDefined(confirmingDelete ? 'delete-confirm' : undefined)} @click=${view.onToggleDelete}>
          ${localize.term('meDelete')}
        </button>
        ${confirmingDelete ? renderDeleteConfirm(view) : nothing}
      </div>
      <button part="button secondary" class="secondary" type="button" @click=${view.onSignOut}>${localize.term('meSignOut')}</button>
      ${view.fields.messages('account')}
    </section>
  `;
}

function renderDeleteConfirm({ localize, onDelete, onCancelDelete }: AccountView) {
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancelDelete();
  };
  return html`
    <div id="delete-confirm" class="confirm" role="group" aria-labelledby="delete" @keydown=${cancelOnEscape}>
      <p id="delete-explanation">${localize.term('meDeleteExplanation')}</p>
      <div class="row">
        <button part="button danger" class="danger" type="button" id="confirm-delete" aria-describedby="delete-explanation" @click=${onDelete}>
          ${localize.term('meDeleteConfirm')}
        </button>
        <button part="button secondary" class="secondary" type="button" @click=${onCancelDelete}>${localize.term('meCancel')}</button>
      </div>
    </div>
  `;
}
