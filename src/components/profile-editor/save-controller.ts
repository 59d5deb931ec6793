import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isHttpError, type MeClient } from '../../sdk/index.js';
import { errorCode } from '../shared/events.js';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import { Fields, type Feedback, type Section } from './fields.js';

/** The controls a server error's `field` may name, in every section, with their label. */
const FIELD_LABELS = {
  displayName: 'meDisplayName',
  jobTitle: 'meJobTitle',
  team: 'meTeam',
  location: 'meLocation',
  languages: 'meLanguages',
  bio: 'meBio',
  linkedinUrl: 'meLinkedin',
  photo: 'mePhoto',
  channels: 'meChannels',
  bookingUrl: 'meBookingUrl',
  weeklyCap: 'meWeeklyCap',
  pausedUntil: 'mePausedUntil',
  quote: 'meQuote',
  roles: 'meRoles',
  fromYear: 'meFromYear',
  toYear: 'meToYear',
  currentRole: 'meCurrentRole',
} as const satisfies Record<string, keyof EditorTranslation>;

type FieldName = keyof typeof FIELD_LABELS;

/** The messages a section says when done, which take no argument. */
export type StatusKey =
  | 'meProfileSaved'
  | 'mePhotoSaved'
  | 'mePhotoRemoved'
  | 'meChoicesSaved'
  | 'meNothingChanged'
  | 'meWithdrawn'
  | 'meLinkSent'
  | 'meTestimonialSent'
  | 'meTestimonialDeleted'
  | 'meDetailsSaved';

export interface SaveOptions {
  localize: LocalizeController<EditorTranslation>;
  client: () => MeClient;
  /** The session is gone. */
  onExpired: () => void;
}

export interface SendOptions {
  /** Says "Saving…" in the section meanwhile (default); otherwise the section says nothing until done. */
  saying?: boolean;
  /** Why the request failed, in words, instead of the usual reading of the server's answer. */
  explain?: (error: unknown) => string;
}

/**
 * What every section of /me does to save: one request at a time (a second click while saving does
 * nothing), "Saving…" meanwhile, and the one message on screen afterwards. A failure lands on the
 * control the server names (which gets the focus), the sign-in form when the session is gone, else
 * one message saying what to do. It also moves the focus once rendered, for the editor's other steps.
 */
export class SaveController implements ReactiveController {
  private feedback?: Feedback;
  private busy = false;
  /** What to focus once rendered: the control that had the focus may be gone. */
  private focusTarget?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SaveOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.focusTarget) return;
    this.host.shadowRoot?.querySelector<HTMLElement>(this.focusTarget)?.focus();
    this.focusTarget = undefined;
  }

  /** The controls of the forms, showing the message on screen. */
  fields(): Fields {
    return new Fields(this.feedback);
  }

  /** Sends `request`, and answers what it answered, or `undefined` when it failed or another one was on its way. */
  async send<T>(section: Section, request: (client: MeClient) => Promise<T>, { saying = true, explain }: SendOptions = {}): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.show(saying ? { section, kind: 'status', text: this.options.localize.term('meSaving') } : undefined);
    try {
      return await request(this.options.client());
    } catch (error) {
      if (explain) this.show({ section, kind: 'error', text: explain(error) });
      else this.showError(section, error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  say(section: Section, key: StatusKey): void {
    this.show({ section, kind: 'status', text: this.options.localize.term(key) });
  }

  /** The control named `field` is wrong, for the reason `text` gives; it gets the focus. */
  invalid(section: Section, field: string, text: string): void {
    this.show({ section, kind: 'error', text, field });
    this.focusAfterRender(`[name="${field}"]`);
  }

  clear(): void {
    this.show(undefined);
  }

  focusAfterRender(selector: string): void {
    this.focusTarget = selector;
    this.host.requestUpdate();
  }

  private show(feedback: Feedback | undefined): void {
    this.feedback = feedback;
    this.host.requestUpdate();
  }

  private showError(section: Section, error: unknown): void {
    const { localize } = this.options;
    if (isUnauthorized(error)) return this.options.onExpired();
    const code = errorCode(error);
    if (code === 'payload_too_large') return this.invalid(section, 'photo', localize.term('mePhotoTooLarge'));
    if (code === 'unsupported_media_type') return this.invalid(section, 'photo', localize.term('mePhotoWrongType'));
    const field = isHttpError(error) ? controlNamed(error.field) : undefined;
    if (field) return this.invalid(section, field, localize.term('meFieldRejected', localize.term(FIELD_LABELS[field])));
    const key = code === 'network' ? 'meOffline' : code === 'timeout' ? 'meTimeout' : 'meFailed';
    this.show({ section, kind: 'error', text: localize.term(key) });
  }
}

/** The session is gone, or there was none. */
export const isUnauthorized = (error: unknown) => isHttpError(error) && error.status === 401;

/** The control a server error's `field` names: `contact.settings.bookingUrl` → `bookingUrl`, `languages.2` → `languages`. */
function controlNamed(field: string | undefined): FieldName | undefined {
  const name = field
    ?.split('.')
    .reverse()
    .find((segment) => !/^\d+$/.test(segment));
  return name && name in FIELD_LABELS ? (name as FieldName) : undefined;
}
