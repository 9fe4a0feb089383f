import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { assertNoSessionOverlap } from '../services/roomLock'
import { BLOCKING_STATUSES, type BookingStatus, canTransition } from '../services/transitions'

/** Status changes follow the transition table (409 otherwise); a blocking booking must not overlap a session. */
export const guardBooking: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const from = originalDoc?.status as BookingStatus | undefined
  const to = (data.status ?? from ?? 'pending') as BookingStatus
  if (operation === 'update' && from && to !== from && !canTransition(from, to)) {
    throw new APIError(`A booking cannot go from ${from} to ${to}.`, 409, { code: 'illegal_transition' }, true)
  }
  const blocking = BLOCKING_STATUSES.includes(to)
  const spanChanged =
    operation === 'create' ||
    ['start', 'blockedUntil', 'room'].some((key) => key in data && String(data[key]) !== String(originalDoc?.[key])) ||
    (from !== undefined && !BLOCKING_STATUSES.includes(from) && blocking)
  if (blocking && spanChanged) {
    const merged = { ...originalDoc, ...data }
    await assertNoSessionOverlap(req, {
      blockedUntil: new Date(merged.blockedUntil as string),
      bookingId: originalDoc?.id as number | undefined,
      roomId: idOf(merged.room as number | { id: number }),
      start: new Date(merged.start as string),
    })
  }
  return data
}
