import type { ImportProblem, ImportProblemCode } from '../../sdk/admin-schemas.js';

type Params = Record<string, string | number>;

/** The English `reason` of each code, for API users; the workspace says it in its own language from `code` and `params`. */
const REASONS: Record<ImportProblemCode, (p: Params) => string> = {
  row_too_long: (p) => `a row longer than ${p.kb} KB, by this line (a quote left open?)`,
  invalid_csv: (p) => `not valid CSV: ${p.detail}`,
  value_count: (p) => `expected ${p.expected} values, found ${p.found}`,
  unknown_column: (p) => `unknown column (expected ${p.expected})`,
  duplicate_column: () => 'duplicate column',
  missing_column: () => 'missing required column',
  not_an_array: () => 'expected a JSON array of people',
  not_an_object: () => 'expected an object',
  unknown_field: (p) => `unknown field (expected ${p.expected})`,
  not_a_string: () => 'must be a string',
  same_email_as_line: (p) => `same e-mail as line ${p.other}`,
  same_external_id_as_line: (p) => `same external id as line ${p.other}`,
  required: () => 'required',
  too_long: (p) => `longer than ${p.max} characters`,
  nul_character: () => 'contains a NUL character',
  invalid_email: () => 'not an e-mail address',
  invalid_languages: (p) => `not a language code: ${p.values} (e.g. fr;en)`,
  invalid_status: (p) => `unknown status "${p.value}" (employee or left)`,
  email_of_another_person: () => 'already the e-mail of another person than this external id',
  email_has_external_id: (p) => `this e-mail belongs to the person with external id "${p.externalId}"`,
  same_person_as_line: (p) => `the same person as line ${p.other}`,
};

/** One problem of a file: a stable code and its parameters, and the English reason they make. */
export function importProblem(line: number, field: string, code: ImportProblemCode, params: Params = {}): ImportProblem {
  return { line, field, code, ...(Object.keys(params).length > 0 && { params }), reason: REASONS[code](params) };
}
