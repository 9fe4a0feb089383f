import type { Endpoint } from 'payload'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { bookingFor } from '../../booking'
import { bookingActions } from '../services/bookingActions'

/**
 * GET /api/bookings/:id/actions (bookings:read in the booking's studio; 401, 404, 403 as the staff actions):
 * what the booking's document view offers the caller now, and the booking's status history.
 */
export const bookingActionsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const booking = await bookingFor(req, 'read')
    const tenant = await req.payload.findByID({ id: idOf(booking.tenant)!, collection: 'tenants', depth: 0, overrideAccess: true, req })
    return Response.json(await bookingActions(req, booking, tenant), { headers: { 'Cache-Control': 'no-store' } })
  }),
  method: 'get',
  path: '/:id/actions',
}
