import type { Access, Where } from 'payload'

import { isSuperAdmin } from './isSuperAdmin'
import { type TenantRole, tenantIdsOf } from './tenantRoles'

/**
 * Access for tenant-scoped documents: super admins pass; anyone else gets a `Where` on the tenants
 * where they hold one of `roles` (all memberships when `roles` is omitted). For `create`, where Payload
 * cannot apply a `Where`, the incoming document's tenant is checked instead.
 */
export const tenantMembersWithRole =
  (roles?: readonly TenantRole[], tenantField = 'tenant'): Access =>
  ({ data, req: { user } }) => {
    if (!user) return false
    if (isSuperAdmin(user)) return true
    const tenantIds = tenantIdsOf(user, roles)
    if (tenantIds.length === 0) return false
    const incomingTenant: unknown = data?.[tenantField]
    if (incomingTenant !== undefined && incomingTenant !== null) {
      const id = typeof incomingTenant === 'object' ? (incomingTenant as { id: unknown }).id : incomingTenant
      if (!tenantIds.map(String).includes(String(id))) return false
    }
    const scope: Where = { [tenantField]: { in: tenantIds } }
    return scope
  }
