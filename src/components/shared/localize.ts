import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en, { type Translation } from '../locales/en.js';

/** English comes with hallway.js; another language loads with the first element that shows it. */
const loaders = { fr: () => import('../locales/fr.js') } satisfies Record<string, () => Promise<{ default: Translation }>>;
export type Locale = 'en' | keyof typeof loaders;

type Entry = string | ((...args: never[]) => string);

/** Every term per language: the shared ones, and those registered by lazy chunks. */
const terms: Record<Locale, Record<string, Entry>> = { en: { ...en }, fr: {} };
const loaded = new Set<Locale>();
const loading = new Map<Locale, Promise<unknown>>();

/**
 * Resolves once `locale`'s shared strings are here; undefined when they already are. A language that
 * fails to load shows in English.
 */
export function loadLocale(locale: Locale): Promise<unknown> | undefined {
  if (locale === 'en' || loaded.has(locale)) return undefined;
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]()
      .then((module) => (Object.assign(terms[locale], module.default), loaded.add(locale)))
      .catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Adds a lazy chunk's own terms (the contact dialog's, the editor's), so that they come with its code
 * and not with hallway.js; its elements then read them with `localize.term()` like the shared ones.
 * Call it with the chunk's table type, `registerTerms<ContactTranslation>(…)`, so that every language
 * has every key; the typecheck refuses a key of the shared table. Chunks prefix theirs (`me…`).
 */
export function registerTerms<T extends Record<keyof T, Entry>>(tables: Record<Locale, T & Record<keyof T & keyof Translation, never>>): void {
  for (const locale of Object.keys(terms) as Locale[]) Object.assign(terms[locale], tables[locale]);
}

type TermArgs<T, K extends keyof T> = T[K] extends (...args: infer A) => string ? A : [];

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole page, like Shoelace's: every connected element re-renders when <html lang> changes.
// Started by the first element connected, not at import: server-side (Node) imports have no DOM.
const connected = new Set<Host>();
let observingLang = false;

function observeLang(): void {
  if (observingLang) return;
  observingLang = true;
  new MutationObserver(() => connected.forEach((host) => host.requestUpdate())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
}

/**
 * The element's UI language: its own `lang`, else the closest `[lang]` ancestor (across shadow roots),
 * else the document's, else English. Only the primary subtag counts: `fr-CA` is French.
 */
export class LocalizeController<T extends Translation = Translation> implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    observeLang();
    connected.add(this.host);
  }

  hostDisconnected(): void {
    connected.delete(this.host);
  }

  get lang(): Locale {
    const primary = requestedLanguage(this.host).split('-')[0]!.toLowerCase();
    return primary in loaders ? (primary as Locale) : 'en';
  }

  /** The term in the element's language; in English when that language lacks it (or is still loading). */
  term<K extends keyof T & string>(key: K, ...args: TermArgs<T, K>): string {
    const entry = (terms[this.lang][key] ?? terms.en[key]) as string | ((...args: TermArgs<T, K>) => string);
    return typeof entry === 'function' ? entry(...args) : entry;
  }

  /** Creates this language's formatters now, so that using them later is cheap. */
  prepareFormatters(): void {
    this.languageName('en');
    this.list([]);
  }

  /** `fr` → "French" (or "français" in French); an invalid code is shown as is. */
  languageName(code: string): string {
    try {
      return cached(Intl.DisplayNames, this.lang, { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  /** ["English", "French"] → "English and French". */
  list(items: string[]): string {
    return cached(Intl.ListFormat, this.lang, { type: 'conjunction' }).format(items);
  }
}

function requestedLanguage(element: Element): string {
  for (let node: Element | undefined = element; node; node = node.parentElement ?? hostOf(node)) {
    // `.lang`, not the attribute: an element's own `lang` property is set before it is reflected.
    const lang = (node as Partial<HTMLElement>).lang;
    if (lang) return lang;
  }
  return document.documentElement.lang || 'en';
}

const hostOf = (node: Element) => (node.getRootNode() as Partial<ShadowRoot>).host;

// Keyed by formatter and locale: each formatter is used with a single set of options.
const formatters = new Map<string, object>();

function cached<T extends object, O>(Formatter: new (locale: string, options: O) => T, locale: string, options: O): T {
  const key = `${Formatter.name} ${locale}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = new Formatter(locale, options)));
  return formatter;
}
