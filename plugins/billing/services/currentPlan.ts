// The plan whose limits a studio works within: its subscription's while it pays (or is about to), the trial
// plan while it is in trial, none otherwise (studios an operator set up and keeps active: no limits).
import type { PayloadRequest } from 'payload'

import type { Plan, Subscription, Tenant } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { PAYING_STATUSES, type SubscriptionStatus } from './limitNames'
import { billingOptions } from './options'

export async function subscriptionOf(req: PayloadRequest, tenantId: number): Promise<null | Subscription> {
  const { docs } = await req.payload.find({ collection: 'subscriptions', depth: 0, limit: 1, overrideAccess: true, req, where: { tenant: { equals: tenantId } } })
  return docs[0] ?? null
}

export async function planByCode(req: PayloadRequest, code: string): Promise<null | Plan> {
  const { docs } = await req.payload.find({ collection: 'plans', depth: 0, limit: 1, overrideAccess: true, req, where: { code: { equals: code } } })
  return docs[0] ?? null
}

export const isPaying = (subscription: null | Pick<Subscription, 'status'>): boolean =>
  Boolean(subscription?.status && PAYING_STATUSES.includes(subscription.status as SubscriptionStatus))

export async function currentPlan(req: PayloadRequest, tenant: Pick<Tenant, 'id' | 'status'>): Promise<null | Plan> {
  const subscription = await subscriptionOf(req, tenant.id)
  if (isPaying(subscription) && subscription?.plan) {
    return req.payload.findByID({ id: idOf(subscription.plan), collection: 'plans', depth: 0, overrideAccess: true, req })
  }
  if (tenant.status === 'trial') return planByCode(req, billingOptions(req.payload).trialPlan)
  return null
}

/** The AI credits a plan grants for one billing period: a yearly period brings twelve months' worth at once. */
export const periodAllowance = (plan: null | Pick<Plan, 'limits'>, interval: 'month' | 'year' | null | undefined): number =>
  (plan?.limits?.aiCreditsPerMonth ?? 0) * (interval === 'year' ? 12 : 1)
