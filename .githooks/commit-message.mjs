// Commit messages as CONTRIBUTING.md's "Commits" asks: a subject of at most 72 characters, a blank
// line, then the why in the body. A merge needs no body: its branch's commits say why.
//   node .githooks/commit-message.mjs <file>          the commit-msg hook, on the message being written
//   node .githooks/commit-message.mjs --after <commit> CI (.ci/run), on every commit after <commit>
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_SUBJECT = 72;
const SCISSORS = /^# -+ >8 -+$/m; // `git commit -v`: the diff below is not part of the message

/** What is wrong with a message, or nothing. Comment lines are left out, as git does. */
export function messageProblem(raw) {
  const lines = raw
    .split(SCISSORS)[0]
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trimEnd());
  while (lines[0] === '') lines.shift();
  const [subject = '', separator, ...body] = lines;
  if (!subject) return 'the message is empty.';
  const length = [...subject].length;
  if (length > MAX_SUBJECT) return `the subject has ${length} characters; ${MAX_SUBJECT} at most.`;
  if (subject.startsWith('Merge ')) return undefined;
  if (separator) return 'a blank line goes between the subject and the body.';
  if (body.join('').trim() === '') return 'the body is missing: after a blank line, say why (the problem, the choice, the figures).';
  return undefined;
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8' });
}

function checkCommitsAfter(base) {
  const commits = git('rev-list', '--reverse', `${base}..HEAD`).split('\n').filter(Boolean);
  const failures = commits.flatMap((commit) => {
    const problem = messageProblem(git('log', '-1', '--format=%B', commit));
    return problem ? [`${commit.slice(0, 7)} ${git('log', '-1', '--format=%s', commit).trim()}\n  ${problem}`] : [];
  });
  console.log(`Commit messages after ${base}: ${commits.length - failures.length} passed, ${failures.length} failed`);
  for (const failure of failures) console.error(failure);
  return failures.length === 0;
}

const [option, value] = process.argv.slice(2);
if (option === '--after' && value) {
  process.exitCode = checkCommitsAfter(value) ? 0 : 1;
} else if (option) {
  const problem = messageProblem(readFileSync(option, 'utf8'));
  if (problem) {
    console.error(`commit-msg: ${problem}\n(CONTRIBUTING.md, "Commits"; the message is kept in .git/COMMIT_EDITMSG)`);
    process.exitCode = 1;
  }
}
