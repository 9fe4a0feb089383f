// How many emails anonymous requests may send one address per clock hour, counted in PostgreSQL (one row
// per address and hour in `booking_email_quota`, see the booking_holds migration) so all app nodes agree.
// The address is kept as a peppered HMAC only.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { hashSecret } from '../../../utilities/secrets'
import { poolDb } from '../../../utilities/transactionDb'
import { bookingOptions } from './options'

/** Counts one more email to `address` this hour; false when that is over the hour's share (then do not send it). */
export async function takeMailQuota(payload: Payload, address: string): Promise<boolean> {
  const { addressPepper, customerEmailsPerHour } = bookingOptions(payload)
  const addressHash = hashSecret(addressPepper, address.trim().toLowerCase())
  const { rows } = (await poolDb(payload).execute(sql`
    insert into booking_email_quota (address_hash, window_start, sent) values (${addressHash}, date_trunc('hour', now()), 1)
    on conflict (address_hash, window_start) do update set sent = booking_email_quota.sent + 1
    returning sent`)) as { rows: { sent: number }[] }
  return (rows[0]?.sent ?? 0) <= customerEmailsPerHour
}

/** Drops the counts of hours long gone (the hold-expiry job calls it every minute). */
export async function pruneMailQuota(payload: Payload): Promise<void> {
  await poolDb(payload).execute(sql`delete from booking_email_quota where window_start < now() - interval '2 hours'`)
}
