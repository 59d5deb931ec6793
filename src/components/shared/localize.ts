import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en, { type Translation } from '../locales/en.js';
import fr from '../locales/fr.js';

const translations = { en, fr } satisfies Record<string, Translation>;
export type Locale = keyof typeof translations;

/** A translation table per locale: the shared one, or one extended by an element that loads later. */
export type Tables<T> = Record<Locale, T>;

type TermArgs<T, K extends keyof T> = T[K] extends (...args: infer A) => string ? A : [];

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole page, like Shoelace's: every connected element re-renders when <html lang> changes.
const connected = new Set<Host>();
new MutationObserver(() => connected.forEach((host) => host.requestUpdate())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: ['lang'],
});

/**
 * The element's UI language: its own `lang`, else the closest `[lang]` ancestor (across shadow roots),
 * else the document's, else English. Only the primary subtag counts: `fr-CA` is French.
 */
export class LocalizeController<T extends Translation = Translation> implements ReactiveController {
  constructor(
    private readonly host: Host,
    private readonly tables: Tables<T> = translations as Tables<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this.host);
  }

  hostDisconnected(): void {
    connected.delete(this.host);
  }

  get lang(): Locale {
    const primary = requestedLanguage(this.host).split('-')[0]!.toLowerCase();
    return primary in translations ? (primary as Locale) : 'en';
  }

  /** The shared tables with `extra` added: for an element whose strings load with its own code. */
  static extend<E>(extra: Tables<E>): Tables<Translation & E> {
    return { en: { ...translations.en, ...extra.en }, fr: { ...translations.fr, ...extra.fr } };
  }

  term<K extends keyof T>(key: K, ...args: TermArgs<T, K>): string {
    const entry = this.tables[this.lang][key] as string | ((...args: TermArgs<T, K>) => string);
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
