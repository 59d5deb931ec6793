import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../sdk/schemas.js';

/** Answers `{ error: { code, message, field? } }`, the one error shape of the API. */
export function apiError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, field?: string) {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return c.json(body, status);
}
