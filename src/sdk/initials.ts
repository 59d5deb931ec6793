/**
 * Initials avatars, for people without a photo: their initials and a colour picked from their public
 * id. The server draws them as SVG (server/avatar.ts, for older clients) and the cards draw them
 * themselves (no request): both from these functions, so the two look alike.
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

let segmenter: Intl.Segmenter | undefined;

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
    for (const { segment } of (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(word)) {
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

/** The index in AVATAR_PALETTE of a seed's colour (stable across processes, versions of Node and browsers). */
export function avatarIndex(seed: string): number {
  return fnv1a(seed) % AVATAR_PALETTE.length;
}

/** The background colour for a seed. */
export function avatarColor(seed: string): string {
  return AVATAR_PALETTE[avatarIndex(seed)]!;
}
