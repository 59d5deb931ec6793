/** SCIM's answers (RFC 7644 §3.12): `application/scim+json`, errors with `status` as a string and a `scimType`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const SCIM_CONTENT_TYPE = 'application/scim+json';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType = 'uniqueness' | 'invalidSyntax' | 'invalidValue' | 'invalidPath' | 'invalidFilter' | 'noTarget';

/** Thrown anywhere below a SCIM route; the route answers it as SCIM error JSON. */
export class ScimError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly scimType?: ScimType,
  ) {
    super(message);
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');
export const invalidSyntax = (detail: string) => new ScimError(400, detail, 'invalidSyntax');
export const invalidPath = (detail: string) => new ScimError(400, detail, 'invalidPath');

export function scimJson(c: Context, body: unknown, status: ContentfulStatusCode = 200) {
  return c.body(JSON.stringify(body), status, { 'Content-Type': SCIM_CONTENT_TYPE });
}

export function scimError(c: Context, { status, message, scimType }: ScimError) {
  return scimJson(c, { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType && { scimType }), detail: message }, status);
}
