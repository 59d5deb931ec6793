import { createAdminUser } from '../src/server/admin/accounts.js';
import type { Db } from '../src/server/store/database.js';
import { createPerson, newPublicId, recordConsent } from '../src/server/store/people.js';
import { createSite } from '../src/server/store/sites.js';
import { demoPeople, demoSite, demoTestimonials } from './seed-data.js';

/**
 * Seeds the demo careers site in one transaction; its pages on `publicUrl` may send contact requests. Every consent it records is marked `source: 'demo'`:
 * these people are made up, and nobody real ever consents through a seed.
 */
export const DEMO_ACCENT = '#8a2f3c';
/** The demo's HR workspace owner: sign in at /admin/sign-in with it, and follow the link in the dev outbox. */
export const DEMO_ADMIN_EMAIL = 'hr@beaumont-hotels.example';

export async function seedDemo(db: Db, publicUrl?: string) {
  const allowedOrigins = [...new Set([...demoSite.allowedOrigins, ...(publicUrl ? [new URL(publicUrl).origin] : [])])];
  return db.transaction().execute(async (trx) => {
    // The demo's own burgundy (demo/styles.css) and its pages, served by this server at `/`.
    const careersUrl = publicUrl ? new URL('/', publicUrl).href : null;
    const site = await createSite(trx, { ...demoSite, allowedOrigins, accentColor: DEMO_ACCENT, careersUrl });
    const ids = new Map<string, number>();
    for (const person of demoPeople) {
      const { id } = await createPerson(trx, { ...person, siteId: site.id });
      ids.set(person.fullName, id);
      const consent = { personId: id, textVersion: site.consent_text_version, source: 'demo' as const };
      await recordConsent(trx, { ...consent, purpose: 'show_profile', granted: person.showProfile });
      if (person.contactChannels.includes('booking')) {
        const bookingUrl = `https://meet.beaumont-hotels.example/${person.externalId.toLowerCase()}`;
        await trx.updateTable('people').set({ booking_url: bookingUrl }).where('id', '=', id).execute();
      }
      if (person.contactChannels.length > 0) {
        await recordConsent(trx, {
          ...consent,
          purpose: 'contact',
          granted: true,
          details: { channels: person.contactChannels },
        });
      }
      if (person.status === 'alumni') await recordConsent(trx, { ...consent, purpose: 'alumni', granted: true });
      if (person.pausedForDays) {
        // Until midnight UTC, as a pause set on the /me page.
        const until = new Date(new Date().setUTCHours(0, 0, 0, 0) + person.pausedForDays * 86_400_000);
        await trx.updateTable('people').set({ paused_until: until }).where('id', '=', id).execute();
      }
    }
    const now = Date.now();
    for (const [index, t] of demoTestimonials.entries()) {
      const personId = ids.get(t.fullName)!;
      await trx
        .insertInto('testimonials')
        .values({
          public_id: newPublicId(),
          person_id: personId,
          quote: t.quote,
          roles: t.roles,
          from_year: t.fromYear,
          to_year: t.toYear,
          current_role: t.currentRole,
          name_style: t.nameStyle,
          lang: t.lang,
          status: t.status,
          // Listed most recently approved first: in the order of the seed data.
          moderated_at: t.status === 'approved' ? new Date(now - (index + 1) * 86_400_000) : null,
        })
        .execute();
      await recordConsent(trx, { personId, purpose: 'testimonial', granted: true, textVersion: site.consent_text_version, source: 'demo' });
    }
    await createAdminUser(trx, { email: DEMO_ADMIN_EMAIL, name: 'Beaumont HR', role: 'owner' });
    return { slug: site.slug, people: demoPeople.length };
  });
}
