import type { PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { forbidden, unauthorized } from '../../../utilities/apiErrors'
import { tenantsAllowing } from '../../rbac'

/** Tenant ids whose entries the caller may `action` on; undefined for a super admin (all). */
export async function auditScope(req: PayloadRequest, action: string): Promise<number[] | undefined> {
  if (!req.user) throw unauthorized()
  if (isSuperAdmin(req.user)) return undefined
  const tenantIds = (await tenantsAllowing(req, 'audit', action)).map(Number)
  if (tenantIds.length === 0) throw forbidden(`You need the audit:${action} permission.`)
  return tenantIds
}
