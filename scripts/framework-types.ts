// Writes, from custom-elements.json (run after `cem analyze` and `tsc -p tsconfig.build.json`):
//   dist/types/react.d.ts  React 19 JSX types of every hw-* element (`hallway/react`)
//   dist/types/vue.d.ts    Vue 3 types: GlobalComponents (SFC templates) and TSX intrinsic elements (`hallway/vue`)
//   docs/elements.md       the elements reference
// Property types are the element classes' own (`HwPeopleGrid['limit']`), so they never drift from the code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Typed {
  name: string;
  type?: { text: string };
  description?: string;
}
interface Field extends Typed {
  kind: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  default?: string;
}
interface Attribute extends Typed {
  fieldName?: string;
  default?: string;
}
interface DetailField extends Typed {
  optional: boolean;
}
interface ElementEvent extends Typed {
  detail?: { type: { text: string }; fields: DetailField[] };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  members?: Field[];
  attributes?: Attribute[];
  events?: ElementEvent[];
  slots?: Typed[];
  cssParts?: Typed[];
  cssProperties?: (Typed & { default?: string })[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** One element as the generators need it. */
export interface Element {
  tag: string;
  className: string;
  /** The module that declares the class, relative to dist/types, e.g. `./components/people-grid/people-grid.js`. */
  module: string;
  declaration: Declaration;
  /** Public, settable instance fields. */
  properties: Field[];
  /** Attributes whose name differs from their property's (`hide-empty` for `hideEmpty`). */
  renamedAttributes: (Attribute & { fieldName: string })[];
  events: (ElementEvent & { className?: string; module?: string })[];
}

const typesModule = (path: string) => `./${path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;

export function readElements(manifest: Manifest): Element[] {
  const classModules = new Map<string, string>();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.kind === 'class') classModules.set(d.name, typesModule(mod.path));
  return manifest.modules
    .flatMap((mod) => (mod.declarations ?? []).filter((d) => d.tagName).map((d) => ({ mod, d })))
    .map(({ mod, d }) => ({
      tag: d.tagName!,
      className: d.name,
      module: typesModule(mod.path),
      declaration: d,
      properties: (d.members ?? []).filter((m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly),
      renamedAttributes: (d.attributes ?? []).filter((a): a is Attribute & { fieldName: string } => !!a.fieldName && a.fieldName !== a.name),
      events: (d.events ?? []).map((e) => {
        const className = e.type?.text;
        const module = className ? classModules.get(className) : undefined;
        return module ? { ...e, className, module } : e;
      }),
    }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
const doc = (text: string | undefined, indent: string) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '');

function typeImports(elements: Element[]): string {
  const byModule = new Map<string, Set<string>>();
  const add = (module: string, name: string) => byModule.set(module, (byModule.get(module) ?? new Set()).add(name));
  for (const element of elements) {
    add(element.module, element.className);
    for (const event of element.events) if (event.module) add(event.module, event.className!);
  }
  return [...byModule].map(([module, names]) => `import type { ${[...names].sort().join(', ')} } from '${module}';`).join('\n');
}

const eventType = (event: Element['events'][number]) => (event.className && event.module ? event.className : 'Event');

/** Properties typed as the class's own, plus the attributes spelled differently (skipping booleans when `attributes` is false). */
function propertyLines(element: Element, booleanAttributes: boolean): string {
  const lines = element.properties.map((p) => `${doc(p.description, '  ')}  ${p.name}?: ${element.className}['${p.name}'];`);
  for (const a of element.renamedAttributes) {
    if (!booleanAttributes && a.type?.text === 'boolean') continue;
    lines.push(`${doc(`The \`${a.fieldName}\` property as an attribute.`, '  ')}  '${a.name}'?: ${element.className}['${a.fieldName}'];`);
  }
  return lines.join('\n');
}

const header = (what: string) => `// ${what}\n// Generated from custom-elements.json by scripts/framework-types.ts (npm run build): do not edit.\n`;

export function reactTypes(elements: Element[]): string {
  const interfaces = elements.map((element) => {
    const events = element.events.map((e) => `${doc(e.description, '  ')}  'on${e.name}'?: (event: ${eventType(e)}) => void;`).join('\n');
    return `${doc(`\`<${element.tag}>\`: ${element.declaration.summary ?? ''}`, '')}export interface ${element.className}Props {\n${propertyLines(element, true)}\n${events}\n}`;
  });
  const intrinsic = elements.map((e) => `      '${e.tag}': HallwayElementProps<${e.className}, ${e.className}Props>;`).join('\n');
  return `${header("React 19 JSX types for the Hallway elements: `import type {} from 'hallway/react';`")}
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${typeImports(elements)}

// React 19 sets a prop as a property when the element has it (\`limit={4}\`, \`hideEmpty\`), else as an
// attribute (\`true\` → "", \`false\` → removed), and turns \`on\` + the exact event name into a listener:
// \`onhw-load={(event) => event.detail.count}\`.
type HallwayElementProps<E extends HTMLElement, P> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> &
  P & { class?: string };

${interfaces.join('\n\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic}
    }
  }
}
`;
}

const vueHandler = (event: string) => `on${pascal(event)}`;

export function vueTypes(elements: Element[]): string {
  const interfaces = elements.map((element) => {
    const events = element.events.map((e) => `${doc(e.description, '  ')}  ${vueHandler(e.name)}?: (event: ${eventType(e)}) => void;`).join('\n');
    const eventMap = element.events.map((e) => `  '${e.name}': ${eventType(e)};`).join('\n');
    return `${doc(`\`<${element.tag}>\`: ${element.declaration.summary ?? ''}`, '')}export interface ${element.className}Props {\n${propertyLines(element, false)}\n${events}\n}\n\nexport interface ${element.className}Events {\n${eventMap}\n}`;
  });
  const components = elements.map((e) => `    '${e.tag}': HallwayComponent<${e.className}, ${e.className}Props, ${e.className}Events>;`).join('\n');
  const intrinsic = elements.map((e) => `    '${e.tag}': HTMLAttributes & ReservedProps & ${e.className}Props;`).join('\n');
  return `${header("Vue 3 types for the Hallway elements: `import type {} from 'hallway/vue';`")}
import type { EmitFn, HTMLAttributes, PublicProps, ReservedProps } from 'vue';
${typeImports(elements)}

// Vue sets a prop as a property when the element has it (\`:limit="4"\`, \`:hideEmpty="true"\`), else as an
// attribute; \`@hw-load\` (\`onHwLoad\`) listens to "hw-load". Boolean attributes are typed only as
// properties: \`:hide-empty="false"\` would set the attribute "false", which means true.
// Vue templates also need \`compilerOptions.isCustomElement: (tag) => tag.startsWith('hw-')\`.

/** The shape vue-tsc reads for template type checking (Vue's recipe for non-Vue custom elements). */
type HallwayComponent<E extends HTMLElement, P, Events> = new () => E & {
  /** @deprecated For template type checking only. */
  $props: HTMLAttributes & P & PublicProps;
  /** @deprecated For template type checking only. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

${interfaces.join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${components}
  }
}

// TSX (\`jsxImportSource: "vue"\`) reads intrinsic elements from here.
declare module '@vue/runtime-dom' {
  interface IntrinsicElementAttributes {
${intrinsic}
  }
}
`;
}

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string | undefined) => (text ? `\`${text.replace(/\|/g, '\\|')}\`` : '');

function table(headings: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return [`| ${headings.join(' | ')} |`, `| ${headings.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function detailText(event: ElementEvent): string {
  if (!event.detail) return '—';
  const fields = event.detail.fields.map((f) => `${f.name}${f.optional ? '?' : ''}: ${f.type?.text}`).join('; ');
  return fields ? `\`{ ${fields.replace(/\|/g, '\\|')} }\`` : code(event.detail.type.text);
}

function detailFields(events: ElementEvent[]): string {
  const seen = new Set<string>();
  const rows = events.flatMap((e) =>
    (e.detail?.fields ?? [])
      .filter((f) => !seen.has(`${e.name}.${f.name}`) && seen.add(`${e.name}.${f.name}`))
      .map((f) => [code(`${e.name}`), code(f.name), code(f.type?.text), cell(f.description)]),
  );
  return table(['event', 'detail field', 'type', 'meaning'], rows);
}

function elementSection(element: Element): string {
  const d = element.declaration;
  const attributeOf = new Map((d.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.name]));
  const sections = [
    `## \`<${element.tag}>\`\n\n${cell(d.summary)}${d.description ? `\n\n${d.description}` : ''}`,
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      element.properties.map((p) => [code(p.name), code(attributeOf.get(p.name)), code(p.type?.text), code(p.default), cell(p.description)]),
    ),
    table(
      ['event', 'detail', 'description'],
      element.events.map((e) => [code(e.name), detailText(e), cell(e.description)]),
    ),
    detailFields(element.events),
    table(
      ['slot', 'description'],
      (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    table(
      ['CSS part', 'description'],
      (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    table(
      ['CSS custom property', 'description'],
      (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
  ];
  return sections.filter(Boolean).join('\n\n');
}

export function elementsReference(elements: Element[]): string {
  const index = elements.map((e) => `- [\`<${e.tag}>\`](#${e.tag}): ${cell(e.declaration.summary)}`).join('\n');
  return `<!-- Generated from custom-elements.json by scripts/framework-types.ts (npm run build): do not edit. -->
# Hallway elements

Every element, from \`custom-elements.json\`. In HTML, set a property through its attribute. Events
bubble and are composed. Typed JSX and templates: one line in any \`.ts\` file of your app,
\`import type {} from 'hallway/react';\` (React 19) or \`import type {} from 'hallway/vue';\` (Vue 3);
see \`examples/\`.

${index}

${elements.map(elementSection).join('\n\n')}
`;
}

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const elements = readElements(JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest);
  write('dist/types/react.d.ts', reactTypes(elements));
  write('dist/types/vue.d.ts', vueTypes(elements));
  write('docs/elements.md', elementsReference(elements));
  console.log(`framework types and docs/elements.md: ${elements.length} elements`);
}
