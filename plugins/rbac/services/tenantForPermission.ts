// Which studio a `?tenant=` call is about, for endpoints that act on one studio with one permission.
import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'

import { forbidden, HttpError, unauthorized } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { requirePermission } from '../access/requirePermission'
import { tenantsAllowing } from '../access/can'

/**
 * The tenant named (`tenantId`), or the only one where the caller holds `resource:action`. 401 signed out;
 * 404 for a tenant they cannot see; 403 without the permission there; 400 `tenant_required` when several
 * are theirs and none is named.
 */
export async function tenantForPermission(req: PayloadRequest, tenantId: number | undefined, resource: string, action: string): Promise<Tenant> {
  if (!req.user) throw unauthorized()
  let id = tenantId
  if (id === undefined) {
    const allowed = await tenantsAllowing(req, resource, action)
    if (allowed.length === 0) throw forbidden(`You need the ${resource}:${action} permission.`)
    if (allowed.length > 1) {
      const message = 'Name the studio: ?tenant=<id>.'
      throw new HttpError(400, message, [{ message, path: 'tenant' }], { code: 'tenant_required' })
    }
    id = Number(allowed[0])
  }
  const tenant = await findVisible(req, 'tenants', id, 'Tenant not found.')
  await requirePermission(req, resource, action, tenant.id)
  return tenant
}
