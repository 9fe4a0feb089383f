import type { CollectionBeforeValidateHook } from 'payload'

import type { Booking } from '../../../payload-types'

import { PUBLIC_BOOKING, type PublicBookingContext } from '../context'
import { generateBookingRef } from '../services/bookingRef'
import { holdUntil } from '../services/holds'
import { depositFor, priceFor } from '../services/money'
import { priceDisplayFor } from '../services/priceDisplay'
import { blockedUntil, invalidField, roomSpan } from '../services/roomSpan'
import { termsForRoom } from '../services/terms'

/**
 * Everything a booking's client may not decide: ref, price, deposit, currency, terms, source, the span it
 * blocks (end + the room's buffer) and, for a public booking, how long it holds that span unpaid and
 * unconfirmed (the policy's holdMinutes). Recomputed when the room or the times change.
 */
export const prepareBooking: CollectionBeforeValidateHook<Booking> = async ({ context, data, operation, originalDoc, req }) => {
  if (!data) return data
  // Stored lowercase: lookups by address are exact matches on an index.
  const customer = data.customer
  if (typeof customer?.email === 'string') data.customer = { ...customer, email: customer.email.trim().toLowerCase() }
  const merged = { ...originalDoc, ...data }
  const changed = operation === 'create' || (['start', 'end', 'room'] as const).some((key) => key in data && String(data[key]) !== String(originalDoc?.[key]))
  if (!changed) return data
  if (!merged.room || !merged.start || !merged.end) return data // required-field validation reports these

  const given = context[PUBLIC_BOOKING] as PublicBookingContext | undefined
  const { end, room, roomTenantId, start } = await roomSpan(req, 'bookings', merged, given?.room)
  const minutes = Math.round((end.getTime() - start.getTime()) / 60_000)
  if (minutes < room.minMinutes || minutes > room.maxMinutes) {
    throw invalidField('bookings', 'end', `A booking of this room lasts between ${room.minMinutes} and ${room.maxMinutes} minutes.`)
  }

  const tenant =
    given?.tenant.id === roomTenantId ? given.tenant : await req.payload.findByID({ id: roomTenantId, collection: 'tenants', depth: 0, overrideAccess: true, req })
  const price = priceFor(room.hourlyRate, minutes)
  data.tenant = tenant.id
  data.price = price
  // A booking keeps the currency it was priced in, whatever the studio's default becomes.
  data.currency = originalDoc?.currency ?? tenant.defaultCurrency
  data.blockedUntil = blockedUntil(end, room)
  if (operation === 'create') {
    const terms = await termsForRoom(req, room)
    data.terms = terms
    data.deposit = depositFor(price, terms.deposit)
    data.ref = generateBookingRef()
    data.source = given ? 'public' : 'staff'
    if (given) {
      data.secrets = { accessTokenHash: given.accessTokenHash, clientIpHash: given.clientIpHash }
      data.holdExpiresAt = holdUntil(terms).toISOString()
      const shown = given.display && (await priceDisplayFor(req, { amount: price, from: data.currency, rateDate: given.display.rateDate, to: given.display.currency }))
      if (shown) data.display = shown
    }
    data.amountPaid = 0
  } else {
    const terms = (originalDoc?.terms ?? null) as null | { deposit: Parameters<typeof depositFor>[1] }
    if (terms) data.deposit = depositFor(price, terms.deposit)
    // What the customer was shown converted was the old price: a snapshot of it would now mislead.
    if (price !== originalDoc?.price && originalDoc?.display?.currency) data.display = { amount: null, currency: null, rate: null, rateDate: null }
  }
  return data
}
