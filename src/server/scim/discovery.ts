/** What the server supports, as RFC 7643 §5–7 describe it: read by Okta's and Entra's validators. */
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './mapping.js';

export const SCIM_MAX_BYTES = 64 * 1024;
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
/** The most users one page holds; a larger `count` is lowered to it. */
export const PAGE_MAX = 200;

export const serviceProviderConfig = (baseUrl: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: SCIM_MAX_BYTES },
  filter: { supported: true, maxResults: PAGE_MAX },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: true },
  authenticationSchemes: [
    { type: 'oauthbearertoken', name: 'Bearer token', description: "A site's SCIM token, made in the HR workspace or with `hallway scim tokens create`.", primary: true },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
});

export const userResourceType = (baseUrl: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'A person of the site',
  schema: USER_SCHEMA,
  schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
  meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
});

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});
const typed = (name: string, subAttributes: ReturnType<typeof attribute>[]) =>
  attribute(name, { type: 'complex', multiValued: true, subAttributes: [...subAttributes, attribute('type'), attribute('primary', { type: 'boolean' })] });

export const schemas = (baseUrl: string) => [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: USER_SCHEMA,
    name: 'User',
    description: 'User Account',
    attributes: [
      attribute('userName', { required: true, uniqueness: 'server' }),
      attribute('externalId', { caseExact: true }),
      attribute('name', { type: 'complex', subAttributes: [attribute('formatted'), attribute('givenName'), attribute('familyName')] }),
      attribute('displayName', { mutability: 'readOnly' }),
      attribute('title'),
      attribute('active', { type: 'boolean' }),
      typed('emails', [attribute('value')]),
      typed('addresses', [attribute('locality')]),
    ],
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: ENTERPRISE_SCHEMA,
    name: 'EnterpriseUser',
    description: 'Enterprise User',
    attributes: [attribute('department')],
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${ENTERPRISE_SCHEMA}` },
  },
];

export const listOf = (resources: unknown[], startIndex = 1, totalResults = resources.length) => ({
  schemas: [LIST_SCHEMA],
  totalResults,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});
