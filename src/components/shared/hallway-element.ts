import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { isUpgrading } from './define.js';
import { LocalizeController, loadLocale } from './localize.js';
import { ThemeController, type Theme } from './theme.js';

let nextFrame: Promise<void> | undefined;

/**
 * Resolves just before the next paint (rAF), shared by every element upgraded in this task; at once
 * in a hidden page, which paints nothing and gets no frames.
 */
function beforeNextPaint(): Promise<void> | undefined {
  if (document.visibilityState === 'hidden') return undefined;
  return (nextFrame ??= new Promise((resolve) => requestAnimationFrame(() => ((nextFrame = undefined), resolve()))));
}

/**
 * What every Hallway element shares: the UI language, the theme, and a first paint that waits for
 * both. The careers-page elements extend `SiteElement`, which adds where the data comes from.
 */
export abstract class HallwayElement extends LitElement {
  /** UI language (`en`, `fr`). Default: the closest `[lang]` ancestor, then the document's. */
  @property({ reflect: true }) override lang!: string;

  protected readonly localize = new LocalizeController(this);

  /**
   * Colours: `light` or `dark` cards, quotes and dialog; `auto` follows the page's own dark switch on
   * `<html>` (class `dark`, `data-theme`, `data-bs-theme`, `data-color-scheme`, `color-scheme`), else
   * the system's. Default: for a careers-page element, the provider's; else none: the page's text
   * colour and tints of it.
   */
  @property({ reflect: true }) theme?: Theme;

  protected readonly themer = new ThemeController(this, () => this.theme ?? this.inheritedTheme());

  // Upgraded while hallway.js defines its tags, in the same task as loading it.
  private readonly upgradedOnLoad = isUpgrading();

  /** The theme when the element has none of its own. */
  protected inheritedTheme(): Theme | undefined {
    return undefined;
  }

  /**
   * An element on the page when hallway.js loads first renders in the frame about to be painted, so
   * that loading hallway.js and drawing the elements are two short tasks rather than one long one,
   * with nothing painted in between. Every element waits for its language, so that a French page
   * never flashes English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.waitsBeforeUpdate().filter((wait) => wait !== undefined);
    return pending.length > 0 ? Promise.all(pending).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** What the coming update waits for; `undefined` entries are ignored. */
  protected waitsBeforeUpdate(): (Promise<unknown> | undefined)[] {
    const firstOnLoad = this.upgradedOnLoad && !this.hasUpdated;
    return [firstOnLoad ? beforeNextPaint() : undefined, loadLocale(this.localize.lang)];
  }

  /** Dispatches `event` once the state that caused it is rendered. */
  protected emitAfterRender(event: Event): void {
    // Load callbacks run before the loader asks for its update: ask now, so updateComplete includes it.
    this.requestUpdate();
    void this.updateComplete.then(() => this.dispatchEvent(event));
  }
}
