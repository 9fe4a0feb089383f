import type { TaskConfig } from 'payload'

import { alertEmail } from '../services/alertEmail'
import { purgeExpiredEntries } from '../services/retention'
import { ALERT_TASK, AUDIT_COLLECTION, writeAuditEntry } from '../services/writeAuditEntry'

/** Emails a high-risk entry to its tenant's owners. Queued in the transaction that wrote the entry. */
export const auditAlertTask: TaskConfig = {
  slug: ALERT_TASK,
  handler: async ({ input, req }) => {
    const entry = await req.payload.findByID({ id: (input as { entryId: number }).entryId, collection: AUDIT_COLLECTION, depth: 0, overrideAccess: true, req })
    const tenantId = entry.tenant as number
    const { docs } = await req.payload.find({
      collection: 'users',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { 'tenants.tenant': { equals: tenantId } },
    })
    const owners = docs.filter((user) => user.tenants?.some((m) => m.role === 'owner' && String(m.tenant) === String(tenantId)))
    const email = alertEmail(entry)
    for (const owner of owners) await req.payload.sendEmail({ ...email, to: owner.email })
    return { output: { notified: owners.length } }
  },
  inputSchema: [{ name: 'entryId', type: 'number', required: true }],
  outputSchema: [{ name: 'notified', type: 'number' }],
  retries: 3,
}

/** Daily: deletes entries older than their tenant's retention, and records that it did. */
export const auditRetentionTask: TaskConfig = {
  slug: 'auditRetention',
  handler: async ({ req }) => {
    const deleted = await purgeExpiredEntries(req)
    await writeAuditEntry(req, { action: 'cleanup', collection: 'audit-logs', details: { deleted, by: 'schedule' }, rowCount: deleted, user: null })
    return { output: { deleted } }
  },
  outputSchema: [{ name: 'deleted', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '15 3 * * *', queue: 'nightly' }],
}
