// The audit log's job tasks; the work they run lives in services/.
import type { TaskConfig } from 'payload'

import { mailAlertToOwners } from '../services/alertOwners'
import { purgeOnSchedule } from '../services/retention'
import { ALERT_TASK } from '../services/writeAuditEntry'

/** Emails a high-risk entry to its tenant's owners. Queued in the transaction that wrote the entry. */
export const auditAlertTask: TaskConfig = {
  slug: ALERT_TASK,
  handler: async ({ input, req }) => ({ output: { notified: await mailAlertToOwners(req, (input as { entryId: number }).entryId) } }),
  inputSchema: [{ name: 'entryId', type: 'number', required: true }],
  outputSchema: [{ name: 'notified', type: 'number' }],
  retries: 3,
}

/** Daily: deletes entries older than their tenant's retention, and records that it did. */
export const auditRetentionTask: TaskConfig = {
  slug: 'auditRetention',
  handler: async ({ req }) => ({ output: { deleted: await purgeOnSchedule(req) } }),
  outputSchema: [{ name: 'deleted', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '15 3 * * *', queue: 'nightly' }],
}
