import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * One modal dialog of a page, about one thing (`subject`): a native `<dialog>` opened with
 * `showModal()`, so the rest of the page is inert, Tab goes round its controls and Escape closes it.
 * Closing gives the focus back to the control that opened it, or to `fallback` when that one is gone.
 */
export class DialogController<T> implements ReactiveController {
  subject?: T;
  private opener?: HTMLElement | null;
  private returnFocus = false;

  constructor(
    private readonly host: Host,
    private readonly fallback: string,
  ) {
    host.addController(this);
  }

  open(subject: T): void {
    this.opener = deepActiveElement();
    this.subject = subject;
    this.host.requestUpdate();
  }

  close = (): void => {
    if (this.subject === undefined) return;
    this.subject = undefined;
    this.returnFocus = true;
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (this.subject !== undefined && dialog && !dialog.open) dialog.showModal();
    if (!this.returnFocus) return;
    this.returnFocus = false;
    const { renderRoot } = this.host;
    const target = this.opener && renderRoot.contains(this.opener) ? this.opener : renderRoot.querySelector<HTMLElement>(this.fallback);
    target?.focus();
  }

  /**
   * A modal dialog makes the page behind it inert, but Tab past its last control would leave for the
   * browser's own controls: it goes round to the first one instead (and Shift+Tab the other way).
   */
  private readonly keepFocus = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
    const controls = [...dialog.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')].filter((control) => !control.matches(':disabled'));
    const [first, last] = [controls[0], controls.at(-1)];
    const active = deepActiveElement();
    if (event.shiftKey ? active === first : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    }
  };

  /** The dialog, titled `title`, while it is open. */
  render(title: string, body: (subject: T) => TemplateResult): TemplateResult | typeof nothing {
    if (this.subject === undefined) return nothing;
    return html`
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.close} @keydown=${this.keepFocus}>
        <h2 id="dialog-title">${title}</h2>
        ${body(this.subject)}
      </dialog>
    `;
  }
}
