// The customer's own booking: what it is, and what cancelling now would refund. Readable with any proof,
// the email included (a ref plus an address shows a booking, it cannot change it).
import type { Endpoint } from 'payload'

import { cancellationQuote } from '../services/publicBooking'
import { customerView, provenBooking, publicRead } from './public'

/** GET /api/public/booking/:ref with the access token (X-Booking-Token or ?token=), X-Lookup-Token or ?email=. */
export const readBookingEndpoint: Endpoint = {
  handler: publicRead(async (req) => {
    const { booking, proof, room, tenant } = await provenBooking(req)
    return Response.json(customerView(booking, room, tenant, proof))
  }),
  method: 'get',
  path: '/public/booking/:ref',
}

/** GET /api/public/booking/:ref/cancel-quote: what cancelling now would refund, per the booking's tiers. */
export const cancelQuoteEndpoint: Endpoint = {
  handler: publicRead(async (req) => {
    const { booking, tenant } = await provenBooking(req)
    return Response.json({ ref: booking.ref, status: booking.status, ...cancellationQuote(booking, tenant) })
  }),
  method: 'get',
  path: '/public/booking/:ref/cancel-quote',
}
