import type { Translation } from '../locales/en.js';
import meEn, { type MeTranslation } from '../locales/me-en.js';
import meFr from '../locales/me-fr.js';
import type { Tables } from '../shared/localize.js';

/** The editor's own strings, which load with me.js only; the shared ones come from the shared tables. */
export type EditorTranslation = Translation & MeTranslation;
export const EDITOR_TABLES = { en: meEn, fr: meFr } as Tables<Partial<EditorTranslation>> as Tables<EditorTranslation>;
