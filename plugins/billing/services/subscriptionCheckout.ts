// Subscribing: a Stripe Checkout Session in subscription mode on the plan's Price, for the studio's customer.
// What is left of the studio's trial carries over as Stripe's trial, when Stripe allows one (48 h or more).
import type { PayloadRequest } from 'payload'

import type { Plan, Tenant } from '../../../payload-types'

import { conflict, notFound } from '../../../utilities/apiErrors'
import { stripeOf } from '../../payments'
import { isPaying, planByCode, subscriptionOf } from './currentPlan'
import { ensureCustomer } from './customer'
import type { BillingInterval } from './limitNames'
import { billingOptions } from './options'
import { planInStripe, priceIdOf } from './stripePlans'

const BUCKET_MS = 15 * 60_000
const MIN_STRIPE_TRIAL_MS = 48 * 3_600_000

export async function activePlan(req: PayloadRequest, code: string): Promise<Plan> {
  const plan = await planByCode(req, code)
  if (!plan || plan.active === false) throw notFound('No such plan.')
  return plan
}

/** The trial's end in Stripe's seconds, when enough of it is left to carry over. */
export function carriedTrialEnd(tenant: Pick<Tenant, 'status' | 'trialEndsAt'>, now: number): number | undefined {
  if (tenant.status !== 'trial' || !tenant.trialEndsAt) return undefined
  const end = Date.parse(tenant.trialEndsAt)
  return end - now >= MIN_STRIPE_TRIAL_MS ? Math.floor(end / 1000) : undefined
}

export async function createSubscriptionCheckout(req: PayloadRequest, tenant: Tenant, code: string, interval: BillingInterval): Promise<{ id: string; url: string }> {
  const existing = await subscriptionOf(req, tenant.id)
  if (isPaying(existing)) throw conflict('This studio already has a subscription: change its plan instead.', 'already_subscribed')
  const plan = await planInStripe(req, await activePlan(req, code))
  const customer = await ensureCustomer(req, tenant, req.user?.email)
  const { publicUrl } = billingOptions(req.payload)
  const now = Date.now()
  const bucket = Math.floor(now / BUCKET_MS)
  const trialEnd = carriedTrialEnd(tenant, now)
  const metadata = { atelier_purpose: 'subscription', interval, plan: plan.code, tenant: tenant.slug, tenant_id: String(tenant.id) }
  const session = await stripeOf(req.payload).checkout.sessions.create(
    {
      cancel_url: `${publicUrl}/admin?billing=cancelled`,
      client_reference_id: String(tenant.id),
      customer,
      line_items: [{ price: priceIdOf(plan, interval), quantity: 1 }],
      metadata,
      mode: 'subscription',
      subscription_data: { metadata, ...(trialEnd ? { trial_end: trialEnd } : {}) },
      success_url: `${publicUrl}/admin?billing=success`,
    },
    // Stable for a quarter hour: a retried request gets the same session back.
    { idempotencyKey: `atelier-tenant-${tenant.id}-subscribe-${plan.code}-${interval}-${bucket}` },
  )
  return { id: session.id, url: session.url ?? '' }
}
