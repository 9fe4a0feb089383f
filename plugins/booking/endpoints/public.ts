// The public booking API: no login, rate-limited per client IP, the studio named by slug or by the room.
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { z } from 'zod'

import type { Booking, Tenant } from '../../../payload-types'

import { badRequest, HttpError, withErrorHandling } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { generateSecret, hashSecret } from '../../../utilities/secrets'
import { requestMeta } from '../../audit-log/services/requestMeta'
import { PUBLIC_BOOKING, type PublicBookingContext } from '../hooks/prepareBooking'
import { checkBookingWindow, freeSlots } from '../services/availability'
import { isBookingRef } from '../services/bookingRef'
import { bookingTimes } from '../services/emails'
import { bookingContext, cancelBooking, notifyCustomer } from '../services/lifecycle'
import { queueLookup, verifyLookupToken } from '../services/lookup'
import { bookingOptions } from '../services/options'
import { activeTenantBySlug, bookingWithProof, busyIntervals, cancellationQuote, publicRoom, roomRules } from '../services/publicBooking'
import { addDays, formatInZone, localDateOf, zonedDateTimeToInstant } from '../services/zonedTime'

const MAX_RANGE_DAYS = 62
// Bookings open up to two years ahead; dates outside a sane window are bad input, not arithmetic errors.
const MAX_AHEAD_MS = 2 * 366 * 86_400_000
const plausible = (value: string) => {
  const year = Number(value.slice(0, 4))
  return year >= 2000 && year <= 2199
}
const localDate = z.iso.date().refine(plausible, 'A date between the years 2000 and 2199.')
const instantWithOffset = z.iso.datetime({ offset: true }).refine(plausible, 'A date between the years 2000 and 2199.')
const id = z.coerce.number().int().positive().max(2 ** 31 - 1)

/** Rate limit, then the project's error handling: the wrapper of every public booking endpoint. */
export const publicEndpoint = (handler: PayloadHandler): PayloadHandler =>
  withErrorHandling(async (req) => {
    bookingOptions(req.payload).limiter.consume(requestMeta(req).ip ?? 'unknown')
    return handler(req)
  })

export const publicBooking = (booking: Booking, tenant: Tenant) => ({
  currency: booking.currency,
  deposit: booking.deposit,
  price: booking.price,
  ref: booking.ref,
  status: booking.status,
  ...bookingTimes(booking, tenant),
})

export const publicRoomsEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { tenant: slug } = z.object({ tenant: z.string().min(1).max(63) }).parse(req.routeParams)
    const tenant = await activeTenantBySlug(req, slug)
    const { docs } = await req.payload.find({
      collection: 'rooms',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'name',
      where: { and: [{ tenant: { equals: tenant.id } }, { active: { equals: true } }] },
    })
    return Response.json({
      rooms: docs.map((room) => ({
        capacity: room.capacity,
        hourlyRate: room.hourlyRate,
        id: room.id,
        maxMinutes: room.maxMinutes,
        minMinutes: room.minMinutes,
        name: room.name,
        slotStepMinutes: room.slotStepMinutes,
        slug: room.slug,
      })),
      tenant: { currency: tenant.defaultCurrency, locale: tenant.defaultLocale, name: tenant.name, slug: tenant.slug, timezone: tenant.timezone },
    })
  }),
  method: 'get',
  path: '/public/tenants/:tenant/rooms',
}

const availabilityQuery = z
  .object({
    duration: z.coerce.number().int().positive().max(24 * 60).optional(),
    from: z.union([localDate, instantWithOffset]).optional(),
    to: z.union([localDate, instantWithOffset]).optional(),
  })
  .strict()

/** GET /api/public/rooms/:id/availability?from=&to=&duration= : free slots per local day, in the studio's zone. */
export const availabilityEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { id: roomId } = z.object({ id }).parse(req.routeParams)
    const query = parseQuery(req, availabilityQuery)
    const { room, tenant } = await publicRoom(req, roomId)
    const zone = tenant.timezone
    const asLocalDate = (value: string) => (value.length === 10 ? value : localDateOf(new Date(value), zone))
    const from = query.from ? asLocalDate(query.from) : localDateOf(new Date(), zone)
    const to = query.to ? asLocalDate(query.to) : addDays(from, 6)
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
    if (span < 0) throw badRequest('`to` must not be before `from`.', 'to')
    if (span > MAX_RANGE_DAYS) throw badRequest(`At most ${MAX_RANGE_DAYS} days at a time.`, 'to')
    const duration = query.duration ?? room.minMinutes
    if (duration < room.minMinutes || duration > room.maxMinutes) {
      throw badRequest(`This room is booked for ${room.minMinutes} to ${room.maxMinutes} minutes.`, 'duration')
    }
    // One day of margin either side covers ranges that end past midnight and buffers.
    const busy = await busyIntervals(req, room.id, zonedDateTimeToInstant(addDays(from, -1), '00:00', zone), zonedDateTimeToInstant(addDays(to, 2), '00:00', zone))
    const days = freeSlots({ busy, durationMinutes: duration, from, now: new Date(), rules: roomRules(room), timeZone: zone, to })
    return Response.json({
      days: days.map(({ date, slots }) => ({ date, slots: slots.map((slot) => ({ end: formatInZone(slot.end, zone), start: formatInZone(slot.start, zone) })) })),
      duration,
      room: { id: room.id, name: room.name },
      timezone: zone,
    })
  }),
  method: 'get',
  path: '/public/rooms/:id/availability',
}

// Unknown keys are dropped, not refused: a client-sent price is simply ignored.
const createSchema = z.object({
  customer: z.object({
    email: z.string().trim().email().max(254),
    name: z.string().trim().min(1).max(120),
    phone: z.string().trim().max(40).optional(),
  }),
  end: instantWithOffset,
  notes: z.string().max(2000).optional(),
  room: id,
  start: instantWithOffset,
  tenant: z.string().trim().min(1).max(63),
})

/** POST /api/public/booking: 201 with the booking and its access token (shown here and in the email only). */
export const createBookingEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const body = await parseBody(req, createSchema)
    const tenant = await activeTenantBySlug(req, body.tenant)
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
    const handover: PublicBookingContext = { accessTokenHash: hashSecret(bookingOptions(req.payload).tokenPepper, accessToken), room, tenant }
    const booking = await inTransaction(req, () =>
      req.payload.create({
        collection: 'bookings',
        context: { [PUBLIC_BOOKING]: handover },
        data: { customer: body.customer, end: end.toISOString(), notes: body.notes, room: room.id, start: start.toISOString(), status: 'pending', tenant: tenant.id },
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    await notifyCustomer(req, 'received', booking, { accessToken, room, tenant })
    return Response.json({ ...publicBooking(booking, tenant), accessToken }, { status: 201 })
  }),
  method: 'post',
  path: '/public/booking',
}

const refParams = z.object({ ref: z.string().refine(isBookingRef, 'Not a booking reference.') })
const proofQuery = z.object({ email: z.string().trim().email().max(254).optional(), token: z.string().min(1).max(200).optional() }).strict()

/** The booking named in the path, if the request proves it is the customer's (token or email); else 404. */
export async function provenBooking(req: PayloadRequest) {
  const { ref } = refParams.parse(req.routeParams)
  const query = parseQuery(req, proofQuery)
  const token = req.headers.get('x-booking-token') ?? query.token
  const booking = await bookingWithProof(req, ref, { email: query.email, token })
  return { booking, ...(await bookingContext(req, booking)) }
}

/** GET /api/public/booking/:ref with the access token (X-Booking-Token or ?token=) or ?email=. */
export const readBookingEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { booking, room, tenant } = await provenBooking(req)
    return Response.json({
      ...publicBooking(booking, tenant),
      customer: { email: booking.customer.email, name: booking.customer.name },
      refundQuote: booking.refundQuote ?? null,
      room: { id: room.id, name: room.name },
      studio: { name: tenant.name, slug: tenant.slug },
      timezone: tenant.timezone,
    })
  }),
  method: 'get',
  path: '/public/booking/:ref',
}

/** GET /api/public/booking/:ref/cancel-quote: what cancelling now would refund, per the booking's tiers. */
export const cancelQuoteEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { booking, tenant } = await provenBooking(req)
    return Response.json({ ref: booking.ref, status: booking.status, ...cancellationQuote(booking, tenant) })
  }),
  method: 'get',
  path: '/public/booking/:ref/cancel-quote',
}

/** POST /api/public/booking/:ref/cancel: cancels, stores and returns the refund quote. */
export const cancelBookingEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { booking, tenant } = await provenBooking(req)
    const cancelled = await cancelBooking(req, booking)
    return Response.json({ ...publicBooking(cancelled, tenant), refundQuote: cancelled.refundQuote })
  }),
  method: 'post',
  path: '/public/booking/:ref/cancel',
}

export const LOOKUP_ANSWER = { message: 'If bookings exist for this address, a link to them is on its way by email.' }

/** GET /api/public/bookings/search?email= : always 202 and the same body; the link goes to the mailbox only. */
export const searchBookingsEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { email } = parseQuery(req, z.object({ email: z.string().trim().toLowerCase().email().max(254) }).strict())
    await queueLookup(req, email)
    return Response.json(LOOKUP_ANSWER, { status: 202 })
  }),
  method: 'get',
  path: '/public/bookings/search',
}

/** GET /api/public/bookings?token= : the bookings of the address a lookup link was sent to (1 h). */
export const listBookingsEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { token } = parseQuery(req, z.object({ token: z.string().min(1).max(1000) }).strict())
    const email = verifyLookupToken(req, token)
    const { docs } = await req.payload.find({
      collection: 'bookings',
      depth: 1,
      limit: 100,
      overrideAccess: true,
      req,
      sort: '-start',
      where: { 'customer.email': { equals: email } },
    })
    return Response.json({
      bookings: docs.map((booking) => {
        const tenant = booking.tenant as Tenant
        const room = booking.room as { name: string }
        return { ...publicBooking(booking, tenant), room: room.name, studio: { name: tenant.name, slug: tenant.slug } }
      }),
      email,
    })
  }),
  method: 'get',
  path: '/public/bookings',
}
