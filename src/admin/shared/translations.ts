import type { Translation } from '../../components/locales/en.js';
import type { Tables } from '../../components/shared/localize.js';
import adminEn, { type AdminTerms } from '../admin-en.js';
import adminFr from '../admin-fr.js';

/** The workspace's own strings, which load with admin.js only; the shared ones come from the shared tables. */
export type AdminTranslation = Translation & AdminTerms;
export const ADMIN_TABLES = { en: adminEn, fr: adminFr } as Tables<Partial<AdminTranslation>> as Tables<AdminTranslation>;
