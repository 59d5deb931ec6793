import type { Db } from '../store/database.js';
import { claimDueFeeds, runFeed, type FeedOptions } from './feeds.js';

export interface FeedSchedulerOptions extends FeedOptions {
  /** Pause between two looks for due feeds. Default 60 s. */
  pollMs?: number;
  log?: (line: string) => void;
}

/** Claims the feeds due now (a few at a time) and fetches them one after the other; resolves with how many. */
export async function fetchDueFeeds(db: Db, options: FeedOptions = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  let fetched = 0;
  for (;;) {
    const due = await claimDueFeeds(db, now(), 4);
    if (due.length === 0) return fetched;
    for (const feed of due) await runFeed(db, feed, options);
    fetched += due.length;
  }
}

/** Fetches due job feeds in the background, one poll at a time, until stopped. */
export function startFeedScheduler(db: Db, options: FeedSchedulerOptions = {}) {
  const { pollMs = 60_000, log = console.error } = options;
  let current: Promise<unknown> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = () =>
    (current ??= fetchDueFeeds(db, options)
      .catch((error: unknown) => log(`job feeds: poll failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (current = undefined)));
  const schedule = () => {
    if (!stopped) timer = setTimeout(() => void poll().then(schedule), pollMs).unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
