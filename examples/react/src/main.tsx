// Importing an element's module defines it. This runs before React renders, so React 19 finds the
// elements' properties and sets `limit={4}` or `hideEmpty` as properties, not as attributes. The
// contact form (hw-contact-dialog) loads on the first click.
import 'hallway/provider.js';
import 'hallway/people-grid.js';
import 'hallway/contact-button.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// The Hallway server: `?api=` (the tests pass theirs), else the origin that serves this page.
const api = new URLSearchParams(location.search).get('api') ?? location.origin;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
