import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { TENANT_MANAGERS, tenantIdsOf } from '../../../access/tenantRoles'

/** Owners and admins may change their own tenants' settings. */
export const tenantManagers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  const managed = tenantIdsOf(user, TENANT_MANAGERS)
  return managed.length > 0 ? { id: { in: managed } } : false
}
