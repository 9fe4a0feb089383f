import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { poolDb } from '../../../utilities/transactionDb'
import { auditScope } from '../services/auditScope'
import { auditFiltersSchema, auditWhere } from '../services/filters'
import { auditOptions } from '../services/options'

type CountRow = Record<string, unknown> & { count: number }

/** GET /api/audit-logs/stats?from=&to=…: counts by action, by day (UTC) and by user, and high-risk counts. */
export const statsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const filters = parseQuery(req, auditFiltersSchema)
    const tenantIds = await auditScope(req, 'read')
    const where = auditWhere(filters, tenantIds)
    const { alertThreshold } = auditOptions(req.payload)
    const run = async (query: ReturnType<typeof sql>) =>
      ((await poolDb(req.payload).execute(query)) as { rows: CountRow[] }).rows

    const [byAction, byDay, byUser, highRisk] = await Promise.all([
      run(sql`select action, count(*)::int as count from audit_logs where ${where} group by action order by count desc`),
      run(sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count from audit_logs where ${where} group by day order by day`),
      run(sql`select user_id as "user", count(*)::int as count from audit_logs where ${where} group by user_id order by count desc limit 100`),
      run(sql`select count(*)::int as count from audit_logs where ${where} and risk_score >= ${alertThreshold}`),
    ])
    return Response.json({
      byAction: Object.fromEntries(byAction.map((row) => [row.action, row.count])),
      byDay: Object.fromEntries(byDay.map((row) => [row.day, row.count])),
      byUser: byUser.map((row) => ({ count: row.count, user: row.user })),
      highRisk: highRisk[0]?.count ?? 0,
      total: byAction.reduce((sum, row) => sum + row.count, 0),
    })
  }),
  method: 'get',
  path: '/stats',
}
