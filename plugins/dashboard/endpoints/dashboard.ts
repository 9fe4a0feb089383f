import type { Endpoint } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { forbidden, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { parseQuery } from '../../../utilities/parseRequest'
import { tenantForPermission } from '../../rbac'
import { dashboardAnswer, dashboardView, seesNothing } from '../services/dashboardAnswer'

// Unknown keys are refused: a misspelt `tenant` must not fall back to the caller's only studio.
const querySchema = z.object({ tenant: z.coerce.number().int().positive().max(2 ** 31 - 1).optional() }).strict()

/**
 * GET /api/dashboard?tenant=: the studio's figures and charts (DashboardAnswer), each only when the caller
 * may read what it counts there (null otherwise). Naming no studio: the only one where the caller reads
 * bookings (400 `tenant_required` when several), or every studio for a super admin (`tenant: null`).
 * 401 signed out, 404 for a studio the caller cannot see, 403 when they may read none of the parts there.
 */
export const dashboardEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { tenant: tenantId } = parseQuery(req, querySchema)
    if (!req.user) throw unauthorized()
    const everyStudio = tenantId === undefined && isSuperAdmin(req.user)
    const tenant = everyStudio
      ? null
      : tenantId === undefined
        ? await tenantForPermission(req, undefined, 'bookings', 'read')
        : await findVisible(req, 'tenants', tenantId, 'Tenant not found.')
    const view = await dashboardView(req, tenant?.id ?? null)
    if (seesNothing(view)) throw forbidden('You may read none of the dashboard’s figures in this studio.')
    return Response.json(await dashboardAnswer(req, tenant, view), { headers: { 'Cache-Control': 'private, no-store' } })
  }),
  method: 'get',
  path: '/dashboard',
}
