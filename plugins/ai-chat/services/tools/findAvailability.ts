// find_availability: a room's free slots (or every active room's) between two local dates, as the public
// booking API computes them (opening hours, lead time, buffers, the slot step), from what holds the rooms (the
// public API's busyIntervals). At most 14 days at a time.
import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import type { Room, Tenant } from '../../../../payload-types'
import type { AssistantTool, ToolContext, ToolResult } from './types'

import { busyIntervals, freeSlots, roomRules } from '../../../booking'
import { daysBetween, formatInZone, localDate, roomReference, roomReferenceSchema, startOfLocalDay } from './format'
import { asUser, invalidInput, isToolResult, roomFor, studioFor, zodMessage } from './scope'

export const MAX_AVAILABILITY_DAYS = 14
const MAX_ROOMS = 20

const input = z
  .object({
    duration: z.number().int().min(5).max(24 * 60),
    from: localDate,
    room: roomReference.optional(),
    to: localDate,
  })
  .strict()
  .refine(({ from, to }) => daysBetween(from, to) >= 0, { message: '`to` must not be before `from`.', path: ['to'] })
  .refine(({ from, to }) => daysBetween(from, to) < MAX_AVAILABILITY_DAYS, { message: `At most ${MAX_AVAILABILITY_DAYS} days at a time.`, path: ['to'] })

type Busy = Parameters<typeof freeSlots>[0]['busy']

function roomSlots(room: Room, tenant: Tenant, busy: Busy, range: { duration: number; from: string; to: string }) {
  const zone = tenant.timezone
  const head = { id: room.id, name: room.name }
  if (range.duration < room.minMinutes || range.duration > room.maxMinutes) {
    return { room: head, bookableMinutes: { max: room.maxMinutes, min: room.minMinutes }, days: [] }
  }
  const days = freeSlots({ busy, durationMinutes: range.duration, from: range.from, now: new Date(), rules: roomRules(room), timeZone: zone, to: range.to })
  return {
    room: head,
    days: days.map(({ date, slots }) => ({ date, slots: slots.map((slot) => ({ end: formatInZone(slot.end, zone), start: formatInZone(slot.start, zone) })) })),
  }
}

async function run(req: PayloadRequest, raw: unknown, context: ToolContext): Promise<ToolResult> {
  const parsed = input.safeParse(raw)
  if (!parsed.success) return invalidInput(zodMessage(parsed.error))
  const { duration, from, room: reference, to } = parsed.data
  const tenant = await studioFor(req, context, ['rooms', 'bookings', 'sessions'])

  let rooms: Room[]
  if (reference !== undefined) {
    const room = await roomFor(req, tenant, reference)
    if (isToolResult(room)) return room
    if (duration < room.minMinutes || duration > room.maxMinutes) return invalidInput(`${room.name} is booked for ${room.minMinutes} to ${room.maxMinutes} minutes.`)
    rooms = [room]
  } else {
    const { docs } = await req.payload.find({ collection: 'rooms', depth: 0, limit: MAX_ROOMS, sort: 'name', ...asUser(req), where: { and: [{ tenant: { equals: tenant.id } }, { active: { equals: true } }] } })
    rooms = docs
  }

  // A margin of two days either side covers any zone's offset and the longest buffer.
  const windowStart = new Date(startOfLocalDay(from, tenant.timezone).getTime() - 2 * 86_400_000)
  const windowEnd = new Date(startOfLocalDay(to, tenant.timezone).getTime() + 3 * 86_400_000)
  const answers = []
  for (const room of rooms) {
    // An inactive room takes no bookings: it has no free slots (as the public API, which does not list it).
    // Read as the public API reads it (through the exclusion constraints' GiST indexes, so the room's history
    // costs nothing): studioFor and roomFor have checked that the user reads this studio's bookings and sessions.
    const busy: Busy = room.active ? await busyIntervals(req, room.id, windowStart, windowEnd) : []
    answers.push(room.active ? roomSlots(room, tenant, busy, { duration, from, to }) : { days: [], inactive: true, room: { id: room.id, name: room.name } })
  }
  return { data: { duration, from, rooms: answers, timezone: tenant.timezone, to }, ok: true }
}

export const findAvailability: AssistantTool = {
  definition: {
    name: 'find_availability',
    description:
      'Free slots of one room, or of every active room of the studio, between two local dates (inclusive, at most 14 days), for a booking of `duration` minutes. Times are in the studio’s time zone, with their offset. Read-only.',
    input_schema: {
      type: 'object',
      properties: {
        duration: { type: 'integer', description: 'Length of the booking in minutes.', minimum: 5, maximum: 1440 },
        from: { type: 'string', format: 'date', description: 'First local date, YYYY-MM-DD.' },
        room: roomReferenceSchema,
        to: { type: 'string', format: 'date', description: 'Last local date, YYYY-MM-DD, inclusive; at most 13 days after `from`.' },
      },
      required: ['from', 'to', 'duration'],
      additionalProperties: false,
    },
  },
  run,
}
