// A plan's Product and its two recurring Prices at Stripe. Prices are immutable there: a changed amount or
// currency makes a new Price, and the old one is archived (subscriptions on it keep it until they change).
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import type { Plan } from '../../../payload-types'

import { stripeOf } from '../../payments'
import type { BillingInterval } from './limitNames'

export type PlanStripeIds = { monthlyPriceId: string; productId: string; yearlyPriceId: string }

export const SYNCING_PLAN = 'atelierBillingSyncingPlan'

const amountOf = (plan: Plan, interval: BillingInterval) => (interval === 'month' ? plan.monthlyPrice : plan.yearlyPrice)

async function ensurePrice(stripe: Stripe, plan: Plan, productId: string, interval: BillingInterval, currentId: null | string | undefined): Promise<string> {
  const currency = plan.currency.toLowerCase()
  const amount = amountOf(plan, interval)
  if (currentId) {
    const current = await stripe.prices.retrieve(currentId)
    if (current.unit_amount === amount && current.currency === currency && current.recurring?.interval === interval && current.product === productId) {
      if (!current.active) await stripe.prices.update(currentId, { active: true })
      return currentId
    }
  }
  const created = await stripe.prices.create(
    { currency, metadata: { atelier_plan: plan.code, interval }, product: productId, recurring: { interval }, unit_amount: amount },
    // One key per replacement: a retried save reuses the Price, a later change makes another.
    { idempotencyKey: `atelier-plan-${plan.id}-${interval}-${currency}-${amount}-replacing-${currentId ?? 'none'}` },
  )
  if (currentId) await stripe.prices.update(currentId, { active: false })
  return created.id
}

/** Creates or updates the plan's Product and Prices; returns their ids (unchanged ones included). */
export async function pushPlanToStripe(req: PayloadRequest, plan: Plan): Promise<PlanStripeIds> {
  const stripe = stripeOf(req.payload)
  const productFields = { active: plan.active !== false, metadata: { atelier_plan: plan.code }, name: plan.name }
  const productId = plan.stripe?.productId
    ? (await stripe.products.update(plan.stripe.productId, productFields)).id
    : (await stripe.products.create(productFields, { idempotencyKey: `atelier-plan-${plan.id}-product` })).id
  return {
    monthlyPriceId: await ensurePrice(stripe, plan, productId, 'month', plan.stripe?.monthlyPriceId),
    productId,
    yearlyPriceId: await ensurePrice(stripe, plan, productId, 'year', plan.stripe?.yearlyPriceId),
  }
}

const storedIds = (plan: Plan): null | PlanStripeIds =>
  plan.stripe?.productId && plan.stripe.monthlyPriceId && plan.stripe.yearlyPriceId
    ? { monthlyPriceId: plan.stripe.monthlyPriceId, productId: plan.stripe.productId, yearlyPriceId: plan.stripe.yearlyPriceId }
    : null

/**
 * The plan with its Stripe ids stored. Checkout and changes use the stored ids (seeded plans are pushed the
 * first time a studio picks them); a save (`refresh`) pushes the plan as it now is.
 */
export async function planInStripe(req: PayloadRequest, plan: Plan, { refresh = false } = {}): Promise<Plan & { stripe: PlanStripeIds }> {
  const stored = storedIds(plan)
  if (stored && !refresh) return { ...plan, stripe: stored }
  const ids = await pushPlanToStripe(req, plan)
  const unchanged = plan.stripe?.productId === ids.productId && plan.stripe?.monthlyPriceId === ids.monthlyPriceId && plan.stripe?.yearlyPriceId === ids.yearlyPriceId
  if (unchanged) return { ...plan, stripe: ids }
  const updated = await req.payload.update({ id: plan.id, collection: 'plans', context: { [SYNCING_PLAN]: true }, data: { stripe: ids }, depth: 0, overrideAccess: true, req })
  return { ...updated, stripe: ids }
}

export const priceIdOf = (plan: { stripe: PlanStripeIds }, interval: BillingInterval) => (interval === 'month' ? plan.stripe.monthlyPriceId : plan.stripe.yearlyPriceId)
