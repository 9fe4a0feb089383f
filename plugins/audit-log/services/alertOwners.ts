// Delivery of a high-risk entry's alert to the owners of its tenant.
import type { PayloadRequest } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { ownersOf } from '../../../utilities/tenantOwners'
import { alertEmail } from './alertEmail'
import { AUDIT_COLLECTION } from './writeAuditEntry'

/** Emails the entry's alert to each owner of its tenant; returns how many were notified. */
export async function mailAlertToOwners(req: PayloadRequest, entryId: number): Promise<number> {
  const entry = await req.payload.findByID({ id: entryId, collection: AUDIT_COLLECTION, depth: 0, overrideAccess: true, req })
  const tenantId = idOf(entry.tenant)
  if (tenantId === null || tenantId === undefined) return 0
  const owners = await ownersOf(req, tenantId)
  const email = alertEmail(entry)
  for (const owner of owners) await req.payload.sendEmail({ ...email, to: owner.email })
  return owners.length
}
