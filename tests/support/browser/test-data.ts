// Sample data and mock-API helpers for the element tests (not part of the bundle).
import { http, HttpResponse } from 'msw';
import type { Match, PeopleList, PublicPerson } from '../../../src/sdk/index.js';

export const API = 'https://api.test';
export const PEOPLE_URL = `${API}/v1/sites/acme/people`;
/** For `waitUntil` on a first load (msw's worker, the lazy chunks): a busy machine takes more than its default second. */
export const LOAD_WAIT = { timeout: 5_000 };

/** The site of every test: the test page's origin may send questions (a test changes it to refuse). */
export const site = http.get(`${API}/v1/sites/:site`, ({ params }) => HttpResponse.json({ slug: params.site, name: 'Acme', contactOrigins: [location.origin] }));

/** Answers every photo with a tiny image, so tests make no real network request. */
export const photos = http.get(
  'https://img.test/*',
  () =>
    new HttpResponse('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', {
      headers: { 'Content-Type': 'image/svg+xml' },
    }),
);

export function aPerson(overrides: Partial<PublicPerson> = {}): PublicPerson {
  return {
    id: 'p1',
    displayName: 'Ada Lovelace',
    jobTitle: 'Software Engineer',
    team: 'Platform',
    location: 'Paris',
    languages: ['en', 'fr'],
    bio: 'I write the engine that computes Bernoulli numbers.',
    photoUrl: 'https://img.test/ada.svg',
    channels: ['message'],
    availability: 'open',
    availableFrom: null,
    kind: 'employee',
    ...overrides,
  };
}

export function aList(names: string[], match: Match = 'job'): PeopleList {
  const items = names.map((displayName, index) => aPerson({ id: `p${index + 1}`, displayName }));
  return { items, match, nextCursor: null };
}

export function errorResponse(status: number, code: string) {
  return HttpResponse.json({ error: { code, message: code.replaceAll('_', ' ') } }, { status });
}

/** A promise the test opens when it is done looking at the loading state. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
