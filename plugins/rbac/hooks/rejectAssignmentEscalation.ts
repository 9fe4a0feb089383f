import type { CollectionBeforeChangeHook } from 'payload'

import { APIError, ValidationError } from 'payload'

import type { RoleAssignment } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { assertHoldsEverything } from '../services/escalation'
import { loadRoles } from '../services/userGrants'

/** The role must be usable in the tenant, the user a member there, and the actor must hold all it grants. */
export const rejectAssignmentEscalation: CollectionBeforeChangeHook<RoleAssignment> = async ({ data, originalDoc, req }) => {
  // Required fields, but validation runs after this hook: refuse a missing one here, as bad input.
  const tenantId = idOf(data.tenant ?? originalDoc?.tenant)
  const roleId = idOf(data.role ?? originalDoc?.role)
  const userId = idOf(data.user ?? originalDoc?.user)
  const given = { role: roleId, tenant: tenantId, user: userId }
  const missing = Object.entries(given).filter(([, value]) => value === undefined || value === null)
  if (tenantId == null || userId == null || missing.length > 0) {
    throw new ValidationError({ collection: 'role-assignments', errors: missing.map(([path]) => ({ message: 'This field is required.', path })), req })
  }
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
