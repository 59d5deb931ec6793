import ky from 'ky';
import { request, send } from './http.js';
import { MyProfile, type CardDetails, type ConsentUpdate, type ProfileUpdate, OpenQuestions } from './me-schemas.js';
import type { TestimonialDraft } from './testimonial-schemas.js';

export interface MeClientOptions {
  /** The Hallway server; its session cookie is sent along (same origin). */
  baseUrl: string | URL;
  /** Milliseconds before a request fails with `TimeoutError`. Default `10000`. */
  timeout?: number;
  fetch?: typeof fetch;
}

/** The signed-in employee's own profile, consents and data. Every call answers the updated profile. */
export interface MeClient {
  get(options?: { signal?: AbortSignal }): Promise<MyProfile>;
  updateProfile(profile: ProfileUpdate): Promise<MyProfile>;
  updateConsent(update: ConsentUpdate): Promise<MyProfile>;
  /** Withdraws every consent at once: hidden and not contactable from the next request on. */
  withdrawAll(): Promise<MyProfile>;
  /** A JPEG, PNG or WebP of at most 2 MB; the server re-encodes it without its metadata. */
  uploadPhoto(photo: Blob): Promise<MyProfile>;
  removePhoto(): Promise<MyProfile>;
  /** Saves the testimonial; it goes (back) to moderation before candidates see it. */
  saveTestimonial(draft: TestimonialDraft): Promise<MyProfile>;
  /** Deletes the testimonial and withdraws the consent to publish it. */
  deleteTestimonial(): Promise<MyProfile>;
  /** Erases the profile; only the minimal consent audit trail is kept. Signs out. */
  deleteMyData(): Promise<void>;
  signOut(): Promise<void>;
  /** Where the JSON export of all the data held on the employee downloads from. */
  readonly exportUrl: string;
  /** Saves the card's "More about" view: the path here and the opt-in to show the reply time. */
  saveDetails(details: CardDetails): Promise<MyProfile>;
  /** Where the employee's record downloads from, as JSON and as CSV. */
  readonly recordUrls: { json: string; csv: string };
  /** The questions waiting for an answer (issue 18). */
  openQuestions(options?: { signal?: AbortSignal }): Promise<OpenQuestions>;
  /** Answers one on the page: forwarded to the candidate through the relay. Resolves with the questions still open. */
  answerQuestion(id: string, text: string): Promise<OpenQuestions>;
}

export function createMeClient(options: MeClientOptions): MeClient {
  const timeout = options.timeout ?? 10_000;
  const prefixUrl = `${String(options.baseUrl).replace(/\/+$/, '')}/v1/me`;
  const api = ky.create({
    prefixUrl,
    timeout,
    retry: 0,
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const profile = (response: ReturnType<typeof api.get>) => request(response, MyProfile, timeout);
  return {
    get: ({ signal } = {}) => profile(api.get('', signal ? { signal } : {})),
    updateProfile: (json) => profile(api.put('profile', { json })),
    updateConsent: (json) => profile(api.put('consent', { json })),
    withdrawAll: () => profile(api.post('withdraw')),
    uploadPhoto: (photo) => profile(api.put('photo', { body: photo, headers: { 'Content-Type': photo.type } })),
    removePhoto: () => profile(api.delete('photo')),
    saveTestimonial: (json) => profile(api.put('testimonial', { json })),
    deleteTestimonial: () => profile(api.delete('testimonial')),
    deleteMyData: () => send(api.delete(''), timeout),
    signOut: () => send(api.delete('session'), timeout),
    exportUrl: `${prefixUrl}/export`,
    saveDetails: (json) => profile(api.put('details', { json })),
    recordUrls: { json: `${prefixUrl}/record.json`, csv: `${prefixUrl}/record.csv` },
    openQuestions: ({ signal } = {}) => request(api.get('open-questions', signal ? { signal } : {}), OpenQuestions, timeout),
    answerQuestion: (id, text) => request(api.post(`open-questions/${encodeURIComponent(id)}/answer`, { json: { text } }), OpenQuestions, timeout),
  };
}
