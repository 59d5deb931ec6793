// Importing an element class defines its tag (the element files are the package's side effects).
export { HwProvider } from './provider/provider.js';
export { HwPeopleGrid } from './people-grid/people-grid.js';
export { HwPersonCard } from './person-card/person-card.js';
export { HwAlumniTestimonials } from './alumni-testimonials/alumni-testimonials.js';
export { HwContactButton } from './contact-button/contact-button.js';
// hallway.js loads it on demand (only on pages that have one); importing it here defines it at once.
export { HwQuestions } from './questions/questions.js';
// The dialog is also loaded on demand by the button and the card; importing it here defines it at once.
export { HwContactDialog } from './contact-dialog/contact-dialog.js';

export { HwLoadEvent, HwErrorEvent, HwTestimonialViewEvent } from './shared/events.js';
export type { HwLoadDetail, HwErrorDetail, HwTestimonialViewDetail } from './shared/events.js';
export { HwContactOpenEvent, HwContactSentEvent, HwContactCloseEvent } from './contact-dialog/events.js';
export type { HwContactOpenDetail, HwContactSentDetail, HwContactCloseDetail } from './contact-dialog/events.js';

export { define } from './shared/define.js';
export { setDefaults } from './shared/config.js';
export type { Defaults } from './shared/config.js';
export { hallwayContext } from './shared/context.js';
export type { HallwaySettings } from './shared/context.js';
