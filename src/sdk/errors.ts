/** Every error the SDK throws (other than an `AbortError` when the caller aborts) is a `HallwayError`. */
export abstract class HallwayError extends Error {
  abstract override readonly name: 'HttpError' | 'NetworkError' | 'TimeoutError' | 'SchemaError';
  /** A stable code to branch on: the server's error code, or `network`, `timeout`, `invalid_response`. */
  abstract readonly code: string;
}

/** The server answered with an error status; `code` is the server's stable error code. */
export class HttpError extends HallwayError {
  readonly name = 'HttpError' as const;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The request never got an answer (offline, DNS, CORS, connection reset). */
export class NetworkError extends HallwayError {
  readonly name = 'NetworkError' as const;
  readonly code = 'network';
  constructor(options?: { cause?: unknown }) {
    super('The Hallway server could not be reached.', options);
  }
}

/** No answer within the client's `timeout`. */
export class TimeoutError extends HallwayError {
  readonly name = 'TimeoutError' as const;
  readonly code = 'timeout';
  constructor(readonly timeout: number) {
    super(`The Hallway server did not answer within ${timeout} ms.`);
  }
}

export interface SchemaIssue {
  path: PropertyKey[];
  message: string;
}

/** The server's answer does not match the contract (e.g. a server and SDK of different versions). */
export class SchemaError extends HallwayError {
  readonly name = 'SchemaError' as const;
  readonly code = 'invalid_response';
  constructor(readonly issues: SchemaIssue[]) {
    super(`Unexpected response from the Hallway server: ${issues.map(formatIssue).join('; ')}`);
  }
}

const formatIssue = (issue: SchemaIssue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;

const NAMES: readonly string[] = ['HttpError', 'NetworkError', 'TimeoutError', 'SchemaError'] satisfies HallwayError['name'][];

/**
 * By `name` and `code`, not `instanceof` (as ky's `isHTTPError`): an error from another copy of the SDK
 * (hallway.js loaded twice, or beside an app's own bundle) is an instance of that copy's classes. A
 * string `code` tells ours from the DOM's own `TimeoutError`, whose `code` is a number.
 */
export const isHallwayError = (error: unknown): error is HallwayError =>
  error instanceof Error && NAMES.includes(error.name) && typeof (error as Partial<HallwayError>).code === 'string';
export const isHttpError = (error: unknown): error is HttpError => isHallwayError(error) && error.name === 'HttpError';
export const isNetworkError = (error: unknown): error is NetworkError => isHallwayError(error) && error.name === 'NetworkError';
export const isTimeoutError = (error: unknown): error is TimeoutError => isHallwayError(error) && error.name === 'TimeoutError';
export const isSchemaError = (error: unknown): error is SchemaError => isHallwayError(error) && error.name === 'SchemaError';

export const isAbortError = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
