/** `/v1/admin/sites/:site/scim/tokens` (scope `settings`): the site's SCIM tokens, made and revoked by HR, audited. */
import { Hono } from 'hono';
import { ADMIN_BODY_MAX_BYTES, ScimTokenCreate } from '../../sdk/admin-schemas.js';
import { need } from '../admin/access.js';
import { recordAudit } from '../admin/audit.js';
import { loadSite, type Env } from '../admin/routes.js';
import { limitBody, readBody } from '../body.js';
import { apiError } from '../errors.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import { createScimToken, listScimTokens, revokeScimToken, toScimToken } from './tokens.js';

export function scimAdminRoutes(db: Db, publicUrl: string) {
  const routes = new Hono<Env>();
  const withSite = loadSite(db);
  const baseUrl = `${publicUrl}/scim/v2`;

  routes.get('/sites/:site/scim/tokens', need('settings'), withSite, async (c) => c.json({ items: (await listScimTokens(db, c.var.site.id)).map(toScimToken), baseUrl }));

  routes.post('/sites/:site/scim/tokens', need('settings'), withSite, limitBody(ADMIN_BODY_MAX_BYTES), async (c) => {
    const body = await readBody(c, ScimTokenCreate);
    if (body instanceof Response) return body;
    const { row, secret } = await db.transaction().execute(async (trx) => {
      const created = await createScimToken(trx, c.var.site.id, { name: body.name, createdBy: c.var.actor.label });
      await recordAudit(trx, c.var.actor, { action: 'scim_token.create', site: c.var.site.slug, target: created.row.public_id, details: { name: body.name } });
      return created;
    });
    return c.json({ token: toScimToken(row), secret, baseUrl }, 201);
  });

  routes.delete('/sites/:site/scim/tokens/:id', need('settings'), withSite, async (c) => {
    const id = c.req.param('id');
    const revoked = await db.transaction().execute(async (trx) => {
      const row = hasNul(id) ? undefined : await revokeScimToken(trx, c.var.site.id, id);
      if (row) await recordAudit(trx, c.var.actor, { action: 'scim_token.revoke', site: c.var.site.slug, target: row.public_id, details: { name: row.name } });
      return row;
    });
    if (!revoked) return apiError(c, 404, 'not_found', 'This site has no SCIM token with this id.');
    return c.json(toScimToken(revoked));
  });

  return routes;
}
