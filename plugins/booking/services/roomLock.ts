// Bookings and sessions live in two tables, each with its own exclusion constraint. Between the two,
// writes to one room are serialised by a transaction-scoped advisory lock, then checked.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { APIError } from 'payload'

import { type Executor, transactionDb } from '../../../utilities/transactionDb'

const ROOM_LOCK_NAMESPACE = 7_301 // arbitrary, distinguishes Atelier's room locks from other advisory locks

export class SlotTakenError extends APIError {
  constructor() {
    super('That time is no longer available.', 409, { code: 'slot_taken' }, true)
  }
}

export async function lockRoom(req: PayloadRequest, roomId: number): Promise<Executor> {
  const db = await transactionDb(req)
  await db.execute(sql`select pg_advisory_xact_lock(${ROOM_LOCK_NAMESPACE}, ${roomId})`)
  return db
}

type Span = { blockedUntil: Date; roomId: number; start: Date }

/** A live session of the room overlapping the span (a booking's own session excluded). */
export async function assertNoSessionOverlap(req: PayloadRequest, span: Span & { bookingId?: number }): Promise<void> {
  const db = await lockRoom(req, span.roomId)
  const result = (await db.execute(sql`
    select 1 from sessions
    where room_id = ${span.roomId} and status <> 'cancelled'
      and tstzrange(start, blocked_until) && tstzrange(${span.start.toISOString()}::timestamptz, ${span.blockedUntil.toISOString()}::timestamptz)
      ${span.bookingId === undefined ? sql`` : sql`and booking_id is distinct from ${span.bookingId}::int`}
    limit 1`)) as { rows: unknown[] }
  if (result.rows.length > 0) throw new SlotTakenError()
}

/** A blocking booking of the room overlapping the span (the session's own booking excluded). */
export async function assertNoBookingOverlap(req: PayloadRequest, span: Span & { bookingId?: number; blockingStatuses: readonly string[] }): Promise<void> {
  const db = await lockRoom(req, span.roomId)
  const statuses = `{${span.blockingStatuses.join(',')}}`
  const result = (await db.execute(sql`
    select 1 from bookings
    where room_id = ${span.roomId} and status::text = any(${statuses}::text[])
      and tstzrange(start, blocked_until) && tstzrange(${span.start.toISOString()}::timestamptz, ${span.blockedUntil.toISOString()}::timestamptz)
      ${span.bookingId === undefined ? sql`` : sql`and id <> ${span.bookingId}::int`}
    limit 1`)) as { rows: unknown[] }
  if (result.rows.length > 0) throw new SlotTakenError()
}
