import type { ReactiveController, ReactiveElement } from 'lit';

/** The `theme` attribute's values. No theme (the default): the element takes the page's colours. */
export type Theme = 'light' | 'dark' | 'auto';
export type Scheme = 'light' | 'dark';

/** The `<html>` attributes that carry a page's own dark switch, e.g. `data-theme="dark"` (Bootstrap: `data-bs-theme`). */
export const SWITCH_ATTRIBUTES = ['data-theme', 'data-bs-theme', 'data-color-scheme'] as const;

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * The page's own choice, read on `<html>`: the class `dark` or `light`, then `data-theme`,
 * `data-bs-theme`, `data-color-scheme` (`dark` | `light`), then its `color-scheme` (`dark` | `light`
 * alone). `undefined` when the page does not say.
 */
export function pageScheme(root: Element = document.documentElement): Scheme | undefined {
  if (root.classList.contains('dark')) return 'dark';
  if (root.classList.contains('light')) return 'light';
  for (const name of SWITCH_ATTRIBUTES) {
    const value = root.getAttribute(name)?.trim().toLowerCase();
    if (value === 'dark' || value === 'light') return value;
  }
  const colorScheme = getComputedStyle(root).colorScheme.trim();
  return colorScheme === 'dark' || colorScheme === 'light' ? colorScheme : undefined;
}

/** `auto` is the page's own choice, else the reader's system setting. */
export function resolveTheme(theme: Theme | undefined): Scheme | undefined {
  if (theme === 'light' || theme === 'dark') return theme;
  if (theme !== 'auto') return undefined;
  return pageScheme() ?? (matchMedia(DARK_QUERY).matches ? 'dark' : 'light');
}

/** One observer of `<html>` and one media query listener for all the `auto` elements of the page. */
const listeners = new Set<() => void>();
let stopWatching: (() => void) | undefined;

function watch(listener: () => void): void {
  listeners.add(listener);
  stopWatching ??= startWatching();
}

function unwatch(listener: () => void): void {
  listeners.delete(listener);
  if (listeners.size === 0) {
    stopWatching?.();
    stopWatching = undefined;
  }
}

function startWatching(): () => void {
  const notify = () => listeners.forEach((listener) => listener());
  const observer = new MutationObserver(notify);
  observer.observe(document.documentElement, { attributeFilter: ['class', 'style', ...SWITCH_ATTRIBUTES] });
  const media = matchMedia(DARK_QUERY);
  media.addEventListener('change', notify);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', notify);
  };
}

/** How many `auto` elements are watching the page now (for tests). */
export function watcherCount(): number {
  return listeners.size;
}

/**
 * Gives its element the custom state `light` or `dark` (`:host(:state(dark))`, `hw-people-grid:state(dark)`)
 * from the theme `theme()` returns, following the page and the system live when it is `auto`.
 */
export class ThemeController implements ReactiveController {
  private readonly states?: CustomStateSet;
  private watching = false;
  private readonly update = () => this.apply();

  constructor(
    private readonly host: ReactiveElement,
    private readonly theme: () => Theme | undefined,
  ) {
    host.addController(this);
    // Older browsers (no :state(), or only Chrome's former :--state) keep the page's colours.
    if (CSS.supports('selector(:state(dark))')) this.states = host.attachInternals().states;
  }

  hostConnected(): void {
    this.apply();
  }

  hostUpdated(): void {
    this.apply();
  }

  hostDisconnected(): void {
    this.setWatching(false);
  }

  private apply(): void {
    const theme = this.theme();
    this.setWatching(theme === 'auto' && this.host.isConnected);
    const scheme = resolveTheme(theme);
    this.toggle('light', scheme === 'light');
    this.toggle('dark', scheme === 'dark');
  }

  private toggle(state: Scheme, on: boolean): void {
    if (on) this.states?.add(state);
    else this.states?.delete(state);
  }

  private setWatching(on: boolean): void {
    if (on === this.watching) return;
    this.watching = on;
    if (on) watch(this.update);
    else unwatch(this.update);
  }
}
