// The calendar's events for one studio and one visible range. Range-bounded through the exclusion
// constraints' GiST indexes: the status predicates repeat the constraints' WHERE clauses word for word,
// so the partial indexes apply, and the cost follows the range, not the studio's history.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Tenant } from '../../../payload-types'

import { transactionDb } from '../../../utilities/transactionDb'

export type CalendarRoom = { id: number; name: string; openingHours: { closes: string; opens: string; weekday: string }[] }
export type CalendarBooking = { customer: null | string; end: string; id: number; ref: null | string; room: number; start: string; status: string }
export type CalendarSession = { booking: null | number; end: string; id: number; room: number; start: string; status: string }
export type CalendarAnswer = {
  bookings: CalendarBooking[]
  /** What the caller may do from the calendar in this studio. */
  can: { cancel: boolean; confirm: boolean; create: boolean }
  rooms: CalendarRoom[]
  sessions: CalendarSession[]
  tenant: { id: number; name: string; timezone: string }
}

type Row = Record<string, unknown>
const iso = (value: unknown) => new Date(value as Date | string).toISOString()

/** Active rooms of the studio with their opening hours, in display order. */
async function roomsOf(req: PayloadRequest, tenantId: number): Promise<CalendarRoom[]> {
  const { docs } = await req.payload.find({
    collection: 'rooms',
    depth: 0,
    limit: 200,
    overrideAccess: true,
    pagination: false,
    req,
    sort: 'name',
    where: { and: [{ tenant: { equals: tenantId } }, { active: { equals: true } }] },
  })
  return docs.map((room) => ({ id: room.id, name: room.name, openingHours: (room.openingHours ?? []).map(({ closes, opens, weekday }) => ({ closes, opens, weekday })) }))
}

export async function calendarEvents(
  req: PayloadRequest,
  tenant: Tenant,
  { from, to }: { from: Date; to: Date },
  show: { customers: boolean; sessions: boolean },
): Promise<Omit<CalendarAnswer, 'can'>> {
  const db = await transactionDb(req)
  const rooms = await roomsOf(req, tenant.id)
  const roomIds = `{${rooms.map((room) => room.id).join(',')}}`
  const range = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`
  // Converted bookings show as their sessions.
  const bookings = (await db.execute(sql`
    select id, ref, room_id, start, "end", status::text as status, customer_name from bookings
    where room_id = any(${roomIds}::int[])
      and "status" IN ('pending', 'awaiting_payment', 'confirmed', 'converted', 'completed')
      and tstzrange("start", "blocked_until") && ${range}
      and "status" <> 'converted'
    order by start`)) as { rows: Row[] }
  const sessions = show.sessions
    ? ((await db.execute(sql`
        select id, booking_id, room_id, start, "end", status::text as status from sessions
        where room_id = any(${roomIds}::int[]) and ("status" <> 'cancelled') and tstzrange("start", "blocked_until") && ${range}
        order by start`)) as { rows: Row[] })
    : { rows: [] }
  return {
    bookings: bookings.rows.map((row) => ({
      customer: show.customers ? ((row.customer_name as null | string) ?? null) : null,
      end: iso(row.end),
      id: Number(row.id),
      ref: (row.ref as null | string) ?? null,
      room: Number(row.room_id),
      start: iso(row.start),
      status: String(row.status),
    })),
    rooms,
    sessions: sessions.rows.map((row) => ({
      booking: row.booking_id === null ? null : Number(row.booking_id),
      end: iso(row.end),
      id: Number(row.id),
      room: Number(row.room_id),
      start: iso(row.start),
      status: String(row.status),
    })),
    tenant: { id: tenant.id, name: tenant.name, timezone: tenant.timezone },
  }
}
