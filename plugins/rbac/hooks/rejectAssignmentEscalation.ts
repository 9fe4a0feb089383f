import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { RoleAssignment } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { assertHoldsEverything } from '../services/escalation'
import { loadRoles } from '../services/userGrants'

/** The role must be usable in the tenant, the user a member there, and the actor must hold all it grants. */
export const rejectAssignmentEscalation: CollectionBeforeChangeHook<RoleAssignment> = async ({ data, originalDoc, req }) => {
  // Required fields, but validation runs after this hook: a missing tenant fails the lookup below.
  const tenantId = idOf(data.tenant ?? originalDoc?.tenant)!
  const roleId = idOf(data.role ?? originalDoc?.role)
  const userId = idOf(data.user ?? originalDoc?.user)!
  const rolesById = await loadRoles(req, [tenantId])
  const role = rolesById.get(String(roleId))
  if (!role) throw new APIError('This role does not exist in this tenant.', 400, null, true)

  const member = await req.payload.findByID({ id: userId, collection: 'users', depth: 0, disableErrors: true, overrideAccess: true, req })
  if (!member?.tenants?.some((membership) => String(idOf(membership.tenant)) === String(tenantId))) {
    throw new APIError('The user is not a member of this tenant.', 400, null, true)
  }
  await assertHoldsEverything(req, tenantId, role, rolesById)
  return data
}
