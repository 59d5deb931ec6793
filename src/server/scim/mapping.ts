/**
 * A SCIM User (RFC 7643 §4.1), as Okta and Entra ID send it, read into what Hallway keeps of a person,
 * and written back. Attribute names are case-insensitive; `"True"`/`"False"` are booleans (Entra);
 * `null` is "no value" (RFC 7643 §2.5). What is not mapped (password, groups, phones, manager, roles,
 * locale…) is read past and never stored.
 */
import { EMAIL_MAX, EMAIL_PATTERN, IMPORT_TEXT_MAX } from '../../sdk/admin-schemas.js';
import { nulField } from '../nul.js';
import { invalidValue } from './errors.js';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

export type Json = Record<string, unknown>;

/** What a SCIM User sets of a person. */
export interface UserFields {
  userName: string;
  externalId: string | null;
  active: boolean;
  givenName: string | null;
  familyName: string | null;
  fullName: string;
  email: string;
  title: string;
  department: string | null;
  locality: string | null;
}

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key of `object` named `name` in any letter case. */
export const keyOf = (object: Json, name: string) => Object.keys(object).find((key) => key.toLowerCase() === name.toLowerCase());
export const valueOf = (object: Json, name: string): unknown => {
  const key = keyOf(object, name);
  return key === undefined ? undefined : object[key];
};

/** `true`, `false`, or their spellings as text in any case. */
export function readBoolean(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw invalidValue(`${name} must be true or false.`);
}

function readText(value: unknown, name: string, max = IMPORT_TEXT_MAX): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidValue(`${name} must be a string.`);
  const text = value.trim();
  if (text.length > max) throw invalidValue(`${name} is longer than ${max} characters.`);
  return text || null;
}

const items = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const isPrimary = (item: Json) => {
  const primary = valueOf(item, 'primary');
  return primary !== undefined && primary !== null && readBoolean(primary, 'primary');
};
const ofType = (type: string) => (item: Json) => {
  const given = valueOf(item, 'type');
  return typeof given === 'string' && given.toLowerCase() === type;
};

/** The work address, else the primary one, else the userName when it is one. */
function readEmail(user: Json, userName: string): string {
  const emails = items(valueOf(user, 'emails'));
  const chosen = emails.find(ofType('work')) ?? emails.find(isPrimary);
  const email = readText(chosen && valueOf(chosen, 'value'), 'emails.value', EMAIL_MAX) ?? userName;
  if (!EMAIL_PATTERN.test(email) || email.length > EMAIL_MAX) throw invalidValue('An e-mail address is needed: in emails (type "work" or primary) or as the userName.');
  return email.toLowerCase();
}

/** Reads a whole User (a POST or PUT body, or a resource a PATCH changed). */
export function readUser(user: unknown): UserFields {
  if (!isObject(user)) throw invalidValue('The body must be a SCIM User object.');
  if (nulField(user)) throw invalidValue('The body holds a NUL character.');
  const userName = readText(valueOf(user, 'userName'), 'userName', EMAIL_MAX);
  if (!userName) throw invalidValue('userName is required.');
  const activeValue = valueOf(user, 'active');
  const name = isObject(valueOf(user, 'name')) ? (valueOf(user, 'name') as Json) : {};
  const givenName = readText(valueOf(name, 'givenName'), 'name.givenName');
  const familyName = readText(valueOf(name, 'familyName'), 'name.familyName');
  const formatted = readText(valueOf(name, 'formatted'), 'name.formatted');
  const enterprise = valueOf(user, ENTERPRISE_SCHEMA);
  const work = items(valueOf(user, 'addresses')).find(ofType('work'));
  const email = readEmail(user, userName);
  return {
    userName,
    externalId: readText(valueOf(user, 'externalId'), 'externalId', EMAIL_MAX),
    active: activeValue === undefined || activeValue === null ? true : readBoolean(activeValue, 'active'),
    givenName,
    familyName,
    fullName: formatted ?? ([givenName, familyName].filter(Boolean).join(' ') || readText(valueOf(user, 'displayName'), 'displayName') || userName),
    email,
    title: readText(valueOf(user, 'title'), 'title') ?? '',
    department: isObject(enterprise) ? readText(valueOf(enterprise, 'department'), 'department') : null,
    locality: work ? readText(valueOf(work, 'locality'), 'addresses.locality') : null,
  };
}

/** What Hallway holds of a provisioned person, as the store reads it. */
export interface StoredUser {
  public_id: string;
  email: string;
  full_name: string;
  job_title: string;
  team: string | null;
  location: string | null;
  user_name: string;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  active: boolean;
}

/** The User as SCIM answers it, without `meta` (see resource.ts). */
export function toUser(row: StoredUser): Json {
  return {
    schemas: row.team ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: row.public_id,
    ...(row.external_id && { externalId: row.external_id }),
    userName: row.user_name,
    name: { formatted: row.full_name, ...(row.given_name && { givenName: row.given_name }), ...(row.family_name && { familyName: row.family_name }) },
    displayName: row.full_name,
    ...(row.job_title && { title: row.job_title }),
    active: row.active,
    emails: [{ value: row.email, type: 'work', primary: true }],
    ...(row.location && { addresses: [{ type: 'work', locality: row.location, primary: true }] }),
    ...(row.team && { [ENTERPRISE_SCHEMA]: { department: row.team } }),
  };
}
