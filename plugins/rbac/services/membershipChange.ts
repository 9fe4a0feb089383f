// Who may change whose membership of a tenant: permission-based, so that nobody hands out or takes away
// a role that holds more than they do (an admin cannot make or unmake an owner).
import type { PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { grants, missingPermissions } from './permissions'
import { grantsOf, loadRoles, permissionsBeyondUser, userGrants } from './userGrants'

type Target = Parameters<typeof grantsOf>[1] & { superAdmin?: boolean | null }

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
export async function accountEditRefusal(req: PayloadRequest, target: Target): Promise<string | undefined> {
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

/**
 * Why the current user may not remove `target` from `tenantId`. Leaving is always allowed (nobody holds
 * more than themselves). Removing someone else needs `users:update` there, as changing a role does, and
 * every permission the target holds there through their membership *and* their role assignments, which
 * go with it. Pass a target who is not a member without memberships: they hold nothing, so only the
 * management permission is checked (and a non-manager learns nothing about who belongs).
 */
export async function memberRemovalRefusal(req: PayloadRequest, tenantId: number | string, target: Target): Promise<string | undefined> {
  if (!req.user) return 'You must be logged in.'
  if (String(target.id) === String(req.user.id) || isSuperAdmin(req.user)) return undefined
  const held = (await userGrants(req)).get(String(tenantId))
  if (!held || !grants(held, 'users', 'update')) return 'You cannot manage the members of this tenant.'
  if (isSuperAdmin(target)) return 'Only super admins remove a super admin from a tenant.'
  const targetHeld = (await grantsOf(req, target)).get(String(tenantId))
  const missing = targetHeld ? missingPermissions(targetHeld.keys(), held) : []
  return missing.length > 0 ? `You cannot remove someone who holds more than you do (${missing.join(', ')}).` : undefined
}
