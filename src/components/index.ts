// Importing an element class defines its tag (the element files are the package's side effects).
export { HwProvider } from './provider/provider.js';
export { HwPeopleGrid } from './people-grid/people-grid.js';
export { HwPersonCard } from './person-card/person-card.js';

export { HwLoadEvent, HwErrorEvent } from './shared/events.js';
export type { HwLoadDetail, HwErrorDetail } from './shared/events.js';

export { define } from './shared/define.js';
export { setDefaults } from './shared/config.js';
export type { Defaults } from './shared/config.js';
export { hallwayContext } from './shared/context.js';
export type { HallwaySettings } from './shared/context.js';
