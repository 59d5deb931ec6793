import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { FEED_INTERVAL_DEFAULT_MINUTES, JobFeedSet, type FeedKind, type FeedStatusCode, type JobFeed } from '../../sdk/admin-schemas.js';
import { define } from '../../components/shared/define.js';
import { fieldStyles } from '../../components/shared/field-styles.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import type { AdminTerms } from '../admin-en.js';
import styles from './job-feed.styles.js';

const KINDS = { auto: 'adFeedKindAuto', greenhouse: 'adFeedKindGreenhouse', lever: 'adFeedKindLever', sitemap: 'adFeedKindSitemap' } as const satisfies Record<
  FeedKind,
  keyof AdminTerms
>;
const INTERVALS = [15, 30, 60, 180, 360, 720, 1440];
const STATUSES = {
  pending: 'adFeedStPending',
  ok: 'adFeedStOk',
  not_modified: 'adFeedStNotModified',
  timeout: 'adFeedStTimeout',
  too_large: 'adFeedStTooLarge',
  too_many_redirects: 'adFeedStRedirects',
  redirect_loop: 'adFeedStLoop',
  insecure_url: 'adFeedStInsecure',
  private_address: 'adFeedStPrivate',
  unreachable: 'adFeedStUnreachable',
  http_error: 'adFeedStHttp',
  not_json: 'adFeedStNotJson',
  wrong_shape: 'adFeedStShape',
  no_job_postings: 'adFeedStNoPostings',
  too_many_jobs: 'adFeedStTooMany',
} as const satisfies Record<FeedStatusCode, keyof AdminTerms>;
const FAILED = (status: FeedStatusCode) => !['pending', 'ok', 'not_modified'].includes(status);

interface Draft {
  url: string;
  kind: FeedKind;
  intervalMinutes: number;
}

/**
 * @tagname hw-admin-job-feed
 * @summary The site's job feed in the workspace's settings: its address, format and interval, how
 * the last fetch went (kept jobs, last success, next fetch), and "Fetch now" (scope `settings`).
 */
export class HwAdminJobFeed extends AdminElement {
  static override styles = [baseStyles, fieldStyles, adminStyles, styles];

  @state() private draft?: Draft;
  @state() private feed?: JobFeed | null;
  @state() private urlInvalid = false;

  private readonly loader = new Loader(this, {
    task: async ([admin, site]) => {
      const feed = await admin!.jobFeed.get(site!);
      this.show(feed);
      return feed;
    },
    args: () => [this.admin, this.site] as const,
  });

  protected override render() {
    const { localize } = this;
    return html`
      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">${localize.term('adFeed')}</h2>
        <p class="hint">${localize.term('adFeedHint')}</p>
        ${this.loader.render({
          initial: () => this.renderLoading(),
          pending: () => (this.draft ? this.renderFeed() : this.renderLoading()),
          complete: () => this.renderFeed(),
          error: (error) => this.renderLoadError(error, () => this.loader.run()),
        })}
      </section>
    `;
  }

  private renderFeed() {
    const { localize, draft } = this;
    if (!draft) return nothing;
    return html`
      <form novalidate @submit=${this.save}>
        <div class="field">
          <label for="feed-url">${localize.term('adFeedUrl')}</label>
          <input id="feed-url" type="url" placeholder="https://boards-api.greenhouse.io/v1/boards/acme/jobs" .value=${live(draft.url)}
            aria-invalid=${this.urlInvalid ? 'true' : 'false'} aria-describedby=${this.urlInvalid ? 'feed-url-error' : nothing}
            @input=${(event: InputEvent) => this.edit({ url: (event.target as HTMLInputElement).value })} />
          ${this.urlInvalid ? html`<p id="feed-url-error" class="error">${localize.term('adFeedUrlError')}</p>` : nothing}
        </div>
        <div class="inline-fields">
          <div class="field">
            <label for="feed-kind">${localize.term('adFeedKind')}</label>
            <select id="feed-kind" @change=${(event: Event) => this.edit({ kind: (event.target as HTMLSelectElement).value as FeedKind })}>
              ${Object.entries(KINDS).map(([kind, term]) => html`<option value=${kind} ?selected=${draft.kind === kind}>${localize.term(term)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="feed-interval">${localize.term('adFeedInterval')}</label>
            <select id="feed-interval" @change=${(event: Event) => this.edit({ intervalMinutes: Number((event.target as HTMLSelectElement).value) })}>
              ${[...new Set([...INTERVALS, draft.intervalMinutes])]
                .sort((a, b) => a - b)
                .map((minutes) => html`<option value=${minutes} ?selected=${draft.intervalMinutes === minutes}>${localize.term('adFeedEvery', minutes)}</option>`)}
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit">${localize.term('adFeedSave')}</button>
          ${this.feed ? html`<button type="button" @click=${this.fetchNow}>${localize.term('adFeedFetch')}</button>` : nothing}
          ${this.feed ? html`<button type="button" class="secondary" @click=${this.removeFeed}>${localize.term('adFeedRemove')}</button>` : nothing}
        </div>
        ${this.renderFeedback()}
      </form>
      ${this.feed ? this.renderStatus(this.feed) : html`<p class="muted">${localize.term('adFeedNone')}</p>`}
    `;
  }

  private renderStatus(feed: JobFeed) {
    const { localize } = this;
    const when = (iso: string | null) => (iso ? this.moment(iso) : localize.term('adFeedNever'));
    const row = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    const detected =
      feed.kind === 'auto' && feed.detectedKind
        ? html` <span class="muted detected">${localize.term('adFeedReadAs', localize.term(KINDS[feed.detectedKind]))}</span>`
        : nothing;
    return html`
      <dl class="feed-status">
        ${row(localize.term('adFeedStatus'), html`<span class=${FAILED(feed.status) ? 'failed' : ''}>${localize.term(STATUSES[feed.status])}</span>${detected}`)}
        ${row(localize.term('adFeedJobs'), feed.jobCount ?? '–')}
        ${row(localize.term('adFeedLastAttempt'), when(feed.lastAttemptAt))}
        ${row(localize.term('adFeedLastSuccess'), when(feed.lastSuccessAt))}
        ${row(localize.term('adFeedNext'), when(feed.nextFetchAt))}
      </dl>
      ${
        feed.message
          ? html`<details>
            <summary>${localize.term('adFeedDetail')}</summary>
            <p lang="en"><code>${feed.message}</code></p>
          </details>`
          : nothing
      }
    `;
  }

  /** A date and time as the workspace's language writes them. */
  private moment(iso: string): string {
    return new Intl.DateTimeFormat(this.localize.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  private show(feed: JobFeed | null): void {
    this.feed = feed;
    this.draft = { url: feed?.url ?? '', kind: feed?.kind ?? 'auto', intervalMinutes: feed?.intervalMinutes ?? FEED_INTERVAL_DEFAULT_MINUTES };
  }

  private edit(fields: Partial<Draft>): void {
    this.draft = { ...this.draft!, ...fields };
    this.announcement = '';
  }

  private readonly save = async (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = JobFeedSet.safeParse({ ...this.draft, url: this.draft!.url.trim() });
    this.urlInvalid = !parsed.success;
    [this.failure, this.announcement] = ['', ''];
    if (!parsed.success) {
      this.failure = this.localize.term('adFixErrors');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#feed-url')?.focus();
      return;
    }
    await this.act(async () => {
      this.show(await this.admin!.jobFeed.set(this.site!, parsed.data));
      return this.localize.term('adFeedSaved');
    });
  };

  private readonly fetchNow = () =>
    this.act(async () => {
      this.announcement = this.localize.term('adFeedFetching');
      const feed = await this.admin!.jobFeed.fetch(this.site!);
      this.show(feed);
      return FAILED(feed.status)
        ? this.localize.term('adFeedFetchFailed', this.localize.term(STATUSES[feed.status]))
        : this.localize.term('adFeedFetched', feed.jobCount ?? 0);
    });

  private readonly removeFeed = () =>
    this.act(async () => {
      await this.admin!.jobFeed.remove(this.site!);
      this.show(null);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#feed-url')?.focus();
      return this.localize.term('adFeedRemoved');
    });
}

define('hw-admin-job-feed', HwAdminJobFeed);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-job-feed': HwAdminJobFeed;
  }
}
