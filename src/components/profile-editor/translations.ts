import meEn, { type MeTranslation } from '../locales/me-en.js';
import meFr from '../locales/me-fr.js';
import { LocalizeController, type Tables } from '../shared/localize.js';
import type { Translation } from '../locales/en.js';

/** The shared strings plus the editor's own, which load with me.js only. */
export type EditorTranslation = Translation & MeTranslation;
export const EDITOR_TABLES: Tables<EditorTranslation> = LocalizeController.extend({ en: meEn, fr: meFr });
