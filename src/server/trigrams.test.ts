import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Db } from './store/database.js';
import { openTestDatabase } from './store/test-database.js';
import { titleScores, trigramSimilarities } from './trigrams.js';

let db: Db;
let drop: () => Promise<void>;
before(async () => ({ db, drop } = await openTestDatabase()));
after(() => drop());

const TITLES = [
  'front desk agent', 'receptionist', 'receptionniste', 'night receptionist', 'head chef', 'chef', 'chef de partie',
  'sous-chef', 'executive chef', 'software engineer', 'senior software engineer', 'data scientist', 'data analyst',
  'pilot', 'room attendant', 'gouvernante generale', 'a', 'aa', 'aaa aaa', 'abc abc abc', 'b2b sales', 'vp, people & culture',
];

/** Words from a small alphabet, so that random pairs share trigrams often, with separators between them. */
const title = fc
  .array(fc.stringMatching(/^[abcde12]{1,6}$/), { minLength: 0, maxLength: 5 })
  .chain((words) => fc.constantFrom(' ', '-', ', ', '  ').map((separator) => words.join(separator)));

async function pgTrgm(pairs: [string, string][]) {
  const { rows } = await sql<{ s: number; w: number }>`
    select similarity(a, b) as s, word_similarity(a, b) as w
    from unnest(${pairs.map(([a]) => a)}::text[], ${pairs.map(([, b]) => b)}::text[]) as t(a, b)
  `.execute(db);
  return rows;
}

function assertSame(pairs: [string, string][], expected: { s: number; w: number }[]) {
  pairs.forEach(([a, b], i) => {
    const { similarity, wordSimilarity } = trigramSimilarities(a, b);
    const pair = `(${JSON.stringify(a)}, ${JSON.stringify(b)})`;
    assert.ok(Math.abs(similarity - expected[i]!.s) < 1e-6, `similarity${pair}: ${similarity} ≠ ${expected[i]!.s}`);
    assert.ok(Math.abs(wordSimilarity - expected[i]!.w) < 1e-6, `word_similarity${pair}: ${wordSimilarity} ≠ ${expected[i]!.w}`);
  });
}

test('similarity and word_similarity equal pg_trgm on job titles, both ways', async () => {
  const pairs = TITLES.flatMap((a) => TITLES.map((b): [string, string] => [a, b]));
  assertSame(pairs, await pgTrgm(pairs));
});

test('…and on 2,000 random pairs of titles made of look-alike words', async () => {
  const pairs = fc.sample(fc.tuple(title, title), { numRuns: 2_000, seed: 20261123 });
  assertSame(pairs, await pgTrgm(pairs));
});

test('one dictionary serves many titles: scoring them together equals scoring each alone', () => {
  const together = titleScores('chef de partie', TITLES);
  assert.deepEqual(together, TITLES.map((title) => titleScores('chef de partie', [title])[0]));
});

test('a title fits when either is a few words longer than the other', () => {
  const score = (title: string, job: string) => titleScores(job, [title])[0]!;
  assert.equal(score('chef', 'chef'), 1);
  assert.ok(score('head chef', 'chef') >= 0.4, 'the candidate looks at a shorter title');
  assert.ok(score('chef', 'executive chef') >= 0.4, 'the candidate looks at a longer title');
  assert.ok(score('pilot', 'front desk agent') < 0.4);
});
