import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { enforcePlanLimit } from '../services/limits'

type Memberships = User['tenants']

const seatHolders = (memberships: Memberships): Set<number> =>
  new Set((memberships ?? []).filter((membership) => membership.role !== 'artist').map((membership) => Number(idOf(membership.tenant))))

/**
 * Every role but `artist` takes a staff seat. A membership that gains one (new, or an artist given another
 * role) must fit that studio's plan (403 `plan_limit`); role changes between seated roles take none.
 */
export const enforceSeatLimit: CollectionBeforeChangeHook<User> = async ({ data, originalDoc, req }) => {
  if (!data.tenants) return data
  const seated = seatHolders(originalDoc?.tenants)
  // In id order, so that two writes gaining seats in the same studios take their locks in the same order.
  const gaining = [...seatHolders(data.tenants)].filter((tenantId) => !seated.has(tenantId)).sort((a, b) => a - b)
  for (const tenantId of gaining) await enforcePlanLimit(req, tenantId, 'staffSeats', originalDoc?.id)
  return data
}
