/**
 * What the elements tell the web team on the console when the setup is not done yet, loaded in a
 * chunk of its own only then (or for the origin check): candidates never need these words, the bundle
 * budget does. Each message names the exact fix. It imports no code, so that it stays one small file.
 */
import type { HallwayClient, PublicSite } from '../../sdk/index.js';

/**
 * Whether the server refuses questions from this page's origin; tells the web team if so, rather
 * than a candidate learning it as a network failure when they send.
 */
export async function isContactRefused({ baseUrl, site }: HallwayClient): Promise<boolean> {
  // Bounded as the SDK's requests are: the contact button waits for this answer.
  const response = await fetch(`${baseUrl}/v1/sites/${encodeURIComponent(site)}`, { cache: 'no-cache', signal: AbortSignal.timeout(10_000) });
  // An unknown site is told by the elements' own loads; a failure here must not hide a working button.
  const origins = response.ok ? ((await response.json()) as Partial<PublicSite>).contactOrigins : undefined;
  if (!Array.isArray(origins) || origins.includes(location.origin)) return false;
  console.warn(
    `Hallway: candidates can't send questions from this page: ${location.origin} is not an allowed origin of ` +
      `site "${site}" on ${baseUrl}. Allow it: npx hallway sites update ${site} --add-origin ${location.origin}`,
  );
  return true;
}

export function missingSite(): void {
  console.error(
    'Hallway: no site is set, so there is nobody to show. Add site="your-site" to <hw-provider> ' +
      '(or to each <hw-…> element), or load the script as hallway.js?site=your-site.',
  );
}

export function unknownSite(site: string | undefined, api: string): void {
  console.error(
    `Hallway: ${api} has no site "${site}", so nobody is shown. Check site="…" (on <hw-provider>, the ` +
      `element, or hallway.js?site=…), or create it: npx hallway sites create ${site} --name "…" --origin ${location.origin}`,
  );
}
