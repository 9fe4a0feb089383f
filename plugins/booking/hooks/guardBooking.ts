import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { assertNoSessionOverlap } from '../services/roomLock'
import { assertTransition, BLOCKING_STATUSES, type BookingStatus, HOLDING_STATUSES } from '../services/transitions'

/**
 * Set, to the status it moves to, by the code paths that own a status change (confirm, cancel, convert,
 * payments, hold expiry): each carries its side effects and permission. Payload keeps a call's context on
 * the request, so the value must match the move: it authorises that one, not any later edit. A plain edit
 * may only mark a confirmed booking completed.
 */
export const STATUS_CHANGE = 'atelierBookingStatusChange'
export const statusChange = (status: BookingStatus) => ({ [STATUS_CHANGE]: status })

/**
 * Status changes follow the transition table (409 otherwise); a blocking booking must not overlap a session;
 * a booking leaving pending or awaiting payment (confirmed, cancelled, expired…) holds nothing any more.
 */
export const guardBooking: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  const from = originalDoc?.status as BookingStatus | undefined
  const to = (data.status ?? from ?? 'pending') as BookingStatus
  const changing = operation === 'create' ? to !== 'pending' : to !== from
  if (changing && context[STATUS_CHANGE] !== to && !(operation === 'update' && to === 'completed')) {
    throw new APIError('Change a booking’s status with its actions (confirm, cancel, convert); new bookings start pending.', 409, { code: 'status_by_action' }, true)
  }
  if (operation === 'update' && from && to !== from) assertTransition(from, to)
  if (!HOLDING_STATUSES.includes(to) && originalDoc?.holdExpiresAt) data.holdExpiresAt = null
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
