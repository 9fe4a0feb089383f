import type { Payload, Where } from 'payload'

import type { AuditLog } from '../../payload-types'

/** Audit entries matching `where`, oldest first. */
export const auditEntries = async (payload: Payload, where: Where = {}): Promise<AuditLog[]> =>
  (await payload.find({ collection: 'audit-logs', depth: 0, pagination: false, sort: 'id', where })).docs
