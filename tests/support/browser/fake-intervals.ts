/**
 * Fake `setInterval`/`clearInterval`, for tests of things that repeat (the carousel's rotation): once
 * installed, an interval runs only when the test moves the time with `tick(ms)`, so "it does not
 * rotate" is checked without waiting, and "it rotates" without a race. Only intervals: timeouts stay
 * real, as the test framework and msw need them. `realIntervals()` (in an `afterEach`) puts the
 * browser's back.
 */
export interface FakeIntervals {
  /** Moves the time `ms` forward, running each interval as often as it falls due, in order. */
  tick(ms: number): void;
}

const real = { setInterval: globalThis.setInterval, clearInterval: globalThis.clearInterval };

export function fakeIntervals(): FakeIntervals {
  let now = 0;
  let lastId = 1e9; // far from the browser's own ids, should a real clearInterval get one
  const intervals = new Map<number, { run: () => void; every: number; due: number }>();
  globalThis.setInterval = ((run: () => void, every = 0) => {
    intervals.set(++lastId, { run, every: Math.max(every, 1), due: now + Math.max(every, 1) });
    return lastId;
  }) as typeof setInterval;
  globalThis.clearInterval = ((id?: number) => void intervals.delete(id as number)) as typeof clearInterval;
  return {
    tick(ms) {
      const end = now + ms;
      for (let next = earliest(); next && next.due <= end; next = earliest()) {
        now = next.due;
        next.due += next.every;
        next.run();
      }
      now = end;
    },
  };

  function earliest() {
    return [...intervals.values()].sort((a, b) => a.due - b.due)[0];
  }
}

export function realIntervals(): void {
  Object.assign(globalThis, real);
}
