import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Db } from './store/database.js';
import { openTestDatabase } from '../../tests/support/node/test-database.js';
import { TitleScorer, scoreTitles, titlesReaching, trigramSimilarities } from './trigrams.js';

let db: Db;
let drop: () => Promise<void>;
before(async () => ({ db, drop } = await openTestDatabase()));
after(() => drop());

const TITLES = [
  'front desk agent',
  'receptionist',
  'receptionniste',
  'night receptionist',
  'head chef',
  'chef',
  'chef de partie',
  'sous-chef',
  'executive chef',
  'software engineer',
  'senior software engineer',
  'data scientist',
  'data analyst',
  'pilot',
  'room attendant',
  'gouvernante generale',
  'a',
  'aa',
  'aaa aaa',
  'abc abc abc',
  'b2b sales',
  'vp, people & culture',
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

test('scored together, titles get the scores they get alone; only those reaching the threshold come back, else all', () => {
  const alone = TITLES.map((title) => scoreTitles('chef de partie', [title], 0)[0]!);
  assert.deepEqual(scoreTitles('chef de partie', TITLES, 0), alone);
  assert.deepEqual(
    scoreTitles('chef de partie', TITLES, 0.4),
    alone.filter(({ score }) => score >= 0.4),
  );
  assert.ok(scoreTitles('chef de partie', TITLES, 0.4).length >= 3);
  assert.deepEqual(
    scoreTitles('zoology', TITLES, 0.4),
    TITLES.map((title) => scoreTitles('zoology', [title], 0)[0]!),
  );
});

test('no title the threshold would keep is skipped by the shortcut (2,000 random titles)', () => {
  const titles = fc.sample(title, { numRuns: 2_000, seed: 7 });
  for (const job of ['abc de', 'a1', 'cab ded abc']) {
    const kept = scoreTitles(job, titles, 0.4);
    const exact = titles.map((t) => scoreTitles(job, [t], 0)[0]!).filter(({ score }) => score >= 0.4);
    assert.deepEqual(kept, exact.length > 0 ? exact : titles.map((t) => scoreTitles(job, [t], 0)[0]!));
  }
});

test('many jobs scored at once keep the titles each keeps alone, and none when none reaches (2,000 random titles)', () => {
  const titles = fc.sample(title, { numRuns: 2_000, seed: 11 });
  const jobs = ['abc de', 'a1', 'cab ded abc', 'zzz', '', ...fc.sample(title, { numRuns: 50, seed: 12 })];
  const reaching = titlesReaching(jobs, titles, 0.4);
  jobs.forEach((job, j) => {
    const alone = titles.flatMap((t, i) => (scoreTitles(job, [t], 0)[0]!.score >= 0.4 ? [i] : []));
    assert.deepEqual(reaching[j], alone, job);
  });
  assert.ok(reaching.some((kept) => kept.length > 0) && reaching.some((kept) => kept.length === 0));
});

test('a scorer kept for a site scores job after job as pg_trgm’s measures say (500 random titles, 200 jobs)', () => {
  const titles = fc.sample(title, { numRuns: 500, seed: 13 });
  const jobs = fc.sample(title, { numRuns: 200, seed: 14 });
  const scorer = new TitleScorer(titles);
  // The best of similarity and word similarity both ways, each pair on its own.
  const fit = (t: string, job: string) =>
    Math.max(trigramSimilarities(t, job).similarity, trigramSimilarities(job, t).wordSimilarity, trigramSimilarities(t, job).wordSimilarity);
  let reached = 0;
  for (const job of jobs) {
    const all = titles.map((t) => ({ title: t, score: fit(t, job) }));
    const reaching = all.filter(({ score }) => score >= 0.4);
    reached += reaching.length > 0 ? 1 : 0;
    assert.deepEqual(scorer.score(job, 0.4), reaching.length > 0 ? reaching : all, job);
    assert.deepEqual(scorer.score(job, Infinity), all, job);
  }
  assert.ok(reached > 0 && reached < jobs.length, 'some jobs reach the threshold and some do not');
});

test('a title fits when either is a few words longer than the other', () => {
  const score = (title: string, job: string) => scoreTitles(job, [title], 0)[0]!.score;
  assert.equal(score('chef', 'chef'), 1);
  assert.ok(score('head chef', 'chef') >= 0.4, 'the candidate looks at a shorter title');
  assert.ok(score('chef', 'executive chef') >= 0.4, 'the candidate looks at a longer title');
  assert.ok(score('pilot', 'front desk agent') < 0.4);
});
