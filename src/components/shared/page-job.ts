import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PageJobPosting } from './job-posting.js';

const readers = new Set<PageJob>();
let posting: PageJobPosting = {};
let loading: Promise<typeof import('./page-watch.js')> | undefined;
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
    this.ready = (loading ??= import('./page-watch.js')).then(({ watchPage }) => {
      if (readers.size) stop ??= watchPage(changed);
    });
  }

  hostDisconnected(): void {
    readers.delete(this);
    if (!readers.size) stop = void stop?.();
  }
}
