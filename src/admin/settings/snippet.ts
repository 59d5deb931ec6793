/** The elements a web team pastes, with the attributes the builder offers for each. */
export const SNIPPET_ELEMENTS = {
  'hw-people-grid': ['job', 'limit', 'lang'],
  'hw-alumni-testimonials': ['job', 'layout', 'lang'],
  'hw-contact-button': ['job', 'lang'],
} as const;

export type SnippetElement = keyof typeof SNIPPET_ELEMENTS;
export type SnippetAttribute = (typeof SNIPPET_ELEMENTS)[SnippetElement][number];

export interface SnippetChoice {
  element: SnippetElement;
  attributes: Partial<Record<SnippetAttribute, string>>;
}

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The script tag, the site's theme and the element with the chosen attributes, as the careers page's HTML. */
export function embedSnippet(origin: string, site: string, { element, attributes }: SnippetChoice): string {
  const script = `<script type="module" src="${escapeAttribute(`${origin}/hallway.js?site=${encodeURIComponent(site)}`)}" crossorigin></script>`;
  const chosen = SNIPPET_ELEMENTS[element]
    .map((name) => [name, attributes[name]?.trim()] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value!)}"`)
    .join('');
  // The site's theme (radius, font, colours set in the settings): a page's own --hw-… values still win.
  const theme = `<link rel="stylesheet" href="${escapeAttribute(`${origin}/v1/sites/${encodeURIComponent(site)}/theme.css`)}">`;
  return `${script}\n${theme}\n<${element}${chosen}></${element}>`;
}
