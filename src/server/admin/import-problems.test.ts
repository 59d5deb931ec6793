import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImportRejected, readCsv, readJson } from './import.js';

const problemsOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportRejected) return error.problems;
    throw error;
  }
  assert.fail('the file was not refused');
};

test('a CSV file’s problems carry a stable code, their parameters, and the English reason', () => {
  assert.deepEqual(
    problemsOf(() => readCsv('email,full_name,job_title,consent,email\n')),
    [
      {
        line: 1,
        field: 'consent',
        code: 'unknown_column',
        params: { expected: 'email, full_name, job_title, team, location, languages, external_id, status' },
        reason: 'unknown column (expected email, full_name, job_title, team, location, languages, external_id, status)',
      },
      { line: 1, field: 'email', code: 'duplicate_column', reason: 'duplicate column' },
    ],
  );
  assert.deepEqual(
    problemsOf(() => readCsv('email,full_name,job_title\na@b.test,Ada\n')),
    [{ line: 2, field: 'row', code: 'value_count', params: { expected: 3, found: 2 }, reason: 'expected 3 values, found 2' }],
  );
});

test('a JSON file’s problems too', () => {
  assert.deepEqual(
    problemsOf(() => readJson({ email: 'a@b.test' })),
    [{ line: 1, field: 'body', code: 'not_an_array', reason: 'expected a JSON array of people' }],
  );
  const problems = problemsOf(() => readJson([42, { email: 'a@b.test', photo: 'x' }, { email: ['a@b.test'] }]));
  assert.deepEqual(
    problems.map(({ line, field, code }) => [line, field, code]),
    [
      [1, 'row', 'not_an_object'],
      [2, 'photo', 'unknown_field'],
      [3, 'email', 'not_a_string'],
    ],
  );
});
