/**
 * The filters the providers send to find a user before they create it (RFC 7644 §3.4.2.2, `eq` only):
 * `userName eq "…"` (any letter case, as uniqueness), `externalId eq "…"`, `id`, `emails.value`, `active`.
 */
import { ScimError } from './errors.js';

export type UserFilter = { attribute: 'userName' | 'externalId' | 'id' | 'email'; value: string } | { attribute: 'active'; value: boolean };

const FILTER = /^\s*([A-Za-z][\w.:$-]*)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*$/i;
const ATTRIBUTES: Record<string, 'userName' | 'externalId' | 'id' | 'email' | 'active'> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
  emails: 'email',
  'emails.value': 'email',
  active: 'active',
};
const CORE_PREFIX = 'urn:ietf:params:scim:schemas:core:2.0:user:';

const invalidFilter = (detail: string) => new ScimError(400, detail, 'invalidFilter');

export function parseFilter(text: string): UserFilter {
  const match = FILTER.exec(text);
  if (!match) throw invalidFilter('Only filters of the form attribute eq "value" are supported.');
  let name = match[1]!.toLowerCase();
  if (name.startsWith(CORE_PREFIX)) name = name.slice(CORE_PREFIX.length);
  const attribute = ATTRIBUTES[name];
  if (!attribute) throw invalidFilter(`Filtering on "${match[1]}" is not supported: userName, externalId, id, emails.value or active.`);
  const literal = match[2]!;
  if (attribute === 'active') {
    if (literal.startsWith('"')) throw invalidFilter('active is compared with true or false.');
    return { attribute, value: literal.toLowerCase() === 'true' };
  }
  if (!literal.startsWith('"')) throw invalidFilter(`${match[1]} is compared with a quoted string.`);
  try {
    return { attribute, value: JSON.parse(literal) as string };
  } catch {
    throw invalidFilter(`${literal.slice(0, 200)} is not a valid string.`);
  }
}
