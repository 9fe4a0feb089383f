import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { can } from './can'

/**
 * System roles are visible to every signed-in user (everyone holds some); tenant roles need
 * `roles:read` in their tenant.
 */
export const readRoles: Access = async (args) => {
  const { user } = args.req
  if (!user) return false
  if (isSuperAdmin(user)) return true
  const systemRoles = { tenant: { exists: false } }
  const tenantRoles = await can('roles', 'read')(args)
  return tenantRoles && typeof tenantRoles === 'object' ? { or: [systemRoles, tenantRoles] } : systemRoles
}
