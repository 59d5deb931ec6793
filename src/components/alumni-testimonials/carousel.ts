import { adoptStyles, html, nothing, svg, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { PublicTestimonial } from '../../sdk/index.js';
import { HwTestimonialViewEvent } from '../shared/events.js';
import type { LocalizeController } from '../shared/localize.js';
import styles from './carousel.styles.js';

/** Whether the visitor asked for less motion; a function, so that tests can stub `matchMedia`. */
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

// 16×16 icons drawn with the text colour; each button also holds its name as text.
const ICONS = {
  previous: svg`<path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="2" />`,
  next: svg`<path d="m6 3 5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" />`,
  pause: svg`<path d="M5 3v10m6-10v10" stroke="currentColor" stroke-width="2.5" />`,
  play: svg`<path d="M5 2.5v11L13.5 8z" fill="currentColor" />`,
};

const icon = (name: keyof typeof ICONS, label: string) =>
  html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${ICONS[name]}</svg><span class="visually-hidden">${label}</span>`;

/** What the carousel needs from `hw-alumni-testimonials`. */
export interface CarouselHost extends LitElement {
  autoplay: boolean;
  rotationMs: number;
}

export interface CarouselParts {
  localize: LocalizeController;
  renderQuote: (item: PublicTestimonial) => TemplateResult;
  /** Dispatches the event once what caused it is rendered. */
  emit: (event: Event) => void;
}

/**
 * The carousel layout of `hw-alumni-testimonials` (the WAI-ARIA APG pattern), loaded with the first
 * `layout="carousel"`: its control bar (Pause/Play, Previous, Next, one dot per slide, "2 / 4") and
 * the rotation, which stops while hovered or focused, for good on keyboard focus or Pause, and
 * never starts when the visitor prefers reduced motion.
 */
export class Carousel implements ReactiveController {
  /** The slide on screen. */
  current = 0;
  /** Stopped by Pause, by keyboard focus inside, or by reduced motion, until Play. */
  private paused = false;
  private hovered = false;
  private focused = false;
  private items: PublicTestimonial[] = [];
  /** Whether this update rendered the carousel (not the list, a placeholder or an error). */
  private shown = false;
  private focusPicker = false;
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: CarouselHost,
    private readonly parts: CarouselParts,
  ) {
    const root = host.renderRoot as ShadowRoot;
    adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, styles]);
    host.addController(this);
  }

  hostConnected(): void {
    this.paused = reducedMotion();
  }

  hostDisconnected(): void {
    this.rotate(false);
  }

  hostUpdate(): void {
    this.shown = false;
  }

  hostUpdated(): void {
    this.rotate(this.rotating());
    if (this.focusPicker) {
      this.focusPicker = false;
      this.host.renderRoot.querySelector<HTMLElement>('[part~="picker-button"][aria-current="true"]')?.focus();
    }
  }

  render(items: PublicTestimonial[], label: string) {
    if (items !== this.items) [this.items, this.current] = [items, 0];
    this.shown = true;
    const { localize, renderQuote } = this.parts;
    const total = items.length;
    const current = this.current % total;
    return html`
      <section part="carousel" class="carousel" aria-roledescription="carousel" aria-label=${label}
        @focusin=${this.onFocusIn} @focusout=${() => this.set('focused', false)}
        @mouseenter=${() => this.set('hovered', true)} @mouseleave=${() => this.set('hovered', false)}>
        <div part="controls" class="controls">
          ${
            this.host.autoplay
              ? html`<button part="rotation" class="icon" @click=${() => this.set('paused', !this.paused)}>${
                  this.paused ? icon('play', localize.term('tPlay')) : icon('pause', localize.term('tPause'))
                }</button>`
              : nothing
          }
          <button part="previous" class="icon" aria-controls="slides" @click=${() => this.select(current - 1)}>${icon('previous', localize.term('tPrevious'))}</button>
          <button part="next" class="icon" aria-controls="slides" @click=${() => this.select(current + 1)}>${icon('next', localize.term('tNext'))}</button>
          <div part="picker" class="picker" role="group" aria-label=${localize.term('tSlides')} @keydown=${this.onPickerKey}>
            ${items.map(
              (_, index) =>
                html`<button part="picker-button" class="dot" aria-controls="slide-${index}" aria-current=${index === current ? 'true' : 'false'}
                  tabindex=${index === current ? 0 : -1} @click=${() => this.select(index)}><span class="visually-hidden">${localize.term('tSlideN', index + 1)}</span></button>`,
            )}
          </div>
          <span part="count" class="count" aria-hidden="true">${current + 1} / ${total}</span>
        </div>
        <div id="slides" class="slides" aria-live=${this.rotating() ? 'off' : 'polite'}>
          ${items.map(
            (item, index) =>
              html`<div part="slide" id="slide-${index}" role="group" aria-roledescription="slide"
                aria-label=${localize.term('tSlide', index + 1, total)} ?hidden=${index !== current}>${renderQuote(item)}</div>`,
          )}
        </div>
      </section>
    `;
  }

  private set(key: 'paused' | 'hovered' | 'focused', value: boolean): void {
    this[key] = value;
    this.host.requestUpdate();
  }

  /** Shows slide `index`, wrapping around at both ends; `byCandidate` tells the page (autoplay does not). */
  private select(index: number, byCandidate = true): void {
    const { items } = this;
    this.current = (index + items.length) % (items.length || 1);
    this.host.requestUpdate();
    const shown = items[this.current];
    if (byCandidate && shown) this.parts.emit(new HwTestimonialViewEvent({ testimonialId: shown.id, index: this.current }));
  }

  private readonly onPickerKey = (event: KeyboardEvent): void => {
    const { current } = this;
    const moves: Record<string, number> = { ArrowLeft: current - 1, ArrowRight: current + 1, ArrowUp: current - 1, ArrowDown: current + 1, Home: 0, End: -1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(next);
    this.focusPicker = true;
  };

  /**
   * APG: focus inside stops the rotation, and a keyboard focus stops it until the visitor presses Play.
   * Not on the Pause/Play button itself, so that pressing it does what it says.
   */
  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    this.set('focused', target.getAttribute('part') !== 'rotation');
    if (this.focused && target.matches(':focus-visible')) this.set('paused', true);
  };

  private rotating(): boolean {
    const { host } = this;
    return host.autoplay && this.shown && this.items.length > 1 && !this.paused && !this.hovered && !this.focused && host.isConnected;
  }

  private rotate(on: boolean): void {
    if (on === !!this.timer) return;
    clearInterval(this.timer);
    this.timer = on ? setInterval(() => this.select(this.current + 1, false), this.host.rotationMs) : undefined;
  }
}
