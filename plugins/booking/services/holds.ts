// How long a public booking keeps its slot without a payment or its customer's confirmation, and the
// expiry of those that ran out. Checkout Sessions (awaiting_payment) are the payments plugin's to close.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { statusChange } from '../context'
import { HOUSE_TERMS } from './terms'

// Policies saved before the 23 h cap may hold longer; a hold never outlives a Checkout Session (24 h).
const MAX_HOLD_MINUTES = 23 * 60
const EXPIRY_BATCH = 200

export const holdMinutesOf = (terms: null | { holdMinutes?: number }): number => Math.min(terms?.holdMinutes ?? HOUSE_TERMS.holdMinutes, MAX_HOLD_MINUTES)

export const holdUntil = (terms: null | { holdMinutes?: number }, now = new Date()): Date => new Date(now.getTime() + holdMinutesOf(terms) * 60_000)

/**
 * Pending bookings whose hold ran out (nobody paid the deposit, nor confirmed from the emailed link, nor did
 * the studio confirm): expired, so their slot is free again. Each is locked and checked again first, as a
 * payment or a confirmation may have got there meanwhile. Returns how many expired.
 */
export async function expirePendingHolds(req: PayloadRequest): Promise<number> {
  const { rows } = (await poolDb(req.payload).execute(
    sql`select id from bookings where status = 'pending' and hold_expires_at < now() order by hold_expires_at limit ${EXPIRY_BATCH}`,
  )) as { rows: { id: number }[] }
  let expired = 0
  for (const { id } of rows) {
    const released = await inTransaction(req, async () => {
      const locked = (await (await transactionDb(req)).execute(sql`
        select id from bookings where id = ${id} and status = 'pending' and hold_expires_at < now() and coalesce(amount_paid, 0) = 0 for update`)) as { rows: unknown[] }
      if (locked.rows.length === 0) return false
      await req.payload.update({ id, collection: 'bookings', context: statusChange('expired'), data: { holdExpiresAt: null, status: 'expired' }, depth: 0, overrideAccess: true, req })
      return true
    })
    if (released) expired += 1
  }
  return expired
}
