import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { type RoleNode } from '../services/permissions'
import { loadRoles, permissionsBeyondUser, toRoleNode } from '../services/userGrants'
import { idOf } from '../../../utilities/idOf'

/** 403 unless the actor holds, in `tenantId`, every permission that `role` would grant with its ancestors. */
export async function assertHoldsEverything(req: PayloadRequest, tenantId: number | string, role: RoleNode, rolesById: Map<string, RoleNode>) {
  if (!req.user || isSuperAdmin(req.user)) return
  const missing = await permissionsBeyondUser(req, tenantId, [role.id], new Map([...rolesById, [String(role.id), role]]))
  if (missing.length > 0) {
    throw new APIError(`You cannot grant permissions you do not hold: ${missing.join(', ')}.`, 403, { missing }, true)
  }
}

/** A user may only create or edit a tenant role whose permissions they hold themselves. */
export const rejectPermissionEscalation: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!req.user || isSuperAdmin(req.user)) return data
  const tenantId = idOf(data.tenant ?? originalDoc?.tenant)
  const rolesById = await loadRoles(req, [tenantId])
  const candidate = toRoleNode({ ...originalDoc, ...data, id: originalDoc?.id ?? '(new)' })
  await assertHoldsEverything(req, tenantId, candidate, rolesById)
  return data
}
