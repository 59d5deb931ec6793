import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import {
  CANDIDATE_EMAIL_MAX,
  CANDIDATE_NAME_MAX,
  MESSAGE_MAX,
  isHallwayError,
  isHttpError,
  type ChallengeSolution,
  type ContactRequest,
  type PublicPerson,
} from '../../sdk/index.js';
import contactEn, { type ContactTranslation } from '../locales/contact-en.js';
import contactFr from '../locales/contact-fr.js';
import type { Translation } from '../locales/en.js';
import { registerTerms, type LocalizeController } from '../shared/localize.js';
import { SiteElement } from '../shared/site-element.js';
import { reportMissingSite } from '../shared/client.js';
import { firstName } from '../shared/contact.js';
import { define } from '../shared/define.js';
import { fieldStyles } from '../shared/field-styles.js';
import { FormFields } from '../shared/form-field.js';
import { baseStyles } from '../shared/styles.js';
import { HwContactCloseEvent, HwContactOpenEvent, HwContactSentEvent } from './events.js';
import { solveChallenge } from './solver.js';
import styles from './contact-dialog.styles.js';

type Field = 'name' | 'email' | 'message' | 'consent';

/** `checking`: the proof of work still runs; `sending`: the request is on its way. */
type Phase = 'editing' | 'checking' | 'sending' | 'sent';

interface Draft {
  name: string;
  email: string;
  message: string;
  consent: boolean;
}

const EMPTY_DRAFT: Draft = { name: '', email: '', message: '', consent: false };

/** The message count is announced from this many characters on. */
const NEAR_LIMIT = MESSAGE_MAX - 100;

// The dialog's own strings come with its code, not with hallway.js.
registerTerms<ContactTranslation>({ en: contactEn, fr: contactFr });

const FIELD_LABELS = {
  name: 'name',
  email: 'email',
  message: 'message',
  consent: 'consentLabel',
} as const satisfies Record<Field, keyof ContactTranslation>;

const FIELD_PROBLEMS = {
  name: 'nameRequired',
  email: 'emailInvalid',
  message: 'messageRequired',
} as const satisfies Record<Exclude<Field, 'consent'>, keyof ContactTranslation>;

/** A field's error is named by the summary (an alert) rather than announced itself. */
const FIELD_LOOK = { errorPart: 'field-error', errorAlert: false, countPart: 'count' };

// Loose on purpose: the server's check is the reference, and its `invalid_body` lands on the field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * @tagname hw-contact-dialog
 * @summary The accessible form behind the contact buttons, in a native modal `<dialog>`: the
 * candidate's name, e-mail address, question and consent, a proof of work solved in a Web Worker,
 * then "check your inbox". Opened by `hw-contact-button` and `hw-person-card`, which load it on first use.
 *
 * @csspart dialog - The `<dialog>` box.
 * @csspart heading - "Ask Ada Lovelace about this job".
 * @csspart close - The Close button (an icon named Close).
 * @csspart person - The name and job title of the person asked.
 * @csspart choice - Each person to choose from, when the dialog offers several.
 * @csspart input - The name, e-mail and message fields.
 * @csspart field-error - The message below a field that needs correcting.
 * @csspart count - The "n/1000" character count.
 * @csspart consent - The consent checkbox's row.
 * @csspart privacy - What the person sees, and for how long the request is kept.
 * @csspart submit - The "Send my question" button.
 * @csspart status - "Checking you're human…", "Sending…".
 * @csspart error - Why the question was not sent, and what to do.
 * @csspart success - "Check your inbox…".
 *
 * @cssprop --hw-dialog-background - Default: `--hw-card-background`, else the theme's surface, else `Canvas` (the page's colour scheme).
 * @cssprop --hw-dialog-color - Default: `--hw-card-color`, else the theme's text colour, else `CanvasText`.
 * @cssprop --hw-dialog-width - Default `34rem`.
 * @cssprop --hw-dialog-padding - Default `1.25rem`.
 * @cssprop --hw-font - Font family. Default: the page's.
 * @cssprop --hw-button-radius - Corner radius of the buttons. Default: `--hw-radius`.
 * @cssprop --hw-button-padding - Default `0.5em 1em`.
 * @cssprop --hw-backdrop - Behind the dialog. Default: black at 45%.
 * @cssprop --hw-accent - Buttons, checkbox, focus ring. Default `#2f5bd3`.
 * @cssprop --hw-accent-contrast - Text on the accent colour. Default `#fff`.
 * @cssprop --hw-danger - Errors and invalid fields. Default `#b3261e`.
 * @cssprop --hw-radius - Corner radius. Default `0.75rem`.
 * @cssprop --hw-input-border-color - Default: the text colour at 45%.
 * @cssprop --hw-muted-color - Hints and secondary text. Default: the text colour at 75%.
 *
 * @fires {HwContactOpenEvent} hw-contact-open - The form for a person is shown; `detail` is `{ personId, job? }`.
 * @fires {HwContactSentEvent} hw-contact-sent - The server accepted the question; `detail` is `{ personId }`.
 * @fires {HwContactCloseEvent} hw-contact-close - The dialog closed; `detail` is `{ personId?, sent }`.
 */
export class HwContactDialog extends SiteElement {
  static override styles = [baseStyles, fieldStyles, styles];

  declare protected readonly localize: LocalizeController<Translation & ContactTranslation>;

  /** The person to ask. */
  @property({ attribute: false }) person?: PublicPerson;

  /** Without `person`: the people the candidate chooses from first. */
  @property({ attribute: false }) people: PublicPerson[] = [];

  /** The job the candidate is looking at: named in the heading and sent with the question. */
  @property() job?: string;

  @state() private chosen?: PublicPerson;
  @state() private phase: Phase = 'editing';
  @state() private draft: Draft = EMPTY_DRAFT;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private alert?: string;
  /** The alert is the summary of the field errors, and follows them as they are corrected. */
  private alertSummarizes = false;
  /** A new alert element for each alert, so that the same message twice is announced twice. */
  @state() private alertCount = 0;

  @query('dialog') private dialog?: HTMLDialogElement;

  /** A solved challenge in the making; each serves one request at most. */
  private proof?: Promise<ChallengeSolution>;
  private proofController?: AbortController;
  /** What to focus once rendered. */
  private focusTarget?: string;
  private opener?: HTMLElement;
  /** Open (or opening), and its closing not handled yet. */
  private shown = false;

  /**
   * Opens the dialog as a modal, focus on its first field; Escape or Close closes it and gives the
   * focus back to `opener` (browsers that do not focus a clicked button would not know it).
   */
  async show(opener?: HTMLElement): Promise<void> {
    if (this.shown) return; // already open, or opening (a double click)
    this.shown = true;
    this.opener = opener;
    if (this.phase === 'sent') this.startOver();
    if (!this.busy) {
      this.fieldErrors = {};
      this.alert = undefined;
    }
    this.chosen = this.people.length === 1 ? this.people[0] : undefined;
    if (!this.proof) this.prepareProof();
    await this.updateComplete;
    this.dialog!.showModal();
    this.focusOn(this.target ? '#name' : '[part~="choice"]');
    if (this.target) this.announceOpen(this.target);
  }

  close(): void {
    this.dialog?.close();
    this.onClose(); // now: the dialog's close event comes in a later task (much later in a background tab)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.proofController?.abort();
    this.proof = undefined;
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    this.focusOn(this.focusTarget);
    this.focusTarget = undefined;
  }

  // The header and the actions stay in view; only the body between them scrolls when the screen is short.
  protected override render() {
    const person = this.target;
    return html`
      <dialog part="dialog" aria-labelledby="heading" @cancel=${this.onEscape} @close=${this.onClose}>
        <div class="header">
          <h2 id="heading" part="heading">${this.heading(person)}</h2>
          <button part="close" class="close" type="button" @click=${this.close}>
            <svg aria-hidden="true" viewBox="0 0 24 24"><path d="M6 6l12 12M18 6 6 18" /></svg><span class="visually-hidden">${this.localize.term('close')}</span>
          </button>
        </div>
        ${!person ? this.renderChooser() : this.phase === 'sent' ? this.renderSent(person) : this.renderForm(person)}
      </dialog>
    `;
  }

  // ---- Views

  private renderChooser() {
    return html`
      <div class="body">
        <p id="choose" class="intro">${this.localize.term('choose')}</p>
        <ul class="people" role="list" aria-labelledby="choose">
          ${this.people.map(
            (person) => html`
              <li>
                <button part="choice" class="choice" type="button" @click=${() => this.choose(person)}>
                  <span class="name">${person.displayName}</span>
                  <span class="title">${person.jobTitle}</span>
                </button>
              </li>
            `,
          )}
        </ul>
      </div>
    `;
  }

  private renderForm(person: PublicPerson) {
    const { localize, draft, busy } = this;
    const first = firstName(person);
    const fields = new FormFields((name) => this.fieldErrors[name as Field], FIELD_LOOK);
    const count = draft.message.length;
    return html`
      <form novalidate aria-busy=${busy} @input=${this.edit} @submit=${this.submit}>
        <div class="body">
          ${this.renderPerson(person)}
          ${fields.text('name', { label: localize.term('name'), value: draft.name, autocomplete: 'name', maxlength: CANDIDATE_NAME_MAX, required: true, readonly: busy })}
          ${fields.text('email', {
            label: localize.term('email'),
            hint: localize.term('emailHint', first),
            value: draft.email,
            type: 'email',
            autocomplete: 'email',
            maxlength: CANDIDATE_EMAIL_MAX,
            required: true,
            readonly: busy,
          })}
          ${fields.textArea('message', {
            label: localize.term('message'),
            value: draft.message,
            rows: 4,
            maxlength: MESSAGE_MAX,
            required: true,
            readonly: busy,
            counter: { shown: localize.term('count', count, MESSAGE_MAX), announced: localize.term('nearLimit', count, MESSAGE_MAX), from: NEAR_LIMIT },
          })}
          <div class="field">
            <label part="consent" class="consent">
              <input type="checkbox" id="consent" name="consent" required .checked=${live(draft.consent)} @click=${this.keepWhileBusy}
                aria-invalid=${fields.invalid('consent')} aria-describedby=${fields.describedBy('consent')} />
              <span>${localize.term('consent', person.displayName)}</span>
            </label>
            ${fields.error('consent')}
          </div>
          <p part="privacy" class="hint">${localize.term('privacy', first)}</p>
          <div class="honeypot" aria-hidden="true">
            <label for="website">${localize.term('honeypot')}</label>
            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
          </div>
        </div>
        <div class="actions">
          ${this.alert ? keyed(this.alertCount, html`<p part="error" class="alert" role="alert">${this.alert}</p>`) : nothing}
          <div class="send">
            <button part="submit" type="submit" aria-disabled=${ifDefined(this.busy ? 'true' : undefined)}>${localize.term('send')}</button>
            <p part="status" class="status" role="status">${this.statusText()}</p>
          </div>
        </div>
      </form>
    `;
  }

  private renderPerson(person: PublicPerson) {
    return html`
      <div part="person" class="person">
        <p class="name">${person.displayName}</p>
        <p class="title">${person.jobTitle}</p>
        ${
          this.people.length > 1 && !this.busy
            ? html`<button class="link" type="button" @click=${this.chooseAgain}>${this.localize.term('chooseOther')}</button>`
            : nothing
        }
      </div>
    `;
  }

  private renderSent(person: PublicPerson) {
    return html`
      <div class="body">
        ${this.renderPerson(person)}
        <div class="done">
          <svg aria-hidden="true" viewBox="0 0 24 24"><path d="M5 12.5l4.5 4.5L19 7.5" /></svg>
          <p id="sent" part="success" class="success" tabindex="-1">${this.localize.term('sent', firstName(person))}</p>
        </div>
      </div>
    `;
  }

  private heading(person: PublicPerson | undefined): string {
    const { localize } = this;
    if (!person) return this.localize.term('contactAskSomeone');
    return this.job ? localize.term('titleJob', person.displayName) : localize.term('title', person.displayName);
  }

  private statusText(): string {
    if (this.phase === 'checking') return this.localize.term('checking');
    if (this.phase === 'sending') return this.localize.term('sending');
    return '';
  }

  // ---- Actions

  private choose(person: PublicPerson): void {
    this.chosen = person;
    this.focusTarget = '#name';
    this.announceOpen(person);
  }

  private chooseAgain(): void {
    this.chosen = undefined;
    this.fieldErrors = {};
    this.alert = undefined;
    this.focusTarget = '[part~="choice"]';
  }

  private edit(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    this.draft = {
      name: control('name').value,
      email: control('email').value,
      message: control('message').value,
      consent: control('consent').checked,
    };
    this.clearIfCorrected((event.target as HTMLInputElement).name);
  }

  /** A field's error goes as soon as the field is right, not at the next send; it never comes back while typing. */
  private clearIfCorrected(name: string): void {
    const person = this.target;
    if (!isField(name) || !this.fieldErrors[name] || !person || this.validate(person)[name]) return;
    const left = Object.fromEntries(Object.entries(this.fieldErrors).filter(([field]) => field !== name));
    this.fieldErrors = left;
    if (this.alertSummarizes) this.alert = Object.keys(left).length > 0 ? this.summary(left) : undefined;
  }

  /** A checkbox has no `readonly`: while sending, a click does not change it. */
  private keepWhileBusy(event: Event): void {
    if (this.busy) event.preventDefault();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const person = this.target;
    if (this.busy || !person) return;
    const invalid = this.validate(person);
    if (Object.keys(invalid).length > 0) return this.showInvalid(invalid);
    this.fieldErrors = {};
    this.alert = undefined;
    const client = this.client();
    if (!client) {
      reportMissingSite();
      return this.showAlert(this.localize.term('failed'));
    }
    try {
      this.phase = 'checking';
      if (!this.proof) this.prepareProof();
      const proof = await this.proof!;
      this.phase = 'sending';
      await client.contact.send(person.id, this.request(proof));
      this.proof = undefined;
      this.phase = 'sent';
      this.focusTarget = '#sent';
      this.emitAfterRender(new HwContactSentEvent({ personId: person.id }));
    } catch (error) {
      this.phase = 'editing';
      this.showFailure(error, person);
      this.prepareProof(); // the server may have spent the proof on the failed request
    }
  }

  private request(proof: ChallengeSolution): ContactRequest {
    const { name, email, message } = this.draft;
    const job = this.job?.trim().slice(0, 200);
    // The honeypot: people never see it, so anything in it was put there by a robot (read as is, with or without events).
    const website = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value;
    return {
      name: name.trim(),
      email: email.trim(),
      message: message.trim(),
      ...(job ? { job } : {}),
      consent: true,
      lang: this.localize.lang,
      proof,
      ...(website ? { website } : {}),
    };
  }

  private validate(person: PublicPerson): Partial<Record<Field, string>> {
    const { name, email, message, consent } = this.draft;
    const wrong: Record<Field, boolean> = { name: !name.trim(), email: !EMAIL.test(email.trim()), message: !message.trim(), consent: !consent };
    const fields = (Object.keys(wrong) as Field[]).filter((field) => wrong[field]);
    return Object.fromEntries(fields.map((field) => [field, this.problem(field, person)]));
  }

  /** What to do about a field, whether this form or the server found it wrong. */
  private problem(field: Field, person: PublicPerson): string {
    return field === 'consent' ? this.localize.term('consentRequired', firstName(person)) : this.localize.term(FIELD_PROBLEMS[field]);
  }

  /** Each field says what is wrong; the summary (an alert) names them; the first one gets the focus. */
  private showInvalid(invalid: Partial<Record<Field, string>>): void {
    this.fieldErrors = invalid;
    this.showAlert(this.summary(invalid), true);
    this.focusTarget = `#${Object.keys(invalid)[0]}`;
  }

  /** "Check these fields: Your name and Your question." */
  private summary(invalid: Partial<Record<Field, string>>): string {
    const fields = Object.keys(invalid) as Field[];
    return this.localize.term('checkFields', fields.length, this.localize.list(fields.map((field) => this.localize.term(FIELD_LABELS[field]))));
  }

  private showAlert(text: string, summarizes = false): void {
    this.alert = text;
    this.alertSummarizes = summarizes;
    this.alertCount++;
  }

  private showFailure(error: unknown, person: PublicPerson): void {
    // Only the solver fails with something other than a HallwayError.
    const code = isHallwayError(error) ? error.code : 'challenge_failed';
    const field = isHttpError(error) ? error.field : undefined;
    if (code === 'invalid_body' && isField(field)) return this.showInvalid({ [field]: this.problem(field, person) });
    if (code === 'origin_not_allowed') {
      console.error(
        `Hallway: the server refuses contact requests from ${location.origin}. Add this origin to the site's ` +
          'allowed origins (admin API, or `npx hallway sites update <site> --origin …`).',
      );
    }
    this.showAlert(this.failureText(field?.startsWith('proof') ? 'challenge_failed' : code, firstName(person)));
  }

  private failureText(code: string, first: string): string {
    const { localize } = this;
    switch (code) {
      case 'challenge_failed':
        return localize.term('challengeFailed');
      case 'not_contactable':
        return localize.term('notContactable', first);
      case 'cap_reached':
        return localize.term('capReached', first);
      case 'rate_limited':
        return localize.term('rateLimited');
      case 'origin_not_allowed':
        return localize.term('originNotAllowed');
      case 'person_not_found':
        return localize.term('personNotFound', first);
      case 'network':
        return localize.term('offline');
      case 'timeout':
        return localize.term('timeout');
      default:
        return localize.term('failed');
    }
  }

  // ---- Plumbing

  /** The person the form is for: `person`, else the one chosen among `people`. */
  private get target(): PublicPerson | undefined {
    return this.person ?? this.chosen;
  }

  private get busy(): boolean {
    return this.phase === 'checking' || this.phase === 'sending';
  }

  /** Fetches a fresh challenge and solves it in the background, while the candidate types. */
  private prepareProof(): void {
    this.proofController?.abort();
    const { signal } = (this.proofController = new AbortController());
    const client = this.client();
    this.proof = client
      ? client.contact.challenge({ signal }).then((challenge) => solveChallenge(challenge, signal))
      : Promise.reject(new Error('Hallway: no site is set.'));
    this.proof.catch(() => {}); // reported when the candidate sends
  }

  private startOver(): void {
    this.phase = 'editing';
    this.draft = EMPTY_DRAFT;
  }

  private announceOpen(person: PublicPerson): void {
    const job = this.job?.trim();
    this.emitAfterRender(new HwContactOpenEvent({ personId: person.id, ...(job ? { job } : {}) }));
  }

  /** Escape: closed by us at once, like the Close button, rather than on the later close event. */
  private onEscape(event: Event): void {
    event.preventDefault();
    this.close();
  }

  /** After any way of closing: Close, Escape, or the page calling `close()` on the `<dialog>`. */
  private onClose(): void {
    if (!this.shown) return;
    this.shown = false;
    this.opener?.focus();
    const personId = this.target?.id;
    this.emitAfterRender(new HwContactCloseEvent({ ...(personId ? { personId } : {}), sent: this.phase === 'sent' }));
  }

  private focusOn(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

const isField = (name: string | undefined): name is Field => !!name && name in FIELD_LABELS;

define('hw-contact-dialog', HwContactDialog);

declare global {
  interface HTMLElementTagNameMap {
    'hw-contact-dialog': HwContactDialog;
  }
}
