import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, createMeClient, type MeClient, type MyProfile } from '../../sdk/index.js';
import { registerTerms, type LocalizeController } from '../shared/localize.js';
import meEn, { type MeTranslation } from '../locales/me-en.js';
import meFr from '../locales/me-fr.js';
import type { EditorTranslation } from './translations.js';
import { HallwayElement } from '../shared/hallway-element.js';
import { define } from '../shared/define.js';
import { fieldStyles } from '../shared/field-styles.js';
import { baseStyles } from '../shared/styles.js';
import '../person-card/person-card.js';
import {
  consentChanged,
  consentChanges,
  consentDraft,
  previewPerson,
  profileChanged,
  profileDraft,
  readConsentForm,
  readProfileForm,
  toProfileUpdate,
  validateConsent,
  validateProfile,
  type ConsentDraft,
  type Invalid,
  type ProfileDraft,
} from './drafts.js';
import type { Fields, Section } from './fields.js';
import { SaveController, isUnauthorized, type StatusKey } from './save-controller.js';
import { renderProfile } from './profile-section.js';
import { renderConsent } from './consent-section.js';
import { renderAccount } from './account-section.js';
import { renderQuestions } from './questions-section.js';
import { AnswerSection, answerStyles } from './answer-section.js';
import { TestimonialSection, testimonialStyles } from './testimonial-section.js';
import { DetailsSection, detailsStyles } from './details-section.js';
import { renderRecord, recordStyles } from './record-section.js';
import { SignInLimited, renderSignIn, requestSignInLink } from './sign-in.js';
import { HwConsentChangedEvent, HwDataDeletedEvent, HwProfileSavedEvent, HwWithdrawnEvent } from './events.js';
// The editor's events, for pages that listen to them (typed in GlobalEventHandlersEventMap).
export { HwConsentChangedEvent, HwDataDeletedEvent, HwProfileSavedEvent, HwWithdrawnEvent } from './events.js';
export type { ConsentPurpose, HwConsentChangedDetail } from './events.js';
import styles from './profile-editor.styles.js';
import { Loader } from '../shared/loader.js';

// The editor's own strings come with its code (me.js), not with hallway.js.
registerTerms<MeTranslation>({ en: meEn, fr: meFr });

/** Why the editor no longer shows the profile. */
type Ended = 'signed-out' | 'expired' | 'deleted';

/**
 * @tagname hw-profile-editor
 * @summary The employee's own page: a live preview of their card, their profile and photo, each
 * consent with its text, contact channels, weekly limit and pause, one-click withdrawal, export,
 * erasure and sign-out. Talks to the server it is served from, with the session cookie; without a
 * session it offers to e-mail a sign-in link.
 *
 * @csspart preview - "What candidates see": the heading, the hidden note and the card.
 * @csspart hidden-note - "Hidden: candidates can't see you", while the profile is not shown.
 * @csspart unsaved - "Unsaved changes" by a section's Save button, and the preview's "Not saved yet" note.
 * @csspart profile - The photo and the profile form.
 * @csspart consent - The consent form.
 * @csspart testimonial - "Your testimonial": its form, status and consent.
 * @csspart details - "More about you": the path here (roles with years) and the opt-in to show the reply time.
 * @csspart record - "Your record": the person's own figures and their download, seen by nobody else.
 * @csspart answers - "Questions waiting for your answer", each with its "Answer here" box; shown only while questions wait.
 * @csspart account - Withdraw, download, delete, sign out.
 * @csspart sign-in - The form that e-mails a sign-in link, when signed out.
 * @csspart message - The one message left once the data is erased.
 * @csspart input - Each text, URL, number, date and e-mail input, and the bio.
 * @csspart button - Each button, and the "Upload a photo" label that looks like one.
 * @csspart secondary - The quieter buttons: "Use initials instead", "Clear", "Cancel", "Sign out".
 * @csspart danger - "Delete my data" and "Yes, erase my profile".
 * @csspart status - Progress and success messages.
 * @csspart error - Error messages.
 *
 * @cssprop --hw-accent - Buttons, checkboxes, focus ring. Default `#2f5bd3`.
 * @cssprop --hw-accent-contrast - Text on the accent colour. Default `#fff`.
 * @cssprop --hw-danger - Destructive buttons, errors, invalid fields. Default `#b3261e`.
 * @cssprop --hw-danger-contrast - Text on the danger colour. Default `#fff`.
 * @cssprop --hw-gap - Space between the sections. Default `2rem`.
 * @cssprop --hw-radius - Corner radius of buttons, inputs, boxes and the card. Default `0.75rem`.
 * @cssprop --hw-input-border-color - Inputs and boxes. Default: the text colour at 45%.
 * @cssprop --hw-muted-color - Hints and secondary text. Default: the text colour at 75%.
 * @cssprop --hw-placeholder-color - Loading placeholders. Default: the text colour at 12%.
 *
 * @fires {HwProfileSavedEvent} hw-profile-saved - The profile's fields or its photo were saved.
 * @fires {HwConsentChangedEvent} hw-consent-changed - A decision was recorded; `detail` is `{ purpose, granted }`, one event per purpose saved.
 * @fires {HwWithdrawnEvent} hw-withdrawn - Every consent was withdrawn at once.
 * @fires {HwDataDeletedEvent} hw-data-deleted - The employee's data was erased (and the session ended).
 */
export class HwProfileEditor extends HallwayElement {
  static override styles = [baseStyles, fieldStyles, styles, testimonialStyles, detailsStyles, recordStyles, answerStyles];

  declare protected readonly localize: LocalizeController<EditorTranslation>;

  /** Base URL of the Hallway server. Default: the page's origin (the session cookie is same-origin). */
  @property() api?: string;
  /** Set by /me for a site that turned e-mail sign-in off: signed out, no e-mail form (the page shows the company button). */
  @property({ type: Boolean, attribute: 'company-sign-in-only' }) companySignInOnly = false;

  @state() private me?: MyProfile;
  /** The profile form's values; set with `me`. */
  @state() private draft!: ProfileDraft;
  /** The consent form's values; set with `me`. */
  @state() private choices!: ConsentDraft;
  @state() private ended?: Ended;
  @state() private confirmingDelete = false;

  private cachedClient?: { baseUrl: string; client: MeClient };

  private readonly save = new SaveController(this, {
    localize: this.localize,
    client: () => this.meClient(),
    onExpired: () => this.end('expired'),
  });

  private readonly testimonial = new TestimonialSection(this, {
    localize: this.localize,
    save: this.save,
    onSaved: (me) => (this.me = me),
  });

  private readonly details = new DetailsSection(this, {
    localize: this.localize,
    save: this.save,
    onSaved: (me) => (this.me = me),
  });
  private readonly answers = new AnswerSection(this, { localize: this.localize, client: () => this.meClient() });

  private readonly loader = new Loader(this, {
    task: ([client], { signal }) => client.get({ signal }),
    args: () => [this.meClient()] as const,
    onComplete: (me) => this.show(me),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeunload', this.warnIfUnsaved);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeunload', this.warnIfUnsaved);
  }

  /** Whether a section holds changes not saved yet; leaving the page then asks first. */
  get unsaved(): boolean {
    const { me } = this;
    return !!me && !this.ended && (profileChanged(me, this.draft) || consentChanged(me, this.choices) || this.testimonial.unsaved(me) || this.details.unsaved(me));
  }

  /** Leaving the page (closing, reloading, following a link) with unsaved changes asks first. */
  private readonly warnIfUnsaved = (event: BeforeUnloadEvent): void => {
    if (this.unsaved) event.preventDefault();
  };

  protected override render() {
    const fields = this.save.fields();
    const { localize } = this;
    if (this.ended === 'deleted') return this.renderDeleted();
    if (this.ended) return renderSignIn({ reason: this.ended, localize, fields, onSubmit: (event) => this.sendSignInLink(event), companyOnly: this.companySignInOnly });
    return this.loader.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: () => this.renderReady(this.me!, fields),
      error: (error) =>
        isUnauthorized(error)
          ? renderSignIn({ reason: 'expired', localize, fields, onSubmit: (event) => this.sendSignInLink(event), companyOnly: this.companySignInOnly })
          : this.renderLoadError(),
    });
  }

  private renderLoading() {
    const row = html`<span class="placeholder"></span><span class="placeholder input"></span>`;
    return html`
      <p role="status" class="visually-hidden">${this.localize.term('meLoading')}</p>
      <div class="skeleton" aria-busy="true" aria-hidden="true">
        <hw-person-card></hw-person-card>
        <div class="skeleton-fields">${[row, row, row, row, row]}</div>
      </div>
    `;
  }

  private renderLoadError() {
    return html`
      <div class="message">
        <p role="alert" part="error">${this.localize.term('meLoadError')}</p>
        <button part="button" @click=${() => this.loader.run()}>${this.localize.term('tryAgain')}</button>
      </div>
    `;
  }

  private renderDeleted() {
    return html`<p part="message" class="message" tabindex="-1" data-ended>${this.localize.term('meDeleted')}</p>`;
  }

  private renderReady(me: MyProfile, fields: Fields) {
    const { localize } = this;
    const profileUnsaved = profileChanged(me, this.draft);
    return html`
      <div class="layout">
        <section part="preview" class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">${localize.term('mePreviewHeading')}</h2>
          ${me.consents.showProfile.granted ? nothing : html`<p part="hidden-note" class="note">${localize.term('meHiddenNote')}</p>`}
          ${profileUnsaved ? html`<p part="unsaved" class="unsaved">${localize.term('meUnsavedPreview')}</p>` : nothing}
          <hw-person-card .person=${previewPerson(me, this.draft)}></hw-person-card>
          ${renderQuestions(me.questions, localize)}
        </section>
        <div class="sections">
          ${this.answers.render()}
          ${renderProfile({
            me,
            draft: this.draft,
            unsaved: profileUnsaved,
            localize,
            fields,
            onEdit: (event) => (this.draft = readProfileForm(event.currentTarget as HTMLFormElement, this.draft)),
            onSave: (event) => this.saveProfile(event),
            onPhotoChosen: (event) => this.uploadPhoto(event.currentTarget as HTMLInputElement),
            onRemovePhoto: () => this.removePhoto(),
          })}
          ${renderConsent({
            me,
            choices: this.choices,
            unsaved: consentChanged(me, this.choices),
            localize,
            fields,
            onEdit: (event) => (this.choices = readConsentForm(event.currentTarget as HTMLFormElement, this.choices)),
            onSave: (event) => this.saveConsent(event),
            onClearPause: () => this.clearPause(),
          })}
          ${me.details ? this.details.render(me, fields) : nothing}
          ${this.testimonial.render(me, fields)}
          ${me.record ? renderRecord({ record: me.record, downloads: this.meClient().recordUrls, localize }) : nothing}
          <hw-my-answers api=${this.baseUrl()}></hw-my-answers>
          ${renderAccount({
            exportUrl: this.meClient().exportUrl,
            confirmingDelete: this.confirmingDelete,
            localize,
            fields,
            onWithdraw: () => this.withdrawAll(),
            onToggleDelete: () => (this.confirmingDelete ? this.cancelDelete() : this.askToDelete()),
            onDelete: () => this.deleteData(),
            onCancelDelete: () => this.cancelDelete(),
            onSignOut: () => this.signOut(),
          })}
        </div>
      </div>
    `;
  }

  // ---- Actions

  private async saveProfile(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const invalid = validateProfile(this.draft);
    if (invalid) return this.showInvalid('profile', invalid);
    const me = await this.save.send('profile', (client) => client.updateProfile(toProfileUpdate(this.draft)));
    if (!me) return;
    this.me = me;
    this.draft = profileDraft(me);
    this.save.say('profile', 'meProfileSaved');
    this.emitAfterRender(new HwProfileSavedEvent());
  }

  private async uploadPhoto(input: HTMLInputElement): Promise<void> {
    const photo = input.files?.[0];
    input.value = ''; // so that choosing the same file again is a change too
    if (!photo) return;
    if (!PHOTO_TYPES.includes(photo.type)) return this.showInvalid('photo', { field: 'photo', reason: 'mePhotoWrongType' });
    if (photo.size > PHOTO_MAX_BYTES) return this.showInvalid('photo', { field: 'photo', reason: 'mePhotoTooLarge' });
    await this.savePhoto((client) => client.uploadPhoto(photo), 'mePhotoSaved');
  }

  private async removePhoto(): Promise<void> {
    // The button goes away with the photo: the focus stays in the photo group.
    await this.savePhoto((client) => client.removePhoto(), 'mePhotoRemoved', '#photo');
  }

  private async savePhoto(request: (client: MeClient) => Promise<MyProfile>, message: StatusKey, focusAfter?: string): Promise<void> {
    const me = await this.save.send('photo', request);
    if (!me) return;
    this.me = me;
    if (focusAfter) this.save.focusAfterRender(focusAfter);
    this.save.say('photo', message);
    this.emitAfterRender(new HwProfileSavedEvent());
  }

  private async saveConsent(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const update = consentChanges(consentDraft(this.me!), this.choices);
    const invalid = update.contact && validateConsent(this.choices);
    if (invalid) return this.showInvalid('consent', invalid);
    if (update.showProfile === undefined && !update.contact) return this.save.say('consent', 'meNothingChanged');
    const me = await this.save.send('consent', (client) => client.updateConsent(update));
    if (!me) return;
    this.me = me;
    this.choices = consentDraft(me);
    this.save.say('consent', 'meChoicesSaved');
    if (update.showProfile !== undefined) {
      this.emitAfterRender(new HwConsentChangedEvent({ purpose: 'showProfile', granted: update.showProfile }));
    }
    if (update.contact) this.emitAfterRender(new HwConsentChangedEvent({ purpose: 'contact', granted: update.contact.granted }));
  }

  private clearPause(): void {
    this.choices = { ...this.choices, pausedUntil: '' };
    this.save.focusAfterRender('#pausedUntil'); // the Clear button is gone
  }

  private async withdrawAll(): Promise<void> {
    const me = await this.save.send('account', (client) => client.withdrawAll());
    if (!me) return;
    this.me = me;
    this.choices = consentDraft(me);
    this.save.say('account', 'meWithdrawn');
    this.emitAfterRender(new HwWithdrawnEvent());
  }

  private askToDelete(): void {
    this.confirmingDelete = true;
    this.save.focusAfterRender('#confirm-delete');
  }

  private cancelDelete(): void {
    this.confirmingDelete = false;
    this.save.focusAfterRender('#delete');
  }

  private async deleteData(): Promise<void> {
    if (!(await this.save.send('account', (client) => client.deleteMyData().then(() => true), { saying: false }))) return;
    this.end('deleted');
    this.emitAfterRender(new HwDataDeletedEvent());
  }

  private async signOut(): Promise<void> {
    if (await this.save.send('account', (client) => client.signOut().then(() => true), { saying: false })) this.end('signed-out');
  }

  private async sendSignInLink(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    const email = input.value.trim();
    if (!email || !input.checkValidity()) return this.showInvalid('sign-in', { field: 'email', reason: 'meEmailInvalid' });
    const sent = await this.save.send('sign-in', () => requestSignInLink(this.baseUrl(), email).then(() => true), {
      saying: false,
      explain: (error) => (error instanceof SignInLimited ? this.localize.term('meTooManyLinks', Math.ceil(error.retryAfter / 60)) : this.localize.term('meSendFailed')),
    });
    if (sent) this.save.say('sign-in', 'meLinkSent');
  }

  // ---- Plumbing

  private show(me: MyProfile): void {
    this.me = me;
    this.draft = profileDraft(me);
    this.choices = consentDraft(me);
    this.testimonial.load(me.testimonial);
    this.details.load(me.details);
    void this.answers.load();
  }

  private showInvalid(section: Section, { field, reason }: Invalid): void {
    this.save.invalid(section, field, this.localize.term(reason));
  }

  /** Leaves the profile behind: nothing of it stays on screen or in memory. */
  private end(reason: Ended): void {
    this.ended = reason;
    this.me = undefined;
    this.save.clear();
    this.confirmingDelete = false;
    this.testimonial.load(null);
    this.details.load(undefined);
    this.answers.clear();
    this.save.focusAfterRender('[data-ended]');
  }

  private baseUrl(): string {
    return (this.api || location.origin).replace(/\/+$/, '');
  }

  private meClient(): MeClient {
    const baseUrl = this.baseUrl();
    if (this.cachedClient?.baseUrl !== baseUrl) this.cachedClient = { baseUrl, client: createMeClient({ baseUrl }) };
    return this.cachedClient.client;
  }
}

define('hw-profile-editor', HwProfileEditor);

declare global {
  interface HTMLElementTagNameMap {
    'hw-profile-editor': HwProfileEditor;
  }
}
