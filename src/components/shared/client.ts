import { createClient, type HallwayClient } from '../../sdk/index.js';
import { getDefaults } from './config.js';
import type { HallwaySettings } from './context.js';

// One client per server and site for the whole page, whoever asks for it.
const clients = new Map<string, HallwayClient>();

export function clientFor(api: string, site: string): HallwayClient {
  const key = `${api}\n${site}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = createClient({ baseUrl: api, site })));
  return client;
}

/** The element's own `api`/`site` win over the provider's, which win over the page defaults. */
export function resolveSettings(own: { api?: string; site?: string }, provided?: HallwaySettings): HallwaySettings {
  const defaults = getDefaults();
  const api = own.api || provided?.api || defaults.api;
  const site = own.site || provided?.site || defaults.site;
  return site ? { api, site, client: clientFor(api, site) } : { api };
}

let missingSiteReported = false;

/** Tells the web team, once per page, how to fix a missing site; the elements themselves stay quiet. */
export function reportMissingSite(): void {
  if (missingSiteReported) return;
  missingSiteReported = true;
  // A second copy of hallway.js?site=… may still be on its way: tell only if the page loaded without it.
  const report = () => getDefaults().site || void import('./web-team.js').then((m) => m.missingSite());
  if (document.readyState === 'complete') report();
  else addEventListener('load', report, { once: true });
}
