import type { Context } from 'hono';
import { ANALYTICS_DEFAULT_WEEKS, ANALYTICS_MAX_WEEKS, AnalyticsQuery } from '../../sdk/admin-schemas.js';
import { describeIssue } from '../body.js';
import { apiError } from '../errors.js';
import type { Db } from '../store/database.js';
import type { Site } from '../store/schema.js';
import { analyticsByWeekAndJob, analyticsCsv, analyticsReport } from './report.js';
import { mondayOf, mondayOfIsoWeek, mondaysBetween, weeksBefore } from './weeks.js';

type SiteContext = Context<{ Variables: { site: Site } }>;

/**
 * `GET /v1/admin/sites/:site/analytics` and `…/analytics.csv` (scope `analytics`, checked where they are
 * mounted): reads only, so nothing goes to the audit log.
 */
export function analyticsHandlers(db: Db, now: () => Date = () => new Date()) {
  return {
    report: async (c: SiteContext) => {
      const range = readRange(c, now());
      if (range instanceof Response) return range;
      return c.json(await analyticsReport(db, c.var.site.id, range.from, range.to));
    },
    csv: async (c: SiteContext) => {
      const range = readRange(c, now());
      if (range instanceof Response) return range;
      const report = await analyticsReport(db, c.var.site.id, range.from, range.to);
      const perJob = await analyticsByWeekAndJob(db, c.var.site.id, range.from, range.to);
      c.header('Content-Disposition', `attachment; filename="hallway-analytics-${c.var.site.slug}-${report.from}-${report.to}.csv"`);
      return c.body(analyticsCsv(report, perJob), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    },
  };
}

/** The query's weeks as Mondays; by default the last 12 weeks, this one included. */
function readRange(c: SiteContext, today: Date): { from: string; to: string } | Response {
  const query = AnalyticsQuery.safeParse(c.req.query());
  if (!query.success) {
    const { field, message } = describeIssue(query.error);
    return apiError(c, 400, 'invalid_query', message, field);
  }
  const to = query.data.to === undefined ? mondayOf(today) : mondayOfIsoWeek(query.data.to);
  if (!to) return apiError(c, 400, 'invalid_query', `The year has no week ${query.data.to}.`, 'to');
  const from = query.data.from === undefined ? weeksBefore(to, ANALYTICS_DEFAULT_WEEKS - 1) : mondayOfIsoWeek(query.data.from);
  if (!from) return apiError(c, 400, 'invalid_query', `The year has no week ${query.data.from}.`, 'from');
  if (from > to) return apiError(c, 400, 'invalid_query', '"from" must not be after "to".', 'from');
  if (mondaysBetween(from, to).length > ANALYTICS_MAX_WEEKS) {
    return apiError(c, 400, 'invalid_query', `A report covers at most ${ANALYTICS_MAX_WEEKS} weeks.`, 'from');
  }
  return { from, to };
}
