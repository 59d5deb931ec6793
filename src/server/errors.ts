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

/**
 * Thrown instead of queueing more work than the server can catch up on (a bounded waiting list is
 * full): the request is answered 503 `overloaded` with `Retry-After` at once rather than late.
 */
export class OverloadedError extends Error {
  override readonly name = 'OverloadedError';
  constructor(what: string) {
    super(`${what} is full`);
  }
}

/** SQLSTATEs and socket errors of a database that is down, restarting or unreachable. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
/** What `pg` throws, with no code, on a connection PostgreSQL dropped (e.g. a rollback after a restart). */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable)/;

/** Whether an error means "the database cannot be reached now" (answer 503, try again) rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || (typeof message === 'string' && LOST_CONNECTION.test(message));
}
