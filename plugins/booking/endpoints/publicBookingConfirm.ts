import type { Endpoint } from 'payload'

import { z } from 'zod'

import { parseBody } from '../../../utilities/parseRequest'
import { confirmationCodeMatches, confirmByCustomer } from '../services/customerConfirmation'
import { customerView, linkRequired, provenBooking, publicEndpoint } from './public'

const confirmSchema = z.object({ code: z.string().trim().min(1).max(200).optional() }).strict()

/**
 * POST /api/public/booking/:ref/confirm `{ code }`: the customer confirms a booking with no deposit from the
 * emailed link, ending its hold (it stays pending for the studio). Needs the access token with the link's
 * confirmation code, or the emailed lookup link's token (X-Lookup-Token): either proves the mailbox, which
 * the access token alone (returned by the booking call) does not: 403 `link_required`. Idempotent; 409
 * `hold_expired`, `booking_cancelled` or `deposit_due`.
 */
export const confirmBookingByCustomerEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const body = req.headers.get('content-length') === '0' || !req.headers.get('content-type') ? {} : await parseBody(req, confirmSchema)
    const { booking, proof, room, tenant } = await provenBooking(req)
    const mailboxProven = proof === 'lookup' || (proof === 'token' && confirmationCodeMatches(req.payload, booking, body.code))
    if (!mailboxProven) throw linkRequired('Confirm with the “Confirm my booking” link in the email we sent you.')
    const confirmed = await confirmByCustomer(req, booking)
    return Response.json(customerView(confirmed, room, tenant, proof))
  }),
  method: 'post',
  path: '/public/booking/:ref/confirm',
}
