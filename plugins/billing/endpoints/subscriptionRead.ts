// What an owner reads about their studio's billing (billing:read), and the way to Stripe's customer portal.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import type { Plan } from '../../../payload-types'

import { conflict, withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { stripeOf } from '../../payments'
import { billingTenant, localeParam, tenantParam } from '../services/billingTenant'
import { currentPlan, subscriptionOf } from '../services/currentPlan'
import { graceEndOf } from '../services/dunning'
import { billingOptions } from '../services/options'
import { answeringStripeErrors } from '../services/stripeErrors'

const tenantQuery = z.object({ tenant: tenantParam }).strict()
const plansQuery = z.object({ locale: localeParam, tenant: tenantParam }).strict()
const noStore = { 'Cache-Control': 'no-store' }

const planSummary = (plan: null | Plan | number | undefined) => (plan && typeof plan === 'object' ? { code: plan.code, id: plan.id, name: plan.name } : null)

/**
 * GET /api/billing/subscription?tenant= : `{ tenant, subscription: { status, plan, interval, currentPeriodEnd,
 * cancelAtPeriodEnd, pendingChange, pastDueSince, graceEndsAt } | null, trialEndsAt, limitsPlan }`.
 */
export const subscriptionEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const tenant = await billingTenant(req, parseQuery(req, tenantQuery).tenant, 'read')
    const row = await subscriptionOf(req, tenant.id)
    const full = row?.status ? await req.payload.findByID({ id: row.id, collection: 'subscriptions', depth: 1, overrideAccess: true, req }) : null
    return Response.json(
      {
        limitsPlan: planSummary(await currentPlan(req, tenant)),
        subscription: full && {
          cancelAtPeriodEnd: Boolean(full.cancelAtPeriodEnd),
          currentPeriodEnd: full.currentPeriodEnd,
          graceEndsAt: full.pastDueSince ? graceEndOf(req, full.pastDueSince).toISOString() : null,
          interval: full.interval,
          pastDueSince: full.pastDueSince,
          pendingChange: full.pendingChange?.effectiveAt
            ? { effectiveAt: full.pendingChange.effectiveAt, interval: full.pendingChange.interval, plan: planSummary(full.pendingChange.plan) }
            : null,
          plan: planSummary(full.plan),
          status: full.status,
        },
        tenant: { id: tenant.id, status: tenant.status },
        trialEndsAt: tenant.status === 'trial' ? tenant.trialEndsAt : null,
      },
      { headers: noStore },
    )
  }),
  method: 'get',
  path: '/billing/subscription',
}

/** GET /api/billing/plans?tenant=&locale= : the active plans, prices in minor units, limits (null: unlimited), and which is current. */
export const plansEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const query = parseQuery(req, plansQuery)
    const tenant = await billingTenant(req, query.tenant, 'read')
    const current = await currentPlan(req, tenant)
    const { docs } = await req.payload.find({
      collection: 'plans',
      depth: 0,
      locale: query.locale ?? tenant.defaultLocale,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'sortOrder',
      where: { active: { equals: true } },
    })
    const plans = docs.map((plan) => ({
      code: plan.code,
      currency: plan.currency,
      current: plan.id === current?.id,
      features: (plan.features ?? []).map(({ text }) => text),
      limits: plan.limits,
      monthlyPrice: plan.monthlyPrice,
      name: plan.name,
      yearlyPrice: plan.yearlyPrice,
    }))
    return Response.json({ plans }, { headers: noStore })
  }),
  method: 'get',
  path: '/billing/plans',
}

/** GET /api/billing/portal?tenant= : 303 to a Stripe customer portal session, or `{ url }` with `Accept: application/json`. */
export const portalEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const tenant = await billingTenant(req, parseQuery(req, tenantQuery).tenant, 'manage')
    const row = await subscriptionOf(req, tenant.id)
    if (!row?.stripeCustomerId) throw conflict('This studio has no billing account yet: subscribe first.', 'no_customer')
    const session = await answeringStripeErrors(req, () =>
      stripeOf(req.payload).billingPortal.sessions.create({ customer: row.stripeCustomerId!, return_url: `${billingOptions(req.payload).publicUrl}/admin` }),
    )
    if ((req.headers.get('accept') ?? '').includes('application/json')) return Response.json({ url: session.url }, { headers: noStore })
    return new Response(null, { headers: { ...noStore, Location: session.url }, status: 303 })
  }),
  method: 'get',
  path: '/billing/portal',
}
