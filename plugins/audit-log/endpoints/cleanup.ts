import type { Endpoint } from 'payload'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { auditScope } from '../services/auditScope'
import { purgeExpiredEntries } from '../services/retention'
import { writeAuditEntry } from '../services/writeAuditEntry'

/** POST /api/audit-logs/cleanup: applies retention now, in the tenants where the caller has audit:delete. */
export const cleanupEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const tenantIds = await auditScope(req, 'delete')
    const deleted = await purgeExpiredEntries(req, tenantIds)
    await writeAuditEntry(req, { action: 'cleanup', collection: 'audit-logs', details: { deleted }, rowCount: deleted, tenant: tenantIds?.[0] ?? null })
    return Response.json({ deleted })
  }),
  method: 'post',
  path: '/cleanup',
}
