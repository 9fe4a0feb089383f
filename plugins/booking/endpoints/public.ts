// What the public booking endpoints share: the rate-limited wrapper, the input formats, the customer's
// proof, and the booking as the customer sees it. No login anywhere; the studio is named by slug or room.
import type { PayloadHandler, PayloadRequest } from 'payload'

import { z } from 'zod'

import type { Booking, Room, Tenant } from '../../../payload-types'

import { HttpError, notFound, withErrorHandling } from '../../../utilities/apiErrors'
import { retryReadOnce } from '../../../utilities/databaseFaults'
import { idOf } from '../../../utilities/idOf'
import { parseQuery } from '../../../utilities/parseRequest'
import { requestMeta } from '../../../utilities/requestMeta'
import { isBookingRef } from '../services/bookingRef'
import { awaitsCustomerConfirmation } from '../services/customerConfirmation'
import { bookingTimes } from '../services/emails'
import { bookingContext } from '../services/lifecycle'
import { bookingOptions } from '../services/options'
import { bookingWithProof, type ProofKind } from '../services/publicBooking'
import { hostStudioId } from '../services/studioHosts'
import { bookingStanding, isCancellable } from '../services/publicView'
import { formatInZone } from '../services/zonedTime'

const plausible = (value: string) => {
  const year = Number(value.slice(0, 4))
  return year >= 2000 && year <= 2199
}
export const localDate = z.iso.date().refine(plausible, 'A date between the years 2000 and 2199.')
export const instantWithOffset = z.iso.datetime({ offset: true }).refine(plausible, 'A date between the years 2000 and 2199.')
export const id = z.coerce.number().int().positive().max(2 ** 31 - 1)

/** Rate limit, then the project's error handling: the wrapper of every public booking endpoint. */
export const publicEndpoint = (handler: PayloadHandler): PayloadHandler =>
  withErrorHandling(async (req) => {
    await bookingOptions(req.payload).limiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
    return handler(req)
  })

/**
 * publicEndpoint for an endpoint that only reads: tried once more when the database could not answer (a
 * connection dropped under it). Endpoints that write are not: the client retries on the 503.
 */
export const publicRead = (handler: PayloadHandler): PayloadHandler => publicEndpoint((req) => retryReadOnce(req, async () => handler(req)))

/**
 * A booking as its customer (and the lookup list) sees it; times in the studio's zone. Beside its data, what
 * the pages show rather than work out: `payable` (its deposit can be paid now), `cancellable` (its status
 * allows cancelling), `phase` (`open`, `kept` or `ended`) and `statusLabel`.
 */
export const publicBooking = (booking: Booking, tenant: Tenant) => {
  const awaitingCustomerConfirmation = awaitsCustomerConfirmation(booking)
  return {
    awaitingCustomerConfirmation,
    currency: booking.currency,
    customerConfirmedAt: booking.customerConfirmedAt ? formatInZone(new Date(booking.customerConfirmedAt), tenant.timezone) : null,
    deposit: booking.deposit,
    // The converted price the customer was shown when booking (approximate; the charge is in `currency`).
    display: booking.display?.currency ? booking.display : null,
    holdExpiresAt: booking.holdExpiresAt ? formatInZone(new Date(booking.holdExpiresAt), tenant.timezone) : null,
    price: booking.price,
    ref: booking.ref,
    status: booking.status,
    ...bookingStanding(booking, awaitingCustomerConfirmation),
    ...bookingTimes(booking, tenant),
  }
}

/**
 * The booking page in full. `cancellation` says whether this request may cancel: `link_required` when it
 * proved itself with the email only (use the emailed link), `unavailable` when the status allows no cancel.
 */
export const customerView = (booking: Booking, room: Room, tenant: Tenant, proof: ProofKind) => ({
  ...publicBooking(booking, tenant),
  cancellation: !isCancellable(booking.status) ? 'unavailable' : proof === 'email' ? 'link_required' : 'allowed',
  customer: { email: booking.customer.email, name: booking.customer.name },
  refundQuote: booking.refundQuote ?? null,
  room: { id: room.id, name: room.name },
  studio: { name: tenant.name, slug: tenant.slug },
  timezone: tenant.timezone,
})

/** 403 `link_required`: what the request asks needs the link (or code) from the customer's email. */
export const linkRequired = (message: string) => new HttpError(403, message, [{ message }], { code: 'link_required' })

const refParams = z.object({ ref: z.string().refine(isBookingRef, 'Not a booking reference.') })
const proofQuery = z.object({ email: z.string().trim().email().max(254).optional(), token: z.string().min(1).max(200).optional() }).strict()

/**
 * The booking named in the path, if the request proves it is the customer's: the access token
 * (X-Booking-Token or ?token=), a lookup link's token (X-Lookup-Token) for the booking's address, or
 * ?email=. 404 otherwise. `proof` says which one matched.
 */
export async function provenBooking(req: PayloadRequest) {
  const { ref } = refParams.parse(req.routeParams)
  const query = parseQuery(req, proofQuery)
  const token = req.headers.get('x-booking-token') ?? query.token
  const lookupToken = req.headers.get('x-lookup-token')?.slice(0, 1000) ?? undefined
  const { booking, proof } = await bookingWithProof(req, ref, { email: query.email, lookupToken, token })
  // On a studio's own domain, another studio's booking is not there at all.
  const hostStudio = await hostStudioId(req)
  if (hostStudio !== null && idOf(booking.tenant!) !== hostStudio) throw notFound('Booking not found.')
  return { booking, proof, ...(await bookingContext(req, booking)) }
}
