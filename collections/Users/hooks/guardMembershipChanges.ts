import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { membershipChangeRefusal } from '../../../access/membershipRules'
import { type MembershipHolder, tenantIdOf } from '../../../access/tenantRoles'

/** Set in `context` by a trusted service that has already authorised a membership change. */
export const MEMBERSHIP_CHANGE_AUTHORISED = 'membershipChangeAuthorised'

const membershipsByTenant = (holder: MembershipHolder): Map<string, string | undefined> =>
  new Map(
    (holder?.tenants ?? []).flatMap((membership) =>
      membership.tenant ? [[String(tenantIdOf(membership.tenant)), membership.role ?? undefined] as const] : [],
    ),
  )

const forbidden = (message: string) => new APIError(message, 403, null, true)

/**
 * Memberships change only in tenants the actor manages (owner-only for `owner`). Editing someone else's
 * account needs that right over every tenant they belong to, so an admin of one studio cannot take over
 * a member of another.
 */
export const guardMembershipChanges: CollectionBeforeChangeHook = ({ context, data, operation, originalDoc, req }) => {
  const actor = req.user
  if (!actor || isSuperAdmin(actor) || context[MEMBERSHIP_CHANGE_AUTHORISED]) return data
  if (data.superAdmin) throw forbidden('Only a super admin can grant super admin.')

  const before = membershipsByTenant(originalDoc as MembershipHolder)
  if (operation === 'update' && String(originalDoc?.id) !== String(actor.id)) {
    for (const [tenantId, role] of before) {
      if (membershipChangeRefusal(actor, tenantId, role, role)) {
        throw forbidden('This user belongs to a tenant you do not manage.')
      }
    }
  }
  if (data.tenants === undefined) return data

  const after = membershipsByTenant(data as MembershipHolder)
  if (operation === 'create' && after.size === 0) {
    throw forbidden('A new user must belong to at least one of your tenants.')
  }
  for (const tenantId of new Set([...before.keys(), ...after.keys()])) {
    const unchanged = before.has(tenantId) === after.has(tenantId) && before.get(tenantId) === after.get(tenantId)
    if (unchanged) continue
    const refusal = membershipChangeRefusal(actor, tenantId, before.get(tenantId), after.get(tenantId))
    if (refusal) throw forbidden(refusal)
  }
  return data
}
