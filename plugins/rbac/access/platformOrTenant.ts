// Access for collections that hold platform rows (no tenant, shared by every studio) beside each studio's
// own: system roles and tenant roles, the platform's strings and a studio's overrides.
import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { can } from './can'

/** Platform rows are visible to every signed-in user; a studio's need `resource:read` in that studio. */
export const readPlatformOrTenant =
  (resource: string): Access =>
  async (args) => {
    const { user } = args.req
    if (!user) return false
    if (isSuperAdmin(user)) return true
    const platformRows = { tenant: { exists: false } }
    const tenantRows = await can(resource, 'read')(args)
    return tenantRows && typeof tenantRows === 'object' ? { or: [platformRows, tenantRows] } : platformRows
  }

/** Platform rows are the operators' to write; a studio's need `resource:<action>` in that studio. */
export const writePlatformOrTenant =
  (resource: string, action: 'create' | 'delete' | 'update'): Access =>
  async (args) => {
    const { data, req } = args
    if (!req.user) return false
    if (isSuperAdmin(req.user)) return true
    if (action === 'create' && !data?.tenant) return false
    return can(resource, action)(args)
  }
