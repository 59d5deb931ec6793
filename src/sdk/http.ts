import { HTTPError as KyHttpError, TimeoutError as KyTimeoutError, type ResponsePromise } from 'ky';
import { HttpError, NetworkError, SchemaError, TimeoutError, isAbortError } from './errors.js';

export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: SchemaError['issues'] } };
}

/**
 * Awaits a ky request and validates its JSON body, turning every failure into a typed error. A schema
 * given as a function is loaded (a dynamic import) while the request is in flight.
 */
export async function request<T>(response: ResponsePromise, schema: Schema<T> | (() => Promise<Schema<T>>), timeout: number): Promise<T> {
  let body: unknown;
  let validator: Schema<T>;
  try {
    [body, validator] = await Promise.all([response.json(), typeof schema === 'function' ? schema() : schema]);
  } catch (error) {
    throw await toHallwayError(error, timeout);
  }
  const result = validator.safeParse(body);
  if (!result.success) throw new SchemaError(result.error.issues);
  return result.data;
}

/** Awaits a ky request that answers no body. */
export async function send(response: ResponsePromise, timeout: number): Promise<void> {
  try {
    await response;
  } catch (error) {
    throw await toHallwayError(error, timeout);
  }
}

/** Awaits a ky request whose answer is text (a CSV export). */
export async function text(response: ResponsePromise, timeout: number): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw await toHallwayError(error, timeout);
  }
}

async function toHallwayError(error: unknown, timeout: number): Promise<unknown> {
  if (error instanceof KyHttpError) {
    const { status } = error.response;
    const [schemas, body] = await Promise.all([import('./schemas.js').catch(() => undefined), error.response.json().catch(() => null)]);
    // Without the schema (its chunk did not load) the body is not read: the status still says what happened.
    const parsed = schemas?.ErrorBody.safeParse(body);
    if (!parsed?.success) return new HttpError(status, `http_${status}`, error.message);
    const { code, message, field } = parsed.data.error;
    return new HttpError(status, code, message, field);
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(timeout);
  if (isAbortError(error)) return error;
  if (error instanceof TypeError) return new NetworkError({ cause: error });
  return error;
}
