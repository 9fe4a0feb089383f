// Who may change whose membership of a tenant: permission-based, so that nobody hands out or takes away
// a role that holds more than they do (an admin cannot make or unmake an owner).
import type { PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { grants } from './permissions'
import { loadRoles, permissionsBeyondUser, userGrants } from './userGrants'

/** Why the current user may not move a membership of `tenantId` from `previousRole` to `nextRole`. */
export async function membershipChangeRefusal(
  req: PayloadRequest,
  tenantId: number | string,
  previousRole: string | undefined,
  nextRole: string | undefined,
): Promise<string | undefined> {
  if (!req.user || isSuperAdmin(req.user)) return undefined
  const held = (await userGrants(req)).get(String(tenantId))
  const action = previousRole === undefined ? 'create' : 'update'
  if (!held || !grants(held, 'users', action)) return 'You cannot manage the members of this tenant.'

  const rolesById = await loadRoles(req, [tenantId])
  const systemRoleIds = [...rolesById.values()]
    .filter((role) => role.slug === previousRole || role.slug === nextRole)
    .map((role) => role.id)
  const missing = await permissionsBeyondUser(req, tenantId, systemRoleIds, rolesById)
  return missing.length > 0 ? `You cannot grant or remove a role that holds more than you do (${missing.join(', ')}).` : undefined
}
