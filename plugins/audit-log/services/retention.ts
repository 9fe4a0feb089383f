import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { poolDb } from '../../../utilities/transactionDb'
import { intArray } from './filters'
import { auditOptions } from './options'
import { writeAuditEntry } from './writeAuditEntry'

/**
 * Deletes entries older than their tenant's retention (`auditRetentionDays`, else the plugin default).
 * `tenantIds` undefined: every tenant, and entries without a tenant. Returns how many were deleted.
 */
export async function purgeExpiredEntries(req: PayloadRequest, tenantIds?: number[]): Promise<number> {
  const { retentionDays } = auditOptions(req.payload)
  const scope = tenantIds ? sql`and a.tenant_id = any(${intArray(tenantIds)})` : sql``
  const result = (await poolDb(req.payload).execute(sql`
    delete from audit_logs a
    using (select a2.id from audit_logs a2 left join tenants t on t.id = a2.tenant_id
           where a2.created_at < now() - make_interval(days => coalesce(t.audit_retention_days, ${retentionDays})::int)) expired
    where a.id = expired.id ${scope}`)) as { rowCount: number }
  return result.rowCount ?? 0
}

/** The daily retention run: deletes what every tenant's retention allows, and records that it did. Returns how many. */
export async function purgeOnSchedule(req: PayloadRequest): Promise<number> {
  const deleted = await purgeExpiredEntries(req)
  await writeAuditEntry(req, { action: 'cleanup', collection: 'audit-logs', details: { deleted, by: 'schedule' }, rowCount: deleted, user: null })
  return deleted
}
