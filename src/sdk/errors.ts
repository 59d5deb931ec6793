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

export const isHallwayError = (error: unknown): error is HallwayError => error instanceof HallwayError;
export const isHttpError = (error: unknown): error is HttpError => error instanceof HttpError;

export const isAbortError = (error: unknown): boolean =>
  error instanceof Error && error.name === 'AbortError';
