/**
 * Request bodies, read one way by every route: a size limit before anything is read, then the JSON
 * checked against the contract's schema (src/sdk), or the fields of a posted form.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { apiError } from './errors.js';
import { nulField } from './nul.js';

/** Refuses a body over `maxBytes` with 413 `payload_too_large`, before it is read. */
export const limitBody = (maxBytes: number, message = 'This request is too large.') =>
  bodyLimit({ maxSize: maxBytes, onError: (c) => apiError(c, 413, 'payload_too_large', message) });

/** The forms behind the links in mails carry a token, or a request id and its signature: a few hundred bytes. */
export const formLimit = limitBody(4096);

/** The fields of a posted form; a body that is no form (say, multipart without a boundary) has none. */
export const parseForm = (c: Context) => c.req.parseBody().catch(() => ({}) as Record<string, unknown>);

/**
 * The JSON body, valid for `schema`; else the 400 `invalid_body` answer naming the first wrong field
 * (`whenInvalid` replaces that message when one sentence says it better, as for the sign-in form).
 */
export async function readBody<T>(c: Context, schema: z.ZodMiniType<T, unknown>, whenInvalid?: { message: string; field: string }): Promise<T | Response> {
  const invalid = (message: string, field: string) =>
    whenInvalid ? apiError(c, 400, 'invalid_body', whenInvalid.message, whenInvalid.field) : apiError(c, 400, 'invalid_body', message, field);
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    return invalid('The body must be a JSON object.', 'body');
  }
  const nul = nulField(value);
  if (nul) return invalid(`${nul}: must not contain a NUL character`, nul);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { field, message } = describeIssue(parsed.error);
  return invalid(message, field);
}

/** The first problem of a body or query, as `field` and a message that starts with it. */
export function describeIssue(error: z.core.$ZodError) {
  const issue = error.issues[0]!;
  // An unknown key (say `showProfile`) is named as the field: it is the one to remove.
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.map(String).join('.') || 'body';
  const message = issue.code === 'unrecognized_keys' ? 'not a field of this request' : issue.message;
  return { field, message: `${field}: ${message}` };
}
