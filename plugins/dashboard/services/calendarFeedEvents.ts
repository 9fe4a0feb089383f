// The events of one feed: a studio's (or one room's) bookings in a blocking status and live sessions over a
// bounded window. Range-bounded through the exclusion constraints' partial GiST indexes: the status
// predicates repeat the constraints' WHERE clauses word for word (migrations/20261122_070728_booking.ts).
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { FeedEvent } from './icalFeed'

import { poolDb } from '../../../utilities/transactionDb'

/** What a feed covers: the last month, for looking back, and the year ahead. */
export const FEED_WINDOW = { daysAfter: 365, daysBefore: 30 } as const
/** A guard per kind, far above a studio's year; beyond it the earliest events are kept. */
const MAX_EVENTS = 10_000

export type FeedScope = {
  /** Customer names on events (the owner's calendar-feeds:customers there). */
  customers: boolean
  /** Null: every room of the studio. */
  room: null | number
  /** Sessions too (the owner's sessions:read there). */
  sessions: boolean
  tenant: number
}

type Row = Record<string, unknown>
const instant = (value: unknown) => new Date(value as Date | string)

export function feedWindow(now: Date): { from: Date; to: Date } {
  const day = 86_400_000
  return { from: new Date(now.getTime() - FEED_WINDOW.daysBefore * day), to: new Date(now.getTime() + FEED_WINDOW.daysAfter * day) }
}

/** The feed's rooms by id: its room, or every room of the studio (inactive ones too: their bookings still happen). */
async function roomNames(payload: Payload, scope: FeedScope): Promise<Map<number, string>> {
  const { docs } = await payload.find({
    collection: 'rooms',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { name: true },
    where: scope.room === null ? { tenant: { equals: scope.tenant } } : { and: [{ id: { equals: scope.room } }, { tenant: { equals: scope.tenant } }] },
  })
  return new Map(docs.map((room) => [room.id, room.name]))
}

export async function feedEvents(payload: Payload, scope: FeedScope, { from, to }: { from: Date; to: Date }): Promise<FeedEvent[]> {
  const rooms = await roomNames(payload, scope)
  if (rooms.size === 0) return []
  const db = poolDb(payload)
  const roomIds = `{${[...rooms.keys()].join(',')}}`
  const range = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`
  // A converted booking shows as its session when sessions are shown, else as itself.
  const bookings = (await db.execute(sql`
    select id, ref, room_id, start, "end", status::text as status, customer_name, updated_at from bookings
    where room_id = any(${roomIds}::int[])
      and "status" IN ('pending', 'awaiting_payment', 'confirmed', 'converted', 'completed')
      and tstzrange("start", "blocked_until") && ${range}
      ${scope.sessions ? sql`and "status" <> 'converted'` : sql``}
    order by start, id limit ${MAX_EVENTS}`)) as { rows: Row[] }
  const sessions = scope.sessions
    ? ((await db.execute(sql`
        select sessions.id, sessions.room_id, sessions.start, sessions."end", sessions.status::text as status, sessions.updated_at,
          bookings.ref, bookings.customer_name
        from sessions left join bookings on bookings.id = sessions.booking_id
        where sessions.room_id = any(${roomIds}::int[])
          and (sessions."status" <> 'cancelled')
          and tstzrange(sessions."start", sessions."blocked_until") && ${range}
        order by sessions.start, sessions.id limit ${MAX_EVENTS}`)) as { rows: Row[] })
    : { rows: [] }
  const event = (kind: FeedEvent['kind'], row: Row): FeedEvent => ({
    customer: scope.customers ? ((row.customer_name as null | string) ?? null) : null,
    end: instant(row.end),
    id: Number(row.id),
    kind,
    ref: (row.ref as null | string) ?? null,
    roomName: rooms.get(Number(row.room_id)) ?? '',
    start: instant(row.start),
    status: String(row.status),
    updatedAt: instant(row.updated_at),
  })
  return [...bookings.rows.map((row) => event('booking', row)), ...sessions.rows.map((row) => event('session', row))].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.kind.localeCompare(b.kind) || a.id - b.id,
  )
}
