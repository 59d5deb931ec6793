import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPublicId } from './people.js';

test('public ids are unguessable and never read as a command-line option', () => {
  const ids = Array.from({ length: 2_000 }, newPublicId);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9][\w-]{15}$/);
});
