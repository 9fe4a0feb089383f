import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { billingTenant, tenantParam } from '../services/billingTenant'
import { usageReport } from '../services/limits'

// Unknown keys are refused: a misspelt `tenant` must not silently fall back to the caller's only studio.
const querySchema = z.object({ tenant: tenantParam }).strict()

/**
 * GET /api/billing/usage?tenant=: `{ tenant, plan: { code, name } | null, limits: [{ resource, limit, used,
 * remaining, over, warning? }] }`; `limit` and `remaining` are null when unlimited, `over` and `warning` mark
 * usage above the plan (after a downgrade). Needs billing:read: 401 signed out, 403 without it, 404 for a
 * studio the caller cannot see, 400 for a bad query.
 */
export const usageEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { tenant: tenantId } = parseQuery(req, querySchema)
    const tenant = await billingTenant(req, tenantId, 'read')
    return Response.json(await usageReport(req, tenant))
  }),
  method: 'get',
  path: '/billing/usage',
}
