import { expect } from '@open-wc/testing';
import { aChallenge, solves } from '../../../tests/support/browser/contact-test-data.js';
import { solveChallenge, type SolvedIn } from './solver.js';

describe('solveChallenge', () => {
  it('finds the number in a Web Worker, off the main thread', async () => {
    const challenge = await aChallenge(500, 421);
    let where: SolvedIn | undefined;
    const proof = await solveChallenge(challenge, undefined, (solvedIn) => (where = solvedIn));

    expect(where).to.equal('worker');
    expect(proof.number).to.equal(421);
    expect(await solves(proof, [challenge])).to.be.true;
  });

  it('finds 0 and maxnumber, the ends of the range', async () => {
    for (const number of [0, 500]) {
      const challenge = await aChallenge(500, number);
      expect((await solveChallenge(challenge)).number).to.equal(number);
    }
  });

  it('fails when no number in the range solves it', async () => {
    const challenge = { ...(await aChallenge(100)), challenge: '0'.repeat(64) };
    let failed = false;
    await solveChallenge(challenge).catch(() => (failed = true));
    expect(failed).to.be.true;
  });

  it('stops when aborted', async () => {
    const challenge = await aChallenge(5_000_000, 5_000_000);
    const controller = new AbortController();
    const solving = solveChallenge(challenge, controller.signal);
    controller.abort(new DOMException('closed', 'AbortError'));
    const error = await solving.catch((caught: unknown) => caught);
    expect((error as Error).name).to.equal('AbortError');
  });

  // Last: the policy cannot be lifted for the rest of this page.
  it('falls back to the main thread, without long tasks, when the CSP forbids blob: workers', async function () {
    // A machine busy elsewhere can stretch one slice of work past 50 ms; a solver that does not
    // yield makes a long task every time.
    this.retries(2);
    const csp = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy', content: "worker-src 'none'" });
    document.head.append(csp);
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });

    const challenge = await aChallenge(20_000, 19_999);
    let where: SolvedIn | undefined;
    const proof = await solveChallenge(challenge, undefined, (solvedIn) => (where = solvedIn));
    longTasks.push(...observer.takeRecords());
    observer.disconnect();

    expect(where).to.equal('main-thread');
    expect(await solves(proof, [challenge])).to.be.true;
    expect(
      longTasks.map((task) => Math.round(task.duration)),
      'long tasks (ms)',
    ).to.deep.equal([]);
  });
});
