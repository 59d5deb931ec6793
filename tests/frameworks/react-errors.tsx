// Must NOT type-check: each line marked `// error:` has to fail with that message, and no other line.
import type {} from 'hallway/react';

export const wrongAttribute = <hw-people-grid limit="4" />; // error: Type 'string' is not assignable to type 'number'
export const unknownProperty = <hw-contact-button personid="p1" />; // error: Property 'personid' does not exist
export const wrongDetail = (
  <hw-people-grid
    onhw-load={(event) => event.detail.personId} // error: Property 'personId' does not exist on type 'HwLoadDetail'
  />
);
const countOf = (event: CustomEvent<{ count: number }>) => event.detail.count;
export const wrongEventType = <hw-contact-button onhw-contact-open={countOf} />; // error: is not assignable to type '(event: HwContactOpenEvent) => void'
export const wrongLayout = <hw-alumni-testimonials layout="grid" />; // error: Type '"grid"' is not assignable to type
// The same elements used right type-check.
export const right = (
  <hw-provider site="beaumont">
    <hw-people-grid limit={4} hide-empty onhw-load={(event) => event.detail.count} />
  </hw-provider>
);
