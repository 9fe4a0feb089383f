import type { CollectionBeforeOperationHook } from 'payload'

import { Forbidden } from 'payload'

import { isSuperAdmin } from '../../../../access/isSuperAdmin'
import { tenantIdsOf } from '../../../../utilities/tenantRoles'
import { tenantsAllowing } from '../../../../plugins/rbac'

/**
 * Lifting a lockout undoes a brute-force defence, so it needs `users:unlock` (owners) in every tenant the
 * locked account belongs to, not just in one: access alone would let an owner of any shared studio do it.
 */
export const refuseUnlockAcrossTenants: CollectionBeforeOperationHook<'users'> = async ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'unlock' || overrideAccess || isSuperAdmin(req.user)) return args
  const email = String(args.data?.email ?? '').toLowerCase().trim()
  const { docs } = await req.payload.find({ collection: 'users', depth: 0, limit: 1, overrideAccess: true, req, where: { email: { equals: email } } })
  const target = docs[0]
  if (!target) return args
  const allowed = await tenantsAllowing(req, 'users', 'unlock')
  const tenants = tenantIdsOf(target).map(String)
  if (isSuperAdmin(target) || tenants.length === 0 || tenants.some((tenantId) => !allowed.includes(tenantId))) throw new Forbidden(req.t)
  return args
}
