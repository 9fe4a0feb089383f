import type { CollectionBeforeChangeHook } from 'payload'

import type { Booking } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { enforcePlanLimit } from '../services/limits'

/**
 * A new booking, public or staff-made, must fit the month's count of the studio's plan (403 `plan_limit`).
 * The tenant is the room's, set before validation (prepareBooking).
 */
export const enforceBookingLimit: CollectionBeforeChangeHook<Booking> = async ({ data, operation, req }) => {
  const tenantId = idOf(data.tenant)
  if (operation === 'create' && typeof tenantId === 'number') await enforcePlanLimit(req, tenantId, 'bookingsPerMonth')
  return data
}
