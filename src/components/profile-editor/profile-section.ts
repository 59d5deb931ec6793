import { html, nothing } from 'lit';
import { BIO_MAX, PHOTO_TYPES, PROFILE_MAX, type MyProfile } from '../../sdk/index.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import { COMMON_LANGUAGES, type ProfileDraft } from './drafts.js';
import { unsavedNote, type Fields } from './fields.js';

/** The bio count is announced from this many characters on. */
const BIO_NEAR_LIMIT = BIO_MAX - 30;

export interface ProfileView {
  me: MyProfile;
  draft: ProfileDraft;
  /** The form differs from what is saved. */
  unsaved: boolean;
  localize: LocalizeController<EditorTranslation>;
  fields: Fields;
  onEdit: (event: Event) => void;
  onSave: (event: SubmitEvent) => void;
  onPhotoChosen: (event: Event) => void;
  onRemovePhoto: () => void;
}

/** "Your profile": the photo (saved as soon as chosen) and the form of what candidates read. */
export function renderProfile(view: ProfileView) {
  return html`
    <section part="profile" aria-labelledby="profile-heading">
      <h2 id="profile-heading">${view.localize.term('meProfileHeading')}</h2>
      ${renderPhoto(view)} ${renderForm(view)}
    </section>
  `;
}

function renderPhoto({ me, localize, fields, onPhotoChosen, onRemovePhoto }: ProfileView) {
  return html`
    <div class="photo-block" role="group" aria-labelledby="photo-label">
      <img class="photo" src=${me.photoUrl} alt="" width="64" height="64" />
      <div class="photo-actions">
        <p id="photo-label" class="label">${localize.term('mePhoto')}</p>
        <p class="hint">${localize.term(me.hasPhoto ? 'meHasPhoto' : 'meNoPhoto')}</p>
        <div class="row">
          <input id="photo" name="photo" type="file" class="file-input" accept=${PHOTO_TYPES.join(',')}
            aria-invalid=${fields.invalid('photo')} aria-describedby=${fields.describedBy('photo', 'photo-hint')} @change=${onPhotoChosen} />
          <label for="photo" part="button" class="button">${localize.term('meUploadPhoto')}</label>
          ${
            me.hasPhoto
              ? html`<button part="button secondary" class="secondary" type="button" @click=${onRemovePhoto}>${localize.term('meUseInitials')}</button>`
              : nothing
          }
        </div>
        <p id="photo-hint" class="hint">${localize.term('mePhotoHint')}</p>
        ${fields.error('photo')} ${fields.messages('photo')}
      </div>
    </div>
  `;
}

function renderForm(view: ProfileView) {
  const { me, draft, localize, fields } = view;
  // Languages outside the common list stay choosable, so saving never drops them.
  const languages = [...new Set([...COMMON_LANGUAGES, ...me.profile.languages])];
  return html`
    <form novalidate @input=${view.onEdit} @submit=${view.onSave}>
      <p class="hint">${localize.term('meRequiredNote')}</p>
      ${fields.text('displayName', { label: localize.term('meDisplayName'), value: draft.displayName, maxlength: PROFILE_MAX.displayName, required: true, autocomplete: 'nickname' })}
      ${fields.text('jobTitle', { label: localize.term('meJobTitle'), value: draft.jobTitle, maxlength: PROFILE_MAX.jobTitle, required: true, autocomplete: 'organization-title' })}
      ${fields.text('team', { label: localize.term('meTeam'), value: draft.team, maxlength: PROFILE_MAX.team })}
      ${fields.text('location', { label: localize.term('meLocation'), value: draft.location, maxlength: PROFILE_MAX.location })}
      <fieldset class="field">
        <legend>${localize.term('meLanguages')}</legend>
        <div class="choices">
          ${languages.map((code) => fields.checkbox('languages', code, draft.languages.includes(code), localize.languageName(code)))}
        </div>
        ${fields.error('languages')}
      </fieldset>
      ${renderBio(view)}
      ${fields.text('linkedinUrl', { label: localize.term('meLinkedin'), value: draft.linkedinUrl, type: 'url', hint: localize.term('meLinkedinHint'), autocomplete: 'url' })}
      ${unsavedNote('profile-unsaved', view.unsaved && localize.term('meUnsaved'))}
      <button part="button" type="submit" aria-describedby=${view.unsaved ? 'profile-unsaved' : nothing}>${localize.term('meSaveProfile')}</button>
      ${fields.messages('profile')}
    </form>
  `;
}

function renderBio({ draft, localize, fields }: ProfileView) {
  const count = draft.bio.length;
  return fields.textArea('bio', {
    label: localize.term('meBio'),
    hint: localize.term('meBioHint'),
    value: draft.bio,
    rows: 4,
    maxlength: BIO_MAX,
    counter: { shown: localize.term('meBioCount', count, BIO_MAX), announced: localize.term('meBioNearLimit', count, BIO_MAX), from: BIO_NEAR_LIMIT },
  });
}
