// Delivery of a high-risk entry's alert to the owners of its tenant.
import type { PayloadRequest } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { alertEmail } from './alertEmail'
import { AUDIT_COLLECTION } from './writeAuditEntry'

/** Emails the entry's alert to each owner of its tenant; returns how many were notified. */
export async function mailAlertToOwners(req: PayloadRequest, entryId: number): Promise<number> {
  const entry = await req.payload.findByID({ id: entryId, collection: AUDIT_COLLECTION, depth: 0, overrideAccess: true, req })
  const tenantId = idOf(entry.tenant)
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
  return owners.length
}
