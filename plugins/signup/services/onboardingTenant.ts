// Which studio an onboarding call is about, and whether the caller may set it up: they must be allowed to
// update the tenant (owners and admins hold `tenants:update`).
import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'

import { requirePermission, tenantsAllowing } from '../../rbac'
import { forbidden, HttpError, unauthorized } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'

export const requireSignedIn = (req: PayloadRequest): void => {
  if (!req.user) throw unauthorized()
}

/**
 * The tenant named, or the only one the caller may update when none is named. A tenant the caller cannot see
 * is 404 (ids leak nothing), one they see but may not update is 403. Several candidates and none named is a
 * 400 that lists them (`code: 'tenant_required'`, `tenants: [{ id, name }]`), so that the page can ask.
 */
export async function onboardingTenant(req: PayloadRequest, tenantId: number | undefined): Promise<Tenant> {
  requireSignedIn(req)
  let id = tenantId
  if (id === undefined) {
    const allowed = await tenantsAllowing(req, 'tenants', 'update')
    if (allowed.length === 0) throw forbidden('You do not manage a studio.')
    if (allowed.length > 1) {
      const { docs } = await req.payload.find({
        collection: 'tenants',
        depth: 0,
        limit: allowed.length,
        overrideAccess: false,
        req,
        select: { name: true },
        sort: 'name',
        where: { id: { in: allowed } },
      })
      const message = 'Choose the studio to set up.'
      throw new HttpError(400, message, [{ message, path: 'tenant' }], { code: 'tenant_required', tenants: docs.map(({ id, name }) => ({ id, name })) })
    }
    id = Number(allowed[0])
  }
  const tenant = await findVisible(req, 'tenants', id, 'Tenant not found.')
  await requirePermission(req, 'tenants', 'update', tenant.id)
  return tenant
}
