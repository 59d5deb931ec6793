import { HTTPError as KyHttpError, TimeoutError as KyTimeoutError, type ResponsePromise } from 'ky';
import { ErrorBody } from './schemas.js';
import { HttpError, NetworkError, SchemaError, TimeoutError, isAbortError } from './errors.js';

export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: SchemaError['issues'] } };
}

/** Awaits a ky request and validates its JSON body, turning every failure into a typed error. */
export async function request<T>(response: ResponsePromise, schema: Schema<T>, timeout: number): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw await toHallwayError(error, timeout);
  }
  const result = schema.safeParse(body);
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

async function toHallwayError(error: unknown, timeout: number): Promise<unknown> {
  if (error instanceof KyHttpError) {
    const { status } = error.response;
    const parsed = ErrorBody.safeParse(await error.response.json().catch(() => null));
    if (!parsed.success) return new HttpError(status, `http_${status}`, error.message);
    const { code, message, field } = parsed.data.error;
    return new HttpError(status, code, message, field);
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(timeout);
  if (isAbortError(error)) return error;
  if (error instanceof TypeError) return new NetworkError({ cause: error });
  return error;
}
