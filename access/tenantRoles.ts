// Tenant membership roles and the pure helpers that read them off a user.
export const TENANT_ROLES = ['owner', 'admin', 'staff', 'editor', 'artist'] as const
export type TenantRole = (typeof TENANT_ROLES)[number]

/** Roles that manage a tenant: its settings and its members. */
export const TENANT_MANAGERS: readonly TenantRole[] = ['owner', 'admin']

type TenantRef = number | string | { id: number | string }
export type MembershipHolder = {
  tenants?: { role?: string | null; tenant?: TenantRef | null }[] | null
} | null | undefined

export const tenantIdOf = (tenant: TenantRef): number | string => (typeof tenant === 'object' ? tenant.id : tenant)

/** Ids of the tenants the user belongs to, optionally only where they hold one of `roles`. */
export function tenantIdsOf(user: MembershipHolder, roles?: readonly TenantRole[]): (number | string)[] {
  const ids = new Set<number | string>()
  for (const membership of user?.tenants ?? []) {
    if (!membership.tenant) continue
    if (roles && !roles.includes(membership.role as TenantRole)) continue
    ids.add(tenantIdOf(membership.tenant))
  }
  return [...ids]
}

export const roleIn = (user: MembershipHolder, tenantId: number | string): TenantRole | undefined =>
  user?.tenants?.find((membership) => membership.tenant && String(tenantIdOf(membership.tenant)) === String(tenantId))
    ?.role as TenantRole | undefined
