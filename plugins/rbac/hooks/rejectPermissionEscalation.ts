import type { CollectionBeforeChangeHook } from 'payload'

import type { Role } from '../../../payload-types'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { idOf } from '../../../utilities/idOf'
import { assertHoldsEverything } from '../services/escalation'
import { loadRoles, toRoleNode } from '../services/userGrants'

/** A user may only create or edit a tenant role whose permissions they hold themselves. */
export const rejectPermissionEscalation: CollectionBeforeChangeHook<Role> = async ({ data, originalDoc, req }) => {
  if (!req.user || isSuperAdmin(req.user)) return data
  // Access lets only tenant roles this far for anyone but super admins.
  const tenantId = idOf(data.tenant ?? originalDoc?.tenant)!
  const rolesById = await loadRoles(req, [tenantId])
  const candidate = toRoleNode({ ...originalDoc, ...data, id: originalDoc?.id ?? '(new)', slug: data.slug ?? originalDoc?.slug ?? '(new)' })
  await assertHoldsEverything(req, tenantId, candidate, rolesById)
  return data
}
