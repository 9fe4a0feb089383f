// Double opt-in for public bookings with no deposit: the "received" email carries a confirmation code, and
// only its mailbox has it (the access token also comes back from the booking call, so it proves nothing
// about the address). Confirming ends the hold; the booking stays pending for the studio to confirm.
import type { Payload, PayloadRequest } from 'payload'

import { createHmac } from 'node:crypto'

import type { Booking } from '../../../payload-types'

import { conflict } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { digestsEqual } from '../../../utilities/secrets'
import { lockBooking } from './bookingLock'
import { bookingOptions } from './options'

/** Stateless, like the lookup links: an HMAC of the booking under a key derived from PAYLOAD_SECRET. */
export const confirmationCode = (payload: Payload, booking: Pick<Booking, 'id' | 'ref'>): string =>
  createHmac('sha256', bookingOptions(payload).confirmationKey).update(`${booking.id}:${booking.ref}`).digest('hex')

export const confirmationCodeMatches = (payload: Payload, booking: Pick<Booking, 'id' | 'ref'>, code: string | undefined): boolean =>
  digestsEqual(confirmationCode(payload, booking), code)

const holdEnded = (booking: Booking, now: Date) => booking.status === 'expired' || (booking.holdExpiresAt !== null && booking.holdExpiresAt !== undefined && Date.parse(booking.holdExpiresAt) <= now.getTime())

/** A public booking with nothing to pay, still held, that its customer has not confirmed yet. */
export const awaitsCustomerConfirmation = (booking: Booking, now = new Date()): boolean =>
  booking.status === 'pending' && !booking.customerConfirmedAt && Boolean(booking.holdExpiresAt) && (booking.deposit ?? 0) <= 0 && !holdEnded(booking, now)

/**
 * Records the customer's confirmation and ends the hold (the row locked, then read again). Idempotent: a
 * booking already confirmed (by its customer or the studio) or holding nothing is returned as it is. 409
 * for a cancelled booking, one whose hold ran out, and one that is kept by paying its deposit instead.
 */
export async function confirmByCustomer(req: PayloadRequest, booking: Booking): Promise<Booking> {
  return inTransaction(req, async () => {
    await lockBooking(req, booking.id)
    const current = await req.payload.findByID({ id: booking.id, collection: 'bookings', depth: 0, overrideAccess: true, req })
    if (current.status === 'cancelled') throw conflict('This booking was cancelled.', 'booking_cancelled')
    if (holdEnded(current, new Date())) throw conflict('This booking was not confirmed in time and its slot has been released. Please book again.', 'hold_expired')
    if (current.status !== 'pending' && current.status !== 'awaiting_payment') return current
    if (!current.holdExpiresAt || current.customerConfirmedAt) return current
    if (current.status === 'awaiting_payment' || (current.deposit ?? 0) > 0) throw conflict('This booking is kept by paying its deposit.', 'deposit_due')
    return req.payload.update({
      id: current.id,
      collection: 'bookings',
      data: { customerConfirmedAt: new Date().toISOString(), holdExpiresAt: null },
      depth: 0,
      overrideAccess: true,
      req,
    })
  })
}
