import { Hono, type Context } from 'hono';
import { ADMIN_BODY_MAX_BYTES, BlockCreate } from '../../sdk/admin-schemas.js';
import type { Links } from '../auth/links.js';
import { limitBody, readBody } from '../body.js';
import { contactKeys } from '../contact/links.js';
import { relayAddresses } from '../relay/addresses.js';
import { isPublicMailDomain } from '../contact/detectors.js';
import { blockDomain, blockSenderOf, findSiteQuestion, rejectHeld, releaseHeld, safetyOverview, unblock } from '../contact/safety.js';
import { analyticsCounter } from '../analytics/counter.js';
import { apiError } from '../errors.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import { need } from './access.js';
import { recordAudit } from './audit.js';
import { loadSite, type Env } from './routes.js';

/**
 * The moderators' "Reports and held questions" (issue 18), scope `moderation`: the list, releasing or
 * rejecting a held question, blocking and unblocking a sender or a domain. Each write is audited in
 * its own transaction; audit lines name questions by their public id, never an address.
 */
export function safetyRoutes({ db, links, relayDomain }: { db: Db; links: Links; relayDomain?: string | undefined }) {
  const routes = new Hono<Env>();
  const withSite = loadSite(db);
  const keys = contactKeys(db, links.publicUrl);
  const relay = relayDomain ? relayAddresses(db, relayDomain) : undefined;
  const jsonLimit = limitBody(ADMIN_BODY_MAX_BYTES);
  const now = () => new Date();

  routes.get('/sites/:site/safety', need('moderation'), withSite, async (c) => c.json(await safetyOverview(db, (await keys()).blocks, c.var.site)));

  routes.post('/sites/:site/safety/held/:id/release', need('moderation'), withSite, async (c) => {
    const id = c.req.param('id');
    const { contactLinks } = await keys();
    const at = now();
    const released = hasNul(id)
      ? undefined
      : await db.transaction().execute(async (trx) => {
          const decided = await releaseHeld({ db: trx, links, contactLinks, relay: await relay?.() }, c.var.site, id, at);
          if (decided) await recordAudit(trx, c.var.actor, { action: 'question.release', site: c.var.site.slug, target: id, details: { status: decided.status } });
          return decided;
        });
    if (!released) return notHeld(c);
    // Counted as confirmed now that it reached the person, as a question that was never held is.
    if (released.status === 'confirmed') analyticsCounter(db).count(c.var.site.id, released.job, 'confirmed', at);
    return c.json({ status: released.status });
  });

  routes.post('/sites/:site/safety/held/:id/reject', need('moderation'), withSite, async (c) => {
    const id = c.req.param('id');
    const rejected =
      !hasNul(id) &&
      (await db.transaction().execute(async (trx) => {
        const done = await rejectHeld(trx, c.var.site, id);
        if (done) await recordAudit(trx, c.var.actor, { action: 'question.reject', site: c.var.site.slug, target: id });
        return done;
      }));
    return rejected ? c.json({ status: 'refused_unavailable' }) : notHeld(c);
  });

  routes.post('/sites/:site/safety/blocks', need('moderation'), withSite, jsonLimit, async (c) => {
    const body = await readBody(c, BlockCreate);
    if (body instanceof Response) return body;
    const { blocks: key } = await keys();
    const site = c.var.site;
    if (body.domain !== undefined) {
      if (isPublicMailDomain(body.domain))
        return apiError(c, 422, 'invalid_body', 'A public webmail domain is shared by many people: block its addresses one by one.', 'domain');
      await db.transaction().execute(async (trx) => {
        await blockDomain(trx, key, site.id, body.domain!, 'moderator', now());
        await recordAudit(trx, c.var.actor, { action: 'sender.block', site: site.slug, target: body.domain!, details: { kind: 'domain' } });
      });
      return c.json({ blocked: 'domain' }, 201);
    }
    const question = hasNul(body.request!) ? undefined : await findSiteQuestion(db, site.id, body.request!);
    if (!question) return apiError(c, 404, 'not_found', 'This site has no question with this id.', 'request');
    await db.transaction().execute(async (trx) => {
      await blockSenderOf(trx, key, question, 'moderator', now());
      await recordAudit(trx, c.var.actor, { action: 'sender.block', site: site.slug, target: body.request!, details: { kind: 'address' } });
    });
    return c.json({ blocked: 'address' }, 201);
  });

  routes.delete('/sites/:site/safety/blocks/:id', need('moderation'), withSite, async (c) => {
    const id = c.req.param('id');
    const removed =
      !hasNul(id) &&
      (await db.transaction().execute(async (trx) => {
        const block = await unblock(trx, c.var.site.id, id);
        if (block) await recordAudit(trx, c.var.actor, { action: 'sender.unblock', site: c.var.site.slug, target: block.domain ?? id, details: { kind: block.kind } });
        return block !== undefined;
      }));
    return removed ? c.body(null, 204) : apiError(c, 404, 'not_found', 'This site has no block with this id.');
  });

  return routes;
}

const notHeld = (c: Context) => apiError(c, 404, 'not_found', 'This site has no held question with this id (it may have been released or rejected already).');
