/** A site's company sign-in settings in the admin API: `GET|PUT|DELETE /v1/admin/sites/:site/oidc`, scope `settings`, audited. */
import { Hono } from 'hono';
import { ADMIN_BODY_MAX_BYTES, OIDC_SCOPES, SiteOidcUpdate } from '../../sdk/admin-schemas.js';
import { need } from '../admin/access.js';
import { recordAudit } from '../admin/audit.js';
import { loadSite, type Env } from '../admin/routes.js';
import { limitBody, readBody } from '../body.js';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';
import { SecretMissingError, findOidcSettings, removeOidcSettings, saveOidcSettings, toSiteOidc } from './settings.js';

export function oidcAdminRoutes(db: Db, publicUrl: string) {
  const routes = new Hono<Env>();
  const withSite = loadSite(db);
  const answer = (settings: Awaited<ReturnType<typeof findOidcSettings>>) => ({
    settings: settings ? toSiteOidc(settings) : null,
    redirectUri: `${publicUrl}/auth/oidc/callback`,
    scopes: OIDC_SCOPES,
  });

  routes.get('/sites/:site/oidc', need('settings'), withSite, async (c) => c.json(answer(await findOidcSettings(db, c.var.site.id))));

  routes.put('/sites/:site/oidc', need('settings'), withSite, limitBody(ADMIN_BODY_MAX_BYTES), async (c) => {
    const body = await readBody(c, SiteOidcUpdate);
    if (body instanceof Response) return body;
    try {
      const saved = await db.transaction().execute(async (trx) => {
        const row = await saveOidcSettings(trx, c.var.site.id, body);
        // The secret never goes in the log: only that it changed.
        const { clientSecret, ...shown } = body;
        await recordAudit(trx, c.var.actor, { action: 'site.oidc.update', site: c.var.site.slug, details: { ...shown, secretChanged: clientSecret !== undefined } });
        return row;
      });
      return c.json(answer(saved));
    } catch (error) {
      if (error instanceof SecretMissingError) return apiError(c, 400, 'invalid_body', 'The client secret is required the first time.', 'clientSecret');
      throw error;
    }
  });

  routes.delete('/sites/:site/oidc', need('settings'), withSite, async (c) => {
    const removed = await db.transaction().execute(async (trx) => {
      const gone = await removeOidcSettings(trx, c.var.site.id);
      if (gone) await recordAudit(trx, c.var.actor, { action: 'site.oidc.remove', site: c.var.site.slug });
      return gone;
    });
    if (!removed) return apiError(c, 404, 'not_found', 'This site has no company sign-in.');
    return c.json(answer(undefined));
  });
  return routes;
}
