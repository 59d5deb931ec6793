import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createAdminClient, type AdminClient } from '../../sdk/admin-client.js';
import type { AdminScope, AdminSession, AdminSite } from '../../sdk/admin-schemas.js';
import { isHttpError } from '../../sdk/errors.js';
import { define } from '../../components/shared/define.js';
import { Loader } from '../../components/shared/loader.js';
import { baseStyles } from '../../components/shared/styles.js';
import { AdminElement } from '../shared/admin-element.js';
import { adminStyles } from '../shared/admin-styles.js';
import { errorTerm } from '../shared/errors.js';
import '../overview/overview.js';
import '../people/people.js';
import '../testimonials/testimonials.js';
import '../settings/settings.js';
import '../team/team.js';
import '../audit/audit.js';
import '../analytics/analytics.js';
import '../reports/reports.js';
import '../answers/answers.js';
import styles from './app.styles.js';

/** The workspace's pages, in the navigation's order, with the scope each needs. */
const ROUTES = [
  { path: 'overview', scope: 'people', term: 'adOverview' },
  { path: 'people', scope: 'people', term: 'adPeople' },
  { path: 'people/import', scope: 'people', term: 'adImport' },
  { path: 'testimonials', scope: 'moderation', term: 'adTestimonials' },
  { path: 'reports', scope: 'moderation', term: 'adSafety' },
  { path: 'answers', scope: 'moderation', term: 'adQaNav' },
  { path: 'settings', scope: 'settings', term: 'adSettings' },
  { path: 'team', scope: 'admins', term: 'adTeam' },
  { path: 'audit', scope: 'audit', term: 'adAudit' },
  { path: 'analytics', scope: 'analytics', term: 'adAnalytics' },
] as const satisfies readonly { path: string; scope: AdminScope; term: string }[];

type Route = (typeof ROUTES)[number];

interface Workspace {
  session: AdminSession;
  client: AdminClient;
  sites: AdminSite[];
}

/** Fired when the session is over (signed out, or never signed in); unless cancelled, the page goes to the sign-in page. */
export class HwAdminSignedOutEvent extends Event {
  constructor() {
    super('hw-admin-signed-out', { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * @tagname hw-admin-app
 * @summary The HR workspace at `/admin`: the signed-in admin's header (site picker, name and role,
 * sign-out), a navigation that shows only the pages the role may use, and those pages, each at its
 * own address (`/admin/overview`, the home, `/admin/people`, `/admin/testimonials`, `/admin/settings`, `/admin/team`).
 *
 * @fires {HwAdminSignedOutEvent} hw-admin-signed-out - No session (anymore); unless cancelled, the page goes to `/admin/sign-in`.
 */
export class HwAdminApp extends AdminElement {
  static override styles = [baseStyles, adminStyles, styles];

  /** Where the workspace lives: its pages are `<base>/people`, … Default `/admin`. */
  @property() base = '/admin';

  /** The Hallway server. Default: this page's origin. */
  @property() api?: string;

  @state() private path = '';
  @state() private siteSlug?: string;
  @state() private signedOut = false;
  private focusHeading = false;

  private readonly workspace = new Loader(this, {
    task: () => this.open(),
    args: () => [this.api] as const,
    onError: (error) => (isHttpError(error) && error.status === 401 ? this.leave() : undefined),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.readLocation();
    addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
  }

  private async open(): Promise<Workspace> {
    const baseUrl = this.api ?? location.origin;
    const session = await createAdminClient({ baseUrl }).session.get();
    const client = createAdminClient({ baseUrl, csrfToken: session.csrfToken });
    const usesSites = session.scopes.some((scope) => scope === 'people' || scope === 'settings' || scope === 'moderation' || scope === 'audit');
    const sites = usesSites ? (await client.sites.list()).items : [];
    return { session, client, sites };
  }

  private readonly onPopState = () => {
    this.readLocation();
    this.focusHeading = true;
  };

  private readLocation(): void {
    const { pathname, search } = location;
    const rest = pathname.startsWith(`${this.base}/`) ? pathname.slice(this.base.length + 1) : '';
    // A page with a path of two parts (people/import), else the first part names the page.
    this.path = ROUTES.some((route) => route.path === rest) ? rest : rest.split('/')[0]!;
    this.siteSlug = new URLSearchParams(search).get('site') ?? undefined;
  }

  protected override updated(): void {
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override render() {
    if (this.signedOut) return this.renderSignedOut();
    return this.workspace.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (workspace) => this.renderWorkspace(workspace),
      error: (error) => (isHttpError(error) && error.status === 401 ? this.renderSignedOut() : this.renderError(error)),
    });
  }

  private renderError(error: unknown) {
    return html`
      <div class="message">
        <p role="alert">${this.localize.term(errorTerm(error))}</p>
        <button @click=${() => this.workspace.run()}>${this.localize.term('adRetry')}</button>
      </div>
    `;
  }

  private renderSignedOut() {
    return html`
      <div class="message">
        <p role="status">${this.localize.term('adSignedOut')}</p>
        <a class="button" href=${`${this.base}/sign-in`}>${this.localize.term('adSignIn')}</a>
      </div>
    `;
  }

  private renderWorkspace({ session, client, sites }: Workspace) {
    const { localize } = this;
    const allowed = ROUTES.filter((route) => session.scopes.includes(route.scope));
    const route = ROUTES.find((candidate) => candidate.path === this.path) ?? allowed[0];
    const site = sites.find((candidate) => candidate.slug === this.siteSlug) ?? sites[0];
    const { user } = session;
    return html`
      <button class="skip" @click=${this.skipToContent}>${localize.term('adSkip')}</button>
      <header part="header">
        <p class="workspace">${localize.term('adWorkspace')}</p>
        ${sites.length > 1 ? this.renderSitePicker(sites, site!) : nothing}
        <p class="user">${localize.term('adSignedInAs', user.name ?? user.email, localize.term('adRoleName', user.role))}</p>
        <button class="secondary" @click=${() => this.signOut(client)}>${localize.term('adSignOut')}</button>
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      </header>
      <nav part="nav" aria-label=${localize.term('adNav')}>
        <ul>
          ${allowed.map(
            (item) => html`<li>
              <a href=${this.href(item.path, site)} aria-current=${item === route ? 'page' : 'false'} @click=${this.follow}>${localize.term(item.term)}</a>
            </li>`,
          )}
        </ul>
      </nav>
      <main id="main" part="main">
        ${route ? html`<h1 tabindex="-1">${localize.term(route.term)}</h1>` : nothing}
        ${
          route && session.scopes.includes(route.scope)
            ? this.renderPage(route, { client, scopes: session.scopes, site, userId: user.id })
            : html`<p class="message">${localize.term('adForbiddenPage')}</p>`
        }
      </main>
    `;
  }

  private renderSitePicker(sites: AdminSite[], current: AdminSite) {
    return html`
      <label class="site-picker">
        ${this.localize.term('adSite')}
        <select @change=${this.pickSite}>
          ${sites.map((site) => html`<option value=${site.slug} ?selected=${site === current}>${site.name}</option>`)}
        </select>
      </label>
    `;
  }

  private renderPage(route: Route, { client, scopes, site, userId }: { client: AdminClient; scopes: AdminScope[]; site?: AdminSite; userId: string }) {
    if (route.path === 'team') return html`<hw-admin-team .admin=${client} .scopes=${scopes} .userId=${userId}></hw-admin-team>`;
    if (route.path === 'audit') return html`<hw-admin-audit .admin=${client} .scopes=${scopes} site=${site?.slug ?? nothing}></hw-admin-audit>`;
    if (!site) return html`<p class="message">${this.localize.term('adNoSite')}</p>`;
    switch (route.path) {
      case 'overview':
        return html`<hw-admin-overview .admin=${client} .scopes=${scopes} site=${site.slug} base=${this.base}></hw-admin-overview>`;
      case 'people':
        return html`<hw-admin-people .admin=${client} .scopes=${scopes} site=${site.slug}></hw-admin-people>`;
      case 'testimonials':
        return html`<hw-admin-testimonials .admin=${client} .scopes=${scopes} site=${site.slug}></hw-admin-testimonials>`;
      case 'people/import':
        void import('../people-import/people-import.js');
        return html`<hw-admin-people-import .admin=${client} .scopes=${scopes} site=${site.slug}></hw-admin-people-import>`;
      case 'reports':
        return html`<hw-admin-reports .admin=${client} .scopes=${scopes} site=${site.slug}></hw-admin-reports>`;
      case 'settings':
        return html`<hw-admin-settings .admin=${client} .scopes=${scopes} site=${site.slug} .value=${site}
          @hw-admin-site-saved=${this.siteSaved}></hw-admin-settings>`;
      case 'answers':
        return html`<hw-admin-answers .admin=${client} .scopes=${scopes} site=${site.slug}></hw-admin-answers>`;
      case 'analytics':
        return html`<hw-admin-analytics .admin=${client} .scopes=${scopes} site=${site.slug}></hw-admin-analytics>`;
    }
  }

  private href(path: string, site?: AdminSite): string {
    return `${this.base}/${path}${site && this.siteSlug ? `?site=${encodeURIComponent(site.slug)}` : ''}`;
  }

  /** A plain click on a navigation link changes the page in place; a middle or modified click opens a tab as usual. */
  private readonly follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', (event.currentTarget as HTMLAnchorElement).href);
    this.readLocation();
    this.focusHeading = true;
  };

  private readonly pickSite = (event: Event) => {
    const slug = (event.target as HTMLSelectElement).value;
    history.replaceState(null, '', `${location.pathname}?site=${encodeURIComponent(slug)}`);
    this.siteSlug = slug;
  };

  /** A button, not a `#main` link: a fragment cannot reach into the shadow root. */
  private readonly skipToContent = () => {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  };

  /** The settings page saved the site: the picker and other pages show its new name and values. */
  private readonly siteSaved = (event: CustomEvent<AdminSite>) => {
    const workspace = this.workspace.value;
    if (!workspace) return;
    workspace.sites = workspace.sites.map((site) => (site.slug === event.detail.slug ? event.detail : site));
    this.requestUpdate();
  };

  private async signOut(client: AdminClient): Promise<void> {
    this.failure = '';
    try {
      await client.session.end();
      this.leave();
    } catch (error) {
      this.failure = this.localize.term(errorTerm(error));
    }
  }

  /** The session is over: the sign-in page, unless the page cancels `hw-admin-signed-out`. */
  private leave(): void {
    this.signedOut = true;
    if (this.dispatchEvent(new HwAdminSignedOutEvent())) location.assign(`${this.base}/sign-in`);
  }
}

define('hw-admin-app', HwAdminApp);

declare global {
  interface HTMLElementTagNameMap {
    'hw-admin-app': HwAdminApp;
  }
  interface GlobalEventHandlersEventMap {
    'hw-admin-signed-out': HwAdminSignedOutEvent;
  }
}
