/**
 * Loads an element's code once its tag is on the page: there now, or added later (by a framework,
 * say). Tags inside other shadow roots are not seen: such pages import the element themselves.
 */
export function whenOnPage(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  const start = () => {
    observer.disconnect();
    load().catch((error: unknown) => console.error(`Hallway: <${tag}> could not be loaded.`, error));
  };
  const holds = (node: Node) => node instanceof Element && (node.localName === tag || node.querySelector(tag) !== null);
  const observer = new MutationObserver((records) => records.some((record) => [...record.addedNodes].some(holds)) && start());
  if (document.querySelector(tag)) start();
  else observer.observe(document, { childList: true, subtree: true });
}
