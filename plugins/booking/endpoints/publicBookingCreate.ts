// POST /api/public/booking: a customer books a slot. It holds the slot for the policy's holdMinutes until
// its deposit is paid or (no deposit) its customer confirms from the emailed link.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import type { Booking } from '../../../payload-types'

import { HttpError, isUniqueViolation } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { parseBody } from '../../../utilities/parseRequest'
import { generateSecret, hashSecret } from '../../../utilities/secrets'
import { requestMeta } from '../../../utilities/requestMeta'
import { PUBLIC_BOOKING, type PublicBookingContext } from '../context'
import { checkBookingWindow } from '../services/availability'
import { createDirect } from '../services/directCreate'
import { notifyCustomer } from '../services/lifecycle'
import { assertOpenBookingsWithinLimits, clientIpHash } from '../services/openBookingLimits'
import { bookingOptions } from '../services/options'
import { namedOrHostStudio, publicRoom, roomRules } from '../services/publicBooking'
import { id, instantWithOffset, publicBooking, publicEndpoint } from './public'

// Bookings open up to two years ahead; dates outside a sane window are bad input, not arithmetic errors.
const MAX_AHEAD_MS = 2 * 366 * 86_400_000

// Unknown keys are dropped, not refused: a client-sent price is simply ignored.
const createSchema = z.object({
  customer: z.object({
    email: z.string().trim().email().max(254),
    name: z.string().trim().min(1).max(120),
    phone: z.string().trim().max(40).optional(),
  }),
  // The currency the page showed the price in beside the studio's, and the day of the rates it used.
  display: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/, 'Three capital letters (ISO 4217), e.g. CAD.'),
      rateDate: z.iso.date().refine((date) => date <= new Date().toISOString().slice(0, 10), 'A date today or before.').optional(),
    })
    .strict()
    .optional(),
  end: instantWithOffset,
  notes: z.string().max(2000).optional(),
  room: id,
  start: instantWithOffset,
  // Optional on a studio's own domain, which names the studio itself.
  tenant: z.string().trim().min(1).max(63).optional(),
})

/**
 * POST /api/public/booking: 201 with the booking and its access token (shown here and in the email only);
 * 409 `slot_taken`; 429 `too_many_open_bookings` when the address or the client IP already has its share of
 * open bookings at the studio.
 */
export const createBookingEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const body = await parseBody(req, createSchema)
    const tenant = await namedOrHostStudio(req, body.tenant)
    const { room } = await publicRoom(req, body.room, tenant)
    const start = new Date(body.start)
    const end = new Date(body.end)
    if (start.getTime() - Date.now() > MAX_AHEAD_MS) throw new HttpError(400, 'Bookings open up to two years ahead.', [{ message: 'Bookings open up to two years ahead.', path: 'start' }], { code: 'too_far' })
    const problem = checkBookingWindow({ end, now: new Date(), rules: roomRules(room), start, timeZone: tenant.timezone })
    if (problem) {
      throw new HttpError(400, problem.message, [{ message: problem.message, path: problem.code === 'too_soon' || problem.code === 'outside_opening_hours' ? 'start' : 'end' }], {
        code: problem.code,
      })
    }
    const accessToken = generateSecret()
    const ipHash = clientIpHash(req.payload, requestMeta(req).ip)
    const handover: PublicBookingContext = {
      accessTokenHash: hashSecret(bookingOptions(req.payload).tokenPepper, accessToken),
      clientIpHash: ipHash,
      display: body.display,
      room,
      tenant,
    }
    const create = () => inTransaction(req, async () => {
      await assertOpenBookingsWithinLimits(req, { email: body.customer.email.toLowerCase(), ipHash, tenantId: tenant.id })
      // The collection's hooks (price, terms, status, plan limit, audit…) run as in a Local API create.
      const data = { customer: body.customer, end: end.toISOString(), notes: body.notes, room: room.id, start: start.toISOString(), status: 'pending', tenant: tenant.id }
      return createDirect<Booking>(req, 'bookings', data, { context: { [PUBLIC_BOOKING]: handover }, loaded: ['room'] })
    })
    // The only unique value a booking gets is its random 40-bit ref: a clash is tried once more, with a new ref
    // (the failed try's transaction is rolled back whole).
    const booking = await create().catch((error: unknown) => (isUniqueViolation(error) ? create() : Promise.reject(error)))
    await notifyCustomer(req, 'received', booking, { accessToken, anonymous: true, room, tenant })
    return Response.json({ ...publicBooking(booking, tenant), accessToken }, { status: 201 })
  }),
  method: 'post',
  path: '/public/booking',
}
