// Status changes with side effects, shared by the public and staff endpoints.
import type { PayloadRequest } from 'payload'

import type { Booking, Room, Tenant } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { statusChange } from '../context'
import { runImmediateJobs } from '../../../utilities/immediateJobs'
import { inTransaction } from '../../../utilities/inTransaction'
import { lockBooking } from './bookingLock'
import { awaitsCustomerConfirmation, confirmationCode } from './customerConfirmation'
import { type BookingEmailKind, sendBookingEmail } from './emails'
import { takeMailQuota } from './mailQuota'
import { cancellationQuote } from './publicBooking'
import { studioPageUrl } from './studioHosts'
import { assertTransition } from './transitions'

/**
 * The customer's page for this booking; with the access token when we have it (the first email only), and
 * the confirmation code when the booking waits for its customer's confirmation.
 */
export async function manageUrl(req: PayloadRequest, tenant: Tenant, booking: Booking, { accessToken, withConfirmation = false }: { accessToken?: string; withConfirmation?: boolean } = {}) {
  const query = new URLSearchParams({ ...(accessToken ? { token: accessToken } : {}), ...(withConfirmation ? { confirm: confirmationCode(req.payload, booking) } : {}) }).toString()
  return `${await studioPageUrl(req, tenant, booking.ref)}${query ? `?${query}` : ''}`
}

export async function bookingContext(req: PayloadRequest, booking: Booking): Promise<{ room: Room; tenant: Tenant }> {
  const room = await req.payload.findByID({ id: idOf(booking.room), collection: 'rooms', depth: 0, overrideAccess: true, req })
  const tenant = await req.payload.findByID({ id: idOf(booking.tenant!), collection: 'tenants', depth: 0, overrideAccess: true, req })
  return { room, tenant }
}

type NotifyOptions = {
  accessToken?: string
  /** Sent because of an anonymous request (a public booking, a customer's cancellation): counted against the address's hourly share, and dropped beyond it. */
  anonymous?: boolean
  room?: Room
  tenant?: Tenant
}

/** Mail failures are logged, not fatal: the change is committed and the customer can still look it up. */
export async function notifyCustomer(req: PayloadRequest, kind: BookingEmailKind, booking: Booking, { accessToken, anonymous = false, ...known }: NotifyOptions = {}): Promise<void> {
  try {
    if (anonymous && !(await takeMailQuota(req.payload, booking.customer.email))) {
      req.payload.logger.warn({ bookingId: booking.id, msg: `The ${kind} email was not sent: its address had its share of booking emails this hour` })
      return
    }
    const { room, tenant } = known.room && known.tenant ? { room: known.room, tenant: known.tenant } : await bookingContext(req, booking)
    const confirming = kind === 'received' && awaitsCustomerConfirmation(booking)
    const holdNotice = kind === 'received' && booking.holdExpiresAt ? (confirming ? 'confirm' : 'pay') : undefined
    await sendBookingEmail(req, kind, { accessToken, booking, holdNotice, manageUrl: await manageUrl(req, tenant, booking, { accessToken, withConfirmation: confirming }), room, tenant })
  } catch (error) {
    req.payload.logger.error({ bookingId: booking.id, err: error, msg: `Could not send the ${kind} email` })
  }
}

/** Moves a booking to `status` through the transition table (409 when illegal), in one transaction. */
export async function transitionBooking(req: PayloadRequest, booking: Booking, status: Booking['status'], extra: Partial<Booking> = {}): Promise<Booking> {
  // Asked explicitly, staying put is refused too: cancelling a cancelled booking is a conflict.
  assertTransition(booking.status, status)
  return inTransaction(req, () =>
    req.payload.update({ id: booking.id, collection: 'bookings', context: statusChange(status), data: { ...extra, status }, depth: 0, overrideAccess: true, req }),
  )
}

/**
 * Cancels with the refund quote of this moment stored on the booking; emails the customer. The booking is
 * locked and read again first: a deposit recorded meanwhile must count in the quote.
 */
export async function cancelBooking(req: PayloadRequest, booking: Booking, { byCustomer = false }: { byCustomer?: boolean } = {}): Promise<Booking> {
  const { room, tenant } = await bookingContext(req, booking)
  const cancelled = await inTransaction(req, async () => {
    await lockBooking(req, booking.id)
    const current = await req.payload.findByID({ id: booking.id, collection: 'bookings', depth: 0, overrideAccess: true, req })
    return transitionBooking(req, current, 'cancelled', { refundQuote: cancellationQuote(current, tenant) })
  })
  // Other plugins react to a cancellation in the same transaction (payments queues the refund); run it now.
  await runImmediateJobs(req.payload)
  const settled = await req.payload.findByID({ id: cancelled.id, collection: 'bookings', depth: 0, overrideAccess: true, req })
  await notifyCustomer(req, 'cancelled', settled, { anonymous: byCustomer, room, tenant })
  return settled
}
