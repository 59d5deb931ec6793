import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { JOBS_MAX_BYTES, SiteJobsUpload, type AdminScope, type JobListProblem, type JobListRefusal } from '../../sdk/admin-schemas.js';
import { describeIssue, limitBody } from '../body.js';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';
import { forbidden, type ActorEnv } from './access.js';
import { audited } from './audit.js';
import { JOB_COLUMNS, JobListRejected, readJobsCsv, replaceJobs, siteOverview } from './coverage.js';
import { loadSite, type Env } from './routes.js';

/** The workspace's home: the site's job list (`PUT …/jobs`) and its coverage (`GET …/overview`). */
export function coverageRoutes(db: Db) {
  const routes = new Hono<Env>();
  const withSite = loadSite(db);

  routes.get('/sites/:site/overview', needAny('people', 'analytics'), withSite, async (c) => c.json(await siteOverview(db, c.var.site.id)));

  routes.put('/sites/:site/jobs', needAny('people'), withSite, limitBody(JOBS_MAX_BYTES, `A job list is at most ${JOBS_MAX_BYTES / 1024 / 1024} MB.`), async (c) => {
    let rows: unknown;
    try {
      rows = await readJobList(c);
    } catch (error) {
      if (error instanceof JobListRejected) return jobListRefused(c, error.problem, error.message);
      throw error;
    }
    if (rows === undefined) return apiError(c, 415, 'unsupported_media_type', 'Send the jobs as text/csv or application/json.');
    const jobs = SiteJobsUpload.safeParse(rows);
    if (!jobs.success) return refuse(c, jobs.error, c.req.header('Content-Type')?.startsWith('text/csv') ?? false);
    const count = await audited(
      db,
      c.var.actor,
      (trx) => replaceJobs(trx, c.var.site.id, 'upload', jobs.data),
      (jobs) => ({ action: 'jobs.replace', site: c.var.site.slug, details: { source: 'upload', jobs } }),
    );
    return c.json({ jobs: count, source: 'upload' });
  });

  return routes;
}

/** Any one of these scopes will do. */
function needAny(...scopes: AdminScope[]): MiddlewareHandler<ActorEnv> {
  return async (c, next) => {
    if (!scopes.some((scope) => c.var.actor.scopes.includes(scope))) return forbidden(c, scopes[0]!);
    await next();
  };
}

async function readJobList(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return readJobsCsv(await c.req.text());
  if (type !== 'application/json') return undefined;
  try {
    return JSON.parse(await c.req.text());
  } catch (error) {
    throw new JobListRejected({ code: 'invalid_json', params: { detail: (error as Error).message } }, `not valid JSON: ${(error as Error).message}`);
  }
}

/** The first problem, named by its line in the file (CSV: header = 1) or its place in the array (first = 1). */
function refuse(c: Context, error: Parameters<typeof describeIssue>[0], csv: boolean) {
  const issue = error.issues[0]!;
  const [index, ...path] = issue.path;
  if (typeof index !== 'number') {
    const { field, message } = describeIssue(error);
    return jobListRefused(c, { field, code: 'invalid_list', params: { detail: message } }, message);
  }
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : path.map(String).join('.') || 'job';
  const unknown = issue.code === 'unrecognized_keys';
  const reason = unknown ? `not a column of a job list (expected ${JOB_COLUMNS.join(', ')})` : issue.message;
  const problem: JobListProblem = unknown
    ? { line: index + (csv ? 2 : 1), field, code: 'unknown_column', params: { expected: JOB_COLUMNS.join(', ') } }
    : { line: index + (csv ? 2 : 1), field, code: 'invalid_value', params: { detail: issue.message } };
  return jobListRefused(c, problem, `${csv ? `line ${index + 2}` : `job ${index + 1}`}: ${field}: ${reason}`);
}

/** 400 `invalid_body` with the English message, and the problem as a code the workspace translates. */
function jobListRefused(c: Context, problem: JobListProblem, message: string) {
  return c.json({ error: { code: 'invalid_body', message, ...(problem.field && { field: problem.field }), problem } } satisfies JobListRefusal, 400);
}
