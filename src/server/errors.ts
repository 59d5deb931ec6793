import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../sdk/schemas.js';

/** Seconds a client is told to wait when the server cannot serve it for now (a 503). */
export const RETRY_UNAVAILABLE_SECONDS = 5;

/** Answers `{ error: { code, message, field? } }`, the one error shape of the API. A 503 also says when to try again. */
export function apiError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, field?: string) {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  if (status === 503) c.header('Retry-After', String(RETRY_UNAVAILABLE_SECONDS));
  return c.json(body, status);
}
