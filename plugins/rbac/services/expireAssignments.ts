import type { PayloadRequest } from 'payload'

import { ROLE_EXPIRED_CONTEXT } from '../context'

/**
 * Removes the assignments that have expired, one by one so that each removal is audited. They already
 * grant nothing (checked at request time): this only tidies up.
 */
export async function removeExpiredAssignments(req: PayloadRequest): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'role-assignments',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { expiresAt: { less_than_equal: new Date().toISOString() } },
  })
  for (const assignment of docs) {
    await req.payload.delete({ id: assignment.id, collection: 'role-assignments', context: { [ROLE_EXPIRED_CONTEXT]: true }, overrideAccess: true, req })
  }
  return docs.length
}
