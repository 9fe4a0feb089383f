// Bookings and sessions live in two tables, each with its own exclusion constraint. Between the two,
// writes to one room are serialised by a transaction-scoped advisory lock, then checked.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { APIError } from 'payload'

import type { Booking } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { type Executor, transactionDb } from '../../../utilities/transactionDb'
import { BLOCKING_STATUSES } from './transitions'

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

/**
 * `status in ('pending', ...)` as literals: a parameter (`= any($1)`) cannot prove the partial GiST index of
 * bookings_no_overlap applies, and the check then scans every booking of the room (1.6 s at a million).
 */
export function statusAmong(statuses: readonly string[]) {
  if (statuses.length === 0 || statuses.some((status) => !/^[a-z_]+$/.test(status))) throw new Error(`Not booking statuses: ${statuses.join(', ')}`)
  return sql.raw(`status in (${statuses.map((status) => `'${status}'`).join(', ')})`)
}

/** A blocking booking of the room overlapping the span (the session's own booking excluded). */
export async function assertNoBookingOverlap(req: PayloadRequest, span: Span & { bookingId?: number; blockingStatuses: readonly string[] }): Promise<void> {
  const db = await lockRoom(req, span.roomId)
  const result = (await db.execute(sql`
    select 1 from bookings
    where room_id = ${span.roomId} and ${statusAmong(span.blockingStatuses)}
      and tstzrange(start, blocked_until) && tstzrange(${span.start.toISOString()}::timestamptz, ${span.blockedUntil.toISOString()}::timestamptz)
      ${span.bookingId === undefined ? sql`` : sql`and id <> ${span.bookingId}::int`}
    limit 1`)) as { rows: unknown[] }
  if (result.rows.length > 0) throw new SlotTakenError()
}

/**
 * Under the room's lock (which every blocking write takes), whether the booking's span is free of other
 * blocking bookings and sessions. For a caller that must check before writing, because a failed Local API
 * write would end the transaction (a late deposit reviving an expired booking).
 */
export async function slotStillFree(req: PayloadRequest, booking: Booking): Promise<boolean> {
  const span = { blockedUntil: new Date(booking.blockedUntil as string), bookingId: booking.id, roomId: idOf(booking.room), start: new Date(booking.start) }
  try {
    await assertNoBookingOverlap(req, { ...span, blockingStatuses: BLOCKING_STATUSES })
    await assertNoSessionOverlap(req, span)
    return true
  } catch (error) {
    if (error instanceof SlotTakenError) return false
    throw error
  }
}
