// Who may change whose membership of a tenant: one rule shared by the users hook and the members endpoint.
import { isSuperAdmin } from './isSuperAdmin'
import { type MembershipHolder, TENANT_MANAGERS, roleIn } from './tenantRoles'

type Actor = MembershipHolder & { superAdmin?: boolean | null }

/** Why `actor` may not move a membership of `tenantId` from `previousRole` to `nextRole`; undefined when allowed. */
export function membershipChangeRefusal(
  actor: Actor,
  tenantId: number | string,
  previousRole: string | undefined,
  nextRole: string | undefined,
): string | undefined {
  if (isSuperAdmin(actor)) return undefined
  const actorRole = roleIn(actor, tenantId)
  if (!actorRole || !TENANT_MANAGERS.includes(actorRole)) return 'You can only change memberships of tenants you manage.'
  if ((previousRole === 'owner' || nextRole === 'owner') && actorRole !== 'owner') {
    return 'Only an owner can grant or remove the owner role.'
  }
  return undefined
}
