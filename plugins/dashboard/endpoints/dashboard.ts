import type { Endpoint } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { tenantForPermission } from '../../rbac'
import { dashboardAnswer, dashboardView } from '../services/dashboardAnswer'

// Unknown keys are refused: a misspelt `tenant` must not fall back to the caller's only studio.
const querySchema = z.object({ tenant: z.coerce.number().int().positive().max(2 ** 31 - 1).optional() }).strict()

/**
 * GET /api/dashboard?tenant=: the studio's figures and charts (DashboardAnswer), each only when the caller
 * may read what it counts there. Needs bookings:read in the studio; a super admin naming none gets every
 * studio. 401 signed out, 403 without the permission, 404 for a studio the caller cannot see.
 */
export const dashboardEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { tenant: tenantId } = parseQuery(req, querySchema)
    const everyStudio = tenantId === undefined && isSuperAdmin(req.user)
    const tenant = everyStudio ? null : await tenantForPermission(req, tenantId, 'bookings', 'read')
    const view = await dashboardView(req, tenant?.id ?? null)
    return Response.json(await dashboardAnswer(req, tenant, view), { headers: { 'Cache-Control': 'private, no-store' } })
  }),
  method: 'get',
  path: '/dashboard',
}
