// What the forms hold while the employee edits, and how it becomes the SDK's requests.
import { WEEKLY_CAP_MAX, type Channel, type ConsentUpdate, type ContactSettings, type MyProfile, type ProfileUpdate, type PublicPerson } from '../../sdk/index.js';

export const COMMON_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'ar', 'nl', 'pl', 'zh'];
export const CHANNELS: readonly Channel[] = ['message', 'booking'];

/** The profile form's values: text as typed (empty for none). */
export interface ProfileDraft {
  displayName: string;
  jobTitle: string;
  team: string;
  location: string;
  languages: string[];
  bio: string;
  linkedinUrl: string;
}

/** The consent form's values. */
export interface ConsentDraft {
  showProfile: boolean;
  contact: boolean;
  channels: Channel[];
  bookingUrl: string;
  /** As typed in the number input: it may not be a number yet. */
  weeklyCap: string;
  /** `YYYY-MM-DD`, or empty for no pause. */
  pausedUntil: string;
}

/** A field the employee must fix, by its control's `name`, and the locale key of the reason. */
export interface Invalid {
  field: string;
  reason:
    | 'meDisplayNameRequired'
    | 'meJobTitleRequired'
    | 'meLinkedinInvalid'
    | 'meChannelsRequired'
    | 'meBookingInvalid'
    | 'meWeeklyCapInvalid'
    | 'mePhotoTooLarge'
    | 'mePhotoWrongType'
    | 'meEmailInvalid';
}

export function profileDraft({ profile }: MyProfile): ProfileDraft {
  return {
    displayName: profile.displayName,
    jobTitle: profile.jobTitle,
    team: profile.team ?? '',
    location: profile.location ?? '',
    languages: profile.languages,
    bio: profile.bio ?? '',
    linkedinUrl: profile.linkedinUrl ?? '',
  };
}

export function consentDraft({ consents, contact }: MyProfile): ConsentDraft {
  return {
    showProfile: consents.showProfile.granted,
    contact: consents.contact.granted,
    channels: contact.channels,
    bookingUrl: contact.bookingUrl ?? '',
    weeklyCap: String(contact.weeklyCap),
    pausedUntil: contact.pausedUntil ?? '',
  };
}

export function toProfileUpdate(draft: ProfileDraft): ProfileUpdate {
  return {
    displayName: draft.displayName.trim(),
    jobTitle: draft.jobTitle.trim(),
    team: orNull(draft.team),
    location: orNull(draft.location),
    languages: draft.languages,
    bio: orNull(draft.bio),
    linkedinUrl: orNull(draft.linkedinUrl),
  };
}

/**
 * The card candidates would see with these values: the server's preview, with the form's text and
 * the photo the person's own page can load (the public one answers 404 until they are listed).
 */
export function previewPerson({ preview, photoUrl }: MyProfile, draft: ProfileDraft): PublicPerson {
  const { displayName, jobTitle, team, location, languages, bio } = toProfileUpdate(draft);
  // Without `hasPhoto`: the own page's photo URL draws the initials too, and follows an upload at once.
  const { hasPhoto: _public, ...shown } = preview;
  return { ...shown, displayName, jobTitle, team, location, languages, bio, photoUrl };
}

/** Whether the profile form differs from what the server holds (as it would be sent). */
export function profileChanged(me: MyProfile, draft: ProfileDraft): boolean {
  return JSON.stringify(toProfileUpdate(draft)) !== JSON.stringify(toProfileUpdate(profileDraft(me)));
}

/** Whether saving the consent form would record or change anything. */
export function consentChanged(me: MyProfile, draft: ConsentDraft): boolean {
  const update = consentChanges(consentDraft(me), draft);
  return update.showProfile !== undefined || update.contact !== undefined;
}

export function validateProfile(draft: ProfileDraft): Invalid | undefined {
  if (!draft.displayName.trim()) return { field: 'displayName', reason: 'meDisplayNameRequired' };
  if (!draft.jobTitle.trim()) return { field: 'jobTitle', reason: 'meJobTitleRequired' };
  if (draft.linkedinUrl.trim() && !isHttpsUrl(draft.linkedinUrl)) return { field: 'linkedinUrl', reason: 'meLinkedinInvalid' };
  return undefined;
}

export function validateConsent(draft: ConsentDraft): Invalid | undefined {
  if (draft.contact && draft.channels.length === 0) return { field: 'channels', reason: 'meChannelsRequired' };
  if (draft.channels.includes('booking') && !isHttpsUrl(draft.bookingUrl)) return { field: 'bookingUrl', reason: 'meBookingInvalid' };
  if (!isWeeklyCap(draft.weeklyCap)) return { field: 'weeklyCap', reason: 'meWeeklyCapInvalid' };
  return undefined;
}

/** Only the decisions that differ from the saved ones: each one sent is recorded as a new consent. */
export function consentChanges(saved: ConsentDraft, draft: ConsentDraft): ConsentUpdate {
  const update: ConsentUpdate = {};
  if (draft.showProfile !== saved.showProfile) update.showProfile = draft.showProfile;
  const settings = contactSettings(draft);
  if (draft.contact !== saved.contact || JSON.stringify(settings) !== JSON.stringify(contactSettings(saved))) {
    update.contact = { granted: draft.contact, settings };
  }
  return update;
}

export function contactSettings(draft: ConsentDraft): ContactSettings {
  const booking = draft.channels.includes('booking');
  return {
    channels: CHANNELS.filter((channel) => draft.channels.includes(channel)),
    weeklyCap: Number(draft.weeklyCap),
    pausedUntil: draft.pausedUntil || null,
    // A booking link nobody can use is not kept.
    bookingUrl: booking ? orNull(draft.bookingUrl) : null,
  };
}

/** What the server accepts: an https URL on a domain name (not `http:`, not `javascript:`). */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export function isWeeklyCap(value: string): boolean {
  const cap = Number(value);
  return value.trim() !== '' && Number.isInteger(cap) && cap >= 1 && cap <= WEEKLY_CAP_MAX;
}

/** The profile form as the employee left it (the DOM is the truth while they type). */
export function readProfileForm(form: HTMLFormElement, previous: ProfileDraft): ProfileDraft {
  const text = textOf(form);
  const checked = checkedValues(form, 'languages');
  return {
    displayName: text('displayName'),
    jobTitle: text('jobTitle'),
    team: text('team'),
    location: text('location'),
    // In the employee's order (the first may be their main one), newly checked ones last.
    languages: [...previous.languages.filter((code) => checked.includes(code)), ...checked.filter((code) => !previous.languages.includes(code))],
    bio: text('bio'),
    linkedinUrl: text('linkedinUrl'),
  };
}

/** The consent form; the booking link field is only there while "A booking link" is checked. */
export function readConsentForm(form: HTMLFormElement, previous: ConsentDraft): ConsentDraft {
  const text = textOf(form);
  const checked = (name: string) => checkedValues(form, name).length > 0;
  const channels = checkedValues(form, 'channels') as Channel[];
  return {
    showProfile: checked('showProfile'),
    contact: checked('contact'),
    channels,
    bookingUrl: form.elements.namedItem('bookingUrl') ? text('bookingUrl') : previous.bookingUrl,
    weeklyCap: text('weeklyCap'),
    pausedUntil: text('pausedUntil'),
  };
}

const textOf = (form: HTMLFormElement) => (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '';

const checkedValues = (form: HTMLFormElement, name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value);

function orNull(value: string): string | null {
  return value.trim() || null;
}
