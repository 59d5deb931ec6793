// The home pages' dark-mode switch: <html class="dark">, remembered in localStorage. The page's
// Hallway elements have theme="auto", so they follow it live. Loaded in <head>: no light flash.
const KEY = 'beaumont-theme';
const root = document.documentElement;

function remembered() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: the switch still works for this page
  }
}

root.classList.toggle('dark', remembered() === 'dark');

document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('[data-theme-switch]')) {
    button.hidden = false; // without this script, no switch that does nothing
    button.setAttribute('aria-pressed', String(root.classList.contains('dark')));
    button.addEventListener('click', () => {
      const dark = root.classList.toggle('dark');
      button.setAttribute('aria-pressed', String(dark));
      try {
        localStorage.setItem(KEY, dark ? 'dark' : 'light');
      } catch {
        // storage refused (private browsing): the switch still works on this page
      }
    });
  }
});
