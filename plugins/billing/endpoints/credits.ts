// What an owner reads about their studio's AI credits (billing:read): the balance and this month, and the packs on sale.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { billingTenant, localeParam, tenantParam } from '../services/billingTenant'
import { creditSummary } from '../services/creditStats'

// Unknown keys are refused: a misspelt `tenant` must not silently fall back to the caller's only studio.
const summaryQuery = z.object({ tenant: tenantParam }).strict()
const packsQuery = z.object({ locale: localeParam, tenant: tenantParam }).strict()
const noStore = { 'Cache-Control': 'no-store' }

/**
 * GET /api/billing/credits?tenant= : `{ balance, grant: { remaining, expiresAt }, month: { start, granted, spent,
 * purchased, refunded, expired }, spendByUser: [{ user: { id, name, email } | null, spent }] }`, the month being
 * this calendar month in the studio's time zone; `spent` per user is net of unused holds given back. Needs
 * billing:read: 401 signed out, 403 without it, 404 for a studio the caller cannot see, 400 for a bad query.
 */
export const creditsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { tenant: tenantId } = parseQuery(req, summaryQuery)
    const tenant = await billingTenant(req, tenantId, 'read')
    return Response.json(await creditSummary(req, tenant.id), { headers: noStore })
  }),
  method: 'get',
  path: '/billing/credits',
}

/** GET /api/billing/credits/packs?tenant=&locale= : `{ packs: [{ id, name, credits, price, currency }] }`, the active packs, cheapest first; price in minor units. */
export const creditPacksEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const query = parseQuery(req, packsQuery)
    const tenant = await billingTenant(req, query.tenant, 'read')
    const { docs } = await req.payload.find({
      collection: 'credit-packs',
      depth: 0,
      locale: query.locale ?? tenant.defaultLocale,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'price',
      where: { active: { equals: true } },
    })
    const packs = docs.map(({ id, name, credits, currency, price }) => ({ id, name, credits, currency, price }))
    return Response.json({ packs }, { headers: noStore })
  }),
  method: 'get',
  path: '/billing/credits/packs',
}
