// Changing a running subscription. An upgrade is previewed with Stripe's invoice preview at a `proration_date`,
// then applied with that same date and `always_invoice`, so the invoice equals the preview to the cent. A
// downgrade now credits the unused time on the next invoice; at period end it keeps the paid-for plan until
// then (the Price changes with no proration, and the plan in force stays in the subscription's metadata).
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { Plan, Subscription, Tenant } from '../../../payload-types'

import { badRequest, conflict } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { stripeOf } from '../../payments'
import { capRunningGrant } from './credits'
import { isPaying, periodAllowance, subscriptionOf } from './currentPlan'
import type { BillingInterval } from './limitNames'
import { activePlan } from './subscriptionCheckout'
import { planInStripe, priceIdOf } from './stripePlans'

/** How long a preview's proration date may be used to apply it. */
export const PREVIEW_VALID_SECONDS = 30 * 60

type Running = { item: Stripe.SubscriptionItem; row: Subscription; subscription: Stripe.Subscription }

async function running(req: PayloadRequest, tenant: Tenant): Promise<Running> {
  const row = await subscriptionOf(req, tenant.id)
  if (!row?.stripeSubscriptionId || !isPaying(row)) throw conflict('This studio has no running subscription: subscribe first.', 'no_subscription')
  const subscription = await stripeOf(req.payload).subscriptions.retrieve(row.stripeSubscriptionId)
  const item = subscription.items.data[0]
  if (!item || subscription.status === 'canceled') throw conflict('This studio has no running subscription: subscribe first.', 'no_subscription')
  return { item, row, subscription }
}

/** A year's worth of a plan at an interval, to tell an upgrade from a downgrade across intervals. */
const yearlyValue = (plan: Plan, interval: BillingInterval) => (interval === 'month' ? plan.monthlyPrice * 12 : plan.yearlyPrice)

async function target(req: PayloadRequest, current: Running, code: string, interval: BillingInterval, direction: 'down' | 'up') {
  const plan = await planInStripe(req, await activePlan(req, code))
  const price = priceIdOf(plan, interval)
  if (price === current.item.price.id) throw conflict('The studio is on this plan already.', 'no_change')
  const currentPlanCode = current.item.price.metadata?.atelier_plan
  const currentInterval = (current.item.price.recurring?.interval ?? 'month') as BillingInterval
  const from = (current.item.price.unit_amount ?? 0) * (currentInterval === 'month' ? 12 : 1)
  const to = yearlyValue(plan, interval)
  if (direction === 'up' && to < from) throw conflict('This plan costs less than the current one: downgrade instead.', 'use_downgrade')
  if (direction === 'down' && to > from) throw conflict('This plan costs more than the current one: upgrade instead.', 'use_upgrade')
  return { currentInterval, currentPlanCode, plan, price }
}

const inForceMetadata = (plan: string, interval: BillingInterval) => ({ interval, pending_at: '', pending_interval: '', pending_plan: '', plan })

export type ChangePreview = {
  amountDue: number
  currency: string
  lines: { amount: number; description: null | string; periodEnd: string; periodStart: string; proration: boolean }[]
  prorationDate: number
}

const describeInvoice = (invoice: Stripe.Invoice, prorationDate: number): ChangePreview => ({
  amountDue: invoice.amount_due,
  currency: invoice.currency.toUpperCase(),
  lines: invoice.lines.data.map((line) => ({
    amount: line.amount,
    description: line.description,
    periodEnd: new Date(line.period.end * 1000).toISOString(),
    periodStart: new Date(line.period.start * 1000).toISOString(),
    proration: Boolean(line.parent?.subscription_item_details?.proration),
  })),
  prorationDate,
})

export async function previewUpgrade(req: PayloadRequest, tenant: Tenant, code: string, interval: BillingInterval): Promise<ChangePreview> {
  const current = await running(req, tenant)
  const { price } = await target(req, current, code, interval, 'up')
  const prorationDate = Math.floor(Date.now() / 1000)
  const invoice = await stripeOf(req.payload).invoices.createPreview({
    customer: typeof current.subscription.customer === 'string' ? current.subscription.customer : current.subscription.customer.id,
    subscription: current.subscription.id,
    subscription_details: { items: [{ id: current.item.id, price }], proration_behavior: 'always_invoice', proration_date: prorationDate },
  })
  return describeInvoice(invoice, prorationDate)
}

export async function applyUpgrade(req: PayloadRequest, tenant: Tenant, code: string, interval: BillingInterval, prorationDate: number) {
  const nowSeconds = Math.floor(Date.now() / 1000)
  if (prorationDate > nowSeconds || prorationDate < nowSeconds - PREVIEW_VALID_SECONDS) {
    throw badRequest('This preview has expired: preview the upgrade again.', 'prorationDate')
  }
  const current = await running(req, tenant)
  const { plan, price } = await target(req, current, code, interval, 'up')
  const stripe = stripeOf(req.payload)
  const updated = await stripe.subscriptions.update(
    current.subscription.id,
    {
      items: [{ id: current.item.id, price }],
      metadata: inForceMetadata(plan.code, interval),
      payment_behavior: 'pending_if_incomplete',
      proration_behavior: 'always_invoice',
      proration_date: prorationDate,
    },
    { idempotencyKey: `atelier-subscription-${current.subscription.id}-upgrade-${price}-${prorationDate}` },
  )
  const invoiceId = typeof updated.latest_invoice === 'string' ? updated.latest_invoice : updated.latest_invoice?.id
  const invoice = invoiceId ? await stripe.invoices.retrieve(invoiceId) : null
  return { invoice: invoice ? { amountDue: invoice.amount_due, amountPaid: invoice.amount_paid, currency: invoice.currency.toUpperCase(), id: invoice.id, status: invoice.status } : null, plan: plan.code, interval }
}

export async function downgrade(req: PayloadRequest, tenant: Tenant, code: string, interval: BillingInterval, when: 'now' | 'period_end') {
  const current = await running(req, tenant)
  const { currentInterval, currentPlanCode, plan, price } = await target(req, current, code, interval, 'down')
  if (when === 'period_end' && interval !== currentInterval) {
    throw conflict('A change of billing interval takes effect now: downgrade with when "now".', 'interval_change_now_only')
  }
  const periodEnd = current.item.current_period_end
  const metadata =
    when === 'now'
      ? inForceMetadata(plan.code, interval)
      : { interval: currentInterval, pending_at: String(periodEnd), pending_interval: interval, pending_plan: plan.code, plan: currentPlanCode ?? '' }
  await inTransaction(req, async () => {
    // The unused time comes back as a credit, so the grant shrinks to the new plan's now; undone if Stripe refuses.
    if (when === 'now') await capRunningGrant(req, { allowance: periodAllowance(plan, interval), tenant: tenant.id })
    await stripeOf(req.payload).subscriptions.update(
      current.subscription.id,
      { items: [{ id: current.item.id, price }], metadata, proration_behavior: when === 'now' ? 'create_prorations' : 'none' },
      { idempotencyKey: `atelier-subscription-${current.subscription.id}-downgrade-${price}-${when}-${periodEnd}` },
    )
  })
  return { effectiveAt: when === 'now' ? new Date().toISOString() : new Date(periodEnd * 1000).toISOString(), interval, plan: plan.code }
}

export async function cancel(req: PayloadRequest, tenant: Tenant, when: 'now' | 'period_end') {
  const current = await running(req, tenant)
  const stripe = stripeOf(req.payload)
  if (when === 'now') {
    await stripe.subscriptions.cancel(current.subscription.id)
    return { endsAt: new Date().toISOString() }
  }
  await stripe.subscriptions.update(current.subscription.id, { cancel_at_period_end: true }, { idempotencyKey: `atelier-subscription-${current.subscription.id}-cancel-${current.item.current_period_end}` })
  return { endsAt: new Date(current.item.current_period_end * 1000).toISOString() }
}
