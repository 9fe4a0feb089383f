// Buying AI credits (billing:manage): a Stripe Checkout Session for a pack. The credits come with Stripe's webhook.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { billingTenant, tenantParam } from '../services/billingTenant'
import { createPackCheckout } from '../services/packPurchase'
import { answeringStripeErrors } from '../services/stripeErrors'

const purchaseQuery = z.object({ tenant: tenantParam }).strict()
const purchaseBody = z.object({ pack: z.number().int().positive().max(2 ** 31 - 1) }).strict()

/**
 * POST /api/billing/credits/purchase?tenant= `{ pack }` : 201 `{ id, url }`, a Checkout Session (payment mode) for
 * the pack, the same one for a quarter hour. 404 for an unknown or inactive pack; 409 `stripe_refused`, 502 when
 * Stripe cannot be reached, 503 without Stripe; 401/403/404 as every billing endpoint.
 */
export const creditsPurchaseEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { tenant: tenantId } = parseQuery(req, purchaseQuery)
    const { pack } = await parseBody(req, purchaseBody)
    const tenant = await billingTenant(req, tenantId, 'manage')
    const session = await answeringStripeErrors(req, () => createPackCheckout(req, tenant, pack))
    return Response.json(session, { headers: { 'Cache-Control': 'no-store' }, status: 201 })
  }),
  method: 'post',
  path: '/billing/credits/purchase',
}
