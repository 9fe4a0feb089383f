import type { Endpoint } from 'payload'

import { cancelBooking } from '../services/lifecycle'
import { customerView, linkRequired, provenBooking, publicEndpoint } from './public'

/**
 * POST /api/public/booking/:ref/cancel: cancels, stores the refund quote and answers the booking as read
 * (with `refundQuote`). Needs the access token (X-Booking-Token or ?token=) or the emailed lookup link's
 * token (X-Lookup-Token): a ref and an email are no secrets, so with them alone it is 403 `link_required`.
 */
export const cancelBookingEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { booking, proof, room, tenant } = await provenBooking(req)
    if (proof === 'email') throw linkRequired('To cancel, open the link in your booking email, or ask for a link to your bookings by email.')
    const cancelled = await cancelBooking(req, booking, { byCustomer: true })
    return Response.json(customerView(cancelled, room, tenant, proof))
  }),
  method: 'post',
  path: '/public/booking/:ref/cancel',
}
