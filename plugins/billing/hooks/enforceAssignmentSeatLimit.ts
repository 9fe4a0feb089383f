import type { CollectionBeforeChangeHook } from 'payload'

import type { RoleAssignment } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { enforcePlanLimit } from '../services/limits'

/**
 * A role assignment gives its holder more than an artist's share: one who held no seat in the studio takes
 * one, within the plan (403 `plan_limit`). Else assignments would seat staff past the limit.
 */
export const enforceAssignmentSeatLimit: CollectionBeforeChangeHook<RoleAssignment> = async ({ data, operation, originalDoc, req }) => {
  const tenant = data.tenant ?? originalDoc?.tenant
  const user = data.user ?? originalDoc?.user
  const movedToSomeoneElse = operation === 'update' && data.user !== undefined && idOf(data.user) !== idOf(originalDoc?.user)
  if ((operation === 'create' || movedToSomeoneElse) && tenant && user) await enforcePlanLimit(req, Number(idOf(tenant)), 'staffSeats', Number(idOf(user)))
  return data
}
