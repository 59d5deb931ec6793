// Importing an element's module defines it. This runs before Vue renders, so Vue finds the elements'
// properties and sets `limit={4}` or `hideEmpty` as properties, not as attributes. The contact form
// (hw-contact-dialog) loads on the first click.
import 'hallway/provider.js';
import 'hallway/people-grid.js';
import 'hallway/contact-button.js';
import { createApp } from 'vue';
import { App } from './App.tsx';

// The Hallway server: `?api=` (the tests pass theirs), else the origin that serves this page.
const api = new URLSearchParams(location.search).get('api') ?? location.origin;

createApp(App, { api }).mount('#app');
