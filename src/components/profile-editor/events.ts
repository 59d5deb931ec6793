// The editor's events: they say what happened, never to whom (no personal data in them).

/** A consent purpose the employee decides on. */
export type ConsentPurpose = 'showProfile' | 'contact';

export interface HwConsentChangedDetail {
  purpose: ConsentPurpose;
  /** The decision just recorded. */
  granted: boolean;
}

const options = { bubbles: true, composed: true };

/** The profile's fields or its photo were saved. */
export class HwProfileSavedEvent extends Event {
  constructor() {
    super('hw-profile-saved', options);
  }
}

/** A decision on one purpose was recorded (one event per purpose saved). */
export class HwConsentChangedEvent extends CustomEvent<HwConsentChangedDetail> {
  constructor(detail: HwConsentChangedDetail) {
    super('hw-consent-changed', { ...options, detail });
  }
}

/** Every consent was withdrawn at once. */
export class HwWithdrawnEvent extends Event {
  constructor() {
    super('hw-withdrawn', options);
  }
}

/** The employee's data was erased (and the session ended). */
export class HwDataDeletedEvent extends Event {
  constructor() {
    super('hw-data-deleted', options);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hw-profile-saved': HwProfileSavedEvent;
    'hw-consent-changed': HwConsentChangedEvent;
    'hw-withdrawn': HwWithdrawnEvent;
    'hw-data-deleted': HwDataDeletedEvent;
  }
}
