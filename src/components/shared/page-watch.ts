// Loaded on demand by PageJob (page-job.ts), with the reader: candidates' pages load it with the first
// element that reads the page, so the reader's size is not part of hallway.js.
import { pageJobPosting, type PageJobPosting } from './job-posting.js';

/** What holds the page's job: a change inside one of these (or one added or removed) reads the page again. */
const POSTING_PARTS = 'script[type="application/ld+json"],[itemtype$="schema.org/JobPosting"]';

/** A change inside a part of the posting (its text, an attribute, a child). */
const inPart = (node: Node) => !!(node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(POSTING_PARTS);
/** A node added or removed that is, or holds, a part of the posting. */
const hasPart = (node: Node) => node.nodeType === 1 && (inPart(node) || !!(node as Element).querySelector(POSTING_PARTS));

let said = '';

/**
 * Reads the page's `JobPosting` now and again whenever a mutation touches JSON-LD or the microdata
 * posting (in the microtask after it, so before the next frame), calling `changed` with each new
 * reading and telling the web team once on the console. Returns the function that stops watching.
 */
export function watchPage(changed: (posting: PageJobPosting) => void): () => void {
  const read = () => {
    const posting = pageJobPosting(document);
    const now = JSON.stringify(posting);
    if (now === said) return;
    said = now;
    console.info(
      posting.job
        ? `Hallway reads job "${posting.job}", team "${posting.team ?? ''}", location "${posting.location ?? ''}" from the page's ${posting.why} (an element's own attribute wins).`
        : "Hallway finds no schema.org JobPosting on this page: elements without a job attribute send the page's address, and show the people of the job the site's job list has there, else everyone.",
    );
    changed(posting);
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => inPart(record.target) || [...record.addedNodes, ...record.removedNodes].some(hasPart))) read();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['content', 'itemprop', 'itemtype', 'type'] });
  read(); // says nothing when the page still reads as it did before the elements left
  return () => observer.disconnect();
}
