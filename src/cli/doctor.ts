/**
 * `hallway doctor <careers-page-url>`: what a web team would check by hand on its first hour, as a
 * checklist with the fix of every failure. It reads the page as served (body and headers) and asks
 * the Hallway server only its public API, so it needs no admin key.
 */
import { parseHTML } from 'linkedom';
import { pageJobPosting } from '../components/shared/job-posting.js';
import type { PeopleList, PublicSite } from '../sdk/schemas.js';

export interface DoctorOptions {
  /** The careers page to check. */
  pageUrl: string;
  /** The Hallway server the page should use. */
  hallwayUrl: string;
  /** The site, when the page does not name it (or to check another). */
  site?: string;
  out: { write(text: string): unknown };
}

/** `ok`: every check passed; `failed`: at least one did; `unreachable`: the page or the server could not be read. */
export type DoctorResult = 'ok' | 'failed' | 'unreachable';

/** Elements need `lit-html` (their templates); `hallway` lets the proof of work run in a worker. */
const TRUSTED_TYPES = ['lit-html', 'hallway'];
const SCRIPT_PATH = /\/hallway(@[\w.-]+)?\.js$/;

export async function doctor({ pageUrl, hallwayUrl, site: siteOption, out }: DoctorOptions): Promise<DoctorResult> {
  const hallway = new URL(hallwayUrl);
  let failures = 0;
  const pass = (text: string) => out.write(`✓ ${text}\n`);
  const warn = (text: string, fix: string) => out.write(`! ${text}\n    ${fix}\n`);
  const fail = (text: string, fix: string) => {
    failures++;
    out.write(`✗ ${text}\n    fix: ${fix}\n`);
  };
  out.write(`Checking ${pageUrl} against the Hallway server ${hallway.origin}\n\n`);

  const page = await get(pageUrl);
  if (!page) {
    fail(`Cannot fetch ${pageUrl}.`, 'check the URL, and that this machine can reach it.');
    return 'unreachable';
  }
  if (!page.response.ok) fail(`${pageUrl} answers HTTP ${page.response.status}.`, 'give the URL of a page that answers 200.');
  else pass(`Page fetched (HTTP ${page.response.status}).`);
  const pageOrigin = new URL(page.response.url || pageUrl).origin;
  const { document } = parseHTML(page.body);

  // ---- the script tag
  const scripts = [...document.querySelectorAll('script[src]')].flatMap((script) => {
    const src = URL.canParse(script.getAttribute('src')!, pageUrl) ? new URL(script.getAttribute('src')!, pageUrl) : undefined;
    return src && SCRIPT_PATH.test(src.pathname) ? [{ script, src }] : [];
  });
  const ours = scripts.find(({ src }) => src.origin === hallway.origin);
  const tag = (site = 'your-site') => `<script type="module" src="${hallway.origin}/hallway.js?site=${site}" crossorigin></script>`;
  if (!ours) {
    if (scripts.length > 0) fail(`The Hallway script points at ${scripts[0]!.src.origin}, not at ${hallway.origin}.`, `use ${tag()} (or check --url).`);
    else fail('No Hallway script tag on the page.', `add ${tag()} to its <head>.`);
  } else if (ours.script.getAttribute('type') !== 'module') {
    fail(`The script ${ours.src.href} is not type="module".`, `write ${tag()}.`);
  } else {
    pass(`Script tag: ${ours.src.href}`);
    const served = await get(ours.src.href);
    if (served && !served.response.ok)
      fail(
        `${ours.src.href} answers HTTP ${served.response.status} (a release this server no longer serves?).`,
        `take the script URL from ${hallway.origin}/integrity.json`,
      );
    const integrity = ours.script.getAttribute('integrity');
    if (integrity) await checkIntegrity(integrity, ours.script.hasAttribute('crossorigin'));
  }

  // ---- the site, and whether this page may send questions
  const named =
    ours?.src.searchParams.get('site') ?? document.querySelector('hw-provider[site]')?.getAttribute('site') ?? document.querySelector('[site]')?.getAttribute('site');
  const site = siteOption ?? named ?? undefined;
  let known: PublicSite | undefined;
  if (!site) {
    fail('No site is named on the page.', `load ${tag()}, or give <hw-provider site="…">; or pass --site to check one.`);
  } else {
    const answer = await get(`${hallway.origin}/v1/sites/${encodeURIComponent(site)}`);
    if (!answer) {
      fail(`Cannot reach the Hallway server at ${hallway.origin}.`, 'start it, or pass --url (HALLWAY_URL) with its address.');
      return 'unreachable';
    }
    if (answer.response.status === 404) {
      fail(`${hallway.origin} has no site "${site}".`, `check site="…" on the page, or create it: npx hallway sites create ${site} --name "…" --origin ${pageOrigin}`);
    } else {
      known = JSON.parse(answer.body) as PublicSite;
      pass(`Site "${known.slug}" (${known.name}) is known.`);
      if (known.contactOrigins.includes(pageOrigin)) pass(`This page's origin ${pageOrigin} may send questions.`);
      else
        fail(
          `This page's origin ${pageOrigin} may not send questions (candidates see "questions can't be sent from this page yet").`,
          `npx hallway sites update ${site} --add-origin ${pageOrigin}`,
        );
    }
  }

  // ---- the Content Security Policy, from the headers and the page
  const policies = [
    ...(page.response.headers.get('content-security-policy')?.split(',') ?? []),
    ...[...document.querySelectorAll('meta[http-equiv]')]
      .filter((meta) => meta.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy')
      .map((meta) => meta.getAttribute('content') ?? ''),
  ].map(parsePolicy);
  if (policies.length === 0) pass('No Content-Security-Policy: nothing to allow.');
  for (const policy of policies) {
    for (const [directive, what] of [
      ['script-src', 'load hallway.js'],
      ['connect-src', 'call the API'],
      ['img-src', 'show photos'],
    ] as const) {
      const sources = policy.get(directive) ?? policy.get('default-src');
      if (!sources || allows(sources, hallway, new URL(pageOrigin))) pass(`CSP ${directive} lets the page ${what} from ${hallway.origin}.`);
      else
        fail(
          `CSP ${directive} does not allow ${hallway.origin}: the page cannot ${what}.`,
          `add ${hallway.origin} to ${policy.has(directive) ? directive : `default-src (or a ${directive})`}.`,
        );
    }
    if (policy.has('require-trusted-types-for')) {
      const allowed = policy.get('trusted-types') ?? [];
      const missing = TRUSTED_TYPES.filter((name) => !allowed.includes(name) && !allowed.includes('*'));
      if (missing.includes('lit-html'))
        fail(
          'Trusted Types are required but the policy "lit-html" is not allowed: the elements cannot render.',
          `write trusted-types ${[...allowed, ...missing].join(' ')}`,
        );
      else if (missing.includes('hallway'))
        warn(
          'Trusted Types: the policy "hallway" is not allowed, so the contact form\'s proof of work runs on the main thread.',
          `for a worker: trusted-types ${[...allowed, 'hallway'].join(' ')}; worker-src blob:`,
        );
      else pass('Trusted Types allow the policies lit-html and hallway.');
    }
  }

  // ---- the job the page is about, and whom it shows
  const { job, team, location, why } = pageJobPosting(document);
  const attribute = document.querySelector('hw-people-grid[job], hw-contact-button[job]')?.getAttribute('job') ?? undefined;
  const query = { job: attribute ?? job, team, location };
  if (job) pass(`JobPosting: ${describe({ job, team, location })} (${why}).`);
  else if (attribute) pass(`No JobPosting; the elements' job="${attribute}" is used.`);
  else
    warn(
      'No JobPosting (JSON-LD or microdata, with a title) and no job="…": the grid shows everyone (match: all).',
      'on a job page, add its schema.org JobPosting JSON-LD, or job="…" on the elements.',
    );
  if (known) {
    const search = new URLSearchParams(Object.entries({ ...query, limit: '50' }).filter((entry): entry is [string, string] => !!entry[1]));
    const answer = await get(`${hallway.origin}/v1/sites/${encodeURIComponent(known.slug)}/people?${search}`);
    const list = answer?.response.ok ? (JSON.parse(answer.body) as PeopleList) : undefined;
    const count = list && `${list.items.length}${list.nextCursor ? '+' : ''} ${list.items.length === 1 ? 'person' : 'people'}`;
    if (list) out.write(`  match: ${list.match}, ${count} to show\n`);
  }

  out.write(failures === 0 ? '\nAll checks passed.\n' : `\n${failures} problem${failures === 1 ? '' : 's'} to fix.\n`);
  return failures === 0 ? 'ok' : 'failed';

  async function checkIntegrity(integrity: string, crossorigin: boolean) {
    const answer = await get(`${hallway.origin}/integrity.json`);
    const published = answer?.response.ok ? (JSON.parse(answer.body) as { version: string; integrity: Record<string, string> }) : undefined;
    const fix = `take the script URL and hashes from ${hallway.origin}/integrity.json`;
    if (!crossorigin) fail('The script has integrity="…" but no crossorigin: the browser refuses it.', 'add crossorigin="anonymous".');
    if (!published) fail(`${hallway.origin}/integrity.json cannot be read.`, 'upgrade the Hallway server, or remove integrity="…".');
    else if (!integrity.split(/\s+/).some((hash) => Object.values(published.integrity).includes(hash))) {
      fail(`The script's integrity matches no file of this server's release ${published.version}: the browser refuses it.`, fix);
    } else pass(`The script's integrity matches release ${published.version}.`);
  }
}

async function get(url: string): Promise<{ response: Response; body: string } | undefined> {
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    return { response, body: await response.text() };
  } catch {
    return undefined;
  }
}

const describe = (posting: object) =>
  Object.entries(posting)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key} "${value}"`)
    .join(', ');

/** Directive name → source list (lower-cased names; the first of a repeated directive wins, as in browsers). */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Whether a CSP source list lets `page` load from `target` (CSP 3 matching, paths aside). */
export function allows(sources: string[], target: URL, page: URL): boolean {
  return sources.some((raw) => {
    const source = raw.toLowerCase();
    if (source === '*') return /^https?:$/.test(target.protocol);
    if (source === "'self'") return target.origin === page.origin;
    if (/^[a-z][a-z\d+.-]*:$/.test(source)) return target.protocol === source || (source === 'http:' && target.protocol === 'https:');
    const match = /^(?:([a-z][a-z\d+.-]*):\/\/)?(\*\.)?([^:/*]+|\*)(?::(\d+|\*))?(?:\/.*)?$/.exec(source);
    if (!match || source.startsWith("'")) return false;
    const [, scheme, wildcard, host, port] = match;
    const schemeOf = scheme ? `${scheme}:` : page.protocol;
    if (target.protocol !== schemeOf && !(schemeOf === 'http:' && target.protocol === 'https:')) return false;
    const hostMatches = host === '*' || (wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host);
    const portMatches = port === '*' || (port ? (target.port || (target.protocol === 'https:' ? '443' : '80')) === port : target.port === '');
    return hostMatches && portMatches;
  });
}
