// Mirrors a Stripe subscription onto the studio's row, from Stripe's current truth (handlers re-read it), and
// moves the studio with it: paying reopens a suspended studio, a subscription that ends suspends it.
import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { sql } from '@payloadcms/db-postgres'

import type { Plan, Subscription, Tenant } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { planByCode } from './currentPlan'
import { type BillingInterval, type SubscriptionStatus } from './limitNames'

/** Stripe's statuses onto ours: unpaid and paused count as past due, an expired incomplete one as ended. */
const STATUS: Record<Stripe.Subscription.Status, SubscriptionStatus> = {
  active: 'active',
  canceled: 'canceled',
  incomplete: 'incomplete',
  incomplete_expired: 'canceled',
  past_due: 'past_due',
  paused: 'past_due',
  trialing: 'trialing',
  unpaid: 'past_due',
}

export const customerIdOf = (value: null | string | { id: string } | undefined): null | string => (typeof value === 'string' ? value : (value?.id ?? null))

/** The studio's row that holds this Stripe customer, locked; null for a customer that is not ours. */
export async function lockRowByCustomer(req: PayloadRequest, customerId: null | string): Promise<null | Subscription> {
  if (!customerId) return null
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`select id from subscriptions where stripe_customer_id = ${customerId} for update`)) as { rows: { id: number }[] }
  if (!rows[0]) return null
  return req.payload.findByID({ id: rows[0].id, collection: 'subscriptions', depth: 0, overrideAccess: true, req })
}

const toIso = (seconds: null | number | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null)

/** The plan in force and any change waiting for the period's end (a downgrade keeps what was paid for until then). */
async function planState(req: PayloadRequest, subscription: Stripe.Subscription) {
  const item = subscription.items.data[0]
  const price = item?.price
  const byPrice = price?.metadata?.atelier_plan ? await planByCode(req, price.metadata.atelier_plan) : null
  const interval = (price?.recurring?.interval ?? 'month') as BillingInterval
  const pendingAt = Number(subscription.metadata?.pending_at || 0)
  const periodStart = item?.current_period_start ?? 0
  if (pendingAt && periodStart < pendingAt && subscription.metadata?.plan) {
    const inForce = await planByCode(req, subscription.metadata.plan)
    return {
      interval: (subscription.metadata.interval || interval) as BillingInterval,
      pendingChange: { effectiveAt: toIso(pendingAt), interval, plan: byPrice?.id ?? null },
      plan: inForce ?? byPrice,
    }
  }
  return { interval, pendingChange: { effectiveAt: null, interval: null, plan: null }, plan: byPrice }
}

export type SyncResult = { plan: null | Plan; row: Subscription; status: SubscriptionStatus }

/** Writes Stripe's subscription onto `row` (locked by the caller), and the studio's status after it. */
export async function syncSubscription(req: PayloadRequest, row: Subscription, subscription: Stripe.Subscription): Promise<SyncResult> {
  const item = subscription.items.data[0]
  const status = STATUS[subscription.status] ?? 'incomplete'
  const { interval, pendingChange, plan } = await planState(req, subscription)
  const pastDueSince = status === 'past_due' ? (row.pastDueSince ?? new Date().toISOString()) : null
  const updated = await req.payload.update({
    id: row.id,
    collection: 'subscriptions',
    data: {
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
      currentPeriodEnd: toIso(item?.current_period_end),
      currentPeriodStart: toIso(item?.current_period_start),
      interval,
      pastDueSince,
      pendingChange,
      plan: plan?.id ?? row.plan,
      status,
      stripeSubscriptionId: subscription.id,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await followSubscription(req, updated, status)
  return { plan, row: updated, status }
}

/** The studio a subscriptions row belongs to (every row has one). */
export const tenantOfRow = (row: Subscription): number => Number(idOf(row.tenant))

/**
 * Paying (or trialing at Stripe) reopens the studio, unless an operator suspended it by hand; an ended
 * subscription suspends it. Past due waits for the grace period (dunning.ts).
 */
async function followSubscription(req: PayloadRequest, row: Subscription, status: SubscriptionStatus): Promise<void> {
  const tenant = await req.payload.findByID({ id: tenantOfRow(row), collection: 'tenants', depth: 0, overrideAccess: true, req })
  if ((status === 'active' || status === 'trialing') && tenant.status !== 'active' && tenant.suspendedFor !== 'operator') {
    await setTenantStatus(req, tenant, 'active', 'subscription_paid')
  } else if (status === 'canceled' && tenant.status !== 'suspended') {
    await setTenantStatus(req, tenant, 'suspended', 'subscription_ended')
  }
}

export async function setTenantStatus(req: PayloadRequest, tenant: Tenant, status: Tenant['status'], reason: 'subscription_ended' | 'subscription_paid' | 'unpaid_after_grace'): Promise<void> {
  const suspendedFor = status !== 'suspended' ? null : reason === 'subscription_ended' ? 'subscription_ended' : 'unpaid'
  await req.payload.update({ id: tenant.id, collection: 'tenants', data: { status, suspendedFor }, depth: 0, overrideAccess: true, req })
  await writeAuditEntry(req, {
    action: status === 'suspended' ? 'tenant_suspended' : 'tenant_reactivated',
    collection: 'tenants',
    details: { from: tenant.status, reason },
    documentId: tenant.id,
    tenant: tenant.id,
    tenantTimeZone: tenant.timezone,
    user: null,
  })
}
