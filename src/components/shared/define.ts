/**
 * Registers a custom element unless the tag is already taken, so a page that loads the bundle twice
 * (two scripts, or a script plus an app that imports the package) keeps working.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
