import type { CollectionBeforeChangeHook } from 'payload'

import type { Room } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { enforcePlanLimit } from '../services/limits'

/** A new room must fit the studio's plan (403 `plan_limit`); counted under a lock, in the create's transaction. */
export const enforceRoomLimit: CollectionBeforeChangeHook<Room> = async ({ data, operation, req }) => {
  const tenantId = idOf(data.tenant)
  if (operation === 'create' && typeof tenantId === 'number') await enforcePlanLimit(req, tenantId, 'rooms')
  return data
}
