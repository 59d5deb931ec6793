/**
 * Waits until `condition` answers something truthy (and answers it), asking again every `interval` ms;
 * fails with `what` once `timeout` ms have passed. Node and e2e tests; element tests have open-wc's
 * `waitUntil`, which works the same way.
 */
export async function until<T>(
  condition: () => T | Promise<T>,
  { timeout = 5_000, interval = 20, what = 'the condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = await condition();
    if (answer) return answer;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
