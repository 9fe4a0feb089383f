// Document locks are seen and released by their holder and by people who share a studio with the
// holder (the admin panel shows them "being edited by …"); super admins see all.
import type { Access, PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { tenantIdsOf } from '../../../access/tenantRoles'

type Id = number | string

// Once per request: the list view asks for the locks of every page it shows.
const colleaguesByRequest = new WeakMap<object, Promise<Id[]>>()

/** The user and everyone who shares a tenant with them. */
export function colleaguesOf(req: PayloadRequest): Promise<Id[]> {
  const user = req.user!
  let colleagues = colleaguesByRequest.get(req)
  if (!colleagues) {
    colleagues = (async () => {
      const tenantIds = tenantIdsOf(user as never)
      if (tenantIds.length === 0) return [user.id]
      const { docs } = await req.payload.find({
        collection: 'users',
        depth: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: { email: true },
        where: { 'tenants.tenant': { in: tenantIds } },
      })
      return [...new Set<Id>([user.id, ...docs.map((doc) => doc.id)])]
    })()
    colleaguesByRequest.set(req, colleagues)
  }
  return colleagues
}

export const lockHolderOrColleague: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSuperAdmin(req.user)) return true
  return { 'user.relationTo': { equals: req.user.collection }, 'user.value': { in: await colleaguesOf(req) } }
}
