import { createContext } from '@lit/context';
import type { HallwayClient } from '../../sdk/index.js';
import type { Theme } from './theme.js';

/** What `<hw-provider>` shares with the elements inside it. */
export interface HallwaySettings {
  /** Base URL of the Hallway server. */
  api: string;
  /** Site slug; absent when neither the provider nor the page defaults name one. */
  site?: string;
  /** The client for `api` and `site`; absent without a site. */
  client?: HallwayClient;
  /** The provider's `lang` attribute, if any. */
  lang?: string;
  /** The provider's `theme` attribute, if any. */
  theme?: Theme;
}

// A global symbol, so an app that bundles its own copy of the elements still finds the provider.
export const hallwayContext = createContext<HallwaySettings | undefined>(Symbol.for('hallway.settings'));
