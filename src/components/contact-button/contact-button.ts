import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { isHttpError, type HallwayClient, type PeopleList, type PublicPerson } from '../../sdk/index.js';
import { SiteElement } from '../shared/site-element.js';
import { reportMissingSite } from '../shared/client.js';
import { ContactDialogOpener, canBeAsked, contactRefused, firstName, listShown, type ContactTarget } from '../shared/contact.js';
import { PageJob } from '../shared/page-job.js';
import { define } from '../shared/define.js';
import { baseStyles } from '../shared/styles.js';
import styles from './contact-button.styles.js';
import { Loader } from '../shared/loader.js';

/** How many people of the job are looked at for someone available. */
const CANDIDATES = 12;

/** What the button can offer: one person to ask, one who is busy, a choice, or no one. */
type Offer =
  | { kind: 'person'; person: PublicPerson }
  | { kind: 'busy'; person: PublicPerson }
  | { kind: 'several'; people: PublicPerson[] }
  | { kind: 'nobody' }
  | { kind: 'refused' };

/**
 * @tagname hw-contact-button
 * @summary "Ask Ada about this job": opens the contact form for one person (`person-id`), or for
 * someone available who does the job on the page. Says so when nobody can be asked right now.
 * The form (`hw-contact-dialog`) is loaded on the first click.
 *
 * @csspart button - The "Ask …" button.
 * @csspart message - "Ada isn't taking questions right now", "Nobody is available…", "Questions can't be sent
 * from this page yet" (the site does not allow this page's origin: the console says how), or a loading failure.
 * @csspart retry - The "Try again" button, after a loading failure.
 * @csspart dialog - The dialog (and `heading`, `close`, `person`, `choice`, `input`, `field-error`, `count`,
 * `consent`, `privacy`, `submit`, `status`, `error`, `success`: see `hw-contact-dialog`).
 *
 * @cssprop --hw-accent - Button background, focus ring. Default `#2f5bd3`.
 * @cssprop --hw-accent-contrast - Text on the accent colour. Default `#fff`.
 * @cssprop --hw-radius - Corner radius. Default `0.75rem`.
 * @cssprop --hw-font - Font family. Default: the page's.
 * @cssprop --hw-button-radius - Corner radius of the buttons. Default: `--hw-radius`.
 * @cssprop --hw-button-padding - Default `0.5em 1em`.
 * @cssprop --hw-muted-color - The messages. Default: the text colour at 75%.
 * @cssprop --hw-placeholder-color - The button's placeholder while loading. Default: the text colour at 12%.
 *
 * @fires {HwErrorEvent} hw-error - Loading the person or the people failed; `detail.code` says why.
 * @fires {HwContactOpenEvent} hw-contact-open - From the dialog: the form for a person is shown.
 * @fires {HwContactSentEvent} hw-contact-sent - From the dialog: the question was accepted.
 * @fires {HwContactCloseEvent} hw-contact-close - From the dialog: it closed.
 */
export class HwContactButton extends SiteElement {
  static override styles = [baseStyles, styles];

  /** The person to ask. Without it, someone available who does `job` is offered. */
  @property({ attribute: 'person-id' }) personId?: string;

  /** The job title on the page. Default: the page's schema.org `JobPosting`'s `title`, else `occupationalCategory` (JSON-LD, else microdata), followed as it changes. */
  @property() job?: string;

  protected override readonly page = new PageJob(this);
  private readonly opener = new ContactDialogOpener(this);

  private readonly offer = new Loader(this, {
    task: async ([client, personId, job, lang], { signal }): Promise<Offer | undefined> => {
      if (!client) {
        reportMissingSite();
        return undefined; // nothing to show, quietly
      }
      const refused = contactRefused(client);
      const offer: Offer = personId ? personOffer(await client.people.get(personId, { signal })) : await offerForJob(client, job, lang, signal);
      return (offer.kind === 'person' || offer.kind === 'several') && (await refused) ? { kind: 'refused' } : offer;
    },
    args: () => [this.client(), this.personId, this.shownJob(), this.localize.lang] as const,
    onError: (error) => this.loadFailed(error),
  });

  protected override render() {
    return html`
      <div class="row">
        ${this.offer.render({
          initial: () => this.renderPlaceholder(),
          pending: () => this.renderPlaceholder(),
          complete: (offer) => (offer ? this.renderOffer(offer) : nothing),
          error: (error) => this.renderError(error),
        })}
      </div>
      ${this.opener.render(this.contactTarget())}
    `;
  }

  private renderPlaceholder() {
    return html`<span class="placeholder" aria-hidden="true"></span>`;
  }

  private renderOffer(offer: Offer) {
    const { localize } = this;
    switch (offer.kind) {
      case 'person': {
        const name = firstName(offer.person);
        const label = this.shownJob() ? localize.term('contactAskJob', name) : localize.term('contactAsk', name);
        return this.renderButton(label);
      }
      case 'several':
        return this.renderButton(localize.term('contactAskSomeone'));
      case 'busy':
        return html`<p part="message">${localize.term('contactBusy', firstName(offer.person))}</p>`;
      case 'nobody':
        return html`<p part="message">${localize.term('contactNobody')}</p>`;
      case 'refused':
        return html`<p part="message">${localize.term('contactRefused')}</p>`;
    }
  }

  private renderButton(label: string) {
    return html`<button part="button" type="button" aria-haspopup="dialog" @click=${(event: Event) => this.opener.open(event.currentTarget as HTMLElement)}>${label}</button>`;
  }

  private renderError(error: unknown) {
    const { localize } = this;
    if (isHttpError(error) && error.status === 404) return html`<p part="message">${localize.term('contactNobody')}</p>`;
    return html`
      <p part="message">${localize.term('contactLoadFailed')}</p>
      <button part="retry" type="button" @click=${() => this.offer.run()}>${localize.term('tryAgain')}</button>
    `;
  }

  private contactTarget(): ContactTarget {
    const offer = this.offer.value;
    const target = { job: this.shownJob(), api: this.api, site: this.site };
    if (offer?.kind === 'person') return { ...target, person: offer.person };
    if (offer?.kind === 'several') return { ...target, people: offer.people };
    return target;
  }

  private shownJob(): string | undefined {
    return this.job || this.page.value.job;
  }
}

const personOffer = (person: PublicPerson): Offer => ({ kind: canBeAsked(person) ? 'person' : 'busy', person });

/**
 * The available people who do the job: only a `job` match does the job (the list falls back to the team).
 * With a grid of the job on the page, those it shows: the page then makes one request for both.
 */
async function offerForJob(client: HallwayClient, job: string | undefined, lang: string, signal: AbortSignal): Promise<Offer> {
  if (!job) return { kind: 'nobody' };
  const shown = await listShown(client, job, lang);
  signal.throwIfAborted();
  const { items, match } = shown && offersFrom(shown) ? shown : await client.people.list({ job, lang, limit: CANDIDATES, signal });
  const people = match === 'job' ? items.filter(canBeAsked) : [];
  if (people.length === 1) return { kind: 'person', person: people[0]! };
  return people.length > 1 ? { kind: 'several', people } : { kind: 'nobody' };
}

/** Whether a grid's list settles the offer: unless more people do the job than it shows, and none shown can be asked. */
const offersFrom = ({ items, match, nextCursor }: PeopleList) => match !== 'job' || !nextCursor || items.some(canBeAsked);

define('hw-contact-button', HwContactButton);

declare global {
  interface HTMLElementTagNameMap {
    'hw-contact-button': HwContactButton;
  }
}
