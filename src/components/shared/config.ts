import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isHttpError } from '../../sdk/index.js';

/** Page-wide defaults for elements that have neither a provider nor their own `api`/`site`. */
export interface Defaults {
  /** Base URL of the Hallway server. Falls back to `location.origin`. */
  api?: string;
  /** Site slug. */
  site?: string;
}

// On a global symbol, so that every copy of the code on the page (hallway.js loaded twice, or beside
// an app's own bundle) shares them: `hallway.js?site=acme` names the site for all of them.
const DEFAULTS = Symbol.for('hallway.defaults');
const shared = globalThis as { [DEFAULTS]?: Defaults };

const CHANGED = 'hallway-defaults-change';

/** Sets the page-wide defaults; `undefined` values leave the current ones unchanged. */
export function setDefaults(next: Defaults): void {
  const current = shared[DEFAULTS] ?? {};
  shared[DEFAULTS] = { api: next.api ?? current.api, site: next.site ?? current.site };
  globalThis.dispatchEvent?.(new Event(CHANGED));
}

/**
 * Updates its host when the defaults change: a second copy of hallway.js?site=… may arrive after the
 * first copy's elements rendered without a site.
 */
export class DefaultsController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener(CHANGED, this.update);
  }

  hostDisconnected(): void {
    removeEventListener(CHANGED, this.update);
  }
}

export function getDefaults(): { api: string; site: string | undefined } {
  const defaults = shared[DEFAULTS] ?? {};
  return { api: defaults.api ?? location.origin, site: defaults.site };
}

/** Whether the server says it has no such site: a configuration mistake, not the candidate's problem. */
export const isUnknownSite = (error: unknown): boolean => isHttpError(error) && error.code === 'site_not_found';

const reportedSites = new Set<string>();

/** Tells the web team, once per page and site, what is wrong and how to fix it; candidates see a quiet empty state. */
export function reportUnknownSite(site: string | undefined, api: string): void {
  const key = `${api} ${site}`;
  if (reportedSites.has(key)) return;
  reportedSites.add(key);
  void import('./web-team.js').then((m) => m.unknownSite(site, api));
}
