/** Apart from limits.ts, which careers pages load up front: only the /me editor and the schemas read these. */

/** The most roles a testimonial names, the longest role, and the years a testimonial or a career path spans. */
export const TESTIMONIAL_LIMITS = { roles: 5, role: 120, firstYear: 1950, lastYear: 2100 } as const;
/** The most steps of a person's "My path here" (each a role with its years, limited as testimonials' roles). */
export const PATH_MAX_STEPS = 8;
