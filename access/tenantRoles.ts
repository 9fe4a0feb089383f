// Tenant membership roles and the pure helpers that read them off a user.
export const TENANT_ROLES = ['owner', 'admin', 'staff', 'editor', 'artist'] as const
export type TenantRole = (typeof TENANT_ROLES)[number]

type TenantRef = number | string | { id: number | string }
export type MembershipHolder = {
  tenants?: { role?: string | null; tenant?: TenantRef | null }[] | null
} | null | undefined

export const tenantIdOf = (tenant: TenantRef): number | string => (typeof tenant === 'object' ? tenant.id : tenant)

/** Ids of the tenants the user belongs to. What they may do there is RBAC's business (`can`). */
export function tenantIdsOf(user: MembershipHolder): (number | string)[] {
  return [...new Set((user?.tenants ?? []).flatMap((membership) => (membership.tenant ? [tenantIdOf(membership.tenant)] : [])))]
}

export const roleIn = (user: MembershipHolder, tenantId: number | string): TenantRole | undefined =>
  user?.tenants?.find((membership) => membership.tenant && String(tenantIdOf(membership.tenant)) === String(tenantId))
    ?.role as TenantRole | undefined
