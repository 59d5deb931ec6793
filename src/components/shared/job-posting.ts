/** The `title` of the page's schema.org `JobPosting` JSON-LD, if it has one. */
export function jobPostingTitle(root: ParentNode = document): string | undefined {
  return pageJobPosting(root).job;
}

/** What the elements ask the API for, read from the page's `JobPosting`. */
export interface PageJobPosting {
  /** `title`. */
  job?: string;
  /** `hiringOrganization.department.name`. */
  team?: string;
  /** The first `jobLocation`'s `address.addressLocality`. */
  location?: string;
}

/** The job, team and location of the page's first schema.org `JobPosting` JSON-LD with a title. */
export function pageJobPosting(root: ParentNode = document): PageJobPosting {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const posting = nodesOf(JSON.parse(script.textContent ?? '')).find(isJobPosting);
      const job = text(posting?.title);
      if (posting && job) {
        const department = object(object(posting.hiringOrganization)?.department);
        const address = object(object([posting.jobLocation].flat()[0])?.address);
        return { job, team: text(department?.name), location: text(address?.addressLocality) };
      }
    } catch {
      // The page's invalid JSON-LD is not ours to report.
    }
  }
  return {};
}

/** A trimmed non-empty string within the API's limit (200), or `undefined`. */
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined);

const object = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined);

type Node = Record<string, unknown>;

/** JSON-LD may be one node, an array of nodes, or a `@graph`. */
function nodesOf(data: unknown): Node[] {
  const nodes = (Array.isArray(data) ? data : [data]).filter((node): node is Node => !!node && typeof node === 'object');
  return nodes.flatMap((node) => (Array.isArray(node['@graph']) ? nodesOf(node['@graph']) : [node]));
}

const isJobPosting = (node: Node) => [node['@type']].flat().includes('JobPosting');
