/**
 * A site's accent colour, made readable (WCAG AA, 4.5:1) wherever the landing pages and mails use it:
 * behind a button's label, and as link text on the page.
 */
type Rgb = [number, number, number];

export const AA = 4.5;
/** The pages' and mails' colours the accent must read against (html.ts PAGE_STYLE, mail templates). */
export const WHITE = '#ffffff';
export const NEAR_BLACK = '#0d1117';
const LIGHT_PAGE = '#f6f6f4';
const DARK_CARD = '#161b22';

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hex = (color: Rgb) => `#${color.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance(color: string) {
  const [r, g, b] = rgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour mixed towards black or white, step by step, until it reads at 4.5:1 on every background. */
export function readableOn(color: string, backgrounds: string[], towards: 'black' | 'white') {
  const target = towards === 'black' ? 0 : 255;
  const start = rgb(color);
  for (let step = 0; step <= 20; step++) {
    const mixed = hex(start.map((c) => c + ((target - c) * step) / 20) as Rgb);
    if (backgrounds.every((background) => contrast(mixed, background) >= AA)) return mixed;
  }
  return towards === 'black' ? '#000000' : WHITE;
}

export interface ButtonColors {
  background: string;
  text: string;
}

/** White or near-black on the accent, whichever reads; when neither does, the accent is darkened under white. */
export function buttonColors(accent: string): ButtonColors {
  if (contrast(accent, WHITE) >= AA) return { background: accent, text: WHITE };
  if (contrast(accent, NEAR_BLACK) >= AA) return { background: accent, text: NEAR_BLACK };
  return { background: readableOn(accent, [WHITE], 'black'), text: WHITE };
}

export interface AccentScheme {
  light: ButtonColors & { link: string };
  dark: ButtonColors & { link: string };
}

/**
 * Light: the accent itself on buttons, darkened for links if need be. Dark: lightened until it reads on
 * the dark card, buttons included (with near-black labels), as Hallway's own dark blue does.
 */
export function accentScheme(accent: string): AccentScheme {
  const darkAccent = readableOn(accent, [DARK_CARD, NEAR_BLACK], 'white');
  return {
    light: { ...buttonColors(accent), link: readableOn(accent, [WHITE, LIGHT_PAGE], 'black') },
    dark: { background: darkAccent, text: NEAR_BLACK, link: darkAccent },
  };
}

/** The CSS that gives a landing page its site's accent: appended to the pages' stylesheet. */
export function accentStyle(accent: string) {
  const { light, dark } = accentScheme(accent);
  return `
:root { --accent: ${light.background}; --on-accent: ${light.text}; --link: ${light.link}; }
@media (prefers-color-scheme: dark) {
  :root { --accent: ${dark.background}; --on-accent: ${dark.text}; --link: ${dark.link}; }
}
`;
}
