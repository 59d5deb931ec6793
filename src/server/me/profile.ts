import { sql } from 'kysely';
import type { ConsentUpdate, ContactSettings, MyProfile, ProfileUpdate } from '../../sdk/me-schemas.js';
import { initialsOf } from '../avatar.js';
import type { Channel } from '../../sdk/schemas.js';
import { contactStats } from '../contact/stats.js';
import { previewPerson } from '../public-people.js';
import type { Db } from '../store/database.js';
import { recordConsent } from '../store/people.js';
import type { ConsentPurpose, ConsentSource } from '../store/schema.js';
import { authorNames, loadMyTestimonial } from '../testimonials/testimonials.js';
import { loadMyDetails } from '../record/details.js';
import { myRecord } from '../record/record.js';
import { exportPublishedAnswers } from '../answers/published.js';

interface LatestConsent {
  purpose: ConsentPurpose;
  granted: boolean;
  text_version: string;
  created_at: Date;
  details: Record<string, unknown>;
}

async function latestConsents(db: Db, personId: number): Promise<Partial<Record<ConsentPurpose, LatestConsent>>> {
  const rows = await db
    .selectFrom('consents')
    .select(['purpose', 'granted', 'text_version', 'created_at', 'details'])
    .distinctOn('purpose')
    .where('person_id', '=', personId)
    .orderBy('purpose')
    .orderBy('id', 'desc')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.purpose, row]));
}

const consentState = (latest?: LatestConsent) => ({
  granted: latest?.granted ?? false,
  textVersion: latest?.text_version ?? null,
  decidedAt: latest ? latest.created_at.toISOString() : null,
});

const channelsOf = (latest?: LatestConsent): Channel[] => (latest?.granted ? ((latest.details.channels as Channel[] | undefined) ?? []) : []);

function personWithSite(db: Db, personId: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .selectAll('p')
    .select(['s.slug as site_slug', 's.name as site_name', 's.consent_text_version', 's.default_lang'])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
}

export async function loadMyProfile(db: Db, personId: number, publicUrl: string): Promise<MyProfile> {
  const [person, consents, preview, photo, questions, testimonial, details, record] = await Promise.all([
    personWithSite(db, personId),
    latestConsents(db, personId),
    previewPerson(db, personId, publicUrl),
    db.selectFrom('photos').select('version').where('person_id', '=', personId).executeTakeFirst(),
    contactStats(db, personId),
    loadMyTestimonial(db, personId),
    loadMyDetails(db, personId),
    myRecord(db, personId),
  ]);
  return {
    email: person.email,
    status: person.status,
    profile: profileOf(person),
    hasPhoto: photo !== undefined,
    contact: {
      channels: channelsOf(consents.contact),
      weeklyCap: person.weekly_cap,
      pausedUntil: person.paused_until ? person.paused_until.toISOString().slice(0, 10) : null,
      bookingUrl: person.booking_url,
    },
    consents: { showProfile: consentState(consents.show_profile), contact: consentState(consents.contact) },
    questions,
    testimonial,
    testimonialNames: authorNames(person.full_name),
    preview,
    // The version changes the URL, so the page shows a new photo or new initials at once.
    photoUrl: !photo && person.photo_url ? person.photo_url : `${publicUrl}/v1/me/photo?v=${encodeURIComponent(photo?.version ?? initialsOf(person.display_name))}`,
    site: { slug: person.site_slug, name: person.site_name, consentTextVersion: person.consent_text_version },
    details,
    record,
  };
}

type PersonRow = Awaited<ReturnType<typeof personWithSite>>;

/** The fields the employee edits, as the API names them. */
const profileOf = (person: PersonRow): ProfileUpdate => ({
  displayName: person.display_name,
  jobTitle: person.job_title,
  team: person.team,
  location: person.location,
  languages: person.languages,
  bio: person.bio,
  linkedinUrl: person.linkedin_url,
});

const blankToNull = (value: string | null) => (value ? value : null);

export async function updateProfile(db: Db, personId: number, profile: ProfileUpdate) {
  await db
    .updateTable('people')
    .set({
      display_name: profile.displayName,
      job_title: profile.jobTitle,
      team: blankToNull(profile.team),
      location: blankToNull(profile.location),
      languages: [...new Set(profile.languages)],
      bio: blankToNull(profile.bio),
      linkedin_url: profile.linkedinUrl,
      updated_at: new Date(),
    })
    .where('id', '=', personId)
    .execute();
}

/**
 * Records the employee's own decisions, only those that change something, each as a new consent
 * record on the site's current text version. Someone who left and shows their profile again
 * becomes alumni: that is their decision, recorded as the `alumni` consent.
 */
export async function decideConsent(db: Db, personId: number, update: ConsentUpdate, source: ConsentSource) {
  await db.transaction().execute(async (trx) => {
    const person = await personWithSite(trx, personId);
    const latest = await latestConsents(trx, personId);
    const record = (purpose: ConsentPurpose, granted: boolean, details?: Record<string, unknown>) =>
      recordConsent(trx, { personId, purpose, granted, textVersion: person.consent_text_version, source, ...(details ? { details } : {}) });

    if (update.showProfile !== undefined && update.showProfile !== (latest.show_profile?.granted ?? false)) {
      await record('show_profile', update.showProfile);
    }
    // Also when "show my profile" still stands from before they left: saving it again after leaving is the new decision.
    if (update.showProfile && person.status !== 'employee') {
      if (!latest.alumni?.granted) await record('alumni', true);
      if (person.status === 'left') await trx.updateTable('people').set({ status: 'alumni', updated_at: new Date() }).where('id', '=', personId).execute();
    }
    if (update.contact) {
      await saveContactSettings(trx, personId, update.contact.settings);
      const channels = update.contact.granted ? [...new Set(update.contact.settings.channels)] : [];
      const unchanged = update.contact.granted === (latest.contact?.granted ?? false) && sameChannels(channels, channelsOf(latest.contact));
      if (!unchanged) await record('contact', update.contact.granted, update.contact.granted ? { channels } : undefined);
    }
  });
}

const sameChannels = (a: Channel[], b: Channel[]) => a.length === b.length && a.every((channel) => b.includes(channel));

async function saveContactSettings(db: Db, personId: number, settings: ContactSettings) {
  await db
    .updateTable('people')
    .set({
      weekly_cap: settings.weeklyCap,
      paused_until: settings.pausedUntil ? new Date(`${settings.pausedUntil}T00:00:00Z`) : null,
      booking_url: settings.bookingUrl,
      updated_at: new Date(),
    })
    .where('id', '=', personId)
    .execute();
}

/** Withdraws every purpose currently granted: hidden and not contactable from the next request on. */
export async function withdrawAll(db: Db, personId: number, source: ConsentSource) {
  await db.transaction().execute(async (trx) => {
    const latest = await latestConsents(trx, personId);
    const { consent_text_version } = await personWithSite(trx, personId);
    for (const consent of Object.values(latest)) {
      if (!consent.granted) continue;
      await recordConsent(trx, { personId, purpose: consent.purpose, granted: false, textVersion: consent_text_version, source });
    }
  });
}

/** Everything held on the person, for their download. */
export async function exportMyData(db: Db, personId: number) {
  const person = await personWithSite(db, personId);
  const consents = await db
    .selectFrom('consents')
    .select(['purpose', 'granted', 'text_version', 'source', 'details', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  const photo = await db
    .selectFrom('photos')
    .select(['content_type', sql<number>`length(data)`.as('bytes')])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const mails = await db
    .selectFrom('outbox')
    .select(['subject', 'template', 'status', 'created_at', 'sent_at'])
    .where('to_address', '=', person.email)
    .orderBy('id')
    .execute();
  return {
    exportedAt: new Date().toISOString(),
    site: { slug: person.site_slug, name: person.site_name },
    person: {
      publicId: person.public_id,
      email: person.email,
      externalId: person.external_id,
      fullName: person.full_name,
      ...profileOf(person),
      bookingUrl: person.booking_url,
      careerPath: person.career_path,
      showReplyTime: person.show_reply_time,
      weeklyCap: person.weekly_cap,
      pausedUntil: person.paused_until,
      status: person.status,
      invitedAt: person.invited_at,
      createdAt: person.created_at,
      updatedAt: person.updated_at,
    },
    photo: photo ? { contentType: photo.content_type, bytes: Number(photo.bytes) } : null,
    testimonial: await loadMyTestimonial(db, personId),
    publishedAnswers: await exportPublishedAnswers(db, personId),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      granted: c.granted,
      textVersion: c.text_version,
      source: c.source,
      details: c.details,
      at: c.created_at,
    })),
    mails: mails.map((m) => ({ subject: m.subject, template: m.template, status: m.status, createdAt: m.created_at, sentAt: m.sent_at })),
  };
}

/**
 * Erases the person: withdraws every consent, then blanks every personal field and deletes the
 * photo, testimonial, published answers, sessions, links and mails. What stays is the row that anchors the consent history
 * (purpose, decision, text version, time, source) — the proof of what was shown and when.
 */
export async function eraseMyData(db: Db, personId: number, forgetMailsTo: (db: Db, address: string) => Promise<unknown>) {
  await withdrawAll(db, personId, 'me');
  await db.transaction().execute(async (trx) => {
    const person = await personWithSite(trx, personId);
    await forgetMailsTo(trx, person.email);
    await trx.deleteFrom('photos').where('person_id', '=', personId).execute();
    await trx.deleteFrom('testimonials').where('person_id', '=', personId).execute();
    await trx.deleteFrom('published_answers').where('person_id', '=', personId).execute();
    await trx.deleteFrom('sessions').where('person_id', '=', personId).execute();
    await trx.deleteFrom('tokens').where('person_id', '=', personId).execute();
    // The person's answers (issue 18): their words go; the questions stay until the retention purge.
    const requests = trx.selectFrom('contact_requests').select('id').where('person_id', '=', personId);
    await trx.deleteFrom('relay_messages').where('request_id', 'in', requests).execute();
    await trx.updateTable('contact_requests').set({ answer_text: null }).where('person_id', '=', personId).execute();
    // The identity provider's copy of their name and user name (SCIM) goes too; it may provision them anew.
    await trx.deleteFrom('scim_users').where('person_id', '=', personId).execute();
    await trx
      .updateTable('people')
      .set({
        email: `erased-${person.public_id}@invalid`,
        external_id: null,
        full_name: '',
        display_name: '',
        job_title: '',
        team: null,
        location: null,
        languages: [],
        bio: null,
        photo_url: null,
        linkedin_url: null,
        booking_url: null,
        paused_until: null,
        career_path: '[]',
        show_reply_time: false,
        reply_days: null,
        status: 'left',
        erased_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', personId)
      .execute();
  });
}
