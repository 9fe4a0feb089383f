// Who may change whose membership of a tenant: permission-based, so that nobody hands out or takes away
// a role that holds more than they do (an admin cannot make or unmake an owner).
import type { PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { grants, missingPermissions } from './permissions'
import { grantsOf, loadRoles, permissionsBeyondUser, userGrants } from './userGrants'

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

/**
 * Why the current user may not edit `target`'s account (email, password, name): they need `users:update`
 * in every tenant the target belongs to, and every permission the target holds there through their
 * membership *and* their role assignments. Otherwise an admin could set the password of a staff member
 * who was assigned the owner role, and log in as them.
 */
export async function accountEditRefusal(req: PayloadRequest, target: Parameters<typeof grantsOf>[1] & { superAdmin?: boolean | null }): Promise<string | undefined> {
  if (!req.user || isSuperAdmin(req.user)) return undefined
  if (isSuperAdmin(target)) return 'Only super admins edit a super admin’s account.'
  const [actorGrants, targetGrants] = await Promise.all([userGrants(req), grantsOf(req, target)])
  for (const [tenantId, targetHeld] of targetGrants) {
    const held = actorGrants.get(tenantId)
    if (!held || !grants(held, 'users', 'update')) return 'This account belongs to a tenant you do not manage.'
    const missing = missingPermissions(targetHeld.keys(), held)
    if (missing.length > 0) return `This person holds permissions you do not (${missing.join(', ')}).`
  }
  return undefined
}
