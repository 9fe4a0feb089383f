import type { Endpoint } from 'payload'
import type Stripe from 'stripe'

import { errorBody, HttpError, withErrorHandling } from '../../../utilities/apiErrors'
import { paymentsOptions, stripeOf } from '../services/options'
import { processStoredEvent, storeEvent } from '../services/events'

/**
 * POST /api/stripe/webhooks. Signature checked with STRIPE_WEBHOOK_SECRET (400 otherwise); the event is
 * stored before anything else, and a failure to store answers 500 so that Stripe retries. Processing
 * happens once per event id; a processing failure is retried by a scheduled sweep, not by Stripe.
 */
export const stripeWebhookEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const stripe = stripeOf(req.payload)
    const { webhookSecret } = paymentsOptions(req.payload)
    if (!webhookSecret) throw new HttpError(503, 'Stripe webhooks are not configured on this server.')
    const signature = req.headers.get('stripe-signature')
    if (!signature) throw new HttpError(400, 'Missing Stripe-Signature header.')
    const raw = await req.text!()
    let event: Stripe.Event
    try {
      event = stripe.webhooks.constructEvent(raw, signature, webhookSecret)
    } catch {
      throw new HttpError(400, 'Invalid webhook signature.')
    }
    try {
      await storeEvent(req, event)
    } catch (error) {
      req.payload.logger.error({ err: error, eventId: event.id, msg: 'Could not store a Stripe event' })
      return Response.json(errorBody([{ message: 'Could not store the event; please retry.' }]), { status: 500 })
    }
    const status = await processStoredEvent(req, event.id)
    // Another delivery is handling it now: if that one fails, Stripe's retry of this one finishes the job.
    if (status === 'in_progress') return Response.json(errorBody([{ message: 'This event is being processed; retry later.' }]), { status: 503 })
    return Response.json({ received: true, status })
  }),
  method: 'post',
  path: '/stripe/webhooks',
}
