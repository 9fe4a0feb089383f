// Removing a person from a studio: their membership and their role assignments there, never their account.
import type { PayloadRequest } from 'payload'

import type { TenantRole } from '../../../../utilities/tenantRoles'

import { writeAuditEntry } from '../../../../plugins/audit-log'
import { memberRemovalRefusal } from '../../../../plugins/rbac'
import { conflict, forbidden, notFound } from '../../../../utilities/apiErrors'
import { idOf } from '../../../../utilities/idOf'
import { inTransaction } from '../../../../utilities/inTransaction'
import { roleIn } from '../../../../utilities/tenantRoles'
import { refuseIfTenantSuspended } from '../../../../plugins/tenancy'
import { MEMBERSHIP_CHANGE_AUTHORISED } from '../context'
import { hasAnotherOwner, lockTenantMembers } from './owners'

export type RemoveMembershipInput = { tenantId: number; userId: number }
export type RemoveMembershipResult = {
  /** Ids of the role assignments the person held in the tenant, deleted with the membership. */
  removedRoleAssignments: (number | string)[]
  role: TenantRole
  tenant: number
  user: { email: string; id: number }
}

/** One transaction: the lock, the checks, the membership, the assignments and the audit entry. */
export function removeMembership(req: PayloadRequest, { tenantId, userId }: RemoveMembershipInput): Promise<RemoveMembershipResult> {
  return inTransaction(req, async () => {
    // Removing someone changes the studio; a suspended one only reads (and pays).
    await refuseIfTenantSuspended(req, tenantId)
    await lockTenantMembers(req, tenantId)
    const target = await req.payload.findByID({ id: userId, collection: 'users', depth: 0, disableErrors: true, overrideAccess: true, req })
    const role = target ? roleIn(target, tenantId) : undefined

    // Refuse non-managers before saying whether the person belongs here.
    const refusal = await memberRemovalRefusal(req, tenantId, target && role !== undefined ? target : { id: userId })
    if (refusal) throw forbidden(refusal)
    if (!target || role === undefined) throw notFound('Member not found.')
    if (role === 'owner' && !(await hasAnotherOwner(req, tenantId, userId))) {
      throw conflict('The last owner of a tenant cannot be removed: make someone else owner first.', 'last_owner')
    }

    await req.payload.update({
      id: userId,
      collection: 'users',
      // Authorised above; the account may also belong to tenants the actor cannot edit.
      context: { [MEMBERSHIP_CHANGE_AUTHORISED]: true },
      data: { tenants: (target.tenants ?? []).filter((membership) => String(idOf(membership.tenant)) !== String(tenantId)) },
      depth: 0,
      overrideAccess: true,
      req,
    })
    // Expired ones too: nothing the person held here survives, to come back if they rejoin.
    const assignments = await req.payload.delete({
      collection: 'role-assignments',
      depth: 0,
      overrideAccess: true,
      req,
      where: { and: [{ user: { equals: userId } }, { tenant: { equals: tenantId } }] },
    })
    if (assignments.errors.length > 0) throw new Error(`Could not delete role assignments: ${assignments.errors.map((error) => error.message).join('; ')}`)
    const removedRoleAssignments = assignments.docs.map((assignment) => assignment.id)

    await writeAuditEntry(req, {
      action: 'member_removed',
      collection: 'users',
      details: { removedRoleAssignments, role, self: String(req.user?.id) === String(userId) },
      documentId: userId,
      subject: target.email,
      tenant: tenantId,
    })
    return { removedRoleAssignments, role, tenant: tenantId, user: { id: target.id, email: target.email } }
  })
}
