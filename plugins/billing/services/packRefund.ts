// A refunded pack payment takes its credits back, in proportion to what was refunded (from Stripe's
// dashboard or a dispute settled by refund): otherwise a pack could be bought, refunded and kept.
import type { Config, PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { sql } from '@payloadcms/db-postgres'

import { transactionDb } from '../../../utilities/transactionDb'
import { type EventOutcome, registerStripeEventHandler, stripeOf } from '../../payments'
import { takeBackCredits } from './credits'
import { customerIdOf } from './subscriptionSync'

async function packRefunded(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome | null> {
  const charge = await stripeOf(req.payload).charges.retrieve((event.data.object as Stripe.Charge).id)
  const paymentIntent = customerIdOf(charge.payment_intent)
  if (!paymentIntent) return null
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`select tenant_id, amount::int as credits from credit_ledger where kind = 'purchase' and reference = ${paymentIntent}`)) as {
    rows: { credits: number; tenant_id: number }[]
  }
  const purchase = rows[0]
  if (!purchase) return null // not a pack: a deposit, or nobody's
  const owed = charge.amount > 0 ? Math.round((purchase.credits * charge.amount_refunded) / charge.amount) : 0
  const result = await takeBackCredits(req, {
    note: `Pack payment refunded (${charge.amount_refunded} of ${charge.amount})`,
    owed,
    source: paymentIntent,
    step: `refunded-${charge.amount_refunded}`,
    tenant: purchase.tenant_id,
  })
  return { note: result.replayed ? 'Pack refund already taken back' : `Pack refunded: credits taken back, balance ${result.balance}`, status: 'processed', tenant: purchase.tenant_id }
}

export const registerPackRefundHandler = (config: Config): Config => registerStripeEventHandler(config, 'charge.refunded', packRefunded)
