import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PageJobPosting } from './job-posting.js';

const readers = new Set<PageJob>();
let posting: PageJobPosting = {};
let loading: Promise<typeof import('./page-watch.js') | undefined> | undefined;
let stop: (() => void) | undefined;

function changed(read: PageJobPosting): void {
  posting = read;
  for (const reader of readers) reader.host.requestUpdate();
}

/**
 * The page's `JobPosting` (see job-posting.ts), kept current: tag managers add it after load and
 * single-page sites replace it on each navigation. One watcher serves every element, from the first
 * connected to the last disconnected; it is loaded with the first one, which waits for it (`ready`)
 * before its first update, so that its first query is already for the page's job.
 */
export class PageJob implements ReactiveController {
  /** Resolves once the page has been read. */
  ready?: Promise<void>;

  constructor(readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get value(): PageJobPosting {
    return posting;
  }

  hostConnected(): void {
    readers.add(this);
    // Without the reader (it failed to load), the elements still work from their attributes.
    loading ??= import('./page-watch.js').catch((error: unknown) => void console.error('Hallway: the page reader could not be loaded.', error));
    this.ready = loading.then((reader) => {
      if (reader && readers.size) stop ??= reader.watchPage(changed);
    });
  }

  hostDisconnected(): void {
    readers.delete(this);
    if (!readers.size) stop = void stop?.();
  }
}
