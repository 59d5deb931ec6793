import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAX_LIMIT, type PublicTestimonial, type TestimonialList } from '../../sdk/index.js';
import { HallwayElement } from '../shared/hallway-element.js';
import { reportMissingSite } from '../shared/client.js';
import { HwLoadEvent, HwTestimonialViewEvent } from '../shared/events.js';
import { isUnknownSite } from '../shared/config.js';
import { PageJob } from '../shared/page-job.js';
import { define } from '../shared/define.js';
import { baseStyles, listHeadingStyles } from '../shared/styles.js';
import styles from './alumni-testimonials.styles.js';
import { Loader, LoadStatus } from '../shared/loader.js';

const DEFAULT_LIMIT = 6;

/** Whether the visitor asked for less motion; a function, so that tests can stub `matchMedia`. */
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * @tagname hw-alumni-testimonials
 * @summary What former colleagues say: approved testimonials, those about the job on the page first,
 * as a list or as a carousel (the WAI-ARIA APG pattern, rotating only with `autoplay`).
 *
 * @csspart heading - The heading (says whom the testimonials are about).
 * @csspart list - The list of quotes (`layout="list"`).
 * @csspart carousel - The carousel (`layout="carousel"`).
 * @csspart slide - Each slide of the carousel.
 * @csspart quote - Each `figure`: the quote and its caption.
 * @csspart text - The quote's `blockquote`.
 * @csspart caption - The `figcaption`: author, roles, years, current role.
 * @csspart author - The author's name, as they chose to show it.
 * @csspart badge - The "Alumni" label.
 * @csspart controls - The carousel's buttons.
 * @csspart rotation - The Pause/Play button (with `autoplay`).
 * @csspart previous - The "Previous" button.
 * @csspart next - The "Next" button.
 * @csspart picker - The group of "Slide n" buttons; each is a `picker-button`.
 * @csspart empty - The message shown when there is no testimonial.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The "Try again" button.
 *
 * @cssprop --hw-gap - Space between the quotes and below the heading. Default `1rem`.
 * @cssprop --hw-heading-size - Font size of the heading. Default `1.5em`.
 * @cssprop --hw-accent - Buttons, the quotes' rule, focus ring. Default `#2f5bd3`.
 * @cssprop --hw-accent-contrast - Text on the accent colour. Default `#fff`.
 * @cssprop --hw-radius - Corner radius of quotes and buttons. Default `0.75rem`.
 * @cssprop --hw-column-min-width - The narrowest a column of quotes gets (`layout="list"`). Default `18rem`.
 * @cssprop --hw-card-background - Quote background. Default: the theme's surface, else a 3% tint of the text colour.
 * @cssprop --hw-card-color - Quote text. Default: the theme's, else the page's text colour.
 * @cssprop --hw-card-padding - Default `1rem 1.25rem`.
 * @cssprop --hw-card-shadow - Default `none`.
 * @cssprop --hw-badge-radius - Default `1em`.
 * @cssprop --hw-font - Font family. Default: the page's.
 * @cssprop --hw-button-radius - Corner radius of the buttons. Default: `--hw-radius`.
 * @cssprop --hw-button-padding - Default `0.5em 1em`.
 * @cssprop --hw-muted-color - The caption. Default: the text colour at 75%.
 * @cssprop --hw-slide-min-height - The carousel's height, so that slides of different lengths don't move the page. Default `9em`.
 * @cssprop --hw-placeholder-color - Loading placeholders. Default: the text colour at 12%.
 *
 * @fires {HwLoadEvent} hw-load - The testimonials (possibly none) are shown; `detail` is `{ count, match }`.
 * @fires {HwErrorEvent} hw-error - Loading failed; `detail.code` says why.
 * @fires {HwTestimonialViewEvent} hw-testimonial-view - The candidate brought a slide into view (Previous, Next, the picker; not autoplay); `detail` is `{ testimonialId, index }`.
 */
export class HwAlumniTestimonials extends HallwayElement {
  static override styles = [baseStyles, listHeadingStyles, styles];

  /** The job title on the page. Default: the page's schema.org `JobPosting`'s `title`, else `occupationalCategory` (JSON-LD, else microdata), followed as it changes. */
  @property() job?: string;

  /** A team, for when no one wrote about the job itself. Default: the page's `JobPosting`'s `employmentUnit`, else `hiringOrganization.department`. */
  @property() team?: string;

  /** How many testimonials to show at most, 1 to 50. Default `6`. */
  @property({ type: Number }) limit: number = DEFAULT_LIMIT;

  /** `list` (default): every quote; `carousel`: one at a time, with Previous, Next and a slide picker. */
  @property() layout: 'list' | 'carousel' = 'list';

  /** Rotates the carousel's slides, with a Pause button; never when the visitor asked for reduced motion. */
  @property({ type: Boolean }) autoplay = false;

  /** Replaces the computed heading ("What former colleagues say"). */
  @property() heading?: string;

  /** Hides the element entirely when there is no testimonial to show. */
  @property({ type: Boolean, attribute: 'hide-empty' }) hideEmpty = false;

  /** Milliseconds between two slides with `autoplay`. */
  rotationMs = 7000;

  /** The carousel's slide on screen. */
  @state() private current = 0;
  /** Rotation stopped by the Pause button, by focus inside, or by reduced motion, until Play. */
  @state() private paused = false;
  @state() private hovered = false;
  @state() private focused = false;

  protected override readonly page = new PageJob(this);
  private focusAfterRetry = false;
  private focusPicker = false;
  private timer?: ReturnType<typeof setInterval>;

  private readonly testimonials = new Loader(this, {
    task: async ([client, job, team, limit], { signal }): Promise<TestimonialList> => {
      if (!client) {
        reportMissingSite();
        return { items: [], match: 'all' };
      }
      return client.testimonials.list({ job, team, limit, signal });
    },
    args: () => [this.client(), this.job || this.page.value.job, this.team || this.page.value.team, this.shownLimit()] as const,
    onComplete: ({ items, match }) => {
      this.current = 0;
      this.emitAfterRender(new HwLoadEvent({ count: items.length, match }));
    },
    onError: (error) => this.loadFailed(error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.paused = reducedMotion();
    this.requestUpdate(); // restarts the rotation after a move in the page
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.rotate(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.hideEmpty || changed.has('hideEmpty')) this.hidden = this.hideEmpty && this.isEmpty();
    this.rotate(this.rotating());
    if (this.focusPicker) {
      this.focusPicker = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="picker-button"][aria-current="true"]')?.focus();
    }
    if (this.focusAfterRetry && this.testimonials.status !== LoadStatus.PENDING) {
      this.focusAfterRetry = false;
      this.renderRoot.querySelector<HTMLElement>('[data-focus-after-retry]')?.focus();
    }
  }

  protected override render() {
    const loading = this.testimonials.status === LoadStatus.PENDING || this.testimonials.status === LoadStatus.INITIAL;
    return html`
      <div role="status" class="visually-hidden">${loading ? this.localize.term('tLoading') : ''}</div>
      ${this.testimonials.render({
        initial: () => this.renderPlaceholder(),
        pending: () => this.renderPlaceholder(),
        complete: (list) => (list.items.length ? this.renderTestimonials(list) : this.renderEmpty()),
        error: (error) => (isUnknownSite(error) ? this.renderEmpty() : this.renderError()),
      })}
    `;
  }

  /** The heading line and quote-sized blocks: one slide in a carousel, `limit` quotes in a list. */
  private renderPlaceholder() {
    const carousel = this.layout === 'carousel';
    const block = html`<li class="quote"><span class="placeholder"></span><span class="placeholder"></span><span class="placeholder"></span></li>`;
    return html`
      <div aria-busy="true">
        <div part="heading" class="heading" aria-hidden="true"><span class="placeholder"></span></div>
        ${carousel ? html`<div class="controls"></div>` : nothing}
        <ul class=${carousel ? 'slides' : 'list'} role="list" aria-hidden="true">
          ${Array.from({ length: carousel ? 1 : this.shownLimit() }, () => block)}
        </ul>
      </div>
    `;
  }

  private renderTestimonials(list: TestimonialList) {
    const heading = this.heading || this.computedHeading(list);
    return html`
      <h2 part="heading" class="heading" tabindex="-1" data-focus-after-retry>${heading}</h2>
      ${this.layout === 'carousel'
        ? this.renderCarousel(list.items, heading)
        : html`<ul part="list" class="list" role="list">${list.items.map((item) => html`<li>${this.renderQuote(item)}</li>`)}</ul>`}
    `;
  }

  private renderCarousel(items: PublicTestimonial[], label: string) {
    const { localize } = this;
    const total = items.length;
    const current = this.current % total;
    const rotating = this.rotating();
    return html`
      <section part="carousel" aria-roledescription="carousel" aria-label=${label}
        @focusin=${this.onFocusIn} @focusout=${() => (this.focused = false)} @mouseenter=${() => (this.hovered = true)} @mouseleave=${() => (this.hovered = false)}>
        <div part="controls" class="controls">
          ${this.autoplay
            ? html`<button part="rotation" @click=${() => (this.paused = !this.paused)}>
${localize.term(this.paused ? 'tPlay' : 'tPause')}</button>`
            : nothing}
          <button part="previous" aria-controls="slides" @click=${() => this.select(current - 1)}>${localize.term('tPrevious')}</button>
          <button part="next" aria-controls="slides" @click=${() => this.select(current + 1)}>${localize.term('tNext')}</button>
          <div part="picker" class="picker" role="group" aria-label=${localize.term('tSlides')} @keydown=${this.onPickerKey}>
            ${items.map(
              (_, index) =>
                html`<button part="picker-button" aria-controls="slide-${index}" aria-current=${index === current ? 'true' : 'false'}
                  tabindex=${index === current ? 0 : -1} @click=${() => this.select(index)}>${localize.term('tSlideN', index + 1)}</button>`,
            )}
          </div>
        </div>
        <div id="slides" class="slides" aria-live=${rotating ? 'off' : 'polite'}>
          ${items.map(
            (item, index) =>
              html`<div part="slide" id="slide-${index}" role="group" aria-roledescription="slide"
                aria-label=${localize.term('tSlide', index + 1, total)} ?hidden=${index !== current}>${this.renderQuote(item)}</div>`,
          )}
        </div>
      </section>
    `;
  }

  private renderQuote({ quote, author, roles, fromYear, toYear, currentRole, kind }: PublicTestimonial) {
    const { localize } = this;
    const years = toYear === null ? localize.term('tSince', fromYear) : fromYear === toYear ? fromYear : `${fromYear}–${toYear}`;
    return html`
      <figure part="quote" class="quote">
        <blockquote part="text"><p>${quote}</p></blockquote>
        <figcaption part="caption">
          <span part="author" class="author">${author}</span> — ${roles.join(', ')} (${years})${currentRole
            ? html`, ${localize.term('tNow', currentRole)}`
            : nothing}
          ${kind === 'alumni' ? html`<span part="badge" class="badge">${localize.term('alumni')}</span>` : nothing}
        </figcaption>
      </figure>
    `;
  }

  private renderEmpty() {
    if (this.hideEmpty) return nothing;
    return html`<p part="empty" class="message" tabindex="-1" data-focus-after-retry>${this.localize.term('tEmpty')}</p>`;
  }

  private renderError() {
    return html`
      <div part="error" class="message">
        <p>${this.localize.term('tError')}</p>
        <button part="retry" data-focus-after-retry @click=${this.retry}>${this.localize.term('tryAgain')}</button>
      </div>
    `;
  }

  /** Shows slide `index`, wrapping around at both ends; `byCandidate` tells the page (autoplay does not). */
  private select(index: number, byCandidate = true): void {
    const items = this.testimonials.value?.items ?? [];
    this.current = (index + items.length) % (items.length || 1);
    const shown = items[this.current];
    if (byCandidate && shown) this.emitAfterRender(new HwTestimonialViewEvent({ testimonialId: shown.id, index: this.current }));
  }

  private onPickerKey(event: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowLeft: this.current - 1, ArrowRight: this.current + 1, ArrowUp: this.current - 1, ArrowDown: this.current + 1, Home: 0, End: -1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(next);
    this.focusPicker = true;
  }

  /**
   * APG: focus inside stops the rotation, and a keyboard focus stops it until the visitor presses Play.
   * Not on the Pause/Play button itself, so that pressing it does what it says.
   */
  private onFocusIn(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    this.focused = target.getAttribute('part') !== 'rotation';
    if (this.focused && target.matches(':focus-visible')) this.paused = true;
  }

  private rotating(): boolean {
    const count = this.testimonials.status === LoadStatus.COMPLETE ? (this.testimonials.value?.items.length ?? 0) : 0;
    return this.autoplay && this.layout === 'carousel' && count > 1 && !this.paused && !this.hovered && !this.focused && this.isConnected;
  }

  private rotate(on: boolean): void {
    if (on === !!this.timer) return;
    clearInterval(this.timer);
    this.timer = on ? setInterval(() => this.select(this.current + 1, false), this.rotationMs) : undefined;
  }

  private retry(): void {
    this.focusAfterRetry = true;
    void this.testimonials.run();
  }

  private computedHeading({ match }: TestimonialList): string {
    const job = this.job || this.page.value.job;
    return match === 'job' && job ? this.localize.term('tHeadingJob', job) : this.localize.term('tHeading');
  }

  private isEmpty(): boolean {
    const { status, value, error } = this.testimonials;
    return (status === LoadStatus.COMPLETE && value?.items.length === 0) || (status === LoadStatus.ERROR && isUnknownSite(error));
  }

  private shownLimit(): number {
    return Math.min(Math.max(Math.trunc(this.limit) || DEFAULT_LIMIT, 1), MAX_LIMIT);
  }
}

define('hw-alumni-testimonials', HwAlumniTestimonials);

declare global {
  interface HTMLElementTagNameMap {
    'hw-alumni-testimonials': HwAlumniTestimonials;
  }
}
