// Refunds through Stripe, each under an idempotency key that is stored first, so a retry never pays twice.
import type { PayloadRequest } from 'payload'

import type { Booking, Payment, Refund } from '../../../payload-types'

import { sql } from '@payloadcms/db-postgres'

import { HttpError } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { lockBooking } from '../../booking'
import { stripeOf } from './options'
import { describeStripeError } from './stripeClient'
import { fromStripeAmount, refundableStripeAmount, toStripeAmount } from './stripeAmounts'

export type RefundReason = Refund['reason']

/** The paid payment of a booking that still has something to refund, if any. */
export async function refundablePayment(req: PayloadRequest, bookingId: number): Promise<null | Payment> {
  const { docs } = await req.payload.find({
    collection: 'payments',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ booking: { equals: bookingId } }, { status: { equals: 'paid' } }] },
  })
  return docs.find((payment) => payment.amount - (payment.amountRefunded ?? 0) > 0) ?? null
}

/**
 * Refunds up to `amount` minor units of `payment`: never more than what remains, rounded down to what
 * Stripe accepts. Records a pending row under `idempotencyKey` before calling Stripe; a second call with
 * the same key finds it and returns it. Returns null when nothing is refundable.
 */
export async function issueRefund(
  req: PayloadRequest,
  { amount, booking, idempotencyKey, payment, reason, requestedBy }: { amount: number; booking: Booking; idempotencyKey: string; payment: Payment; reason: RefundReason; requestedBy?: number },
): Promise<null | Refund> {
  const stripe = stripeOf(req.payload)
  const { docs: earlier } = await req.payload.find({ collection: 'refunds', depth: 0, limit: 1, overrideAccess: true, req, where: { idempotencyKey: { equals: idempotencyKey } } })
  if (earlier[0]?.status === 'succeeded') return earlier[0]
  const currency = payment.currency.toLowerCase()
  // Locked for the rest of the caller's transaction: concurrent refunds of one payment queue up here.
  const db = await transactionDb(req)
  const locked = (await db.execute(sql`select amount, coalesce(amount_refunded, 0) as refunded from payments where id = ${payment.id} for update`)) as {
    rows: { amount: number | string; refunded: number | string }[]
  }
  const current = locked.rows[0]
  if (!current) return null
  const remaining = toStripeAmount(Number(current.amount) - Number(current.refunded), currency)
  const stripeAmount = refundableStripeAmount(toStripeAmount(amount, currency), remaining, currency)
  if (stripeAmount <= 0 || !payment.paymentIntentId) return null
  const minor = fromStripeAmount(stripeAmount, currency)

  const row =
    earlier[0] ??
    (await req.payload.create({
      collection: 'refunds',
      data: { amount: minor, booking: booking.id, currency: payment.currency, idempotencyKey, payment: payment.id, reason, requestedBy, status: 'pending', tenant: booking.tenant },
      depth: 0,
      overrideAccess: true,
      req,
    }))
  try {
    const refund = await stripe.refunds.create(
      { amount: stripeAmount, metadata: { booking_ref: booking.ref ?? '', reason }, payment_intent: payment.paymentIntentId, reason: 'requested_by_customer' },
      { idempotencyKey },
    )
    await db.execute(sql`update payments set amount_refunded = coalesce(amount_refunded, 0) + ${minor} where id = ${payment.id}`)
    return await req.payload.update({ id: row.id, collection: 'refunds', data: { error: null, status: 'succeeded', stripeRefundId: refund.id }, depth: 0, overrideAccess: true, req })
  } catch (error) {
    const message = describeStripeError(error)
    await req.payload.update({ id: row.id, collection: 'refunds', data: { error: message, status: 'failed' }, depth: 0, overrideAccess: true, req })
    throw new HttpError(502, `Stripe refused the refund: ${message}`)
  }
}

/**
 * The refund of a cancelled booking's quote, once (the idempotency key is the booking's), recorded on the
 * booking and audited. Run it in a transaction: the payment's lock holds until the refund is recorded.
 * Returns the amount refunded (minor units).
 */
export async function refundCancellation(req: PayloadRequest, bookingId: number): Promise<number> {
  // The booking first, as every other writer locks it before its payment.
  await lockBooking(req, bookingId)
  const booking = await req.payload.findByID({ id: bookingId, collection: 'bookings', depth: 0, overrideAccess: true, req })
  const quote = (booking.refundQuote ?? {}) as { refundAmount?: number }
  const payment = await refundablePayment(req, booking.id)
  if (!payment || !quote.refundAmount) return 0
  const refund = await issueRefund(req, { amount: quote.refundAmount, booking, idempotencyKey: `atelier-refund-booking-${booking.id}-cancellation`, payment, reason: 'cancellation' })
  await req.payload.update({
    id: booking.id,
    collection: 'bookings',
    data: { refundQuote: { ...quote, refundId: refund?.stripeRefundId ?? null, refundStatus: refund?.status ?? 'none', refundedAmount: refund?.amount ?? 0 } },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await writeAuditEntry(req, {
    action: 'refund',
    collection: 'bookings',
    details: { amount: refund?.amount ?? 0, reason: 'cancellation', refundId: refund?.stripeRefundId },
    documentId: booking.id,
    tenant: idOf(booking.tenant),
    user: null,
  })
  return refund?.amount ?? 0
}
