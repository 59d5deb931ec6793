import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { MAX_LIMIT, type HallwayClient, type Match } from '../../sdk/index.js';
import type { Translation } from '../locales/en.js';
import { reportMissingSite } from './client.js';
import { isUnknownSite } from './config.js';
import { HwLoadEvent } from './events.js';
import { Loader, LoadStatus } from './loader.js';
import type { LocalizeController } from './localize.js';

/** How many items a list shows when its `limit` says nothing valid: the lists' default `limit`. */
const LIST_LIMIT = 6;

/** `limit` as asked, within 1 and the server's maximum; `LIST_LIMIT` when not a number. */
export const shownLimit = (limit: number): number => Math.min(Math.max(Math.trunc(limit) || LIST_LIMIT, 1), MAX_LIMIT);

type StringKey = { [K in keyof Translation]: Translation[K] extends string ? K : never }[keyof Translation];

interface List {
  items: readonly unknown[];
  match: Match;
}

interface ListHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Replaces the computed heading. */
  heading?: string;
  /** Hides the element when there is nothing to show. */
  hideEmpty: boolean;
}

export interface ListShellOptions<A extends readonly unknown[], L extends List> {
  /** Loads the list; not called without a site, which shows `none` (and tells the web team). */
  load: (client: HallwayClient, args: A, signal: AbortSignal) => Promise<L>;
  /** The client, then what the list depends on: a change loads it again. */
  args: () => readonly [HallwayClient | undefined, ...A];
  none: L;
  localize: LocalizeController;
  /** What is announced while loading, said when there is nothing, and when loading failed. */
  terms: { loading: StringKey; empty: StringKey; error: StringKey };
  /** The host's `emitAfterRender` and `loadFailed`. */
  emit: (event: Event) => void;
  failed: (error: unknown) => void;
}

export interface ListViews<L> {
  /** Blocks the size of the loaded items, below the heading's placeholder. */
  placeholder: () => unknown;
  /** The heading when the host's `heading` is not set. */
  heading: (list: L) => string;
  /** The items, under their heading. */
  items: (list: L, heading: string) => unknown;
}

/**
 * What `hw-people-grid` and `hw-alumni-testimonials` share around their items: the load (and its
 * `hw-load`/`hw-error`), a placeholder the size of the list, the announcement while loading, the
 * heading, the empty and error states with "Try again" (which keeps the focus in the element), and
 * `hide-empty`. An unknown site shows as empty: the console tells the web team, not the candidate.
 */
export class ListShell<A extends readonly unknown[], L extends List> implements ReactiveController {
  private readonly loader: Loader<readonly [HallwayClient | undefined, ...A], L>;
  private focusAfterRetry = false;
  private hidingEmpty = false;

  constructor(
    private readonly host: ListHost,
    private readonly options: ListShellOptions<A, L>,
  ) {
    host.addController(this);
    this.loader = new Loader(host, {
      task: async ([client, ...args], { signal }) => (client ? options.load(client, args as unknown as A, signal) : (reportMissingSite(), options.none)),
      args: options.args,
      onComplete: ({ items, match }) => options.emit(new HwLoadEvent({ count: items.length, match })),
      onError: options.failed,
    });
  }

  hostUpdated(): void {
    const { host } = this;
    if (host.hideEmpty || this.hidingEmpty) host.hidden = host.hideEmpty && this.isEmpty();
    this.hidingEmpty = host.hideEmpty;
    if (this.focusAfterRetry && this.loader.status !== LoadStatus.PENDING) {
      this.focusAfterRetry = false;
      host.renderRoot.querySelector<HTMLElement>('[data-focus-after-retry]')?.focus();
    }
  }

  render(views: ListViews<L>): unknown {
    const { status } = this.loader;
    const loading = status === LoadStatus.PENDING || status === LoadStatus.INITIAL;
    const placeholder = () => html`
      <div aria-busy="true">
        <div part="heading" class="heading" aria-hidden="true"><span class="placeholder"></span></div>
        ${views.placeholder()}
      </div>
    `;
    return html`
      <div role="status" class="visually-hidden">${loading ? this.term('loading') : ''}</div>
      ${this.loader.render({
        initial: placeholder,
        pending: placeholder,
        complete: (list) => (list.items.length ? this.renderList(list, views) : this.renderEmpty()),
        error: (error) => (isUnknownSite(error) ? this.renderEmpty() : this.renderError()),
      })}
    `;
  }

  private renderList(list: L, views: ListViews<L>) {
    const heading = this.host.heading || views.heading(list);
    return html`
      <h2 part="heading" class="heading" tabindex="-1" data-focus-after-retry>${heading}</h2>
      ${views.items(list, heading)}
    `;
  }

  private renderEmpty() {
    if (this.host.hideEmpty) return nothing;
    return html`<p part="empty" class="message" tabindex="-1" data-focus-after-retry>${this.term('empty')}</p>`;
  }

  private renderError() {
    return html`
      <div part="error" class="message">
        <p>${this.term('error')}</p>
        <button part="retry" data-focus-after-retry @click=${this.retry}>${this.options.localize.term('tryAgain')}</button>
      </div>
    `;
  }

  // The button disappears while loading: the focus goes to what replaces it, not to the page's body.
  private readonly retry = (): void => {
    this.focusAfterRetry = true;
    void this.loader.run();
  };

  private term(which: keyof ListShellOptions<A, L>['terms']): string {
    return this.options.localize.term(this.options.terms[which]);
  }

  private isEmpty(): boolean {
    const { status, value, error } = this.loader;
    return (status === LoadStatus.COMPLETE && value?.items.length === 0) || (status === LoadStatus.ERROR && isUnknownSite(error));
  }
}
