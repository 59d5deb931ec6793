import type { Match } from '../../sdk/index.js';

export interface HwLoadDetail {
  /** How many people are shown. */
  count: number;
  /** Which criterion the people matched: `job`, `team`, `location` or `all`. */
  match: Match;
}

export interface HwErrorDetail {
  /** A stable code: the server's error code, or `network`, `timeout`, `invalid_response`, `unknown`. */
  code: string;
}

export interface HwTestimonialViewDetail {
  /** The public id of the testimonial now shown. */
  testimonialId: string;
  /** Its position in the carousel, from 0. */
  index: number;
}

/** Emitted once people (or testimonials) are on screen, also when there are none. */
export class HwLoadEvent extends CustomEvent<HwLoadDetail> {
  constructor(detail: HwLoadDetail) {
    super('hw-load', { bubbles: true, composed: true, detail });
  }
}

/** Emitted when loading failed; the element shows a message, nothing is thrown. */
export class HwErrorEvent extends CustomEvent<HwErrorDetail> {
  constructor(detail: HwErrorDetail) {
    super('hw-error', { bubbles: true, composed: true, detail });
  }
}

/** Emitted when the candidate brings a testimonial into view in the carousel (not by autoplay). */
export class HwTestimonialViewEvent extends CustomEvent<HwTestimonialViewDetail> {
  constructor(detail: HwTestimonialViewDetail) {
    super('hw-testimonial-view', { bubbles: true, composed: true, detail });
  }
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hw-load': HwLoadEvent;
    'hw-error': HwErrorEvent;
    'hw-testimonial-view': HwTestimonialViewEvent;
  }
}
