/**
 * What the site's filter looks for in a question (issue 18): links, phone numbers and the words the
 * moderators listed. Small pure functions: a miss lets a question through as before, a false positive
 * holds a good question for a moderator, so each errs towards the candidate (`example dot com` passes).
 */

/** A web address with its scheme or `www.` (any case). */
const SCHEME_OR_WWW = /\b(?:https?:\/\/\S|www\.[a-z0-9-]+\.[a-z0-9-])/i;
/**
 * A bare host ending in a common top-level domain, as people type them (lower case): `jobs.example.com`.
 * Case-sensitive, so `ASP.NET` or `Vue.JS` are not links.
 */
const BARE_HOST = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|fr|be|ch|de|uk|eu|info|biz|xyz|me|ly|app|dev|link|site|online|ru|cn)(?![a-z0-9-])/;

export function containsLink(text: string): boolean {
  // An e-mail address is not a link: its domain would otherwise match.
  const withoutAddresses = text.replace(/\S+@\S+/g, ' ');
  return SCHEME_OR_WWW.test(withoutAddresses) || BARE_HOST.test(withoutAddresses);
}

/**
 * A phone number: French (`06 12 34 56 78`, `06.12.34.56.78`, `0612345678`) or international (`+33 6 12 34
 * 56 78`, `+1 (415) 555-0100`, `0033 …`). Nine to fifteen digits starting with `0` or `+`: years, salaries
 * (`45 000 €`, `45k`), postcodes (`75011`) and times (`14:30`) have fewer digits or no leading `0`/`+`.
 */
const PHONE = /(?:^|[^\w+])(\+|00|0)(?:[\s.\-/]?\(?\d\)?){8,14}(?!\w)/;

export function containsPhone(text: string): boolean {
  for (const match of text.matchAll(new RegExp(PHONE, 'g'))) {
    const digits = match[0].replace(/\D/g, '');
    const leading = match[1]!;
    if (leading === '+' && digits.length >= 8 && digits.length <= 15) return true;
    if (leading === '00' && digits.length >= 10 && digits.length <= 17) return true;
    // A French number: ten digits, 0 then 1–9.
    if (leading === '0' && digits.length === 10 && digits[1] !== '0') return true;
  }
  return false;
}

/** Lower case without accents, as the database's `hw_fold` writes keys: `Écoute` → `ecoute`. */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The listed words (or phrases) found in the text as whole words, case- and accent-insensitive. */
export function listedWordsIn(text: string, words: readonly string[]): string[] {
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.filter((word) => {
    const key = fold(word)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return key !== '' && folded.includes(` ${key} `);
  });
}

export interface SiteFilter {
  hold_links: boolean;
  hold_phones: boolean;
  held_words: string[];
}

export type HoldReason = 'link' | 'phone' | 'word';

/** Why the site's filter holds this question, or nothing when it may be forwarded. */
export function holdReasons(filter: SiteFilter, message: string): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (filter.hold_links && containsLink(message)) reasons.push('link');
  if (filter.hold_phones && containsPhone(message)) reasons.push('phone');
  if (listedWordsIn(message, filter.held_words).length > 0) reasons.push('word');
  return reasons;
}

/**
 * Public webmail: many unrelated people share these domains, so repeated reports never block one of them
 * (its addresses are blocked one by one). The one list; lower case; `*` stands for any top-level domain.
 */
export const PUBLIC_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.*',
  'hotmail.*',
  'live.*',
  'msn.com',
  'yahoo.*',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.*',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.*',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'bbox.fr',
  'neuf.fr',
  'numericable.fr',
];

export function isPublicMailDomain(domain: string): boolean {
  const name = domain.toLowerCase();
  return PUBLIC_MAIL_DOMAINS.some((entry) => {
    if (!entry.endsWith('.*')) return name === entry;
    const prefix = entry.slice(0, -1);
    return name.startsWith(prefix) && /^[a-z]{2,}(?:\.[a-z]{2})?$/.test(name.slice(prefix.length));
  });
}

/** The domain of an e-mail address, lower case. */
export const domainOf = (email: string) =>
  email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
