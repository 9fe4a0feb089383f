import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { Booking } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { STATUS_CHANGE } from '../context'
import { assertNoSessionOverlap } from '../services/roomLock'
import { assertTransition, BLOCKING_STATUSES, HOLDING_STATUSES } from '../services/transitions'

const SPAN_FIELDS = ['start', 'blockedUntil', 'room'] as const

/**
 * Status changes come from the code paths that own them (see STATUS_CHANGE; a plain edit may only mark a
 * confirmed booking completed) and follow the transition table (409 otherwise); a blocking booking must not
 * overlap a session; a booking leaving pending or awaiting payment (confirmed, cancelled, expired…) holds
 * nothing any more.
 */
export const guardBooking: CollectionBeforeChangeHook<Booking> = async ({ context, data, operation, originalDoc, req }) => {
  const from = originalDoc?.status
  const to = data.status ?? from ?? 'pending'
  const changing = operation === 'create' ? to !== 'pending' : to !== from
  if (changing && context[STATUS_CHANGE] !== to && !(operation === 'update' && to === 'completed')) {
    throw new APIError('Change a booking’s status with its actions (confirm, cancel, convert); new bookings start pending.', 409, { code: 'status_by_action' }, true)
  }
  if (operation === 'update' && from && to !== from) assertTransition(from, to)
  if (!HOLDING_STATUSES.includes(to) && originalDoc?.holdExpiresAt) data.holdExpiresAt = null
  const blocking = BLOCKING_STATUSES.includes(to)
  const spanChanged =
    operation === 'create' ||
    SPAN_FIELDS.some((key) => key in data && String(data[key]) !== String(originalDoc?.[key])) ||
    (from !== undefined && !BLOCKING_STATUSES.includes(from) && blocking)
  if (blocking && spanChanged) {
    // Validation has run: room and start are there, and prepareBooking has computed blockedUntil.
    const merged = { ...originalDoc, ...data }
    await assertNoSessionOverlap(req, {
      blockedUntil: new Date(merged.blockedUntil!),
      bookingId: originalDoc?.id,
      roomId: idOf(merged.room!),
      start: new Date(merged.start!),
    })
  }
  return data
}
