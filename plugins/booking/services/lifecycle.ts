// Status changes with side effects, shared by the public and staff endpoints.
import type { PayloadRequest } from 'payload'

import type { Booking, Room, Tenant } from '../../../payload-types'

import { sql } from '@payloadcms/db-postgres'
import { APIError } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { statusChange } from '../hooks/guardBooking'
import { runImmediateJobs } from '../../../utilities/immediateJobs'
import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { type BookingEmailKind, sendBookingEmail } from './emails'
import { bookingOptions } from './options'
import { cancellationQuote } from './publicBooking'
import { canTransition } from './transitions'

/** The customer's page for this booking; with the access token when we have it (the first email only). */
export const manageUrl = (req: PayloadRequest, tenant: Tenant, booking: Booking, accessToken?: string) =>
  `${bookingOptions(req.payload).publicUrl}/${tenant.slug}/book/${booking.ref}${accessToken ? `?token=${encodeURIComponent(accessToken)}` : ''}`

export async function bookingContext(req: PayloadRequest, booking: Booking): Promise<{ room: Room; tenant: Tenant }> {
  const room = await req.payload.findByID({ id: idOf(booking.room as number | { id: number }), collection: 'rooms', depth: 0, overrideAccess: true, req })
  const tenant = await req.payload.findByID({ id: idOf(booking.tenant as number | { id: number }), collection: 'tenants', depth: 0, overrideAccess: true, req })
  return { room, tenant }
}

/** Mail failures are logged, not fatal: the change is committed and the customer can still look it up. */
export async function notifyCustomer(
  req: PayloadRequest,
  kind: BookingEmailKind,
  booking: Booking,
  { accessToken, ...known }: { accessToken?: string; room?: Room; tenant?: Tenant } = {},
): Promise<void> {
  try {
    const { room, tenant } = known.room && known.tenant ? { room: known.room, tenant: known.tenant } : await bookingContext(req, booking)
    await sendBookingEmail(req, kind, { accessToken, booking, manageUrl: manageUrl(req, tenant, booking, accessToken), room, tenant })
  } catch (error) {
    req.payload.logger.error({ bookingId: booking.id, err: error, msg: `Could not send the ${kind} email` })
  }
}

/** Moves a booking to `status` through the transition table (409 when illegal), in one transaction. */
export async function transitionBooking(req: PayloadRequest, booking: Booking, status: Booking['status'], extra: Partial<Booking> = {}): Promise<Booking> {
  // Asked explicitly, staying put is refused too: cancelling a cancelled booking is a conflict.
  if (!canTransition(booking.status, status)) {
    throw new APIError(`A booking cannot go from ${booking.status} to ${status}.`, 409, { code: 'illegal_transition' }, true)
  }
  return inTransaction(req, () =>
    req.payload.update({ id: booking.id, collection: 'bookings', context: statusChange(status), data: { ...extra, status }, depth: 0, overrideAccess: true, req }),
  )
}

/**
 * Cancels with the refund quote of this moment stored on the booking; emails the customer. The booking is
 * locked and read again first: a deposit recorded meanwhile must count in the quote.
 */
export async function cancelBooking(req: PayloadRequest, booking: Booking): Promise<Booking> {
  const { room, tenant } = await bookingContext(req, booking)
  const cancelled = await inTransaction(req, async () => {
    await (await transactionDb(req)).execute(sql`select id from bookings where id = ${booking.id} for update`)
    const current = await req.payload.findByID({ id: booking.id, collection: 'bookings', depth: 0, overrideAccess: true, req })
    return transitionBooking(req, current, 'cancelled', { refundQuote: cancellationQuote(current, tenant) })
  })
  // Other plugins react to a cancellation in the same transaction (payments queues the refund); run it now.
  await runImmediateJobs(req.payload)
  const settled = await req.payload.findByID({ id: cancelled.id, collection: 'bookings', depth: 0, overrideAccess: true, req })
  await notifyCustomer(req, 'cancelled', settled, { room, tenant })
  return settled
}
