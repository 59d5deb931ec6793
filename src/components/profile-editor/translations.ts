import type { Translation } from '../locales/en.js';
import type { MeTranslation } from '../locales/me-en.js';

/** The terms the editor reads: the shared ones, and its own (registered by profile-editor.ts). */
export type EditorTranslation = Translation & MeTranslation;
