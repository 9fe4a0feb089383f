// Adding a person to a studio, or changing their role there.
import type { PayloadRequest } from 'payload'

import type { TenantRole } from '../access/tenantRoles'

import { membershipChangeRefusal } from '../access/membershipRules'
import { roleIn, tenantIdOf } from '../access/tenantRoles'
import { MEMBERSHIP_CHANGE_AUTHORISED } from '../collections/Users/hooks/guardMembershipChanges'
import { forbidden, notFound } from '../utilities/apiErrors'

export type SetMembershipInput = { email: string; role: TenantRole; tenantId: number }

export async function setMembership(req: PayloadRequest, { email, role, tenantId }: SetMembershipInput) {
  const actor = req.user!
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    where: { email: { equals: email.toLowerCase() } },
  })
  const member = docs[0]
  if (!member) throw notFound('No account uses this email address.')

  const previousRole = roleIn(member, tenantId)
  const refusal = membershipChangeRefusal(actor, tenantId, previousRole, role)
  if (refusal) throw forbidden(refusal)

  const otherMemberships = (member.tenants ?? []).filter(
    (membership) => String(tenantIdOf(membership.tenant)) !== String(tenantId),
  )
  const updated = await req.payload.update({
    id: member.id,
    collection: 'users',
    // The change was authorised above; the user may also belong to tenants the actor cannot edit.
    context: { [MEMBERSHIP_CHANGE_AUTHORISED]: true },
    data: { tenants: [...otherMemberships, { role, tenant: tenantId }] },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { created: previousRole === undefined, role, tenant: tenantId, user: { id: updated.id, email: updated.email } }
}
