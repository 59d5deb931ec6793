import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { PublicTestimonial, TestimonialList } from '../../sdk/index.js';
import { SiteElement } from '../shared/site-element.js';
import { ListShell, shownLimit } from '../shared/list-shell.js';
import { PageJob } from '../shared/page-job.js';
import { define } from '../shared/define.js';
import { baseStyles, listShellStyles } from '../shared/styles.js';
import styles from './alumni-testimonials.styles.js';
import type { Carousel } from './carousel.js';

/**
 * @tagname hw-alumni-testimonials
 * @summary What former (and current) colleagues say: approved testimonials, those about the job on the
 * page first, then those in the page's language, as a list or as a carousel (the WAI-ARIA APG
 * pattern, rotating only with `autoplay`). Each quote carries its language (`lang`).
 *
 * @csspart heading - The heading (says who speaks, and about which job).
 * @csspart list - The list of quotes (`layout="list"`).
 * @csspart carousel - The carousel (`layout="carousel"`).
 * @csspart slide - Each slide of the carousel.
 * @csspart quote - Each `figure`: the quote and its caption.
 * @csspart text - The quote's `blockquote`, with the `lang` its author chose.
 * @csspart caption - The `figcaption`: author, roles, years, current role.
 * @csspart author - The author's name, as they chose to show it.
 * @csspart badge - The "Alumni" label.
 * @csspart controls - The carousel's control bar, under the slide.
 * @csspart rotation - The Pause/Play icon button (with `autoplay`).
 * @csspart previous - The "Previous" icon button.
 * @csspart next - The "Next" icon button.
 * @csspart picker - The group of slide dots; each is a `picker-button` (named "Slide n"; the current one has `aria-current="true"`).
 * @csspart count - The "2 / 4" count.
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
 * @cssprop --hw-button-radius - Corner radius of the buttons. Default: `--hw-radius`; the carousel's icon buttons: round.
 * @cssprop --hw-button-padding - Default `0.5em 1em`.
 * @cssprop --hw-muted-color - The caption. Default: the text colour at 75%.
 * @cssprop --hw-slide-min-height - The carousel's height, so that slides of different lengths don't move the page. Default `9em`.
 * @cssprop --hw-placeholder-color - Loading placeholders. Default: the text colour at 12%.
 *
 * @fires {HwLoadEvent} hw-load - The testimonials (possibly none) are shown; `detail` is `{ count, match }`.
 * @fires {HwErrorEvent} hw-error - Loading failed; `detail.code` says why.
 * @fires {HwTestimonialViewEvent} hw-testimonial-view - The candidate brought a slide into view (Previous, Next, the picker; not autoplay); `detail` is `{ testimonialId, index }`.
 */
export class HwAlumniTestimonials extends SiteElement {
  static override styles = [baseStyles, listShellStyles, styles];

  /** The job title on the page. Default: the page's schema.org `JobPosting`'s `title`, else `occupationalCategory` (JSON-LD, else microdata), followed as it changes. */
  @property() job?: string;

  /** A team, for when no one wrote about the job itself. Default: the page's `JobPosting`'s `employmentUnit`, else `hiringOrganization.department`. */
  @property() team?: string;

  /** How many testimonials to show at most, 1 to 50. Default `6`. */
  @property({ type: Number }) limit = 6; // a number, not LIST_LIMIT, for the docs generated from it

  /** `list` (default): every quote; `carousel`: one at a time, with Previous, Next, a dot per slide and "2 / 4" (its code loads with the first carousel). */
  @property() layout: 'list' | 'carousel' = 'list';

  /** Rotates the carousel's slides, with a Pause button; never when the visitor asked for reduced motion. */
  @property({ type: Boolean }) autoplay = false;

  /** Replaces the computed heading, which says who speaks: "What former colleagues say" (alumni only), "What our people say" (employees only), "What colleagues past and present say". */
  @property() heading?: string;

  /** Hides the element entirely when there is no testimonial to show. */
  @property({ type: Boolean, attribute: 'hide-empty' }) hideEmpty = false;

  /** Milliseconds between two slides with `autoplay`. */
  rotationMs = 7000;

  protected override readonly page = new PageJob(this);
  /** The carousel layout, once its code is here; undefined (a list) if it could not load. */
  private carousel?: Carousel;
  private carouselLoading?: Promise<void>;

  private readonly shell = new ListShell(this, {
    // Shown at once, in one piece: the carousel's code comes with the data.
    load: async (client, [job, team, limit, lang], signal): Promise<TestimonialList> => {
      const [list] = await Promise.all([client.testimonials.list({ job, team, limit, lang, signal }), this.loadCarousel()]);
      return list;
    },
    args: () => [this.client(), this.job || this.page.value.job, this.team || this.page.value.team, shownLimit(this.limit), this.localize.lang] as const,
    none: { items: [], match: 'all' },
    localize: this.localize,
    terms: { loading: 'tLoading', empty: 'tEmpty', error: 'tError' },
    emit: (event) => this.emitAfterRender(event),
    failed: (error) => this.loadFailed(error),
  });

  protected override willUpdate(): void {
    void this.loadCarousel();
  }

  protected override render() {
    return this.shell.render({
      placeholder: () => this.renderPlaceholder(),
      heading: (list) => this.computedHeading(list),
      items: (list, heading) => this.renderTestimonials(list, heading),
    });
  }

  /** Quote-sized blocks below the heading line: one slide in a carousel, `limit` quotes in a list. */
  private renderPlaceholder() {
    const carousel = this.layout === 'carousel';
    const block = html`<li class="quote"><span class="placeholder"></span><span class="placeholder"></span><span class="placeholder"></span></li>`;
    return html`
      <ul class=${carousel ? 'slides' : 'list'} role="list" aria-hidden="true">
        ${Array.from({ length: carousel ? 1 : shownLimit(this.limit) }, () => block)}
      </ul>
      ${carousel ? html`<div class="controls"></div>` : nothing}
    `;
  }

  private renderTestimonials(list: TestimonialList, heading: string) {
    return this.layout === 'carousel' && this.carousel
      ? this.carousel.render(list.items, heading)
      : html`<ul part="list" class="list" role="list">${list.items.map((item) => html`<li>${this.renderQuote(item)}</li>`)}</ul>`;
  }

  private renderQuote({ quote, author, roles, fromYear, toYear, currentRole, kind, lang }: PublicTestimonial) {
    const { localize } = this;
    const years = toYear === null ? localize.term('tSince', fromYear) : fromYear === toYear ? fromYear : `${fromYear}–${toYear}`;
    return html`
      <figure part="quote" class="quote">
        <blockquote part="text" lang=${lang}><p>${quote}</p></blockquote>
        <figcaption part="caption">
          <span part="author" class="author">${author}</span> — ${roles.join(', ')} (${years})${currentRole ? html`, ${localize.term('tNow', currentRole)}` : nothing}
          ${kind === 'alumni' ? html`<span part="badge" class="badge">${localize.term('alumni')}</span>` : nothing}
        </figcaption>
      </figure>
    `;
  }

  /** Loads the carousel's code with the first `layout="carousel"`; its failure leaves a list. */
  private loadCarousel(): Promise<void> | undefined {
    if (this.layout !== 'carousel') return undefined;
    return (this.carouselLoading ??= import('./carousel.js')
      .then(({ Carousel }) => {
        const parts = { localize: this.localize, renderQuote: (item: PublicTestimonial) => this.renderQuote(item), emit: (event: Event) => this.emitAfterRender(event) };
        this.carousel = new Carousel(this, parts);
        this.requestUpdate();
      })
      .catch((error: unknown) => console.error('Hallway: the carousel could not be loaded.', error)));
  }

  /** Says who speaks: former colleagues, current ones, or both; and the job when they match it. */
  private computedHeading({ match, items }: TestimonialList): string {
    const { localize } = this;
    const job = this.job || this.page.value.job;
    const about = match === 'job' && job ? job : undefined;
    const alumni = items.filter((item) => item.kind === 'alumni').length;
    if (alumni === items.length) return about ? localize.term('tHeadingJob', about) : localize.term('tHeading');
    return localize.term(alumni ? 'tHeadingBoth' : 'tHeadingOurs', about);
  }
}

define('hw-alumni-testimonials', HwAlumniTestimonials);

declare global {
  interface HTMLElementTagNameMap {
    'hw-alumni-testimonials': HwAlumniTestimonials;
  }
}
