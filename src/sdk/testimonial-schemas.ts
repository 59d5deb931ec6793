/**
 * Testimonials: what former (and current) employees chose to say, published after moderation and
 * only while their "publish my testimonial" consent stands.
 */
import * as z from 'zod/mini';
import { DEFAULT_LIMIT, MAX_LIMIT, Match, PeopleQuery, noNul } from './schemas.js';
import { TESTIMONIAL_LIMITS } from './role-limits.js';

export const TESTIMONIAL_MAX = 600;
/** The most roles an author names, the longest role (also the one they have now), and the years a testimonial spans. */
export { TESTIMONIAL_LIMITS };

/** How the author's name shows under the quote. */
export const NameStyle = z.enum(['full', 'first_initial', 'initials']);

const year = z.number().check(z.int(), z.minimum(TESTIMONIAL_LIMITS.firstYear), z.maximum(TESTIMONIAL_LIMITS.lastYear));

/** A BCP 47 language code such as `en` or `fr-CA`, as the people list takes it. */
const lang = PeopleQuery.def.shape.lang.def.innerType;

/** A published testimonial, as candidates see it. */
export const PublicTestimonial = z.object({
  id: z.string(),
  quote: z.string(),
  /** Already formatted as the author chose: "Marie Dupont", "Marie D." or "M. D.". */
  author: z.string(),
  /** Roles held at the company, e.g. ["Receptionist", "Front Office Manager"]. */
  roles: z.array(z.string()),
  fromYear: year,
  /** null while the author still works there. */
  toYear: z.nullable(year),
  currentRole: z.nullable(z.string()),
  kind: z.enum(['employee', 'alumni']),
  /** The quote's language, as its author chose it on /me (the site's default language until then). */
  lang: z.string(),
});

export const TestimonialList = z.object({
  items: z.array(PublicTestimonial),
  match: Match,
});

export const TestimonialQuery = z.object({
  job: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200), noNul())),
  team: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200), noNul())),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT))),
  /** The page's language: quotes written in it come first among equals. */
  lang: z.optional(lang),
});

/** What the author writes on /me (`PUT /v1/me/testimonial`). Saving sends it (back) to moderation. */
export const TestimonialDraft = z.object({
  quote: z.string().check(z.trim(), z.minLength(1), z.maxLength(TESTIMONIAL_MAX)),
  roles: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(TESTIMONIAL_LIMITS.role))).check(z.minLength(1), z.maxLength(TESTIMONIAL_LIMITS.roles)),
  fromYear: year,
  toYear: z.nullable(year),
  currentRole: z.nullable(z.string().check(z.trim(), z.maxLength(TESTIMONIAL_LIMITS.role))),
  nameStyle: NameStyle,
  /** The language the quote is written in. Default: as saved before, else the site's default language. */
  lang: z.optional(lang.check(z.maxLength(35))),
  /** The author's consent to publish it once approved; false keeps it unpublished. */
  publish: z.boolean(),
});

export const TestimonialStatus = z.enum(['pending', 'approved', 'rejected']);

/** The author's own view of their testimonial. */
export const MyTestimonial = z.object({
  ...TestimonialDraft.def.shape,
  lang: z.string(),
  status: TestimonialStatus,
  /** Set when rejected: the moderator's reason, shown to the author. */
  rejectionReason: z.nullable(z.string()),
  /** True when approved and the publish consent stands: candidates see it now. */
  published: z.boolean(),
});

export const DEFAULT_TESTIMONIAL_LIMIT = Math.min(DEFAULT_LIMIT, 6);

export type NameStyle = z.infer<typeof NameStyle>;
export type PublicTestimonial = z.infer<typeof PublicTestimonial>;
export type TestimonialList = z.infer<typeof TestimonialList>;
export type TestimonialQuery = z.input<typeof TestimonialQuery>;
export type TestimonialDraft = z.infer<typeof TestimonialDraft>;
export type TestimonialStatus = z.infer<typeof TestimonialStatus>;
export type MyTestimonial = z.infer<typeof MyTestimonial>;
