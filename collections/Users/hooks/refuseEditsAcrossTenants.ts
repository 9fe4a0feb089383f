import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { membershipChangeRefusal } from '../../../plugins/rbac/services/membershipChange'
import { type MembershipHolder } from '../../../access/tenantRoles'
import { idOf } from '../../../utilities/idOf'

/** Set in `context` by a trusted service that has already authorised the change it makes. */
export const MEMBERSHIP_CHANGE_AUTHORISED = 'membershipChangeAuthorised'

/**
 * Editing someone else's account (email, password, name) needs `users:update` in every tenant they
 * belong to, and every permission their role holds there: an admin of one studio must not take over
 * a member of another, nor an owner of their own.
 */
export const refuseEditsAcrossTenants: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => {
  const actor = req.user
  if (operation !== 'update' || !actor || isSuperAdmin(actor) || context[MEMBERSHIP_CHANGE_AUTHORISED]) return data
  if (String(originalDoc?.id) === String(actor.id)) return data

  for (const membership of (originalDoc as MembershipHolder)?.tenants ?? []) {
    if (!membership.tenant) continue
    const role = membership.role ?? undefined
    if (await membershipChangeRefusal(req, idOf(membership.tenant), role, role)) {
      throw new APIError('This account belongs to a tenant you do not manage.', 403, null, true)
    }
  }
  return data
}
