import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { HELD_WORD_MAX, HELD_WORDS_MAX, type AdminSite } from '../../sdk/admin-schemas.js';
import type { LocalizeController } from '../../components/shared/localize.js';
import type { AdminTranslation } from '../shared/translations.js';

/** The site's question filter (issue 18), as the settings form edits it: the words one per line. */
export interface FilterDraft {
  holdLinks: boolean;
  holdPhones: boolean;
  heldWords: string;
}

export const toFilterDraft = (site: AdminSite): FilterDraft => ({
  holdLinks: site.holdLinks ?? false,
  holdPhones: site.holdPhones ?? false,
  heldWords: (site.heldWords ?? []).join('\n'),
});

/** The draft as the contract takes it: blank lines dropped, each word trimmed. */
export const filterUpdate = (draft: FilterDraft) => ({
  holdLinks: draft.holdLinks,
  holdPhones: draft.holdPhones,
  heldWords: draft.heldWords
    .split('\n')
    .map((word) => word.trim())
    .filter(Boolean),
});

/** "Hold for moderation": two checkboxes and the moderators' list of words. */
export function renderFilterFields(localize: LocalizeController<AdminTranslation>, draft: FilterDraft, invalid: boolean, edit: (fields: Partial<FilterDraft>) => void) {
  const checkbox = (name: 'holdLinks' | 'holdPhones', label: string) =>
    html`<label class="choice"><input type="checkbox" name=${name} .checked=${live(draft[name])}
      @change=${(event: Event) => edit({ [name]: (event.target as HTMLInputElement).checked })} /> ${label}</label>`;
  return html`
    <fieldset>
      <legend>${localize.term('adSfFilter')}</legend>
      <p class="hint" id="filter-hint">${localize.term('adSfFilterHint')}</p>
      ${checkbox('holdLinks', localize.term('adSfHoldLinks'))}
      ${checkbox('holdPhones', localize.term('adSfHoldPhones'))}
      <div class="field">
        <label for="heldWords">${localize.term('adSfWords')}</label>
        <p class="hint" id="heldWords-hint">${localize.term('adSfWordsHint')}</p>
        <textarea id="heldWords" name="heldWords" rows="4" spellcheck="false" .value=${live(draft.heldWords)}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? 'heldWords-hint heldWords-error' : 'heldWords-hint'}
          @input=${(event: InputEvent) => edit({ heldWords: (event.target as HTMLTextAreaElement).value })}></textarea>
        ${invalid ? html`<p id="heldWords-error" class="error">${localize.term('adSfWordsError', HELD_WORDS_MAX, HELD_WORD_MAX)}</p>` : nothing}
      </div>
    </fieldset>
  `;
}
