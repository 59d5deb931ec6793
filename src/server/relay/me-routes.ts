import { Hono } from 'hono';
import { AnswerBody, type OpenQuestions } from '../../sdk/me-schemas.js';
import type { Links } from '../auth/links.js';
import { requireSession, type SessionEnv } from '../auth/sessions.js';
import { limitBody, readBody } from '../body.js';
import { recordAnswer } from '../contact/answers.js';
import { QUESTION_OPEN_MS } from '../contact/requests.js';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';
import { relayKit } from './thanks.js';

/** The person's forwarded questions still waiting for an answer, in the open window, oldest first. */
export async function openQuestions(db: Db, personId: number, now: Date): Promise<OpenQuestions> {
  const rows = await db
    .selectFrom('contact_requests')
    .select(['public_id', 'candidate_name', 'message', 'job', 'confirmed_at'])
    .where('person_id', '=', personId)
    .where('status', '=', 'confirmed')
    .where('confirmed_at', '>', new Date(now.getTime() - QUESTION_OPEN_MS))
    .orderBy('confirmed_at')
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.public_id,
      candidateName: row.candidate_name,
      message: row.message,
      job: row.job,
      receivedAt: row.confirmed_at!.toISOString(),
    })),
  };
}

export interface AnswerRoutesDeps {
  db: Db;
  publicUrl: string;
  links: Links;
  relayDomain?: string | undefined;
  now?: () => Date;
}

/**
 * `GET /v1/me/open-questions` and `POST /v1/me/open-questions/:id/answer` (issue 18): the employee answers
 * on /me; the answer is forwarded to the candidate from the relay, as a reply by mail would be.
 */
export function answerRoutes({ db, publicUrl, links, relayDomain, now = () => new Date() }: AnswerRoutesDeps) {
  const kit = relayKit(db, links, relayDomain);
  const app = new Hono<SessionEnv>();
  app.use('/open-questions', requireSession(db, new URL(publicUrl).origin));
  app.use('/open-questions/*', requireSession(db, new URL(publicUrl).origin));
  app.get('/open-questions', async (c) => c.json(await openQuestions(db, c.var.personId, now())));
  app.post('/open-questions/:id/answer', limitBody(32 * 1024), async (c) => {
    const body = await readBody(c, AnswerBody);
    if (body instanceof Response) return body;
    const at = now();
    const question = (await openQuestions(db, c.var.personId, at)).items.find((item) => item.id === c.req.param('id'));
    const request =
      question && (await db.selectFrom('contact_requests').select('id').where('public_id', '=', question.id).where('person_id', '=', c.var.personId).executeTakeFirst());
    if (!request) return apiError(c, 404, 'not_found', 'This question is no longer waiting for an answer.');
    const before = await recordAnswer(db, request.id, body.text, 'me', at, await kit());
    if (before !== 'confirmed') return apiError(c, 409, 'conflict', 'This question was answered or declined meanwhile.');
    return c.json(await openQuestions(db, c.var.personId, at));
  });
  return app;
}
