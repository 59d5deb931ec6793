/** The `title` of the page's schema.org `JobPosting` JSON-LD, if it has one. */
export function jobPostingTitle(root: ParentNode = document): string | undefined {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const posting = nodesOf(JSON.parse(script.textContent ?? '')).find(isJobPosting);
      const title = typeof posting?.title === 'string' ? posting.title.trim() : '';
      if (title) return title.slice(0, 200); // the API's limit for `job`
    } catch {
      // The page's invalid JSON-LD is not ours to report.
    }
  }
  return undefined;
}

type Node = Record<string, unknown>;

/** JSON-LD may be one node, an array of nodes, or a `@graph`. */
function nodesOf(data: unknown): Node[] {
  const nodes = (Array.isArray(data) ? data : [data]).filter((node): node is Node => !!node && typeof node === 'object');
  return nodes.flatMap((node) => (Array.isArray(node['@graph']) ? nodesOf(node['@graph']) : [node]));
}

const isJobPosting = (node: Node) => [node['@type']].flat().includes('JobPosting');
