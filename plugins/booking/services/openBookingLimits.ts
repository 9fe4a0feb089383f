// How many open public bookings (holding a slot, neither paid nor confirmed) one email address and one
// client IP may have at a studio. Counted in PostgreSQL, so every app node sees the same numbers.
import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createHash } from 'node:crypto'

import { HttpError } from '../../../utilities/apiErrors'
import { hashSecret } from '../../../utilities/secrets'
import { transactionDb } from '../../../utilities/transactionDb'
import { bookingOptions } from './options'

// Arbitrary, beside the room locks' 7301: one namespace for addresses, one for client IPs.
const ADDRESS_LOCK_NAMESPACE = 7_302
const CLIENT_IP_LOCK_NAMESPACE = 7_303

/** The peppered HMAC stored instead of the client's IP; null when the request names none. */
export const clientIpHash = (payload: Payload, ip: null | string): null | string => (ip ? hashSecret(bookingOptions(payload).clientIpPepper, ip) : null)

const lockKey = (value: string) => createHash('sha256').update(value).digest().readInt32BE(0)

type OpenCounts = { by_email: number; by_ip: number; email_frees_at: Date | null | string; ip_frees_at: Date | null | string }

function refusal(message: string, freesAt: Date | null | string, path?: string): HttpError {
  const seconds = freesAt ? Math.max(1, Math.ceil((new Date(freesAt).getTime() - Date.now()) / 1000)) : undefined
  return new HttpError(429, message, [{ message, ...(path ? { path } : {}) }], { code: 'too_many_open_bookings' }, seconds ? { 'Retry-After': String(seconds) } : {})
}

/**
 * 429 `too_many_open_bookings` (with Retry-After: when the oldest of them ends its hold) once the address or
 * the client IP has its share of open bookings at the studio. Call it in the transaction that creates the
 * booking: the advisory locks it takes hold until the commit, so concurrent requests are counted one by one.
 */
export async function assertOpenBookingsWithinLimits(req: PayloadRequest, { email, ipHash, tenantId }: { email: string; ipHash: null | string; tenantId: number }): Promise<void> {
  const { openBookingsPerEmail, openBookingsPerIp } = bookingOptions(req.payload)
  const db = await transactionDb(req)
  // Always the address first, then the IP: no two requests can wait on each other in a circle.
  await db.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK_NAMESPACE}, ${lockKey(`${tenantId}:${email}`)})`)
  if (ipHash) await db.execute(sql`select pg_advisory_xact_lock(${CLIENT_IP_LOCK_NAMESPACE}, ${lockKey(`${tenantId}:${ipHash}`)})`)
  const { rows } = (await db.execute(sql`
    select count(*) filter (where customer_email = ${email})::int as by_email,
           count(*) filter (where secrets_client_ip_hash = ${ipHash})::int as by_ip,
           min(hold_expires_at) filter (where customer_email = ${email}) as email_frees_at,
           min(hold_expires_at) filter (where secrets_client_ip_hash = ${ipHash}) as ip_frees_at
    from bookings
    where tenant_id = ${tenantId} and source = 'public' and status in ('pending', 'awaiting_payment') and hold_expires_at > now()
      and (customer_email = ${email} or secrets_client_ip_hash = ${ipHash})`)) as { rows: OpenCounts[] }
  const counts = rows[0]
  if (!counts) return
  if (counts.by_email >= openBookingsPerEmail) {
    throw refusal(
      `This email address already has ${counts.by_email} bookings at this studio waiting to be paid or confirmed. Confirm them with the link in their emails, or book again once they expire.`,
      counts.email_frees_at,
      'customer.email',
    )
  }
  if (ipHash && counts.by_ip >= openBookingsPerIp) {
    throw refusal('Too many bookings from your connection are waiting to be paid or confirmed at this studio. Confirm them with the links in their emails, or try again later.', counts.ip_frees_at)
  }
}
