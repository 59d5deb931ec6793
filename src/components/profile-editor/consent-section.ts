import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { WEEKLY_CAP_MAX, type ConsentState, type MyProfile } from '../../sdk/index.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import { isWeeklyCap, type ConsentDraft } from './drafts.js';
import type { ConsentPurpose } from './events.js';
import { unsavedNote, type Fields } from './fields.js';

export interface ConsentView {
  me: MyProfile;
  choices: ConsentDraft;
  /** The form differs from what is saved. */
  unsaved: boolean;
  localize: LocalizeController<EditorTranslation>;
  fields: Fields;
  onEdit: (event: Event) => void;
  onSave: (event: SubmitEvent) => void;
  onClearPause: () => void;
}

/** "Your choices": each purpose with its consent text verbatim and the state of the last decision. */
export function renderConsent(view: ConsentView) {
  const { me, choices, localize } = view;
  const site = me.site.name;
  return html`
    <section part="consent" aria-labelledby="consent-heading">
      <h2 id="consent-heading">${localize.term('meConsentHeading')}</h2>
      <p>${localize.term('meConsentIntro')}</p>
      <p class="hint">${localize.term('meTextVersion', me.site.consentTextVersion)}</p>
      <form novalidate @input=${view.onEdit} @submit=${view.onSave}>
        <fieldset class="purpose">
          <legend>${localize.term('meShowProfileLegend', site)}</legend>
          ${consentBox(view, 'showProfile', choices.showProfile, localize.term('meShowProfileText', site), me.consents.showProfile)}
        </fieldset>
        <fieldset class="purpose">
          <legend>${localize.term('meContactLegend')}</legend>
          ${consentBox(view, 'contact', choices.contact, localize.term('meContactText', site), me.consents.contact)}
          ${renderChannels(view)} ${renderWeeklyCap(view)} ${renderPause(view)}
        </fieldset>
        ${unsavedNote('consent-unsaved', view.unsaved && localize.term('meUnsaved'))}
        <button part="button" type="submit" aria-describedby=${view.unsaved ? 'consent-unsaved' : nothing}>${localize.term('meSaveChoices')}</button>
        ${view.fields.messages('consent')}
      </form>
    </section>
  `;
}

/** The purpose's checkbox, labelled by its consent text. */
function consentBox({ localize }: ConsentView, name: ConsentPurpose, checked: boolean, text: string, decision: ConsentState) {
  return html`
    <label class="consent">
      <input type="checkbox" name=${name} .checked=${live(checked)} aria-describedby="${name}-decision" />
      <span>${text}</span>
    </label>
    <p id="${name}-decision" class="decision">${decisionText(localize, decision)}</p>
  `;
}

function renderChannels({ choices, localize, fields }: ConsentView) {
  const booking = choices.channels.includes('booking');
  return html`
    <fieldset class="field">
      <legend>${localize.term('meChannels')}</legend>
      <div class="choices column">
        ${fields.checkbox('channels', 'message', choices.channels.includes('message'), localize.term('meChannelMessage'))}
        ${fields.checkbox('channels', 'booking', booking, localize.term('meChannelBooking'))}
      </div>
      ${fields.error('channels')}
      ${
        booking
          ? fields.text('bookingUrl', {
              label: localize.term('meBookingUrl'),
              value: choices.bookingUrl,
              type: 'url',
              hint: localize.term('meBookingHint'),
              autocomplete: 'url',
            })
          : nothing
      }
    </fieldset>
  `;
}

function renderWeeklyCap({ choices, localize, fields }: ConsentView) {
  return html`
    <div class="field">
      <label for="weeklyCap">${localize.term('meWeeklyCap')}</label>
      <input part="input" id="weeklyCap" name="weeklyCap" type="number" inputmode="numeric" min="1" max=${WEEKLY_CAP_MAX} step="1"
        class="narrow" .value=${live(choices.weeklyCap)}
        aria-invalid=${fields.invalid('weeklyCap')} aria-describedby=${fields.describedBy('weeklyCap', 'weeklyCap-hint')} />
      <p id="weeklyCap-hint" class="hint">${isWeeklyCap(choices.weeklyCap) ? localize.term('meWeeklyCapHint', Number(choices.weeklyCap)) : ''}</p>
      ${fields.error('weeklyCap')}
    </div>
  `;
}

function renderPause({ choices, localize, fields, onClearPause }: ConsentView) {
  return html`
    <div class="field">
      <label for="pausedUntil">${localize.term('mePausedUntil')}</label>
      <div class="row">
        <input part="input" id="pausedUntil" name="pausedUntil" type="date" class="date" .value=${live(choices.pausedUntil)}
          aria-invalid=${fields.invalid('pausedUntil')} aria-describedby=${fields.describedBy('pausedUntil')} />
        ${
          choices.pausedUntil
            ? html`<button part="button secondary" class="secondary" type="button" @click=${onClearPause}>${localize.term('meClear')}</button>`
            : nothing
        }
      </div>
      ${fields.error('pausedUntil')}
    </div>
  `;
}

/** "Granted on 23 Nov 2026" in the UI language, or "Not granted". */
function decisionText(localize: LocalizeController<EditorTranslation>, { granted, decidedAt }: ConsentState): string {
  if (!granted || !decidedAt) return localize.term('meNotGranted');
  const format = new Intl.DateTimeFormat(localize.lang, { day: 'numeric', month: 'short', year: 'numeric' });
  return localize.term('meGrantedOn', format.format(new Date(decidedAt)));
}
