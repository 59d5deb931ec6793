// The demo's analytics, as a careers site would wire Hallway's events to its own tool: a small
// cookie-consent banner, and a forwarder that listens for `hw-*` events only while the visitor has
// accepted. Before "Accept", and after a withdrawal, nothing is listened to, kept or sent.
// `window.dataLayer.push` stands in for the analytics tool. It runs under a strict CSP with Trusted
// Types: the DOM is built with createElement and textContent, the styles are a constructed sheet.

/** Hallway's events (bubbling, composed); their `detail` holds public ids, counts and codes only. */
const HALLWAY_EVENTS = ['hw-load', 'hw-error', 'hw-contact-open', 'hw-contact-sent', 'hw-contact-close', 'hw-testimonial-view'];

/** Only the visitor's choice is stored, in this browser: `granted` or `denied`. */
const CHOICE = 'beaumont-analytics-consent';

const TEXT = {
  en: {
    label: 'Cookie consent',
    message: 'May we measure how visitors use our careers site? We would record which pages and Hallway widgets you use, never what you write.',
    accept: 'Accept',
    decline: 'Decline',
    settings: 'Cookie settings',
  },
  fr: {
    label: 'Consentement aux cookies',
    message: 'Pouvons-nous mesurer l’usage de notre site carrières ? Nous noterions les pages et les widgets Hallway utilisés, jamais ce que vous écrivez.',
    accept: 'Accepter',
    decline: 'Refuser',
    settings: 'Paramètres des cookies',
  },
};

const STYLES = `
  .consent-banner { position: fixed; inset-inline: 1rem; inset-block-end: 1rem; z-index: 10; display: flex; flex-wrap: wrap;
    gap: 0.75rem 1rem; align-items: center; max-width: 48rem; margin-inline: auto; padding: 1rem 1.25rem;
    border: 1px solid #c9c2b4; border-radius: 0.5rem; background: #fffdf8; color: #1d2433; box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.2); }
  .consent-banner[hidden] { display: none; }
  .consent-banner p { flex: 1 1 20rem; margin: 0; }
  .consent-banner button, .consent-settings { font: inherit; cursor: pointer; }
  .consent-banner button { padding: 0.5rem 1rem; border: 2px solid #1d2433; border-radius: 0.375rem; background: #fff; color: #1d2433; }
  .consent-banner button:focus-visible, .consent-settings:focus-visible { outline: 3px solid #2f5bd3; outline-offset: 2px; }
  .consent-settings { padding: 0; border: 0; background: none; color: inherit; text-decoration: underline; }
`;

const text = TEXT[document.documentElement.lang.startsWith('fr') ? 'fr' : 'en'];

/** Sends one Hallway event to the analytics tool: its name, the element, and its detail. */
function forward(event) {
  (window.dataLayer ??= []).push({ event: event.type, element: event.target.localName, ...event.detail });
}

function listen(on) {
  for (const type of HALLWAY_EVENTS) {
    if (on) document.addEventListener(type, forward);
    else document.removeEventListener(type, forward);
  }
}

function choose(choice) {
  localStorage.setItem(CHOICE, choice);
  listen(choice === 'granted');
}

function button(label, onClick, className) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  if (className) element.className = className;
  element.addEventListener('click', onClick);
  return element;
}

function banner() {
  const region = document.createElement('section');
  region.className = 'consent-banner';
  region.setAttribute('aria-label', text.label);
  const message = document.createElement('p');
  message.textContent = text.message;
  const close = (choice) => () => {
    choose(choice);
    region.hidden = true;
    settings.focus();
  };
  region.append(message, button(text.accept, close('granted')), button(text.decline, close('denied')));
  const settings = button(
    text.settings,
    () => {
      region.hidden = false;
      region.querySelector('button').focus();
    },
    'consent-settings',
  );
  return { region, settings };
}

function start() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const { region, settings } = banner();
  region.hidden = localStorage.getItem(CHOICE) !== null;
  document.body.append(region);
  (document.querySelector('.site-footer .footer-note') ?? document.body).append(settings);
  listen(localStorage.getItem(CHOICE) === 'granted');
}

start();
