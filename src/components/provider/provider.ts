import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { hallwayContext } from '../shared/context.js';
import { resolveSettings } from '../shared/client.js';
import { define } from '../shared/define.js';
import { DefaultsController } from '../shared/config.js';
import type { Theme } from '../shared/theme.js';

/**
 * @tagname hw-provider
 * @summary Shares one Hallway client (server, site) and the language with every `hw-…` element inside it.
 *
 * @slot - The page content holding Hallway elements.
 */
export class HwProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Hallway server. Default: the URL `hallway.js` was served from. */
  @property() api?: string;

  /** Site slug. Default: the `?site=` of the script URL. */
  @property() site?: string;

  /** UI language for the elements inside (`en`, `fr`); they also read it as their closest `[lang]`. */
  @property({ reflect: true }) override lang!: string;

  /** Colours of the elements inside: `light`, `dark` or `auto` (see their own `theme`). Default: none. */
  @property({ reflect: true }) theme?: Theme;

  private readonly provider = new ContextProvider(this, { context: hallwayContext });
  // A later copy of hallway.js?site=… may name the site this provider has not.
  protected readonly defaultsWatcher = new DefaultsController(this);

  override connectedCallback(): void {
    // Before the children connect and ask for it, so their first request already uses it.
    this.provide();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.provide();
  }

  private provide(): void {
    this.provider.setValue({ ...resolveSettings(this), lang: this.lang || undefined, theme: this.theme });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

define('hw-provider', HwProvider);

declare global {
  interface HTMLElementTagNameMap {
    'hw-provider': HwProvider;
  }
}
