// Signups never verified are deleted after the retention period, tenant and owner and all: nobody could
// sign in to them, and their slugs go back to the pool. Verified signups only drop their slug hold.
import type { PayloadRequest } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { tenantIdsOf } from '../../../utilities/tenantRoles'
import { SIGNUP_REQUESTS_SLUG } from '../collections/SignupRequests'
import { signupOptions } from './options'

/** Deletes what signups older than the retention left; returns the number of studios deleted. */
export async function purgeUnverifiedSignups(req: PayloadRequest, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - signupOptions(req.payload).unverifiedRetentionDays * 86_400_000)
  const { docs } = await req.payload.find({
    collection: SIGNUP_REQUESTS_SLUG,
    depth: 0,
    limit: 100,
    overrideAccess: true,
    req,
    where: { createdAt: { less_than: cutoff.toISOString() } },
  })
  let studiosDeleted = 0
  for (const request of docs) {
    await inTransaction(req, async () => {
      const tenantId = request.tenant ? idOf(request.tenant) : undefined
      if (tenantId && !request.verifiedAt) {
        const { docs: members } = await req.payload.find({
          collection: 'users',
          depth: 0,
          overrideAccess: true,
          pagination: false,
          req,
          showHiddenFields: true,
          where: { 'tenants.tenant': { equals: tenantId } },
        })
        // Only a studio whose every member is still unverified and belongs nowhere else.
        if (members.every((member) => member._verified === false && tenantIdsOf(member).length === 1)) {
          for (const member of members) await req.payload.delete({ id: member.id, collection: 'users', overrideAccess: true, req })
          await req.payload.delete({ id: tenantId, collection: 'tenants', overrideAccess: true, req })
          studiosDeleted += 1
        }
      }
      await req.payload.delete({ id: request.id, collection: SIGNUP_REQUESTS_SLUG, overrideAccess: true, req })
    })
  }
  return studiosDeleted
}
