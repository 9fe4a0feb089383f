import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { tenantIdsOf } from '../../../access/tenantRoles'
import { can } from './can'

/** System roles are visible to every signed-in user; tenant roles to their tenant's members. */
export const readRoles: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  return { or: [{ tenant: { exists: false } }, { tenant: { in: tenantIdsOf(user) } }] }
}

/** System roles are the platform's: only super admins write them. Tenant roles need `roles:<action>`. */
export const writeTenantRoles =
  (action: 'create' | 'delete' | 'update'): Access =>
  async (args) => {
    const { data, req } = args
    if (!req.user) return false
    if (isSuperAdmin(req.user)) return true
    if (action === 'create' && !data?.tenant) return false
    return can('roles', action)(args)
  }
