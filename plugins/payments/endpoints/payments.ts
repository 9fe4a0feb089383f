import type { Endpoint } from 'payload'

import { z } from 'zod'

import Stripe from 'stripe'

import { badRequest, conflict, HttpError, withErrorHandling } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { parseBody } from '../../../utilities/parseRequest'
import { writeAuditEntry } from '../../audit-log'
import { bookingFor, lockBooking, provenBooking, publicEndpoint } from '../../booking'
import { createCheckout } from '../services/checkout'
import { issueRefund, refundablePayment } from '../services/refunds'
import { describeStripeError } from '../services/stripeClient'

/** POST /api/public/booking/:ref/create-payment (same proof as the other public calls): `{ checkout_url }`. */
export const createPaymentEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { booking, room, tenant } = await provenBooking(req)
    const { checkoutUrl, reused } = await createCheckout(req, booking, room, tenant).catch((error: unknown) => {
      if (error instanceof Stripe.errors.StripeError) {
        req.payload.logger.error({ msg: `Stripe refused a Checkout Session: ${describeStripeError(error)}`, ref: booking.ref })
        throw new HttpError(502, 'The payment provider could not be reached; please try again.')
      }
      throw error
    })
    return Response.json({ checkout_url: checkoutUrl }, { status: reused ? 200 : 201 })
  }),
  method: 'post',
  path: '/public/booking/:ref/create-payment',
}

const refundSchema = z.object({ amount: z.number().int().positive().optional(), note: z.string().max(500).optional() }).strict()

/**
 * POST /api/bookings/:id/refund `{ amount?, note? }` (payments:refund): refunds up to what remains of the
 * deposit (all of it by default). An `Idempotency-Key` header makes a retried request refund once.
 */
export const staffRefundEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const booking = await bookingFor(req, 'refund', 'payments')
    const body = req.headers.get('content-type') ? await parseBody(req, refundSchema) : {}
    const tenant = idOf(booking.tenant)
    const clientKey = req.headers.get('idempotency-key')
    if (clientKey !== null && !/^[\w-]{8,100}$/.test(clientKey)) throw badRequest('Idempotency-Key: 8 to 100 letters, digits, dashes or underscores.')

    if (clientKey) {
      // A retried request: the refund it made, once, without a second audit entry.
      const { docs } = await req.payload.find({
        collection: 'refunds',
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
        where: { and: [{ idempotencyKey: { equals: `atelier-refund-booking-${booking.id}-staff-${clientKey}` } }, { status: { equals: 'succeeded' } }] },
      })
      if (docs[0]) return Response.json({ refund: docs[0] }, { status: 200 })
    }
    const refund = await inTransaction(req, async () => {
      // The booking first, as every other writer locks it before its payment.
      await lockBooking(req, booking.id)
      const payment = await refundablePayment(req, booking.id)
      if (!payment) throw conflict('Nothing left to refund on this booking.', 'nothing_to_refund')
      const remaining = payment.amount - (payment.amountRefunded ?? 0)
      const amount = body.amount ?? remaining
      if (amount > remaining) throw badRequest(`At most ${remaining} (minor units) remain refundable.`, 'amount')
      const { totalDocs } = await req.payload.count({ collection: 'refunds', overrideAccess: true, req, where: { booking: { equals: booking.id } } })
      const made = await issueRefund(req, {
        amount,
        booking,
        idempotencyKey: `atelier-refund-booking-${booking.id}-staff-${clientKey ?? totalDocs + 1}`,
        payment,
        reason: 'staff',
        requestedBy: req.user?.id as number,
      })
      if (!made) throw conflict('This amount cannot be refunded in this currency.', 'nothing_to_refund')
      await writeAuditEntry(req, {
        action: 'refund',
        collection: 'bookings',
        details: { amount: made.amount, currency: made.currency, note: body.note, refundId: made.stripeRefundId },
        documentId: booking.id,
        tenant,
      })
      return made
    })
    return Response.json({ refund }, { status: 201 })
  }),
  method: 'post',
  path: '/:id/refund',
}
