/** Page sizes of the public lists; apart from the schemas so that pages can read them without loading zod. */
export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 12;
