import type { Access, Where } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { type TenantRole, tenantIdsOf } from '../../../access/tenantRoles'

/** Oneself, plus the users of the tenants where one holds `roles` (any membership when omitted). */
export const usersInMyTenants =
  (roles?: readonly TenantRole[]): Access =>
  ({ req: { user } }) => {
    if (!user) return false
    if (isSuperAdmin(user)) return true
    const self: Where = { id: { equals: user.id } }
    const tenantIds = tenantIdsOf(user, roles)
    if (tenantIds.length === 0) return self
    return { or: [self, { 'tenants.tenant': { in: tenantIds } }] }
  }
