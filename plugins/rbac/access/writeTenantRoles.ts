import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { can } from './can'

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
