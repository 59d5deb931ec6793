/**
 * A clock to hand the server as `now` (the contact routes' and the mail worker's option): the real
 * time plus whatever the test moved it forward, so a test skips a wait (the 3 s a person takes to fill
 * the contact form, a retry delay, a week) instead of sleeping through it.
 */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}
