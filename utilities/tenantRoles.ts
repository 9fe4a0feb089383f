// Tenant membership roles and the pure helpers that read them off a user.
import { idOf } from './idOf'

export const TENANT_ROLES = ['owner', 'admin', 'staff', 'editor', 'artist'] as const
export type TenantRole = (typeof TENANT_ROLES)[number]

type TenantRef = number | string | { id: number | string }
export type MembershipHolder = {
  tenants?: { role?: string | null; tenant?: TenantRef | null }[] | null
} | null | undefined

/** Ids of the tenants the user belongs to. What they may do there is RBAC's business (`can`). */
export function tenantIdsOf(user: MembershipHolder): (number | string)[] {
  return [...new Set((user?.tenants ?? []).flatMap((membership) => (membership.tenant ? [idOf(membership.tenant)] : [])))]
}

export const roleIn = (user: MembershipHolder, tenantId: number | string): TenantRole | undefined =>
  user?.tenants?.find((membership) => membership.tenant && String(idOf(membership.tenant)) === String(tenantId))
    ?.role as TenantRole | undefined
