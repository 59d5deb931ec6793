import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { isAbortError, type HallwayClient } from '../../sdk/index.js';
import { HallwayElement } from './hallway-element.js';
import { hallwayContext } from './context.js';
import { resolveSettings } from './client.js';
import { DefaultsController, isUnknownSite, reportUnknownSite } from './config.js';
import { HwErrorEvent, errorCode } from './events.js';
import type { PageJob } from './page-job.js';
import type { Theme } from './theme.js';

/**
 * What the careers-page elements share besides the language: where the data comes from (their own
 * `api` and `site`, else `<hw-provider>`'s, else the page defaults), and the page's job.
 */
export abstract class SiteElement extends HallwayElement {
  /**
   * Base URL of the Hallway server. Default: the enclosing `<hw-provider>`'s, else the URL
   * `hallway.js` was served from.
   */
  @property() api?: string;

  /** Site slug. Default: the enclosing `<hw-provider>`'s, else the `?site=` of the script URL. */
  @property() site?: string;

  // Subscribed, so a change on the provider re-renders this element (and reruns its tasks).
  private readonly provided = new ContextConsumer(this, { context: hallwayContext, subscribe: true });
  // And so does a change of the page defaults (their site), for elements without a provider.
  protected readonly defaultsWatcher = new DefaultsController(this);

  /** The page's JobPosting, for the elements that read it. */
  protected readonly page?: PageJob;

  protected override inheritedTheme(): Theme | undefined {
    return this.provided.value?.theme;
  }

  /** And, for the first update, the page's job, so that the element's first query is for that job. */
  protected override waitsBeforeUpdate(): (Promise<unknown> | undefined)[] {
    return [...super.waitsBeforeUpdate(), this.hasUpdated ? undefined : this.page?.ready];
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
}
