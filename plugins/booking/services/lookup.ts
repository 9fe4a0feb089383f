// "Find my bookings": the answer never depends on whether bookings exist. A queued job mails a signed link
// (valid 1 h) to the address, and only if it has bookings; nothing is stored for the link.
import type { PayloadRequest } from 'payload'

import { createHmac } from 'node:crypto'

import { notFound } from '../../../utilities/apiErrors'
import { createRateLimiter } from '../../../utilities/rateLimit'
import { digestsEqual } from '../../../utilities/secrets'
import { sendSearchEmail } from './emails'
import { takeMailQuota } from './mailQuota'
import { bookingOptions } from './options'

export const LOOKUP_TASK = 'sendBookingLookup'
const LINK_TTL_SECONDS = 3600
// Per address as well as per IP: nobody can flood someone's mailbox from many addresses.
const EMAILS_PER_ADDRESS_PER_HOUR = 3

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('hex')

export function lookupToken(req: PayloadRequest, email: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ e: email, x: Math.floor(now / 1000) + LINK_TTL_SECONDS })).toString('base64url')
  return `${payload}.${sign(bookingOptions(req.payload).lookupKey, payload)}`
}

/** The address the link was made for; 404 for a forged, altered or expired link. */
export function verifyLookupToken(req: PayloadRequest, token: string): string {
  const [payload = '', signature = ''] = token.split('.')
  if (!digestsEqual(signature, sign(bookingOptions(req.payload).lookupKey, payload))) throw notFound('This link is invalid or has expired.')
  const { e: email, x: expires } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { e: string; x: number }
  if (expires * 1000 < Date.now()) throw notFound('This link is invalid or has expired.')
  return email
}

const perAddress = createRateLimiter({ limit: EMAILS_PER_ADDRESS_PER_HOUR, name: 'booking-lookup-address', onStoreError: 'allow', windowMs: 3_600_000 })

/** Queues the lookup unless this address had its share this hour; the caller answers the same either way. */
export async function queueLookup(req: PayloadRequest, email: string): Promise<void> {
  try {
    await perAddress.consume(req.payload, email)
  } catch {
    return
  }
  await req.payload.jobs.queue({ input: { email }, req, task: LOOKUP_TASK })
}

/**
 * The job's work: mails the address a link to its bookings, only if it has some and its hourly share of
 * booking emails is not used up. Returns whether it sent one.
 */
export async function sendLookupLink(req: PayloadRequest, email: string): Promise<boolean> {
  const { docs } = await req.payload.find({
    collection: 'bookings',
    depth: 1,
    limit: 1,
    overrideAccess: true,
    req,
    where: { 'customer.email': { equals: email } },
  })
  const booking = docs[0]
  // The limiter above keeps the queue short but lets lookups through when its store fails; this share holds then too.
  if (!booking || !(await takeMailQuota(req.payload, email))) return false
  const tenant = booking.tenant as { defaultLocale?: string }
  const link = `${bookingOptions(req.payload).publicUrl}/bookings?token=${lookupToken(req, email)}`
  await sendSearchEmail(req, email, link, tenant.defaultLocale ?? 'en')
  return true
}
