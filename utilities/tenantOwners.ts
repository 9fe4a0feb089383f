// Who to tell about a studio: its owners, by membership role. Trusted server code only (overrideAccess).
import type { PayloadRequest } from 'payload'

import type { User } from '../payload-types'

import { roleIn } from './tenantRoles'

export async function ownersOf(req: PayloadRequest, tenantId: number | string): Promise<User[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { 'tenants.tenant': { equals: tenantId } },
  })
  return docs.filter((user) => roleIn(user, tenantId) === 'owner')
}
