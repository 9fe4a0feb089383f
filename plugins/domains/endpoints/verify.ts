import type { Endpoint } from 'payload'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { requirePermission } from '../../rbac'
import { verifyDomain } from '../services/verification'
import { visibleDomain } from './visibleDomain'

/**
 * POST /api/domains/:id/verify: checks the DNS proof now. `{ status, checks: { txt, target } }`, each check
 * `{ ok, type, name, expected, found, error? }`; both ok turns a pending or failed domain `verified`.
 * Needs domains:verify in the domain's studio: 400 bad id, 401 signed out, 403 without it, 404 not visible.
 */
export const verifyEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const domain = await visibleDomain(req)
    await requirePermission(req, 'domains', 'verify', domain.tenant ? Number(idOf(domain.tenant)) : null)
    return Response.json(await verifyDomain(req, domain, new Date()))
  }),
  method: 'post',
  path: '/:id/verify',
}
