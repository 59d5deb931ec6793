import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { SITE_LANGS, THEME_FONT_STACKS, THEME_RADIUS_MAX, type AdminSite, type ThemeFont } from '../../sdk/admin-schemas.js';
import type { LocalizeController } from '../../components/shared/localize.js';
import type { AdminTranslation } from '../shared/translations.js';

/** The languages a site offers and its elements' theme, as the settings form edits them. */
export interface ThemeDraft {
  langs: string[];
  themeRadius: string;
  themeFont: string;
  themeSurface: string;
  themeText: string;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const AA = 4.5;

export const toThemeDraft = (site: AdminSite): ThemeDraft => ({
  langs: [...(site.langs ?? SITE_LANGS)],
  themeRadius: site.themeRadius == null ? '' : String(site.themeRadius),
  themeFont: site.themeFont ?? '',
  themeSurface: site.themeSurface ?? '',
  themeText: site.themeText ?? '',
});

/** The draft as the contract takes it: an empty field clears its token. */
export const themeUpdate = (draft: ThemeDraft) => ({
  langs: SITE_LANGS.filter((lang) => draft.langs.includes(lang)),
  themeRadius: draft.themeRadius.trim() === '' ? null : Number(draft.themeRadius),
  themeFont: draft.themeFont || null,
  themeSurface: draft.themeSurface.trim() || null,
  themeText: draft.themeText.trim() || null,
});

/** The custom properties the site's theme.css gives careers pages, for the preview; empty ones are left to the defaults. */
export function themeTokens(draft: ThemeDraft): [string, string][] {
  const radius = Number(draft.themeRadius);
  const tokens: [string, string | undefined][] = [
    ['--hw-radius', draft.themeRadius.trim() !== '' && Number.isInteger(radius) && radius >= 0 && radius <= THEME_RADIUS_MAX ? `${radius}px` : undefined],
    ['--hw-font', THEME_FONT_STACKS[draft.themeFont as ThemeFont]],
    ['--hw-card-background', HEX.test(draft.themeSurface) ? draft.themeSurface : undefined],
    ['--hw-card-color', HEX.test(draft.themeText) ? draft.themeText : undefined],
  ];
  return tokens.filter((token): token is [string, string] => token[1] !== undefined);
}

/** The WCAG contrast of the two colours, when both are colours. */
export function themeContrast(draft: ThemeDraft): number | undefined {
  if (!HEX.test(draft.themeSurface) || !HEX.test(draft.themeText)) return undefined;
  const [light, dark] = [luminance(draft.themeSurface), luminance(draft.themeText)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const long = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (digit) => digit + digit) : hex;
  const [r, g, b] = long
    .slice(1)
    .match(/../g)!
    .map((pair) => {
      const value = parseInt(pair, 16) / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The fields the form checks before the server does: a default among the offered languages, readable colours. */
export function themeProblems(draft: ThemeDraft, defaultLang: string): string[] {
  const contrast = themeContrast(draft);
  return [
    ...(draft.langs.includes(defaultLang) ? [] : ['defaultLang']),
    ...(!draft.themeSurface.trim() !== !draft.themeText.trim() ? [draft.themeSurface.trim() ? 'themeText' : 'themeSurface'] : []),
    ...(contrast !== undefined && contrast < AA ? ['themeText'] : []),
  ];
}

const FONT_TERMS = {
  'system-ui': 'adThFontSystem',
  'sans-serif': 'adThFontSans',
  serif: 'adThFontSerif',
  rounded: 'adThFontRounded',
  monospace: 'adThFontMono',
} as const;

type Edit = (fields: Partial<ThemeDraft>) => void;

/** "Languages offered" (checkboxes) and the theme: radius, font, the cards' surface and text colours with their contrast. */
export function renderThemeFields(localize: LocalizeController<AdminTranslation>, draft: ThemeDraft, invalid: Set<string>, edit: Edit) {
  const toggle = (lang: string, on: boolean) => edit({ langs: on ? [...draft.langs, lang] : draft.langs.filter((each) => each !== lang) });
  const radiusInvalid = invalid.has('themeRadius');
  return html`
    <fieldset>
      <legend>${localize.term('adThLangs')}</legend>
      <p class="hint" id="langs-hint">${localize.term('adThLangsHint')}</p>
      ${SITE_LANGS.map(
        (lang) => html`<label class="choice"><input type="checkbox" name="langs" value=${lang} aria-describedby="langs-hint" .checked=${live(draft.langs.includes(lang))}
          @change=${(event: Event) => toggle(lang, (event.target as HTMLInputElement).checked)} /> ${localize.languageName(lang)}</label>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${localize.term('adThTheme')}</legend>
      <p class="hint" id="theme-hint">${localize.term('adThThemeHint')}</p>
      <div class="field">
        <label for="themeRadius">${localize.term('adThRadius')}</label>
        <input id="themeRadius" name="themeRadius" type="number" inputmode="numeric" min="0" max=${THEME_RADIUS_MAX} placeholder="12" .value=${live(draft.themeRadius)}
          aria-invalid=${radiusInvalid ? 'true' : 'false'} aria-describedby=${radiusInvalid ? 'themeRadius-error' : nothing}
          @input=${(event: InputEvent) => edit({ themeRadius: (event.target as HTMLInputElement).value })} />
        ${radiusInvalid ? html`<p id="themeRadius-error" class="error">${localize.term('adThRadiusError', THEME_RADIUS_MAX)}</p>` : nothing}
      </div>
      <div class="field">
        <label for="themeFont">${localize.term('adThFont')}</label>
        <select id="themeFont" name="themeFont" @change=${(event: Event) => edit({ themeFont: (event.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${draft.themeFont === ''}>${localize.term('adThFontPage')}</option>
          ${(Object.keys(THEME_FONT_STACKS) as ThemeFont[])
            .filter((font) => font !== 'inherit')
            .map(
              (font) => html`<option value=${font} ?selected=${draft.themeFont === font}>${localize.term(FONT_TERMS[font as Exclude<ThemeFont, 'inherit'>])}</option>`,
            )}
        </select>
      </div>
      ${colourField(localize, 'themeSurface', draft.themeSurface, invalid, edit)} ${colourField(localize, 'themeText', draft.themeText, invalid, edit, themeContrast(draft))}
    </fieldset>
  `;
}

function colourField(
  localize: LocalizeController<AdminTranslation>,
  name: 'themeSurface' | 'themeText',
  value: string,
  invalid: Set<string>,
  edit: Edit,
  contrast?: number,
) {
  const error = invalid.has(name);
  const low = contrast !== undefined && contrast < AA;
  const message = low
    ? localize.term('adThContrast', new Intl.NumberFormat(localize.lang, { maximumFractionDigits: 1 }).format(contrast))
    : localize.term('adThColourError');
  const label = localize.term(name === 'themeSurface' ? 'adThSurface' : 'adThText');
  return html`
    <div class="field">
      <label for=${name}>${label}</label>
      <div class="inline">
        <input id=${name} name=${name} placeholder=${name === 'themeSurface' ? '#ffffff' : '#1f2328'} maxlength="7" .value=${live(value)}
          aria-invalid=${error || low ? 'true' : 'false'} aria-describedby=${error || low ? `${name}-error` : nothing}
          @input=${(event: InputEvent) => edit({ [name]: (event.target as HTMLInputElement).value.trim() })} />
        <input type="color" aria-label=${localize.term('adThPick', label)} .value=${live(HEX.test(value) && value.length === 7 ? value.toLowerCase() : name === 'themeSurface' ? '#ffffff' : '#1f2328')}
          @input=${(event: InputEvent) => edit({ [name]: (event.target as HTMLInputElement).value })} />
      </div>
      ${error || low ? html`<p id=${`${name}-error`} class="error">${message}</p>` : nothing}
    </div>
  `;
}
