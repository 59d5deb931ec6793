import type { Translation } from '../../components/locales/en.js';
import type { AdminTerms } from '../admin-en.js';

/** The workspace's own strings, which load with admin.js only, and the shared ones. */
export type AdminTranslation = Translation & AdminTerms;
