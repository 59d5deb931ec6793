import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { PeopleList } from '../../sdk/index.js';
import { SiteElement } from '../shared/site-element.js';
import { contactRefused, showList } from '../shared/contact.js';
import { ListShell, shownLimit } from '../shared/list-shell.js';
import { PageJob } from '../shared/page-job.js';
import { define } from '../shared/define.js';
import { baseStyles, listShellStyles } from '../shared/styles.js';
import '../person-card/person-card.js';
import styles from './people-grid.styles.js';

const CARD_PARTS = 'card, photo, name, title, meta, languages, bio, badge, actions, contact, availability, button, dialog';

/**
 * @tagname hw-people-grid
 * @summary "Meet our people": cards of the people who opted in, those doing the job on the page first.
 *
 * @csspart heading - The heading (says whom the people match).
 * @csspart list - The grid of cards.
 * @csspart empty - The message shown when there is no one to show.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The "Try again" button.
 * @csspart card - Each card (and `photo`, `name`, `title`, `meta`, `languages`, `bio`, `badge`, `actions`, `contact`, `availability`, `button`: see `hw-person-card`).
 * @csspart dialog - The contact dialog's box (see `hw-contact-dialog`).
 *
 * @cssprop --hw-gap - Space between the cards and below the heading. Default `1rem`.
 * @cssprop --hw-column-min-width - The narrowest a column of cards gets. Default `14rem`.
 * @cssprop --hw-heading-size - Font size of the heading. Default `1.5em`.
 * @cssprop --hw-accent - Button and badge background, focus ring. Default `#2f5bd3`.
 * @cssprop --hw-accent-contrast - Text on the accent colour. Default `#fff`.
 * @cssprop --hw-radius - Corner radius of cards and buttons. Default `0.75rem`.
 * @cssprop --hw-card-background - Default: the theme's surface, else a 3% tint of the text colour.
 * @cssprop --hw-card-border-color - Default: the theme's, else a 15% tint of the text colour.
 * @cssprop --hw-card-color - Text on the cards (and their other tokens: see `hw-person-card`).
 * @cssprop --hw-font - Font family. Default: the page's.
 * @cssprop --hw-button-radius - Corner radius of the buttons. Default: `--hw-radius`.
 * @cssprop --hw-button-padding - Default `0.5em 1em`.
 * @cssprop --hw-muted-color - Secondary text. Default: the text colour at 75%.
 * @cssprop --hw-placeholder-color - Loading placeholders. Default: the text colour at 12%.
 *
 * @fires {HwLoadEvent} hw-load - The people (possibly none) are shown; `detail` is `{ count, match }`.
 * @fires {HwErrorEvent} hw-error - Loading failed; `detail.code` says why.
 */
export class HwPeopleGrid extends SiteElement {
  static override styles = [baseStyles, listShellStyles, styles];

  /** The job title on the page. Default: the page's schema.org `JobPosting`'s `title`, else `occupationalCategory` (JSON-LD, else microdata), followed as it changes. */
  @property() job?: string;

  /** A team, for when no one does the job itself. Default: the page's `JobPosting`'s `employmentUnit`, else `hiringOrganization.department`. */
  @property() team?: string;

  /** A location, for when no one is in the team either. Default: the town of the page's `JobPosting`'s first `jobLocation` (`address.addressLocality`). */
  @property() location?: string;

  /** How many people to show at most, 1 to 50. Default `6`. */
  @property({ type: Number }) limit = 6; // a number, not LIST_LIMIT, for the docs generated from it

  /** Replaces the computed heading ("Meet people who work as …"). */
  @property() heading?: string;

  /** Hides the element entirely when there is no one to show. */
  @property({ type: Boolean, attribute: 'hide-empty' }) hideEmpty = false;

  protected override readonly page = new PageJob(this);

  private readonly shell = new ListShell(this, {
    load: async (client, [job, team, location, limit, lang, url], signal): Promise<PeopleList> => {
      const list = client.people.list({ job, team, location, limit, lang, url, signal });
      this.unshow?.();
      this.unshow = showList({ client, job, lang, list }); // a contact button for the job offers from it
      void contactRefused(client); // asked now, so that the cards' "Ask" comes with them
      // The first Intl formatters of a page cost tens of ms: make them in a task of their own while the
      // request is in flight, not in the one that paints the cards.
      setTimeout(() => this.localize.prepareFormatters());
      return list;
    },
    // Without a job, the page's address: the server knows the job at it when the site has a job feed.
    args: () =>
      [
        this.client(),
        this.shownJob(),
        this.shownTeam(),
        this.shownLocation(),
        shownLimit(this.limit),
        this.localize.lang,
        this.shownJob() ? undefined : location.origin + location.pathname,
      ] as const,
    none: { items: [], match: 'all', nextCursor: null },
    localize: this.localize,
    terms: { loading: 'loading', empty: 'empty', error: 'error' },
    emit: (event) => this.emitAfterRender(event),
    failed: (error) => this.loadFailed(error),
  });

  private unshow?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unshow = void this.unshow?.();
  }

  protected override render() {
    return this.shell.render({
      placeholder: () => this.renderPlaceholder(),
      heading: (list) => this.computedHeading(list),
      items: (list) => this.renderPeople(list),
    });
  }

  /** Exactly the size of the final grid when it is full: the same cards below the same heading line. */
  private renderPlaceholder() {
    const cards = Array.from({ length: shownLimit(this.limit) }, () => html`<li><hw-person-card exportparts=${CARD_PARTS}></hw-person-card></li>`);
    return html`<ul part="list" class="list" role="list" aria-hidden="true">${cards}</ul>`;
  }

  private renderPeople(list: PeopleList) {
    const job = this.shownJob() || list.job; // for the cards' contact dialog
    return html`
      <ul part="list" class="list" role="list">
        ${list.items.map(
          (person) => html`<li><hw-person-card .person=${person} .job=${job} .api=${this.api} .site=${this.site} exportparts=${CARD_PARTS}></hw-person-card></li>`,
        )}
      </ul>
    `;
  }

  private computedHeading({ match, items, job: jobAtUrl }: PeopleList): string {
    const { localize } = this;
    const job = this.shownJob() || jobAtUrl;
    const team = this.shownTeam() || items[0]?.team;
    const location = this.shownLocation() || items[0]?.location;
    if (match === 'job' && job) return localize.term('headingJob', job);
    if (match === 'team' && team) return localize.term('headingTeam', team);
    if (match === 'location' && location) return localize.term('headingLocation', location);
    return localize.term('headingAll');
  }

  // Each attribute, else what the page's JobPosting says.
  private shownJob(): string | undefined {
    return this.job || this.page.value.job;
  }

  private shownTeam(): string | undefined {
    return this.team || this.page.value.team;
  }

  private shownLocation(): string | undefined {
    return this.location || this.page.value.location;
  }
}

define('hw-people-grid', HwPeopleGrid);

declare global {
  interface HTMLElementTagNameMap {
    'hw-people-grid': HwPeopleGrid;
  }
}
