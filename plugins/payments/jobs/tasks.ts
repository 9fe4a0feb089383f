import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Booking } from '../../../payload-types'

import { IMMEDIATE_QUEUE } from '../../../utilities/immediateJobs'
import { inTransaction } from '../../../utilities/inTransaction'
import { poolDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { lockBooking, statusChange } from '../../booking'
import { paymentsOptions } from '../services/options'
import { PROCESS_EVENT_TASK, sweepStripeEvents } from '../services/events'
import { issueRefund, refundablePayment } from '../services/refunds'

export const REFUND_CANCELLATION_TASK = 'refundCancellation'

/** Every five minutes: stored events whose processing failed or never finished get another go. */
export const processStripeEventTask: TaskConfig = {
  slug: PROCESS_EVENT_TASK,
  handler: async ({ req }) => ({ output: { retried: await sweepStripeEvents(req) } }),
  outputSchema: [{ name: 'retried', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
}

/** A cancelled booking with a refund quote gets its refund, once (the idempotency key is the booking's). */
export const refundCancellationTask: TaskConfig = {
  slug: REFUND_CANCELLATION_TASK,
  // In one transaction: the payment's lock holds until the refund is recorded.
  handler: async ({ input, req }) => inTransaction(req, () => refundCancellation(req, (input as { bookingId: number }).bookingId)),
  inputSchema: [{ name: 'bookingId', type: 'number', required: true }],
  outputSchema: [{ name: 'refunded', type: 'number' }],
  retries: { attempts: 5, backoff: { delay: 30_000, type: 'exponential' } },
}

async function refundCancellation(req: PayloadRequest, bookingId: number) {
  // The booking first, as every other writer locks it before its payment.
  await lockBooking(req, bookingId)
  const booking = await req.payload.findByID({ id: bookingId, collection: 'bookings', depth: 0, overrideAccess: true, req })
  const quote = (booking.refundQuote ?? {}) as { refundAmount?: number }
  const payment = await refundablePayment(req, booking.id)
  if (!payment || !quote.refundAmount) return { output: { refunded: 0 } }
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
    tenant: booking.tenant as number,
    user: null,
  })
  return { output: { refunded: refund?.amount ?? 0 } }
}

/** Queued in the cancelling transaction: no refund for a cancellation that rolled back. */
export const refundOnCancellation: CollectionAfterChangeHook<Booking> = async ({ doc, previousDoc, req }) => {
  const quote = doc.refundQuote as null | { refundAmount?: number }
  if (doc.status === 'cancelled' && previousDoc?.status !== 'cancelled' && (quote?.refundAmount ?? 0) > 0 && (doc.amountPaid ?? 0) > 0) {
    await req.payload.jobs.queue({ input: { bookingId: doc.id }, queue: IMMEDIATE_QUEUE, req, task: REFUND_CANCELLATION_TASK })
  }
  return doc
}

/**
 * Every minute: bookings awaiting payment past their hold free their slot; their Checkout Session is closed
 * first. Pending bookings past their hold are the booking plugin's job (`expireBookingHolds`).
 */
export const expireHoldsTask: TaskConfig = {
  slug: 'expireHolds',
  handler: async ({ req }) => ({ output: { expired: await expireHolds(req) } }),
  outputSchema: [{ name: 'expired', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '* * * * *', queue: 'default' }],
}

export async function expireHolds(req: PayloadRequest): Promise<number> {
  const { rows } = (await poolDb(req.payload).execute(sql`select id from bookings where status = 'awaiting_payment' and hold_expires_at < now() order by hold_expires_at limit 200`)) as { rows: { id: number }[] }
  const stripe = paymentsOptions(req.payload).client
  let expired = 0
  for (const { id } of rows) {
    const { docs: open } = await req.payload.find({ collection: 'payments', depth: 0, overrideAccess: true, req, where: { and: [{ booking: { equals: id } }, { status: { equals: 'open' } }] } })
    let paidMeanwhile = false
    for (const payment of open) {
      const session = await stripe?.checkout.sessions.expire(payment.checkoutSessionId).catch(async () => stripe.checkout.sessions.retrieve(payment.checkoutSessionId))
      // Paid at the last moment: the webhook confirms it; do not release the slot under it.
      if (session?.payment_status === 'paid') paidMeanwhile = true
      else await req.payload.update({ id: payment.id, collection: 'payments', data: { status: 'expired' }, depth: 0, overrideAccess: true, req })
    }
    if (paidMeanwhile) continue
    await req.payload.update({ id, collection: 'bookings', context: statusChange('expired'), data: { holdExpiresAt: null, status: 'expired' }, depth: 0, overrideAccess: true, req })
    expired += 1
  }
  return expired
}
