// Nobody hands out more than they hold: the rule behind role edits and role assignments.
import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { RoleNode } from './permissions'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { permissionsBeyondUser } from './userGrants'

/** 403 unless the actor holds, in `tenantId`, every permission that `role` would grant with its ancestors. */
export async function assertHoldsEverything(req: PayloadRequest, tenantId: number | string, role: RoleNode, rolesById: Map<string, RoleNode>) {
  if (!req.user || isSuperAdmin(req.user)) return
  const missing = await permissionsBeyondUser(req, tenantId, [role.id], new Map([...rolesById, [String(role.id), role]]))
  if (missing.length > 0) {
    throw new APIError(`You cannot grant permissions you do not hold: ${missing.join(', ')}.`, 403, { missing }, true)
  }
}
