import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { HallwayClient } from '../../sdk/index.js';
import { hallwayContext } from './context.js';
import { resolveSettings } from './client.js';
import { DefaultsController, isUnknownSite, reportUnknownSite } from './config.js';
import { HwErrorEvent, errorCode } from './events.js';
import { isAbortError } from '../../sdk/index.js';
import { isUpgrading } from './define.js';
import { LocalizeController, loadLocale } from './localize.js';
import { ThemeController, type Theme } from './theme.js';
import type { PageJob } from './page-job.js';

let nextFrame: Promise<void> | undefined;

/**
 * Resolves just before the next paint (rAF), shared by every element upgraded in this task; at once
 * in a hidden page, which paints nothing and gets no frames.
 */
function beforeNextPaint(): Promise<void> | undefined {
  if (document.visibilityState === 'hidden') return undefined;
  return (nextFrame ??= new Promise((resolve) => requestAnimationFrame(() => ((nextFrame = undefined), resolve()))));
}

/** What the Hallway elements share: where the data comes from, and the UI language. */
export abstract class HallwayElement extends LitElement {
  /**
   * Base URL of the Hallway server. Default: the enclosing `<hw-provider>`'s, else the URL
   * `hallway.js` was served from.
   */
  @property() api?: string;

  /** Site slug. Default: the enclosing `<hw-provider>`'s, else the `?site=` of the script URL. */
  @property() site?: string;

  /** UI language (`en`, `fr`). Default: the closest `[lang]` ancestor, then the document's. */
  @property({ reflect: true }) override lang!: string;

  protected readonly localize = new LocalizeController(this);

  // Subscribed, so a change on the provider re-renders this element (and reruns its tasks).
  private readonly provided = new ContextConsumer(this, { context: hallwayContext, subscribe: true });
  // And so does a change of the page defaults (their site), for elements without a provider.
  protected readonly defaultsWatcher = new DefaultsController(this);

  /**
   * Colours: `light` or `dark` cards, quotes and dialog; `auto` follows the page's own dark switch on
   * `<html>` (class `dark`, `data-theme`, `data-bs-theme`, `data-color-scheme`, `color-scheme`), else
   * the system's. Default: the provider's, else none: the page's text colour and tints of it.
   */
  @property({ reflect: true }) theme?: Theme;

  protected readonly themer = new ThemeController(this, () => this.theme ?? this.provided.value?.theme);

  /** The page's JobPosting, for the elements that read it. */
  protected readonly page?: PageJob;

  // Upgraded while hallway.js defines its tags, in the same task as loading it.
  private readonly upgradedOnLoad = isUpgrading();

  /**
   * An element on the page when hallway.js loads first renders in the frame about to be painted, so
   * that loading hallway.js and drawing the elements are two short tasks rather than one long one,
   * with nothing painted in between. Every element waits for its language, so that a French page
   * never flashes English, and for the page's job, so that its first query is for that job.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const firstOnLoad = this.upgradedOnLoad && !this.hasUpdated;
    const pending = [firstOnLoad ? beforeNextPaint() : undefined, loadLocale(this.localize.lang), this.hasUpdated ? undefined : this.page?.ready].filter(
      (wait) => wait !== undefined,
    );
    return pending.length > 0 ? Promise.all(pending).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The client for this element's server and site; `undefined` when no site is set anywhere. */
  protected client(): HallwayClient | undefined {
    return resolveSettings(this, this.provided.value).client;
  }

  /**
   * For a load that failed: fires `hw-error` (not for an abort), and tells the web team on the
   * console when the site is unknown (the element then shows its quiet empty state).
   */
  protected loadFailed(error: unknown): void {
    if (isAbortError(error)) return;
    if (isUnknownSite(error)) {
      const { api, site } = resolveSettings(this, this.provided.value);
      reportUnknownSite(site, api);
    }
    this.emitAfterRender(new HwErrorEvent({ code: errorCode(error) }));
  }

  /** Dispatches `event` once the state that caused it is rendered. */
  protected emitAfterRender(event: Event): void {
    // Load callbacks run before the loader asks for its update: ask now, so updateComplete includes it.
    this.requestUpdate();
    void this.updateComplete.then(() => this.dispatchEvent(event));
  }
}
