import { Hono } from 'hono';
import { CardDetails } from '../../sdk/me-schemas.js';
import { requireSession, type SessionEnv } from '../auth/sessions.js';
import { limitBody, readBody } from '../body.js';
import type { Db } from '../store/database.js';
import { loadMyProfile } from '../me/profile.js';
import { saveMyDetails } from './details.js';
import { myRecord, recordCsv, recordLines } from './record.js';

/** A path of 8 roles at their longest, with room to spare. */
const DETAILS_MAX_BYTES = 8 * 1024;

/**
 * The employee's record and card details, mounted at `/v1/me` before the other /v1/me routes:
 * `GET /record.json` and `GET /record.csv` (downloads), `PUT /details` (answers the updated profile).
 */
export function recordRoutes({ db, publicUrl }: { db: Db; publicUrl: string }) {
  const app = new Hono<SessionEnv>();
  const session = requireSession(db, new URL(publicUrl).origin);
  app.get('/record.json', session, async (c) => {
    c.header('Content-Disposition', 'attachment; filename="hallway-my-record.json"');
    const [totals, questions] = await Promise.all([myRecord(db, c.var.personId), recordLines(db, c.var.personId)]);
    return c.json({ exportedAt: new Date().toISOString(), ...totals, questions });
  });
  app.get('/record.csv', session, async (c) => {
    c.header('Content-Disposition', 'attachment; filename="hallway-my-record.csv"');
    return c.body(recordCsv(await recordLines(db, c.var.personId)), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  app.put('/details', session, limitBody(DETAILS_MAX_BYTES), async (c) => {
    const body = await readBody(c, CardDetails);
    if (body instanceof Response) return body;
    await saveMyDetails(db, c.var.personId, body);
    return c.json(await loadMyProfile(db, c.var.personId, publicUrl));
  });
  return app;
}
