import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isHttpError, type PublicPerson } from '../../sdk/index.js';
import { avatarIndex, initialsOf } from '../../sdk/initials.js';
import { SiteElement } from '../shared/site-element.js';
import { reportMissingSite } from '../shared/client.js';
import { ContactDialogOpener, canBeAsked, contactRefused, firstName } from '../shared/contact.js';
import { isUnknownSite } from '../shared/config.js';
import { define } from '../shared/define.js';
import { baseStyles } from '../shared/styles.js';
import styles from './person-card.styles.js';
import { Loader } from '../shared/loader.js';

/**
 * @tagname hw-person-card
 * @summary One person who opted in to meet candidates: photo, name, job, team, location, languages, bio.
 * Without `person` or `person-id` it is a placeholder of the card's exact size.
 *
 * @csspart card - The card's frame.
 * @csspart photo - The photo (96×96), or the initials of a person who has none.
 * @csspart name - The name, a level-3 heading.
 * @csspart title - The job title.
 * @csspart meta - Team and location.
 * @csspart languages - The languages the person speaks.
 * @csspart bio - The bio, clamped to three lines.
 * @csspart more - The row of "More about Ada", a disclosure (`<details>`) of the person's reply time and path when they share either; reserved (empty) otherwise.
 * @csspart reply - In it: "Usually replies within 2 days", when the person allows it and answered enough questions.
 * @csspart path - In it: the roles the person held here, with their years.
 * @csspart badge - The "Alumni" badge.
 * @csspart actions - The row of the contact button, reserved (empty) when the person can't be asked.
 * @csspart contact - "Ask Ada a question", when the person takes questions through Hallway now, from this page's origin.
 * @csspart availability - "Not taking questions until Dec 14, 2026" (paused) or "… this week" (at their weekly cap), instead of the button.
 * @csspart button - The same button: `button` names the main button of every element.
 * @csspart retry - The "Try again" button, when loading by `person-id` failed.
 * @csspart dialog - The contact dialog (and its other parts: see `hw-contact-dialog`).
 *
 * @cssprop --hw-accent - Badge and button background, focus ring. Default `#2f5bd3`.
 * @cssprop --hw-accent-contrast - Text on the accent colour. Default `#fff`.
 * @cssprop --hw-card-background - Default: the theme's surface, else a 3% tint of the text colour.
 * @cssprop --hw-card-color - Text on the card. Default: the theme's, else the page's text colour.
 * @cssprop --hw-card-border-color - Default: the theme's, else a 15% tint of the text colour.
 * @cssprop --hw-card-border-width - Default `1px`.
 * @cssprop --hw-card-shadow - Default `none`.
 * @cssprop --hw-card-padding - Default `1rem`.
 * @cssprop --hw-photo-size - Width and height of the photo. Default `96px`.
 * @cssprop --hw-photo-radius - Default `50%` (round).
 * @cssprop --hw-badge-radius - Default `999px`.
 * @cssprop --hw-font - Font family. Default: the page's.
 * @cssprop --hw-button-radius - Corner radius of the buttons. Default: `--hw-radius`.
 * @cssprop --hw-button-padding - Default `0.5em 1em`.
 * @cssprop --hw-radius - Corner radius. Default `0.75rem`.
 * @cssprop --hw-muted-color - Secondary text. Default: the text colour at 75%.
 * @cssprop --hw-placeholder-color - Loading placeholders. Default: the text colour at 12%.
 *
 * @fires {HwErrorEvent} hw-error - Loading by `person-id` failed; `detail.code` says why.
 * @fires {HwContactOpenEvent} hw-contact-open - From the contact dialog: the form is shown.
 * @fires {HwContactSentEvent} hw-contact-sent - From the contact dialog: the question was accepted.
 * @fires {HwContactCloseEvent} hw-contact-close - From the contact dialog: it closed.
 */
export class HwPersonCard extends SiteElement {
  static override styles = [baseStyles, styles];

  /** The person to show. Takes precedence over `person-id`. */
  @property({ attribute: false }) person?: PublicPerson;

  /** Loads and shows this person (needs a site, from the attribute, a provider or the script URL). */
  @property({ attribute: 'person-id' }) personId?: string;

  /** The job the candidate is looking at, for the contact dialog (`hw-people-grid` passes its own). */
  @property() job?: string;

  private readonly contact = new ContactDialogOpener(this);
  // Until the server says this page may send questions, no "Ask" (its row stays reserved).
  private readonly refused = new Loader(this, {
    task: async ([client]) => !client || contactRefused(client),
    args: () => [this.client()] as const,
  });

  private readonly loader = new Loader(this, {
    task: async ([client, id], { signal }) => {
      if (!id) return undefined;
      if (!client) {
        reportMissingSite();
        return null; // nothing to show, quietly
      }
      return client.people.get(id, { signal });
    },
    args: () => [this.client(), this.person ? undefined : this.personId] as const,
    onError: (error) => this.loadFailed(error),
  });

  protected override render() {
    if (this.person) return this.renderPerson(this.person);
    return this.loader.render({
      initial: () => this.renderPlaceholder(),
      pending: () => this.renderPlaceholder(),
      complete: (person) => (person ? this.renderPerson(person) : person === null ? nothing : this.renderPlaceholder()),
      error: (error) => this.renderUnavailable(error),
    });
  }

  private renderPhoto(person: PublicPerson) {
    // Drawn here rather than loaded: the server's initials avatar would cost a request per card.
    if (person.hasPhoto === false) {
      return html`<div part="photo" class="photo initials initials-${avatarIndex(person.id)}" aria-hidden="true">${initialsOf(person.displayName)}</div>`;
    }
    return html`<img part="photo" class="photo" src=${ifDefined(webUrl(person.photoUrl))} width="96" height="96" loading="lazy" decoding="async" alt="" />`;
  }

  private renderPerson(person: PublicPerson) {
    const { localize } = this;
    const languages = localize.list(person.languages.map((code) => localize.languageName(code)));
    return html`
      <article part="card" class="card">
        ${this.renderPhoto(person)}
        <h3 part="name" class="name">${person.displayName}</h3>
        <p part="title" class="title">${person.jobTitle}</p>
        <p part="meta" class="line meta">${[person.team, person.location].filter(Boolean).join(' · ')}</p>
        <p part="languages" class="line languages">${languages ? localize.term('speaks', languages) : ''}</p>
        <p part="bio" class="bio">${person.bio ?? ''}</p>
        <div part="more" class="more">${this.renderMore(person)}</div>
        ${person.kind === 'alumni' ? html`<span part="badge" class="badge">${localize.term('alumni')}</span>` : nothing}
        <div part="actions" class="actions">${this.renderContact(person)}</div>
      </article>
      ${this.contact.render({ person, job: this.job, api: this.api, site: this.site })}
    `;
  }

  /** "More about Ada", when the person shares their reply time or their path here. */
  private renderMore(person: PublicPerson) {
    const { localize } = this;
    const { replyDays, path = [] } = person;
    if (!replyDays && !path.length) return nothing;
    return html`<details><summary>${localize.term('moreAbout', firstName(person))}</summary>${replyDays ? html`<p part="reply">${localize.term('repliesWithin', replyDays)}</p>` : nothing}${
      path.length
        ? html`<ol part="path" aria-label=${localize.term('pathHere')}>${path.map(
            (step) => html`<li>${step.role} · ${step.toYear ? `${step.fromYear}–\u2060${step.toYear}` : localize.term('tSince', step.fromYear)}</li>`,
          )}</ol>`
        : nothing
    }</details>`;
  }

  /**
   * "Ask" only with a site that takes questions from this page (the /me page's preview card has none);
   * a person who takes messages but is busy says until when instead.
   */
  private renderContact(person: PublicPerson) {
    if (person.channels.includes('message') && person.availability === 'busy') return html`<span part="availability">${this.busyNote(person.availableFrom)}</span>`;
    if (!canBeAsked(person) || this.refused.value !== false) return nothing;
    return html`
      <button part="contact button" type="button" aria-haspopup="dialog" @click=${(event: Event) => this.contact.open(event.currentTarget as HTMLElement)}>
        ${this.localize.term('contactAsk', firstName(person))}
      </button>
    `;
  }

  /** "Not taking questions until Dec 14, 2026" (paused), else "… this week" (at the weekly cap). */
  private busyNote(day: string | null) {
    const { localize } = this;
    if (!day) return localize.term('busyWeek');
    return localize.term('busyUntil', new Date(day).toLocaleDateString(localize.lang, { dateStyle: 'medium', timeZone: 'UTC' }));
  }

  /** The same rows as a card, with bars instead of text: the same parts, so the same height. */
  private renderPlaceholder() {
    const bar = (extra = '') => html`<span class="placeholder ${extra}"></span>`;
    return html`
      <div part="card" class="card" aria-hidden="true">
        <div part="photo" class="photo placeholder"></div>
        <div part="name" class="name">${bar('short')}</div>
        <div part="title" class="title">${bar()}</div>
        <div part="meta" class="line meta">${bar('short')}</div>
        <div part="languages" class="line languages">${bar('short')}</div>
        <div part="bio" class="bio">${bar()}${bar()}${bar('short')}</div>
        <div part="more" class="more"></div>
        <div part="actions" class="actions"></div>
      </div>
    `;
  }

  private renderUnavailable(error: unknown) {
    if (isUnknownSite(error)) return nothing; // a configuration mistake, told on the console
    const gone = isHttpError(error) && error.status === 404;
    return html`
      <div part="card" class="card unavailable">
        <p>${this.localize.term('personUnavailable')}</p>
        ${gone ? nothing : html`<button part="retry" @click=${() => this.loader.run()}>${this.localize.term('tryAgain')}</button>`}
      </div>
    `;
  }
}

/** Only http(s) URLs become an image source: never `javascript:` or `data:`, whatever the data says. */
function webUrl(url: string): string | undefined {
  try {
    const { protocol, href } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? href : undefined;
  } catch {
    return undefined;
  }
}

define('hw-person-card', HwPersonCard);

declare global {
  interface HTMLElementTagNameMap {
    'hw-person-card': HwPersonCard;
  }
}
