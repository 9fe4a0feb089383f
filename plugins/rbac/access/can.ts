// The one access factory: a permission check combined with the tenant scope.
import type { Access, PayloadRequest, Where } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { grants } from '../services/permissions'
import { userGrants } from '../services/userGrants'
import { idOf } from '../../../utilities/idOf'

export type CanOptions = {
  /**
   * The path holding the document's tenant (`id` for the tenants collection itself).
   * @default 'tenant'
   */
  tenantField?: string
}

/** Tenants (as strings) where the current user may `action` on `resource`. */
export async function tenantsAllowing(req: PayloadRequest, resource: string, action: string): Promise<string[]> {
  const byTenant = await userGrants(req)
  return [...byTenant].filter(([, held]) => grants(held, resource, action)).map(([tenantId]) => tenantId)
}

/**
 * Super admins pass; anyone else gets a `Where` on the tenants where they hold `resource:action`, or
 * false. For `create`, where Payload applies no `Where`, the incoming document's tenant is checked.
 */
export const can =
  (resource: string, action: string, { tenantField = 'tenant' }: CanOptions = {}): Access =>
  async ({ data, req }) => {
    if (!req.user) return false
    if (isSuperAdmin(req.user)) return true
    const tenantIds = await tenantsAllowing(req, resource, action)
    if (tenantIds.length === 0) return false
    const incoming = tenantField === 'id' ? undefined : data?.[tenantField]
    // `tenant: null` is a change like any other. Where the body names no tenant, the tenant field's
    // validator checks the tenant the document finally gets (tenancy plugin).
    if (incoming !== undefined && (incoming === null || !tenantIds.includes(String(idOf(incoming))))) return false
    const scope: Where = { [tenantField]: { in: tenantIds } }
    return scope
  }
