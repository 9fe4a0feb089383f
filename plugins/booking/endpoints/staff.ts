// Staff actions on a booking: login plus the permission in the booking's tenant.
import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { parseBody } from '../../../utilities/parseRequest'
import { requirePermission } from '../../rbac'
import { cancelBooking, notifyCustomer, transitionBooking } from '../services/lifecycle'

const params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) })

/** The booking of `/:id` for a staff action: logged in (401), visible (404), `resource:action` in its studio (403). */
export async function bookingFor(req: PayloadRequest, action: string, resource = 'bookings') {
  if (!req.user) throw unauthorized()
  const { id } = params.parse(req.routeParams)
  const booking = await findVisible(req, 'bookings', id, 'Booking not found.')
  await requirePermission(req, resource, action, idOf(booking.tenant))
  return booking
}

/** POST /api/bookings/:id/confirm (bookings:confirm): pending or awaiting payment → confirmed. */
export const confirmBookingEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const booking = await bookingFor(req, 'confirm')
    const confirmed = await transitionBooking(req, booking, 'confirmed')
    await notifyCustomer(req, 'confirmed', confirmed)
    return Response.json({ booking: confirmed })
  }),
  method: 'post',
  path: '/:id/confirm',
}

/** POST /api/bookings/:id/cancel (bookings:cancel): cancels with the refund quote of this moment. */
export const staffCancelEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const booking = await bookingFor(req, 'cancel')
    return Response.json({ booking: await cancelBooking(req, booking) })
  }),
  method: 'post',
  path: '/:id/cancel',
}

const convertSchema = z
  .object({
    artist: z.number().int().positive().optional(),
    notes: z.string().max(2000).optional(),
    staff: z.number().int().positive().optional(),
  })
  .strict()

/** POST /api/bookings/:id/convert (bookings:convert): a session for the booking, and the booking `converted`, together. */
export const convertBookingEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const booking = await bookingFor(req, 'convert')
    const body = req.headers.get('content-length') === '0' || !req.headers.get('content-type') ? {} : await parseBody(req, convertSchema)
    const tenantId = idOf(booking.tenant)
    // The one converting is the session's staff by default, when a member here (not a super admin from outside).
    const memberHere = req.user?.collection === 'users' && (req.user.tenants ?? []).some((membership) => idOf(membership.tenant) === tenantId)
    const result = await inTransaction(req, async () => {
      const converted = await transitionBooking(req, booking, 'converted')
      const session = await req.payload.create({
        collection: 'sessions',
        data: {
          artist: body.artist,
          booking: booking.id,
          end: booking.end,
          notes: body.notes ?? booking.notes ?? undefined,
          room: idOf(booking.room),
          staff: body.staff ?? (memberHere ? req.user?.id : undefined),
          start: booking.start,
          status: 'scheduled',
          tenant: tenantId,
        },
        depth: 0,
        // bookings:convert was checked above; it includes making the session.
        overrideAccess: true,
        req,
      })
      return { booking: converted, session }
    })
    return Response.json(result, { status: 201 })
  }),
  method: 'post',
  path: '/:id/convert',
}
