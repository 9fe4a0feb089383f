// The filters shared by stats and export, as zod input and as SQL.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'

export const auditFiltersSchema = z
  .object({
    action: z.string().min(1).max(64).optional(),
    collection: z.string().min(1).max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    ip: z.string().min(1).max(64).optional(),
    minRisk: z.coerce.number().int().min(0).max(100).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    user: z.coerce.number().int().positive().optional(),
  })
  .strict()

export type AuditFilters = z.infer<typeof auditFiltersSchema>

/** An int[] parameter (drizzle would spread a JS array into a list of parameters). */
export const intArray = (ids: number[]): SQL => sql`${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int[]`

/** `tenantIds` undefined: every tenant (super admin). */
export function auditWhere(filters: AuditFilters, tenantIds: number[] | undefined): SQL {
  const clauses: SQL[] = [sql`true`]
  if (tenantIds) clauses.push(sql`tenant_id = any(${intArray(tenantIds)})`)
  if (filters.action) clauses.push(sql`action = ${filters.action}`)
  if (filters.collection) clauses.push(sql`collection = ${filters.collection}`)
  if (filters.from) clauses.push(sql`created_at >= ${filters.from}::timestamptz`)
  if (filters.to) clauses.push(sql`created_at < ${filters.to}::timestamptz`)
  if (filters.ip) clauses.push(sql`ip = ${filters.ip}`)
  if (filters.minRisk !== undefined) clauses.push(sql`risk_score >= ${filters.minRisk}`)
  if (filters.user) clauses.push(sql`user_id = ${filters.user}`)
  return sql.join(clauses, sql` and `)
}
