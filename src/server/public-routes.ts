/**
 * What any careers page may read of a site, mounted at `/v1/sites/:site`: the site, its people (as
 * cached lists), one person, their photo or initials, and the testimonials. Any origin, no cookie.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import type { PublicSite } from '../sdk/schemas.js';
import { themeCss } from './admin/site-theme.js';
import { avatarSvg } from './avatar.js';
import { apiError } from './errors.js';
import { PUBLIC_CACHE, type ListKind, type publicLists } from './public-lists.js';
import { InvalidCursorError, findListedDisplayName, findListedPhoto, findPublicPerson } from './public-people.js';
import { loadSite, type SiteVariables } from './site.js';
import type { Db } from './store/database.js';

type Env = { Variables: SiteVariables };

export interface PublicDeps {
  db: Db;
  publicUrl: string;
  /** The cached public lists (shared with the server's fast path, which answers them without Hono). */
  lists: ReturnType<typeof publicLists>;
}

export function publicRoutes({ db, publicUrl, lists }: PublicDeps) {
  const app = new Hono<Env>({ strict: false });
  const publicOrigin = new URL(publicUrl).origin;
  const listRoute = (kind: ListKind) => async (c: Context<Env>) => {
    const query = lists.parse(kind, c.req.query());
    if (!query.success) return invalidQuery(c, query.error.issues[0]!);
    try {
      const request = { ifNoneMatch: c.req.header('If-None-Match'), acceptEncoding: c.req.header('Accept-Encoding') };
      const { status, headers, body } = await lists.answer(kind, c.var.site, c.var.publicVersion, query.data, request);
      return status === 304 ? c.body(null, 304, headers) : c.body(body!, 200, headers);
    } catch (error) {
      if (error instanceof InvalidCursorError) return apiError(c, 400, 'invalid_query', error.message, 'cursor');
      throw error;
    }
  };

  // Any page may read; a header set before the handler (not Hono's cors(), which rebuilds each response).
  app.options('/*', cors({ origin: '*', allowMethods: ['GET'] }));
  app.use('/*', async (c, next) => {
    c.header('Access-Control-Allow-Origin', '*');
    await next();
  });
  app.use('/*', loadSite(db));
  const weakEtag = etag({ weak: true });

  // Not secret (any visitor sees the origin they send from): the elements learn at load whether
  // this page may send questions, and the web team is told how to allow it, before any candidate tries.
  app.get('/', weakEtag, (c) => {
    const { slug, name, allowed_origins, langs, default_lang } = c.var.site;
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json({ slug, name, contactOrigins: [...new Set([...allowed_origins, publicOrigin])], langs, defaultLang: default_lang } satisfies PublicSite);
  });

  // The site's theme tokens, for a careers page's <link rel="stylesheet">: applied as the page's own CSS would be.
  app.get('/theme.css', weakEtag, (c) => {
    c.header('Cache-Control', PUBLIC_CACHE);
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(themeCss(c.var.site));
  });

  app.get('/people', listRoute('people'));

  app.get('/people/:id', weakEtag, async (c) => {
    const person = await findPublicPerson(db, c.var.site, c.req.param('id'), publicUrl);
    if (!person) return personNotFound(c);
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.json(person);
  });

  app.get('/people/:id/avatar.svg', weakEtag, async (c) => {
    const id = c.req.param('id');
    const displayName = await findListedDisplayName(db, c.var.site.id, id);
    if (displayName === undefined) return personNotFound(c);
    c.header('Cache-Control', PUBLIC_CACHE);
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.body(avatarSvg(displayName, id), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  });

  app.get('/people/:id/photo.webp', weakEtag, async (c) => {
    const photo = await findListedPhoto(db, c.var.site.id, c.req.param('id'));
    if (!photo) return personNotFound(c);
    // The URL changes with every upload (?v=), so it may be cached for long; a withdrawal 404s it at once.
    c.header('Cache-Control', PUBLIC_CACHE);
    return c.body(new Uint8Array(photo.data), 200, { 'Content-Type': photo.content_type });
  });

  app.get('/testimonials', listRoute('testimonials'));
  app.get('/questions', listRoute('questions'));
  return app;
}

function invalidQuery(c: Context, issue: { path: PropertyKey[]; message: string }) {
  const field = String(issue.path[0] ?? 'query');
  return apiError(c, 400, 'invalid_query', `Query parameter "${field}": ${issue.message}`, field);
}

const personNotFound = (c: Context) => apiError(c, 404, 'person_not_found', 'This person is not on this site, or no longer shares their profile.');
