// The owner's billing actions on their studio's subscription (billing:manage). Each answers what Stripe did;
// the subscription row itself follows from Stripe's webhooks.
import type { Endpoint, PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { billingTenant, tenantParam } from '../services/billingTenant'
import { BILLING_INTERVALS } from '../services/limitNames'
import { answeringStripeErrors } from '../services/stripeErrors'
import { applyUpgrade, cancel, downgrade, previewUpgrade } from '../services/subscriptionChanges'
import { createSubscriptionCheckout } from '../services/subscriptionCheckout'

const planCode = z.string().trim().min(1).max(60)
const interval = z.enum(BILLING_INTERVALS)
const tenantQuery = z.object({ tenant: tenantParam }).strict()
const checkoutQuery = z.object({ period: interval.default('month'), plan: planCode, tenant: tenantParam }).strict()
const changeBody = z.object({ period: interval.default('month'), plan: planCode }).strict()
const upgradeBody = changeBody.extend({ prorationDate: z.number().int().positive() }).strict()
const downgradeBody = changeBody.extend({ when: z.enum(['now', 'period_end']).default('period_end') }).strict()
const cancelBody = z.object({ when: z.enum(['now', 'period_end']).default('period_end') }).strict()

const managedTenant = (req: PayloadRequest) => billingTenant(req, parseQuery(req, tenantQuery).tenant, 'manage')
const noStore = { 'Cache-Control': 'no-store' }

const checkoutHandler = (answer: 'json' | 'redirect') =>
  withErrorHandling(async (req) => {
    const { period, plan, tenant: tenantId } = parseQuery(req, checkoutQuery)
    const tenant = await billingTenant(req, tenantId, 'manage')
    const session = await answeringStripeErrors(req, () => createSubscriptionCheckout(req, tenant, plan, period))
    if (answer === 'redirect') return new Response(null, { headers: { ...noStore, Location: session.url }, status: 303 })
    return Response.json({ id: session.id, url: session.url }, { headers: noStore, status: 201 })
  })

/** GET /api/billing/create-checkout?plan=&period=month|year&tenant= : 303 to Stripe Checkout (mode subscription). 409 `already_subscribed`. */
export const checkoutRedirectEndpoint: Endpoint = { handler: checkoutHandler('redirect'), method: 'get', path: '/billing/create-checkout' }
/** POST /api/billing/create-checkout?plan=&period=&tenant= : 201 `{ id, url }`, the same session for a quarter hour. */
export const checkoutEndpoint: Endpoint = { handler: checkoutHandler('json'), method: 'post', path: '/billing/create-checkout' }

/** A POST that changes the studio's subscription: the body first, then the caller's billing:manage, then Stripe. */
const changeEndpoint = <Schema extends z.ZodType>(path: string, schema: Schema, change: (req: PayloadRequest, tenant: Tenant, body: z.infer<Schema>) => Promise<unknown>): Endpoint => ({
  handler: withErrorHandling(async (req) => {
    const body = await parseBody(req, schema)
    const tenant = await managedTenant(req)
    return Response.json(await answeringStripeErrors(req, () => change(req, tenant, body)), { headers: noStore })
  }),
  method: 'post',
  path,
})

/** POST /api/billing/upgrade/preview?tenant= `{ plan, period }` : `{ amountDue, currency, lines[], prorationDate }`, charged by `upgrade` with that date. */
export const upgradePreviewEndpoint = changeEndpoint('/billing/upgrade/preview', changeBody, (req, tenant, { period, plan }) => previewUpgrade(req, tenant, plan, period))

/** POST /api/billing/upgrade?tenant= `{ plan, period, prorationDate }` : applied now and invoiced at once; `{ invoice, plan, interval }`. */
export const upgradeEndpoint = changeEndpoint('/billing/upgrade', upgradeBody, (req, tenant, { period, plan, prorationDate }) => applyUpgrade(req, tenant, plan, period, prorationDate))

/** POST /api/billing/downgrade?tenant= `{ plan, period, when: 'now' | 'period_end' }` : `{ plan, interval, effectiveAt }`. */
export const downgradeEndpoint = changeEndpoint('/billing/downgrade', downgradeBody, (req, tenant, { period, plan, when }) => downgrade(req, tenant, plan, period, when))

/** POST /api/billing/cancel?tenant= `{ when }` (at period end by default) : `{ endsAt }`. */
export const cancelEndpoint = changeEndpoint('/billing/cancel', cancelBody, (req, tenant, { when }) => cancel(req, tenant, when))
