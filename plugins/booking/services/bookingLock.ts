// The booking row lock. Whoever changes a booking's status or money (confirmation, cancellation, checkout,
// Stripe events, refunds) takes it first and its payment's row after it, so none of them can deadlock another.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { type Executor, transactionDb } from '../../../utilities/transactionDb'

/** Locks the booking's row until `req`'s transaction ends (call it inside one); returns that transaction's handle. */
export async function lockBooking(req: PayloadRequest, bookingId: number): Promise<Executor> {
  const db = await transactionDb(req)
  await db.execute(sql`select id from bookings where id = ${bookingId} for update`)
  return db
}
