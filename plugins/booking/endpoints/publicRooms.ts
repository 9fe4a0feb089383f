// The public booking API, before booking: a studio's rooms and a room's free slots, priced by the server.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { badRequest } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { freeSlots } from '../services/availability'
import { busyIntervals, namedOrHostStudio, publicRoom, roomRules } from '../services/publicBooking'
import { offeredDurations, slotQuote } from '../services/publicView'
import { termsForRoom } from '../services/terms'
import { addDays, formatInZone, localDateOf, zonedDateTimeToInstant } from '../services/zonedTime'
import { id, instantWithOffset, localDate, publicRead } from './public'

const MAX_RANGE_DAYS = 62

/**
 * GET /api/public/tenants/:tenant/rooms: the studio (currency, locale, zone) and its active rooms, each with the
 * `durations` the booking page offers (`{ minutes, price }`, price in minor units as a booking is charged).
 */
export const publicRoomsEndpoint: Endpoint = {
  handler: publicRead(async (req) => {
    const { tenant: slug } = z.object({ tenant: z.string().min(1).max(63) }).parse(req.routeParams)
    const tenant = await namedOrHostStudio(req, slug)
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
        durations: offeredDurations(room),
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

/**
 * GET /api/public/rooms/:id/availability?from=&to=&duration= : free slots per local day, in the studio's zone.
 * Each slot carries the `price` and `deposit` (minor units of `currency`) that booking it would charge, under
 * the terms a booking of the room is made under now.
 */
export const availabilityEndpoint: Endpoint = {
  handler: publicRead(async (req) => {
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
    const terms = await termsForRoom(req, room)
    return Response.json({
      currency: tenant.defaultCurrency,
      days: days.map(({ date, slots }) => ({
        date,
        slots: slots.map((slot) => ({ end: formatInZone(slot.end, zone), start: formatInZone(slot.start, zone), ...slotQuote(room.hourlyRate, terms.deposit, slot.start, slot.end) })),
      })),
      duration,
      room: { id: room.id, name: room.name },
      timezone: zone,
    })
  }),
  method: 'get',
  path: '/public/rooms/:id/availability',
}
