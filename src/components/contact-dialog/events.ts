// The contact dialog's events: in their own module, so a page can listen for them (and the package
// can export them) without loading the dialog. No detail carries what the candidate typed.

export interface HwContactOpenDetail {
  /** The public id of the person the candidate is about to ask. */
  personId: string;
  /** The job the candidate is looking at, if known. */
  job?: string;
}

export interface HwContactSentDetail {
  /** The public id of the person asked. */
  personId: string;
}

export interface HwContactCloseDetail {
  /** The public id of the person the form was for; absent when the candidate closed the chooser. */
  personId?: string;
  /** Whether the question was sent (it still awaits the candidate's e-mail confirmation). */
  sent: boolean;
}

/** The form for a person is shown: the dialog opened, or the candidate chose whom to ask. */
export class HwContactOpenEvent extends CustomEvent<HwContactOpenDetail> {
  constructor(detail: HwContactOpenDetail) {
    super('hw-contact-open', { bubbles: true, composed: true, detail });
  }
}

/** The server accepted the question; the candidate now confirms it from an e-mail. */
export class HwContactSentEvent extends CustomEvent<HwContactSentDetail> {
  constructor(detail: HwContactSentDetail) {
    super('hw-contact-sent', { bubbles: true, composed: true, detail });
  }
}

/** The dialog closed (Close button, Escape, or after sending). */
export class HwContactCloseEvent extends CustomEvent<HwContactCloseDetail> {
  constructor(detail: HwContactCloseDetail) {
    super('hw-contact-close', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hw-contact-open': HwContactOpenEvent;
    'hw-contact-sent': HwContactSentEvent;
    'hw-contact-close': HwContactCloseEvent;
  }
}
