// Removing a person from a studio: their membership and their role assignments there, never their account.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { TenantRole } from '../../../../utilities/tenantRoles'

import { writeAuditEntry } from '../../../../plugins/audit-log'
import { memberRemovalRefusal } from '../../../../plugins/rbac'
import { conflict, forbidden, notFound } from '../../../../utilities/apiErrors'
import { idOf } from '../../../../utilities/idOf'
import { inTransaction } from '../../../../utilities/inTransaction'
import { roleIn } from '../../../../utilities/tenantRoles'
import { transactionDb } from '../../../../utilities/transactionDb'
import { MEMBERSHIP_CHANGE_AUTHORISED } from '../context'

export type RemoveMembershipInput = { tenantId: number; userId: number }
export type RemoveMembershipResult = {
  /** Ids of the role assignments the person held in the tenant, deleted with the membership. */
  removedRoleAssignments: (number | string)[]
  role: TenantRole
  tenant: number
  user: { email: string; id: number }
}

/**
 * Serialises membership removals in one tenant until the transaction ends, so that two owners removing
 * each other cannot both see the other one left. `for no key update` conflicts with itself but not with
 * the key-share locks that inserts referring to the tenant take (bookings, audit entries), so those go on.
 */
async function lockTenantMembers(req: PayloadRequest, tenantId: number) {
  await (await transactionDb(req)).execute(sql`select id from tenants where id = ${tenantId} for no key update`)
}

/** Whether the tenant has an owner besides `userId`; read under the lock, so it sees removals committed before. */
async function hasAnotherOwner(req: PayloadRequest, tenantId: number, userId: number): Promise<boolean> {
  const { rows } = (await (await transactionDb(req)).execute(
    sql`select 1 from users_tenants where tenant_id = ${tenantId} and role = 'owner' and _parent_id <> ${userId} limit 1`,
  )) as { rows: unknown[] }
  return rows.length > 0
}

/** One transaction: the lock, the checks, the membership, the assignments and the audit entry. */
export function removeMembership(req: PayloadRequest, { tenantId, userId }: RemoveMembershipInput): Promise<RemoveMembershipResult> {
  return inTransaction(req, async () => {
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
