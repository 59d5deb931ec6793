import ky from 'ky';
import { request, type Schema } from './http.js';
import type { Challenge, ContactAccepted, ContactRequest } from './contact-schemas.js';
import type { PeopleList, PeopleQuery, PublicPerson } from './schemas.js';
import type { TestimonialList, TestimonialQuery } from './testimonial-schemas.js';
import type { AnswerList, AnswerQuery } from './answer-schemas.js';

/** What `createClient` takes. */
export interface ClientOptions {
  /** Origin (and optional path) of the Hallway server, e.g. `https://hallway.example.com`. */
  baseUrl: string | URL;
  /** The site slug the careers page belongs to. */
  site: string;
  /** Milliseconds before a request fails with `TimeoutError`. Default `10000`. */
  timeout?: number;
  /** How many times a failed GET is retried (network errors, 408, 429, 5xx). Default `2`. */
  retry?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export type ListPeopleOptions = PeopleQuery & RequestOptions;

export interface HallwayClient {
  readonly baseUrl: string;
  readonly site: string;
  people: {
    /** Opted-in people of the site, those of `job` first; `match` says which criterion matched. */
    list(options?: ListPeopleOptions): Promise<PeopleList>;
    /** One opted-in person; `HttpError` with code `person_not_found` otherwise. */
    get(id: string, options?: RequestOptions): Promise<PublicPerson>;
  };
  testimonials: {
    /** Approved testimonials whose authors still consent, those of `job` (then `team`) first. */
    list(options?: TestimonialQuery & RequestOptions): Promise<TestimonialList>;
  };
  questions: {
    /** Published questions and answers, those of people in `job` first (then `team`, then `location`), as `people.list` matches. */
    list(options?: AnswerQuery & RequestOptions): Promise<AnswerList>;
  };
  contact: {
    /** A fresh proof-of-work challenge, to solve before `send`. */
    challenge(options?: RequestOptions): Promise<Challenge>;
    /** Sends a candidate's question; the candidate then confirms it from an e-mail. Never retried. */
    send(personId: string, request: ContactRequest, options?: RequestOptions): Promise<ContactAccepted>;
  };
}

export function createClient(options: ClientOptions): HallwayClient {
  const timeout = options.timeout ?? 10_000;
  const baseUrl = String(options.baseUrl).replace(/\/+$/, '');
  const prefixUrl = `${baseUrl}/v1/sites/${encodeURIComponent(options.site)}`;
  const api = ky.create({
    prefixUrl,
    timeout,
    retry: { limit: options.retry ?? 2, methods: ['get'] },
    // Public lists must show a withdrawal on the next load: revalidate (a cheap 304) every time.
    cache: 'no-cache',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const get = <T>(path: string, schema: Schema<T> | (() => Promise<Schema<T>>), signal?: AbortSignal) =>
    deduplicated(`${prefixUrl}/${path}`, (sharedSignal) => request(api.get(path, { signal: sharedSignal }), schema, timeout), signal);

  return {
    baseUrl,
    site: options.site,
    people: {
      list({ signal, ...query } = {}) {
        return get(`people${toSearch(query)}`, peopleList, signal);
      },
      get(id, { signal } = {}) {
        return get(`people/${encodeURIComponent(id)}`, publicPerson, signal);
      },
    },
    testimonials: {
      list({ signal, ...query } = {}) {
        return get(`testimonials${toSearch(query)}`, testimonialList, signal);
      },
    },
    questions: {
      list: ({ signal, ...query } = {}) => get(`questions${toSearch(query)}`, answerList, signal),
    },
    contact: {
      challenge({ signal } = {}) {
        return request(api.get('challenge', { cache: 'no-store', ...(signal ? { signal } : {}) }), challenge, timeout);
      },
      send(personId, json, { signal } = {}) {
        const path = `people/${encodeURIComponent(personId)}/contact`;
        return request(api.post(path, { json, retry: 0, ...(signal ? { signal } : {}) }), contactAccepted, timeout);
      },
    },
  };
}

// The schemas (and zod with them) are not in what a careers page loads up front: each is imported when
// its first request starts and is there by the time the answer is, which it then validates. zod comes
// with schemas.js: asked for alongside the others, it is not waited for after them.
const withSchemas = <M>(module: Promise<M>) => Promise.all([module, import('./schemas.js')]).then(([m]) => m);
const peopleList = () => import('./schemas.js').then((m): Schema<PeopleList> => m.PeopleList);
const publicPerson = () => import('./schemas.js').then((m): Schema<PublicPerson> => m.PublicPerson);
const challenge = () => withSchemas(import('./contact-schemas.js')).then((m): Schema<Challenge> => m.Challenge);
const contactAccepted = () => withSchemas(import('./contact-schemas.js')).then((m): Schema<ContactAccepted> => m.ContactAccepted);
const answerList = () => withSchemas(import('./answer-schemas.js')).then((m): Schema<AnswerList> => m.AnswerList);
const testimonialList = () => withSchemas(import('./testimonial-schemas.js')).then((m): Schema<TestimonialList> => m.TestimonialList);

function toSearch(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.sort(); // one key for the same query, whatever order the caller wrote it in
  const search = params.toString();
  return search ? `?${search}` : '';
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
}

// Several widgets on one page asking the same thing share one request. It is aborted only when
// every caller has aborted; a caller that aborts alone just stops waiting.
const inFlight = new Map<string, InFlight>();

function deduplicated<T>(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
  signal?.throwIfAborted();
  let entry = inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: InFlight = { controller, waiting: 0, promise: run(controller.signal) };
    created.promise.then(forget, forget);
    function forget() {
      if (inFlight.get(key) === created) inFlight.delete(key);
    }
    inFlight.set(key, (entry = created));
  }
  return waitFor(key, entry, signal) as Promise<T>;
}

function waitFor(key: string, entry: InFlight, signal?: AbortSignal): Promise<unknown> {
  entry.waiting++;
  if (!signal) return entry.promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      if (--entry.waiting > 0) return;
      if (inFlight.get(key) === entry) inFlight.delete(key);
      entry.controller.abort(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
