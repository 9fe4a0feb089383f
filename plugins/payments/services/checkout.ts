// A deposit through Stripe Checkout. The booking row is locked while its session is looked up or made,
// so two calls at once get the same session; the idempotency key makes a retried call reuse it at Stripe.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Booking, Payment, Room, Tenant } from '../../../payload-types'

import { conflict } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { statusChange, studioPageUrl } from '../../booking'
import { stripeOf } from './options'
import { fromStripeAmount, toStripeAmount } from './stripeAmounts'

// Stripe Checkout sessions live between 30 minutes and 24 hours, by Stripe's clock: margins either side.
// With a hold of at most 23 h, a session ends by the end of its quarter hour + 23 h: under 24 h from now.
const MIN_SESSION_MINUTES = 31
const MAX_HOLD_MINUTES = 23 * 60
const BUCKET_MS = 15 * 60_000

type Terms = { holdMinutes?: number }

export const bookingMetadata = (booking: Booking, tenant: Tenant) => ({ booking_ref: booking.ref ?? '', tenant: tenant.slug, tenant_id: String(tenant.id) })

export async function createCheckout(req: PayloadRequest, booking: Booking, room: Room, tenant: Tenant): Promise<{ checkoutUrl: string; reused: boolean }> {
  const stripe = stripeOf(req.payload)
  if (booking.status !== 'pending' && booking.status !== 'awaiting_payment') throw conflict('This booking takes no payment in its current state.', 'not_payable')
  if ((booking.amountPaid ?? 0) > 0) throw conflict('The deposit is already paid.', 'already_paid')
  const currency = (booking.currency ?? tenant.defaultCurrency).toLowerCase()
  const amount = toStripeAmount(booking.deposit ?? 0, currency)
  if (amount <= 0) throw conflict('No deposit is due for this booking.', 'nothing_due')

  return inTransaction(req, async () => {
    const db = await transactionDb(req)
    // Under the row lock, the booking as it is now: it may have expired meanwhile. A pending booking past its
    // hold is about to expire; a new session must not give it a second hold.
    const { rows } = (await db.execute(sql`select status, hold_expires_at < now() as hold_over from bookings where id = ${booking.id} for update`)) as {
      rows: { hold_over: boolean | null; status: Booking['status'] }[]
    }
    if (rows[0]?.status !== 'pending' && rows[0]?.status !== 'awaiting_payment') throw conflict('This booking takes no payment in its current state.', 'not_payable')
    if (rows[0].status === 'pending' && rows[0].hold_over) throw conflict('The time held for this booking has run out; please book again.', 'hold_expired')
    const { docs: existing } = await req.payload.find({
      collection: 'payments',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      sort: '-createdAt',
      where: { booking: { equals: booking.id } },
    })
    const open = existing.find((payment) => payment.status === 'open')
    if (open) {
      const session = await stripe.checkout.sessions.retrieve(open.checkoutSessionId)
      if (session.status === 'open' && session.url) return { checkoutUrl: session.url, reused: true }
      if (session.status === 'complete') throw conflict('The deposit is being paid already.', 'already_paid')
      await req.payload.update({ id: open.id, collection: 'payments', data: { status: 'expired' }, depth: 0, overrideAccess: true, req })
    }

    // Policies saved before the 23 h cap may hold longer: clamped, so the session stays within Stripe's 24 h.
    const holdMinutes = Math.min((booking.terms as null | Terms)?.holdMinutes ?? 30, MAX_HOLD_MINUTES)
    // The key and every parameter stay the same for a quarter of an hour: a request retried after a lost
    // write gets the same session back instead of Stripe's idempotency error.
    const bucket = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS
    const expiresAt = Math.floor((bucket + BUCKET_MS) / 1000) + 60 * Math.max(MIN_SESSION_MINUTES, holdMinutes)
    const returnUrl = await studioPageUrl(req, tenant, booking.ref)
    const metadata = bookingMetadata(booking, tenant)
    const session = await stripe.checkout.sessions.create(
      {
        cancel_url: `${returnUrl}?payment=cancelled`,
        client_reference_id: booking.ref ?? undefined,
        customer_email: booking.customer.email,
        expires_at: expiresAt,
        line_items: [{ price_data: { currency, product_data: { name: `Deposit: ${room.name} (${booking.ref})` }, unit_amount: amount }, quantity: 1 }],
        metadata,
        mode: 'payment',
        payment_intent_data: { metadata },
        success_url: `${returnUrl}?payment=success`,
      },
      // One key per attempt: a retried request reuses the session, a new attempt after expiry gets a new one.
      { idempotencyKey: `atelier-booking-${booking.id}-checkout-${existing.length + 1}-${bucket / BUCKET_MS}` },
    )
    await req.payload.create({
      collection: 'payments',
      data: {
        amount: fromStripeAmount(session.amount_total ?? amount, currency),
        booking: booking.id,
        checkoutSessionId: session.id,
        checkoutUrl: session.url,
        currency: currency.toUpperCase(),
        expiresAt: session.expires_at ? new Date(session.expires_at * 1000).toISOString() : undefined,
        status: 'open',
        tenant: tenant.id,
      } as Omit<Payment, 'createdAt' | 'id' | 'updatedAt'>,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const holdExpiresAt = new Date(Date.now() + holdMinutes * 60_000).toISOString()
    await req.payload.update({
      id: booking.id,
      collection: 'bookings',
      context: statusChange('awaiting_payment'),
      data: { holdExpiresAt, status: 'awaiting_payment' },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return { checkoutUrl: session.url ?? '', reused: false }
  })
}
