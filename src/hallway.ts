/**
 * The one-script-tag bundle: `<script type="module" src="https://…/hallway.js?site=acme">`.
 * Elements without a provider or `api` talk to the server that served this file, for the `?site=` given.
 */
import { setDefaults } from './components/shared/config.js';
// The provider first: defined before the elements inside it upgrade and ask for its context.
import './components/provider/provider.js';
import './components/people-grid/people-grid.js';
import './components/person-card/person-card.js';
import './components/alumni-testimonials/alumni-testimonials.js';
// The button only: it (and the card) load the contact dialog and its solver on the first click.
import './components/contact-button/contact-button.js';
import { whenOnPage } from './components/shared/on-page.js';

// Published Q&A: the element's code loads only on a page that has one (2 KB stay off every other page).
whenOnPage('hw-questions', () => import('./components/questions/questions.js'));

// Runs before any element's first update, which Lit schedules for a later microtask.
const script = new URL(import.meta.url);
setDefaults({ api: new URL('.', script).href, site: script.searchParams.get('site') ?? undefined });

export { createClient } from './sdk/index.js';
