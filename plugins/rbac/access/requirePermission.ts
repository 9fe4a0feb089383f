import type { PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { forbidden } from '../../../utilities/apiErrors'
import { tenantsAllowing } from './can'

/**
 * For custom endpoints acting on one document: 403 unless the user holds `resource:action` in its tenant.
 * A document in no tenant is for super admins only.
 */
export async function requirePermission(req: PayloadRequest, resource: string, action: string, tenantId: null | number | undefined): Promise<void> {
  if (isSuperAdmin(req.user)) return
  const allowed = await tenantsAllowing(req, resource, action)
  if (!allowed.includes(String(tenantId))) throw forbidden(`You need the ${resource}:${action} permission.`)
}
