// Adding a person to a studio (inviting them when they have no account yet), or changing their role there.
import type { PayloadRequest } from 'payload'

import { randomBytes } from 'node:crypto'

import type { TenantRole } from '../../../../utilities/tenantRoles'
import type { Tenant } from '../../../../payload-types'

import { roleIn } from '../../../../utilities/tenantRoles'
import { membershipChangeRefusal } from '../../../../plugins/rbac'
import { refuseIfTenantSuspended } from '../../../../plugins/tenancy'
import { conflict, forbidden } from '../../../../utilities/apiErrors'
import { idOf } from '../../../../utilities/idOf'
import { inTransaction } from '../../../../utilities/inTransaction'
import { INVITATION_CONTEXT, MEMBERSHIP_CHANGE_AUTHORISED } from '../context'
import { hasAnotherOwner, lockTenantMembers } from './owners'

export type SetMembershipInput = { email: string; name?: string; role: TenantRole; tenant: Tenant }
export type SetMembershipResult = {
  /** A new account was created and sent a link to choose its password. */
  invited: boolean
  /** The person was not a member of this tenant before. */
  joined: boolean
  role: TenantRole
  tenant: number
  user: { email: string; id: number }
}

/** Joins the caller's transaction (`req`) or runs in its own, so the account and its membership land together. */
export function setMembership(req: PayloadRequest, input: SetMembershipInput): Promise<SetMembershipResult> {
  return inTransaction(req, () => changeMembership(req, input))
}

async function changeMembership(req: PayloadRequest, input: SetMembershipInput): Promise<SetMembershipResult> {
  const { role, tenant } = input
  // The account writes below are not the tenant's documents, so the tenancy guard does not see them.
  await refuseIfTenantSuspended(req, tenant.id)
  const email = input.email.toLowerCase()
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { email: { equals: email } },
  })
  const existing = docs[0]
  const previousRole = existing ? roleIn(existing, tenant.id) : undefined
  const refusal = await membershipChangeRefusal(req, tenant.id, previousRole, role)
  if (refusal) throw forbidden(refusal)
  if (existing && previousRole === 'owner' && role !== 'owner') {
    await lockTenantMembers(req, tenant.id)
    if (!(await hasAnotherOwner(req, tenant.id, existing.id))) {
      throw conflict('The last owner of a tenant cannot change role: make someone else owner first.', 'last_owner')
    }
  }

  // The change is authorised above; the account may also belong to tenants the actor cannot edit.
  const context = { [MEMBERSHIP_CHANGE_AUTHORISED]: true }
  let user
  if (existing) {
    const otherMemberships = (existing.tenants ?? []).filter((membership) => String(idOf(membership.tenant)) !== String(tenant.id))
    user = await req.payload.update({
      id: existing.id,
      collection: 'users',
      context,
      data: { tenants: [...otherMemberships, { role, tenant: tenant.id }] },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } else {
    user = await req.payload.create({
      collection: 'users',
      context,
      // Nobody knows this password: the invitation link replaces it.
      data: { name: input.name, email, password: randomBytes(32).toString('base64url'), tenants: [{ role, tenant: tenant.id }] },
      depth: 0,
      overrideAccess: true,
      req,
    })
    req.context[INVITATION_CONTEXT] = tenant.name
    await req.payload.forgotPassword({ collection: 'users', data: { email }, req })
  }
  return {
    invited: !existing,
    joined: previousRole === undefined,
    role,
    tenant: tenant.id,
    user: { id: user.id, email: user.email },
  }
}
