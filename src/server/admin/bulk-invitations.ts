/**
 * "Invite" on the workspace's selection of people (issue 16): one request, one transaction, an answer
 * per person, and an audit line per invitation sent, committed with it.
 */
import { Hono } from 'hono';
import { ADMIN_BODY_MAX_BYTES, BulkInvitationRequest, type BulkInvitationOutcome, type BulkInvitationResult } from '../../sdk/admin-schemas.js';
import type { Links } from '../auth/links.js';
import { limitBody, readBody } from '../body.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import type { Site } from '../store/schema.js';
import { inTransaction } from '../store/transaction.js';
import { need } from './access.js';
import { recordAudit, type Actor } from './audit.js';
import { invitePerson } from './invitations.js';
import { findPersonByRef } from './people.js';
import { loadSite, type Env } from './routes.js';

export function bulkInvitationRoutes({ db, links }: { db: Db; links: Links }) {
  const routes = new Hono<Env>();
  routes.post('/sites/:site/invitations/many', need('people'), loadSite(db), limitBody(ADMIN_BODY_MAX_BYTES), async (c) => {
    const body = await readBody(c, BulkInvitationRequest);
    if (body instanceof Response) return body;
    return c.json(await inviteMany(db, links, c.var.site, c.var.actor, [...new Set(body.people)]), 202);
  });
  return routes;
}

/** Each person's outcome, in the order given; the invitations and their audit lines commit together. */
export function inviteMany(db: Db, links: Links, site: Site, actor: Actor, refs: string[], now = new Date()): Promise<BulkInvitationResult> {
  return inTransaction(db, async (trx) => {
    const results: BulkInvitationResult['results'] = [];
    for (const ref of refs) results.push({ person: ref, outcome: await inviteOne(trx, links, site, actor, ref, now) });
    return { results, invited: results.filter((result) => result.outcome === 'invited').length };
  });
}

async function inviteOne(db: Db, links: Links, site: Site, actor: Actor, ref: string, now: Date): Promise<BulkInvitationOutcome> {
  const person = hasNul(ref) ? undefined : await findPersonByRef(db, site.id, ref);
  if (!person) return 'not_found';
  if (person.status !== 'employee') return 'left';
  if (person.show_profile) return 'already_listed';
  if (!(await invitePerson(db, links, site, person, now)).invited) return 'recently_invited';
  await recordAudit(db, actor, { action: 'invitation.send', site: site.slug, target: person.public_id, details: { many: true } });
  return 'invited';
}
