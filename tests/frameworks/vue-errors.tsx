// Must NOT type-check: each line marked `// error:` has to fail with that message, and no other line.
import type {} from 'hallway/vue';
import type { GlobalComponents } from 'vue';

// TSX (`jsxImportSource: "vue"`).
export const wrongAttribute = <hw-people-grid limit="4" />; // error: Type 'string' is not assignable to type 'number'
export const wrongDetail = <hw-people-grid onHwLoad={(event) => event.detail.personId} />; // error: Property 'personId' does not exist on type 'HwLoadDetail'
export const right = <hw-people-grid limit={4} hideEmpty onHwLoad={(event) => event.detail.count} />;

// What vue-tsc reads for SFC templates: `<hw-people-grid :limit="4" @hw-load="…">`.
type GridProps = InstanceType<GlobalComponents['hw-people-grid']>['$props'];
export const templateRight: GridProps = { limit: 4, hideEmpty: true, onHwLoad: (event) => event.detail.count };
export const templateWrong: GridProps = { limit: '4' }; // error: Type 'string' is not assignable to type 'number'
export const templateWrongDetail: GridProps = { onHwLoad: (event) => event.detail.personId }; // error: Property 'personId' does not exist on type 'HwLoadDetail'
// `:hide-empty="false"` would set the attribute "false" (true for the element): only the property is typed.
export const templateBooleanAttribute: GridProps = { 'hide-empty': false }; // error: does not exist in type 'HTMLAttributes & HwPeopleGridProps
