/**
 * Deterministic initials avatars, served for people without a photo (clients before `hasPhoto` load
 * them; the cards now draw the same initials themselves, from ../sdk/initials.ts).
 *
 * The output is a small standalone SVG document (96×96, a filled square with white initials): the page
 * shapes it like its photos (`--hw-photo-radius`, round by default).
 * The display name is user data: every piece of text written into the SVG is XML-escaped, and the
 * seed only picks a colour (it is hashed, never written out).
 */
import { avatarColor, initialsOf } from '../sdk/initials.js';

export { AVATAR_PALETTE, avatarColor, initialsOf } from '../sdk/initials.js';

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
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
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
