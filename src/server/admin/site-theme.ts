import type { Insertable } from 'kysely';
import { THEME_FONT_STACKS, type SiteUpdate, type ThemeFont } from '../../sdk/admin-schemas.js';
import { AA, contrast } from '../accent.js';
import type { Site, SitesTable } from '../store/schema.js';

/** A site's languages or theme that do not fit together: 400 `invalid_body` on `field`. */
export class SiteThemeRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function themeColumns(fields: SiteUpdate): Partial<Insertable<SitesTable>> {
  return {
    ...(fields.langs !== undefined && { langs: fields.langs }),
    ...(fields.themeRadius !== undefined && { theme_radius: fields.themeRadius }),
    ...(fields.themeFont !== undefined && { theme_font: fields.themeFont }),
    ...(fields.themeSurface !== undefined && { theme_surface: fields.themeSurface }),
    ...(fields.themeText !== undefined && { theme_text: fields.themeText }),
  };
}

/** The surface and text colours come together and read at 4.5:1 (WCAG AA), as the accent's check does. */
export function siteThemeProblem(site: Site): { field: string; message: string } | undefined {
  const { theme_surface: surface, theme_text: text } = site;
  if (!surface !== !text) return { field: surface ? 'themeText' : 'themeSurface', message: 'themeSurface and themeText: set both colours, or neither' };
  if (surface && text && contrast(surface, text) < AA) {
    return { field: 'themeText', message: `themeText: reads at ${contrast(surface, text).toFixed(1)}:1 on themeSurface; WCAG AA needs ${AA}:1` };
  }
  return undefined;
}

/**
 * The site's theme as custom properties on `:where(:root)`: no specificity, so a page's own `--hw-…`
 * values (on `:root`, `html`, or any element around Hallway's) still win. Only validated values reach it.
 */
export function themeCss(site: Site): string {
  const tokens: [string, string | null][] = [
    ['--hw-radius', site.theme_radius === null ? null : `${site.theme_radius}px`],
    ['--hw-font', site.theme_font && THEME_FONT_STACKS[site.theme_font as ThemeFont]],
    ['--hw-card-background', site.theme_surface],
    ['--hw-card-color', site.theme_text],
  ];
  const declarations = tokens.filter(([, value]) => value).map(([name, value]) => `${name}: ${value};`);
  return declarations.length ? `:where(:root) { ${declarations.join(' ')} }\n` : '';
}
