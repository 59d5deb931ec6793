/** `/v1/admin/session`, `/users`, `/keys` and `/audit`: the workspace's accounts, API keys and audit log. */
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import * as z from 'zod/mini';
import { ADMIN_BODY_MAX_BYTES, AdminUserCreate, AdminUserUpdate, ApiKeyCreate, AuditFilters, AuditQuery } from '../../sdk/admin-schemas.js';
import { endAdminSession } from '../auth/admin-sessions.js';
import { describeIssue, limitBody, readBody } from '../body.js';
import { apiError } from '../errors.js';
import { hasNul } from '../nul.js';
import type { Db } from '../store/database.js';
import { need, type ActorEnv } from './access.js';
import { EmailTakenError, LastOwnerError, createAdminUser, findAdminUserById, listAdminUsers, removeAdminUser, toAdminUser, updateAdminUser } from './accounts.js';
import { createApiKey, listApiKeys, revokeApiKey, toApiKey } from './api-keys.js';
import { audited, auditCsv, listAudit, recordAudit, type AuditEvent } from './audit.js';

const jsonLimit = limitBody(ADMIN_BODY_MAX_BYTES, `The body is limited to ${ADMIN_BODY_MAX_BYTES / 1024} KB.`);

export function accountRoutes({ db, secure }: { db: Db; secure: boolean }) {
  const app = new Hono<ActorEnv>();
  const audit = (c: Context<ActorEnv>, event: AuditEvent) => recordAudit(db, c.var.actor, event);
  /** A write and its audit row, committed together. */
  const auditedWrite = <T>(c: Context<ActorEnv>, write: (trx: Db) => Promise<T>, event: (result: T) => AuditEvent | undefined) => audited(db, c.var.actor, write, event);

  app.get('/session', async (c) => {
    const session = c.var.session;
    const user = session && (await findAdminUserById(db, session.adminId));
    if (!session || !user) return noSession(c);
    return c.json({ user: toAdminUser(user), scopes: c.var.actor.scopes, csrfToken: session.csrfToken });
  });
  app.delete('/session', async (c) => {
    if (!c.var.session) return noSession(c);
    await endAdminSession(c, db, secure);
    await audit(c, { action: 'session.sign_out' });
    return c.body(null, 204);
  });

  app.get('/users', need('admins'), async (c) => c.json({ items: (await listAdminUsers(db)).map(toAdminUser) }));
  app.post('/users', need('admins'), jsonLimit, async (c) => {
    const body = await readBody(c, AdminUserCreate);
    if (body instanceof Response) return body;
    try {
      const user = await auditedWrite(
        c,
        (trx) => createAdminUser(trx, body),
        (created) => ({ action: 'user.create', target: created.public_id, details: { role: created.role } }),
      );
      return c.json(toAdminUser(user), 201);
    } catch (error) {
      if (error instanceof EmailTakenError) return apiError(c, 409, 'conflict', 'An account with this e-mail address exists already.', 'email');
      throw error;
    }
  });
  app.patch('/users/:id', need('admins'), jsonLimit, async (c) => {
    const body = await readBody(c, AdminUserUpdate);
    if (body instanceof Response) return body;
    try {
      const user = await withId(c, (id) =>
        auditedWrite(
          c,
          (trx) => updateAdminUser(trx, id, body),
          (updated) => updated && { action: 'user.update', target: updated.public_id, details: body },
        ),
      );
      if (!user) return userNotFound(c);
      return c.json(toAdminUser(user));
    } catch (error) {
      if (error instanceof LastOwnerError) return lastOwner(c);
      throw error;
    }
  });
  app.delete('/users/:id', need('admins'), async (c) => {
    try {
      const user = await withId(c, (id) =>
        auditedWrite(
          c,
          (trx) => removeAdminUser(trx, id),
          (removed) => removed && { action: 'user.remove', target: removed.public_id, details: { role: removed.role } },
        ),
      );
      if (!user) return userNotFound(c);
      return c.body(null, 204);
    } catch (error) {
      if (error instanceof LastOwnerError) return lastOwner(c);
      throw error;
    }
  });

  app.get('/keys', need('admins'), async (c) => c.json({ items: (await listApiKeys(db)).map(toApiKey) }));
  app.post('/keys', need('admins'), jsonLimit, async (c) => {
    const body = await readBody(c, ApiKeyCreate);
    if (body instanceof Response) return body;
    const beyond = body.scopes.find((scope) => !c.var.actor.scopes.includes(scope));
    if (beyond) return apiError(c, 403, 'forbidden', `A key cannot have the "${beyond}" permission: you do not have it yourself.`, 'scopes');
    const actor = c.var.actor;
    const { row, secret } = await auditedWrite(
      c,
      (trx) => createApiKey(trx, { name: body.name, scopes: body.scopes, createdBy: actor.kind === 'bootstrap' ? null : actor.label }),
      (created) => ({ action: 'key.create', target: created.row.public_id, details: { name: created.row.name, scopes: created.row.scopes } }),
    );
    return c.json({ key: toApiKey(row), secret }, 201);
  });
  app.delete('/keys/:id', need('admins'), async (c) => {
    const key = await withId(c, (id) =>
      auditedWrite(
        c,
        (trx) => revokeApiKey(trx, id),
        (revoked) => revoked && { action: 'key.revoke', target: revoked.public_id, details: { name: revoked.name } },
      ),
    );
    if (!key) return apiError(c, 404, 'not_found', 'There is no API key with this id.');
    return c.json(toApiKey(key));
  });

  app.get('/audit', need('audit'), async (c) => {
    const query = AuditQuery.safeParse(c.req.query());
    if (!query.success) {
      const { field, message } = describeIssue(query.error);
      return apiError(c, 400, 'invalid_query', message, field);
    }
    return c.json(await listAudit(db, query.data));
  });
  app.get('/audit.csv', need('audit'), (c) => {
    const filters = AuditFilters.safeParse(c.req.query());
    if (!filters.success) {
      const { field, message } = describeIssue(filters.error);
      return apiError(c, 400, 'invalid_query', message, field);
    }
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="hallway-audit.csv"');
    return stream(c, async (out) => {
      for await (const chunk of auditCsv(db, filters.data)) await out.write(chunk);
    });
  });

  return app;
}

/** The `:id` of the path, or undefined (hence a 404) when it cannot be one. */
function withId<T>(c: Context, find: (id: string) => Promise<T | undefined>): Promise<T | undefined> {
  const id = c.req.param('id') ?? '';
  return hasNul(id) ? Promise.resolve(undefined) : find(id);
}

const noSession = (c: Context) => apiError(c, 401, 'unauthorized', 'No workspace session: sign in at /admin/sign-in (an API key has none).');
const userNotFound = (c: Context) => apiError(c, 404, 'not_found', 'There is no workspace account with this id.');
const lastOwner = (c: Context) => apiError(c, 409, 'conflict', 'The workspace needs at least one owner: make another account owner first.', 'role');

// zod/mini loads no locale: the messages admins read are English.
z.config(z.locales.en());
