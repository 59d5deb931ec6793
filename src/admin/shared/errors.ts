import { isHallwayError, isHttpError } from '../../sdk/index.js';

/** The sentence for a failed request, from the SDK's typed errors. */
export function errorTerm(error: unknown) {
  if (isHttpError(error)) {
    if (error.code === 'invite_cooldown') return 'adErrInviteCooldown';
    if (error.status === 401) return 'adErrSignedOut';
    if (error.status === 403) return 'adErrForbidden';
    if (error.status === 404) return 'adErrNotFound';
    if (error.status === 409) return 'adErrConflict';
    if (error.status === 429) return 'adErrRateLimited';
    if (error.status === 400 || error.status === 422) return 'adErrInvalid';
    return 'adErrUnknown';
  }
  if (isHallwayError(error)) {
    if (error.code === 'network') return 'adErrNetwork';
    if (error.code === 'timeout') return 'adErrTimeout';
    if (error.code === 'invalid_response') return 'adErrResponse';
  }
  return 'adErrUnknown';
}

/** Whether the session is over (expired, or signed out in another tab). */
export const isSignedOut = (error: unknown) => isHttpError(error) && error.status === 401;

/** Whether a load failed because the role may not read it (the page then says so, without a retry). */
export const isForbidden = (error: unknown) => isHttpError(error) && error.status === 403;

/** The fields a contract schema refused, by their top-level name. */
export function invalidFields(issues: readonly { path: readonly PropertyKey[] }[]): Set<string> {
  return new Set(issues.map((issue) => String(issue.path[0] ?? '')));
}
