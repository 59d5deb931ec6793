/**
 * SCIM PATCH (RFC 7644 §3.5.2) applied to a User's JSON, which `readUser` then reads as a whole. Ops
 * in any case; a no-path op whose value's keys are themselves paths (`"name.givenName"`, the enterprise
 * extension's URN); value-filtered paths (`emails[type eq "work"].value`). An add or replace whose
 * filter matches nothing adds the item (Entra sets a first value so).
 */
import { ScimError, invalidPath, invalidSyntax, invalidValue } from './errors.js';
import { ENTERPRISE_SCHEMA, USER_SCHEMA, isObject, keyOf, readBoolean, type Json } from './mapping.js';

export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const PATCH_MAX_OPERATIONS = 100;

type Op = 'add' | 'replace' | 'remove';

interface Path {
  /** The object the attribute is in: the User, or its enterprise extension. */
  extension: boolean;
  attribute: string;
  filter?: { attribute: string; value: string | boolean };
  subAttribute?: string;
}

export function applyPatch(user: Json, body: unknown): Json {
  if (!isObject(body)) throw invalidSyntax('The body must be a PatchOp object.');
  const operations = body[keyOf(body, 'Operations') ?? 'Operations'];
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax('Operations must be a non-empty array.');
  if (operations.length > PATCH_MAX_OPERATIONS) throw invalidSyntax(`At most ${PATCH_MAX_OPERATIONS} operations at once.`);
  const patched = structuredClone(user);
  for (const operation of operations) applyOperation(patched, operation);
  return patched;
}

function applyOperation(user: Json, operation: unknown) {
  if (!isObject(operation)) throw invalidSyntax('Each operation must be an object.');
  const given = operation[keyOf(operation, 'op') ?? 'op'];
  const op = typeof given === 'string' ? given.toLowerCase() : '';
  if (op !== 'add' && op !== 'replace' && op !== 'remove') throw invalidSyntax(`${JSON.stringify(given) ?? 'No op'} is not an op: add, replace or remove.`);
  const path = operation[keyOf(operation, 'path') ?? 'path'];
  const value = operation[keyOf(operation, 'value') ?? 'value'];
  if (path !== undefined && path !== null && path !== '') {
    if (typeof path !== 'string') throw invalidPath('path must be a string.');
    return applyAt(user, parsePath(path), op, value);
  }
  if (op === 'remove') throw new ScimError(400, 'A remove needs a path.', 'noTarget');
  if (!isObject(value)) throw invalidValue('An operation without a path needs an object value.');
  for (const [key, item] of Object.entries(value)) {
    // The extension as an object: each of its keys is an attribute of the extension.
    if (key.toLowerCase() === ENTERPRISE_SCHEMA.toLowerCase() && isObject(item)) {
      for (const [inner, innerValue] of Object.entries(item)) applyAt(user, { ...parsePath(inner), extension: true }, op, innerValue);
    } else {
      applyAt(user, parsePath(key), op, item);
    }
  }
}

const PATH = /^([A-Za-z][\w$-]*)(?:\[\s*([A-Za-z][\w$-]*)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*\])?(?:\.([A-Za-z][\w$-]*))?$/i;

export function parsePath(text: string): Path {
  let rest = text.trim();
  let extension = false;
  if (rest.toLowerCase().startsWith(`${ENTERPRISE_SCHEMA.toLowerCase()}:`)) [extension, rest] = [true, rest.slice(ENTERPRISE_SCHEMA.length + 1)];
  else if (rest.toLowerCase().startsWith(`${USER_SCHEMA.toLowerCase()}:`)) rest = rest.slice(USER_SCHEMA.length + 1);
  const match = PATH.exec(rest);
  if (!match) throw invalidPath(`"${text.slice(0, 200)}" is not a path this server understands.`);
  const [, attribute, filterAttribute, filterValue, subAttribute] = match;
  return {
    extension,
    attribute: attribute!,
    ...(filterAttribute && { filter: { attribute: filterAttribute, value: readFilterValue(filterValue!) } }),
    ...(subAttribute && { subAttribute }),
  };
}

function readFilterValue(text: string): string | boolean {
  if (!text.startsWith('"')) return text.toLowerCase() === 'true';
  try {
    return JSON.parse(text) as string;
  } catch {
    throw invalidPath(`${text.slice(0, 200)} is not a valid string.`);
  }
}

function applyAt(user: Json, path: Path, op: Op, value: unknown) {
  const target = path.extension ? extensionOf(user) : user;
  const key = keyOf(target, path.attribute) ?? path.attribute;
  if (!path.filter) {
    if (path.subAttribute) return setIn(objectAt(target, key), path.subAttribute, op, value);
    if (op === 'add' && Array.isArray(target[key]) && Array.isArray(value)) return void (target[key] = mergeItems(target[key] as unknown[], value));
    return setIn(target, key, op, value);
  }
  const list = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
  const matches = list.filter((item): item is Json => isObject(item) && matchesFilter(item, path.filter!));
  if (op === 'remove') {
    target[key] = path.subAttribute ? list : list.filter((item) => !matches.includes(item as Json));
    if (path.subAttribute) for (const item of matches) setIn(item, path.subAttribute, 'remove', undefined);
    return;
  }
  if (matches.length === 0) {
    const added: Json = { [path.filter.attribute]: path.filter.value };
    matches.push(added);
    list.push(added);
  }
  for (const item of matches) {
    if (path.subAttribute) setIn(item, path.subAttribute, op, value);
    else if (isObject(value)) Object.assign(item, value);
    else throw invalidValue(`${path.attribute}[…] needs an object value.`);
  }
  target[key] = list;
}

function setIn(object: Json, name: string, op: Op, value: unknown) {
  const key = keyOf(object, name) ?? name;
  if (op === 'remove') delete object[key];
  else object[key] = value;
}

function objectAt(parent: Json, key: string): Json {
  if (!isObject(parent[key])) parent[key] = {};
  return parent[key] as Json;
}

const extensionOf = (user: Json) => objectAt(user, keyOf(user, ENTERPRISE_SCHEMA) ?? ENTERPRISE_SCHEMA);

function matchesFilter(item: Json, filter: NonNullable<Path['filter']>): boolean {
  const actual = item[keyOf(item, filter.attribute) ?? filter.attribute];
  if (typeof filter.value === 'boolean') return actual !== undefined && actual !== null && readBoolean(actual, filter.attribute) === filter.value;
  return typeof actual === 'string' && actual.toLowerCase() === filter.value.toLowerCase();
}

/** An added list of typed items: an item of a type already there replaces it, the others are added. */
function mergeItems(current: unknown[], added: unknown[]): unknown[] {
  const typeOf = (item: unknown) => {
    const given = isObject(item) ? item[keyOf(item, 'type') ?? 'type'] : undefined;
    return typeof given === 'string' ? given.toLowerCase() : '';
  };
  const addedTypes = new Set(added.map(typeOf).filter(Boolean));
  return [...current.filter((item) => !addedTypes.has(typeOf(item))), ...added];
}
