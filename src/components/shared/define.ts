let upgrading = false;

/**
 * Registers a custom element unless the tag is already taken, so a page that loads the bundle twice
 * (two scripts, or a script plus an app that imports the package) keeps working.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  // No registry on a server (Node without Lit's DOM shim): nothing to define, the browser will.
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  upgrading = true; // the page's elements of this tag are constructed during define()
  try {
    customElements.define(tag, constructor);
  } finally {
    upgrading = false;
  }
}

/** Whether the element being constructed is one of the page's, upgraded as its tag is defined. */
export const isUpgrading = () => upgrading;
