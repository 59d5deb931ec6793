/**
 * Deterministic initials avatars, served for people without a photo.
 *
 * The output is a small standalone SVG document (96×96, a filled square with white initials): the page
 * shapes it like its photos (`--hw-photo-radius`, round by default).
 * The display name is user data: every piece of text written into the SVG is XML-escaped, and the
 * seed only picks a colour (it is hashed, never written out).
 */

/**
 * Background colours, all dark enough for white text at a contrast ratio of at least 4.5:1
 * (WCAG 2.2 AA for normal text; checked by avatar.test.ts).
 */
export const AVATAR_PALETTE: readonly string[] = [
  '#9a3412', // burnt orange
  '#166534', // forest green
  '#1e40af', // royal blue
  '#6b21a8', // purple
  '#9f1239', // raspberry
  '#115e59', // teal
  '#854d0e', // ochre
  '#3f6212', // olive
  '#155e75', // petrol
  '#86198f', // plum
  '#374151', // slate
  '#7c2d12', // brick
];

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids
 * (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Letters or digits, in any script. */
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Up to two initials: the first letter (or digit) of each of the first two words that have one,
 * as whole grapheme clusters (so "Élodie" gives "É" even when decomposed), upper-cased.
 * `'?'` when the name has no letter or digit at all.
 */
export function initialsOf(displayName: string): string {
  const initials: string[] = [];
  for (const word of displayName.normalize('NFC').trim().split(/\s+/u)) {
    if (initials.length === 2) break;
    for (const { segment } of segmenter.segment(word)) {
      if (ALNUM.test(segment)) {
        initials.push(segment.toUpperCase());
        break;
      }
    }
  }
  return initials.length > 0 ? initials.join('') : '?';
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The background colour for a seed (stable across processes and versions of Node). */
export function avatarColor(seed: string): string {
  return AVATAR_PALETTE[fnv1a(seed) % AVATAR_PALETTE.length]!;
}

/**
 * An initials avatar as an SVG document string (`image/svg+xml`).
 *
 * @param displayName the person's display name; only its initials are drawn.
 * @param seed any stable value (e.g. the person's public id) that picks the colour.
 */
export function avatarSvg(displayName: string, seed: string): string {
  const initials = escapeXml(initialsOf(displayName));
  const fill = avatarColor(seed);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96">` +
    `<rect width="96" height="96" fill="${fill}"/>` +
    `<text x="48" y="48" dominant-baseline="central" text-anchor="middle" fill="#ffffff" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" ` +
    `font-size="36" font-weight="600">${initials}</text>` +
    `</svg>`
  );
}
