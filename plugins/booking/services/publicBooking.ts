// The public side of booking: studios by slug, rooms, free slots, and a customer's own booking,
// reached with its access token or the customer's email. A ref alone reveals nothing.
import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Booking, Room, Tenant } from '../../../payload-types'
import type { Interval, RoomRules } from './availability'

import { badRequest, notFound } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { poolDb, readOnPrimary } from '../../../utilities/transactionDb'
import { digestsEqual, hashSecret } from '../../../utilities/secrets'
import { normaliseBookingRef } from './bookingRef'
import { verifyLookupToken } from './lookup'
import { refundQuote } from './money'
import { bookingOptions } from './options'
import { hostStudioId, tenantMismatch } from './studioHosts'
import { statusAmong } from './roomLock'
import { BLOCKING_STATUSES } from './transitions'

const dbOf = (req: PayloadRequest) => poolDb(req.payload)

export async function activeTenantBySlug(req: PayloadRequest, slug: string): Promise<Tenant> {
  const { docs } = await req.payload.find({
    collection: 'tenants',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    // No count query: one row is all this needs.
    pagination: false,
    req,
    where: { and: [{ slug: { equals: slug } }, { status: { not_equals: 'suspended' } }] },
  })
  if (!docs[0]) throw notFound('Studio not found.')
  return docs[0]
}

/**
 * The studio a public request names by slug; on a studio's own domain, the studio that domain serves when
 * the request names none, and 400 `tenant_mismatch` when it names another.
 */
export async function namedOrHostStudio(req: PayloadRequest, slug: string | undefined): Promise<Tenant> {
  const hostStudio = await hostStudioId(req)
  if (slug !== undefined) {
    const tenant = await activeTenantBySlug(req, slug)
    if (hostStudio !== null && hostStudio !== tenant.id) throw tenantMismatch()
    return tenant
  }
  if (hostStudio === null) throw badRequest('Name the studio (its slug).', 'tenant')
  const tenant = await req.payload.findByID({ id: hostStudio, collection: 'tenants', depth: 0, disableErrors: true, overrideAccess: true, req })
  if (!tenant || tenant.status === 'suspended') throw notFound('Studio not found.')
  return tenant
}

/** An active room of an active studio (of `studio` when given, already loaded; else of the host's studio on its own domain), or 404. */
export async function publicRoom(req: PayloadRequest, roomId: number, studio?: Tenant): Promise<{ room: Room; tenant: Tenant }> {
  const room = await req.payload.findByID({ id: roomId, collection: 'rooms', depth: 0, disableErrors: true, overrideAccess: true, req })
  const roomTenant = room ? idOf(room.tenant) : undefined
  const expected = studio?.id ?? (await hostStudioId(req))
  if (!room || !room.active || (expected !== null && roomTenant !== expected)) throw notFound('Room not found.')
  const tenant = studio ?? (await req.payload.findByID({ id: roomTenant!, collection: 'tenants', depth: 0, overrideAccess: true, req }))
  if (tenant.status === 'suspended') throw notFound('Room not found.')
  return { room, tenant }
}

export const roomRules = (room: Room): RoomRules => ({
  bufferMinutes: room.bufferMinutes,
  leadTimeMinutes: room.leadTimeMinutes,
  maxMinutes: room.maxMinutes,
  minMinutes: room.minMinutes,
  openingHours: (room.openingHours ?? []).map(({ closes, opens, weekday }) => ({ closes, opens, weekday })),
  slotStepMinutes: room.slotStepMinutes,
})

/**
 * The exclusion constraints' WHERE clauses (migration 20261122_070728_booking) and their range expression:
 * a query that repeats them can use the constraints' partial GiST indexes on (room_id, tstzrange(start,
 * blocked_until)), so its cost follows the window, not the room's history. Literals, not parameters: the
 * planner must prove the index predicate from the query text. tests/booking/busyIntervalsExplain guards it.
 */
const BLOCKING_BOOKING = statusAmong(BLOCKING_STATUSES)
const LIVE_SESSION = sql.raw(`("status" <> 'cancelled')`)

/** The SQL busyIntervals runs: blocking bookings and live sessions of the room whose span meets [from, to). */
export function busyIntervalsSql(roomId: number, from: Date, to: Date): SQL {
  const window = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`
  return sql`
    select start, "end" from bookings
      where room_id = ${roomId} and ${BLOCKING_BOOKING} and tstzrange(start, blocked_until) && ${window}
    union all
    select start, "end" from sessions
      where room_id = ${roomId} and ${LIVE_SESSION} and tstzrange(start, blocked_until) && ${window}`
}

/** What already holds the room between `from` and `to`: blocking bookings and live sessions. */
export async function busyIntervals(req: PayloadRequest, roomId: number, from: Date, to: Date): Promise<Interval[]> {
  // tstzrange refuses an inverted window, and an empty one meets nothing.
  if (from >= to) return []
  const result = (await dbOf(req).execute(busyIntervalsSql(roomId, from, to))) as { rows: { end: Date | string; start: Date | string }[] }
  return result.rows.map((row) => ({ end: new Date(row.end), start: new Date(row.start) }))
}

/** What a request may prove a booking is the customer's with: its access token, a lookup link's token, or the email. */
export type BookingProof = { email?: string; lookupToken?: string; token?: string }
/**
 * The strongest proof that matched. `token` and `lookup` hold a secret (the booking call's answer, an email);
 * `email` does not: a ref and an address are no secrets, so they may show a booking but not change it.
 */
export type ProofKind = 'email' | 'lookup' | 'token'

const lookupAddress = (req: PayloadRequest, token: string | undefined): null | string => {
  if (!token) return null
  try {
    return verifyLookupToken(req, token)
  } catch {
    return null
  }
}

/** The booking `ref` if the proof matches it, and which proof did; 404 for a missing booking and a wrong proof alike. */
export async function bookingWithProof(req: PayloadRequest, ref: string, proof: BookingProof): Promise<{ booking: Booking; proof: ProofKind }> {
  const refused = () => notFound('Booking not found.')
  if (!proof.token && !proof.email && !proof.lookupToken) throw refused()
  const result = (await dbOf(req).execute(sql`select id, customer_email, secrets_access_token_hash from bookings where ref = ${normaliseBookingRef(ref)}`)) as {
    rows: { customer_email: string; id: number; secrets_access_token_hash: null | string }[]
  }
  const row = result.rows[0]
  if (!row) throw refused()
  const customerEmail = row.customer_email.trim().toLowerCase()
  const tokenMatches = proof.token ? digestsEqual(row.secrets_access_token_hash, hashSecret(bookingOptions(req.payload).tokenPepper, proof.token)) : false
  const lookupMatches = lookupAddress(req, proof.lookupToken)?.toLowerCase() === customerEmail
  const emailMatches = proof.email ? customerEmail === proof.email.trim().toLowerCase() : false
  const matched: null | ProofKind = tokenMatches ? 'token' : lookupMatches ? 'lookup' : emailMatches ? 'email' : null
  if (!matched) throw refused()
  // The row came from the primary; so must the document, or a replica behind it answers 404 (a booking made on another node).
  const booking = await readOnPrimary(req, () => req.payload.findByID({ id: row.id, collection: 'bookings', depth: 0, overrideAccess: true, req }))
  return { booking, proof: matched }
}

export type StoredQuote = {
  currency: string
  paid: number
  quotedAt: string
  refundAmount: number
  refundPercent: number
  tier: null | { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }
}

/** The refund a cancellation now would give, from the tiers the booking was made under. */
export function cancellationQuote(booking: Booking, tenant: Tenant, now = new Date()): StoredQuote {
  const terms = booking.terms as null | { tiers?: StoredQuote['tier'][] }
  const paid = booking.amountPaid ?? 0
  const quote = refundQuote({ now, paid, start: new Date(booking.start), tiers: (terms?.tiers ?? []).filter((tier) => tier !== null), timeZone: tenant.timezone })
  return {
    currency: booking.currency ?? tenant.defaultCurrency,
    paid,
    quotedAt: now.toISOString(),
    refundAmount: quote.refundAmount,
    refundPercent: quote.refundPercent,
    tier: quote.tier,
  }
}
