import ky from 'ky';
import { request } from './http.js';
import { MyAnswers, type PublishDraft } from './answer-schemas.js';

/** The signed-in employee's answered questions and their publication (issue 18); every call answers the updated list. */
export interface MyAnswersClient {
  list(options?: { signal?: AbortSignal }): Promise<MyAnswers>;
  /** Proposes the answer with this wording: the candidate is asked by mail, then a moderator reviews it. */
  publish(requestId: string, draft: PublishDraft): Promise<MyAnswers>;
  /** Hidden from candidates at once. */
  withdraw(publicationId: string): Promise<MyAnswers>;
}

export function createMyAnswersClient(options: { baseUrl: string | URL; timeout?: number; fetch?: typeof fetch }): MyAnswersClient {
  const timeout = options.timeout ?? 10_000;
  const api = ky.create({
    prefixUrl: `${String(options.baseUrl).replace(/\/+$/, '')}/v1/me/answers`,
    timeout,
    retry: 0,
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const answers = (response: ReturnType<typeof api.get>) => request(response, MyAnswers, timeout);
  return {
    list: ({ signal } = {}) => answers(api.get('', signal ? { signal } : {})),
    publish: (requestId, json) => answers(api.post(`${encodeURIComponent(requestId)}/publish`, { json })),
    withdraw: (publicationId) => answers(api.post(`published/${encodeURIComponent(publicationId)}/withdraw`)),
  };
}
