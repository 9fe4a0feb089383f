import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { Room, Tenant } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { generateBookingRef } from '../services/bookingRef'
import { depositFor, priceFor } from '../services/money'
import { termsForRoom } from '../services/terms'

/**
 * Set by the public booking endpoint, which checks lead time and opening hours itself and hands over what
 * it has already loaded (saving round trips on the hottest write).
 */
export const PUBLIC_BOOKING = 'atelierPublicBooking'
export type PublicBookingContext = { accessTokenHash: string; room: Room; tenant: Tenant }

const invalid = (path: string, message: string) => new ValidationError({ collection: 'bookings', errors: [{ message, path }] })

export async function loadRoom(req: PayloadRequest, roomId: number): Promise<null | Room> {
  return req.payload.findByID({ id: roomId, collection: 'rooms', depth: 0, overrideAccess: true, req }).catch(() => null)
}

/**
 * Everything a booking's client may not decide: ref, price, deposit, currency, terms, source, and the
 * span it blocks (end + the room's buffer). Recomputed when the room or the times change.
 */
export const prepareBooking: CollectionBeforeValidateHook = async ({ context, data, operation, originalDoc, req }) => {
  if (!data) return data
  // Stored lowercase: lookups by address are exact matches on an index.
  const customer = data.customer as undefined | { email?: unknown }
  if (typeof customer?.email === 'string') data.customer = { ...customer, email: customer.email.trim().toLowerCase() }
  const merged = { ...originalDoc, ...data }
  const changed = operation === 'create' || ['start', 'end', 'room'].some((key) => key in data && String(data[key]) !== String(originalDoc?.[key]))
  if (!changed) return data
  if (!merged.room || !merged.start || !merged.end) return data // required-field validation reports these

  const given = context[PUBLIC_BOOKING] as PublicBookingContext | undefined
  const roomId = idOf(merged.room as number | { id: number })
  const room = given?.room.id === roomId ? given.room : await loadRoom(req, roomId)
  if (!room) throw invalid('room', 'No such room.')
  const tenantId = merged.tenant ? idOf(merged.tenant as number | { id: number }) : undefined
  if (tenantId !== undefined && idOf(room.tenant as number | { id: number }) !== tenantId) throw invalid('room', 'This room belongs to another studio.')

  const start = new Date(merged.start as string)
  const end = new Date(merged.end as string)
  if (Number.isNaN(start.getTime())) throw invalid('start', 'Not a valid date.')
  if (Number.isNaN(end.getTime()) || end <= start) throw invalid('end', 'The end must come after the start.')
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000)
  if (minutes < room.minMinutes || minutes > room.maxMinutes) {
    throw invalid('end', `A booking of this room lasts between ${room.minMinutes} and ${room.maxMinutes} minutes.`)
  }

  const roomTenantId = idOf(room.tenant as number | { id: number })
  const tenant =
    given?.tenant.id === roomTenantId ? given.tenant : await req.payload.findByID({ id: roomTenantId, collection: 'tenants', depth: 0, overrideAccess: true, req })
  const price = priceFor(room.hourlyRate, minutes)
  data.tenant = tenant.id
  data.price = price
  // A booking keeps the currency it was priced in, whatever the studio's default becomes.
  data.currency = (originalDoc?.currency as string | undefined) ?? tenant.defaultCurrency
  data.blockedUntil = new Date(end.getTime() + room.bufferMinutes * 60_000).toISOString()
  if (operation === 'create') {
    const terms = await termsForRoom(req, room)
    data.terms = terms
    data.deposit = depositFor(price, terms.deposit)
    data.ref = generateBookingRef()
    data.source = given ? 'public' : 'staff'
    if (given) data.secrets = { accessTokenHash: given.accessTokenHash }
    data.amountPaid = 0
  } else {
    const terms = (originalDoc?.terms ?? null) as null | { deposit: Parameters<typeof depositFor>[1] }
    if (terms) data.deposit = depositFor(price, terms.deposit)
  }
  return data
}
