import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { HallwayClient, PeopleList, PublicPerson } from '../../sdk/index.js';
// A type only: the dialog's code is loaded on first use, never with the elements that open it.
import type { HwContactDialog } from '../contact-dialog/contact-dialog.js';

/** "Ada Lovelace" → "Ada". */
export function firstName(person: PublicPerson): string {
  return person.displayName.trim().split(/\s+/)[0] || person.displayName;
}

/** Whether candidates can send this person a question now: they opted into messages and are not busy. */
export function canBeAsked(person: PublicPerson): boolean {
  return person.channels.includes('message') && person.availability === 'open';
}

const refusals = new WeakMap<HallwayClient, Promise<boolean>>();

/** Whether the server refuses questions from this page's origin: asked once per page and site. */
export function contactRefused(client: HallwayClient): Promise<boolean> {
  let refused = refusals.get(client);
  if (!refused) refusals.set(client, (refused = import('./web-team.js').then((m) => m.isContactRefused(client)).catch(() => false)));
  return refused;
}

/** A list of people a grid shows for a job, while it is on the page. */
export interface ShownList {
  client: HallwayClient;
  job: string | undefined;
  lang: string;
  list: Promise<PeopleList>;
}

const shownLists = new Set<ShownList>();

/** A grid says which list it shows (until it calls the function returned): see `listShown`. */
export function showList(shown: ShownList): () => void {
  shownLists.add(shown);
  return () => void shownLists.delete(shown);
}

/**
 * The list a grid on the page shows for this job, if any: a contact button offers from it rather than
 * asking the server for a list of its own. It is the page's own request, never an older one.
 */
export async function listShown(client: HallwayClient, job: string, lang: string): Promise<PeopleList | undefined> {
  // The grids of the page start loading in the same task as the button, whichever was defined first.
  await new Promise((resolve) => setTimeout(resolve));
  for (const shown of shownLists) {
    if (shown.client === client && shown.job === job && shown.lang === lang) return shown.list.catch(() => undefined);
  }
  return undefined;
}

/** The dialog's parts, exported by the elements that open it. */
export const CONTACT_DIALOG_PARTS = 'dialog, heading, close, person, choice, input, field-error, count, consent, privacy, submit, status, error, success';

/** Whom the dialog is for, and how it reaches the server. */
export interface ContactTarget {
  /** The person to ask; without one the dialog first offers `people` to choose from. */
  person?: PublicPerson;
  people?: PublicPerson[];
  /** The job the candidate is looking at. */
  job?: string;
  /** The opener's own `api` and `site` (a provider's reach the dialog through context). */
  api?: string;
  site?: string;
}

/**
 * Adds `<hw-contact-dialog>` to its host's shadow root when first opened, and only then loads its
 * code (a separate chunk). In the opener's shadow root the dialog inherits its `lang`, its theme's
 * custom properties and its provider; `showModal()` puts it above the page in the top layer.
 */
export class ContactDialogOpener implements ReactiveController {
  private requested = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  render({ person, people = [], job, api, site }: ContactTarget) {
    if (!this.requested) return nothing;
    return html`<hw-contact-dialog exportparts=${CONTACT_DIALOG_PARTS} .person=${person} .people=${people} .job=${job}
      .api=${api} .site=${site}></hw-contact-dialog>`;
  }

  /** Opens the dialog; the focus comes back to `trigger` when it closes. */
  async open(trigger: HTMLElement): Promise<void> {
    this.requested = true;
    this.host.requestUpdate();
    try {
      await Promise.all([import('../contact-dialog/contact-dialog.js'), this.host.updateComplete]);
    } catch (error) {
      console.error('Hallway: the contact form could not be loaded.', error);
      return;
    }
    const dialog = this.host.renderRoot.querySelector<HwContactDialog>('hw-contact-dialog');
    // Upgraded just now: the properties the template gave it are its own once it has rendered.
    await dialog?.updateComplete;
    await dialog?.show(trigger);
  }
}
