/** Page-wide defaults for elements that have neither a provider nor their own `api`/`site`. */
export interface Defaults {
  /** Base URL of the Hallway server. Falls back to `location.origin`. */
  api?: string;
  /** Site slug. */
  site?: string;
}

let defaults: Defaults = {};

/** Sets the page-wide defaults; `undefined` values leave the current ones unchanged. */
export function setDefaults(next: Defaults): void {
  defaults = {
    api: next.api ?? defaults.api,
    site: next.site ?? defaults.site,
  };
}

export function getDefaults(): { api: string; site: string | undefined } {
  return { api: defaults.api ?? location.origin, site: defaults.site };
}
