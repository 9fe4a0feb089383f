import type { CollectionBeforeChangeHook } from 'payload'

import type { Session } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { assertNoBookingOverlap } from '../services/roomLock'
import { assertSessionTransition, BLOCKING_STATUSES } from '../services/transitions'

/** Status changes follow the session table (409 otherwise); a live session must not overlap a blocking booking. */
export const guardSession: CollectionBeforeChangeHook<Session> = async ({ data, operation, originalDoc, req }) => {
  const from = originalDoc?.status
  const to = data.status ?? from ?? 'scheduled'
  if (operation === 'update' && from && to !== from) assertSessionTransition(from, to)
  if (to !== 'cancelled') {
    // Validation has run: room and start are there, and prepareSession has computed blockedUntil.
    const merged = { ...originalDoc, ...data }
    await assertNoBookingOverlap(req, {
      blockedUntil: new Date(merged.blockedUntil!),
      blockingStatuses: BLOCKING_STATUSES,
      bookingId: merged.booking ? idOf(merged.booking) : undefined,
      roomId: idOf(merged.room!),
      start: new Date(merged.start!),
    })
  }
  return data
}
