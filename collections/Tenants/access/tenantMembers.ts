import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { tenantIdsOf } from '../../../access/tenantRoles'

/** A user sees the tenants they belong to. */
export const tenantMembers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  const memberOf = tenantIdsOf(user)
  return memberOf.length > 0 ? { id: { in: memberOf } } : false
}
