// What a user may do in each of their tenants: membership role + live assignments, with inheritance.
import type { PayloadRequest, TypedUser } from 'payload'

import { type MembershipHolder, tenantIdsOf } from '../../../utilities/tenantRoles'
import { idOf, type Relation } from '../../../utilities/idOf'
import { type EffectivePermissions, effectivePermissions, missingPermissions, type RoleNode } from './permissions'

export type TenantGrants = Map<string, EffectivePermissions>

type StoredRole = {
  id: number | string
  inherits?: null | Relation[]
  permissions?: { actions?: string[] | null; resource: string }[] | null
  slug: string
  tenant?: null | Relation
}

export const toRoleNode = (role: StoredRole): RoleNode => ({
  id: role.id,
  inherits: (role.inherits ?? []).map((parent) => idOf(parent)),
  permissions: (role.permissions ?? []).map(({ actions, resource }) => ({ actions: actions ?? [], resource })),
  slug: role.slug,
  tenant: role.tenant ? idOf(role.tenant) : null,
})

type GrantHolder = Pick<TypedUser, 'id'> & NonNullable<MembershipHolder>

/** System roles and the roles of the given tenants, by id. */
export async function loadRoles(req: PayloadRequest, tenantIds: (number | string)[]): Promise<Map<string, RoleNode>> {
  const { docs } = await req.payload.find({
    collection: 'roles',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: tenantIds.length > 0 ? { or: [{ tenant: { exists: false } }, { tenant: { in: tenantIds } }] } : { tenant: { exists: false } },
  })
  return new Map(docs.map((role) => [String(role.id), toRoleNode(role)]))
}

/** Role ids a user holds per tenant right now; an expired assignment counts for nothing. */
export async function heldRoleIds(
  req: PayloadRequest,
  user: GrantHolder,
  rolesById: Map<string, RoleNode>,
  now = new Date(),
): Promise<Map<string, (number | string)[]>> {
  // A membership names a system role. Tenant roles may not take a system slug, and even if one did, a role
  // of another studio must never stand in for it: only roles without a tenant are looked up here.
  const systemRoleIdBySlug = new Map([...rolesById.values()].filter((role) => !role.tenant).map((role) => [role.slug, role.id]))
  const held = new Map<string, (number | string)[]>()
  for (const membership of user.tenants ?? []) {
    if (!membership.tenant) continue
    const tenantId = String(idOf(membership.tenant))
    const systemRole = membership.role ? systemRoleIdBySlug.get(membership.role) : undefined
    held.set(tenantId, systemRole === undefined ? [] : [systemRole])
  }
  const { docs: assignments } = await req.payload.find({
    collection: 'role-assignments',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: {
      and: [
        { user: { equals: user.id } },
        { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }] },
      ],
    },
  })
  for (const assignment of assignments) {
    if (!assignment.tenant) continue
    const tenantId = String(idOf(assignment.tenant))
    const role = rolesById.get(String(idOf(assignment.role)))
    // An assignment only counts in a tenant the user belongs to, and only with a system role or one of that tenant.
    if (!role || (role.tenant && String(role.tenant) !== tenantId)) continue
    held.get(tenantId)?.push(role.id)
  }
  return held
}

const grantsByRequest = new WeakMap<PayloadRequest, Promise<TenantGrants>>()

/** Any user's permissions per tenant: membership role plus live assignments, with their ancestors. */
export async function grantsOf(req: PayloadRequest, user: GrantHolder): Promise<TenantGrants> {
  const rolesById = await loadRoles(req, tenantIdsOf(user))
  const held = await heldRoleIds(req, user, rolesById)
  return new Map([...held].map(([tenantId, roleIds]) => [tenantId, effectivePermissions(roleIds, rolesById)]))
}

/** The current user's permissions per tenant, computed once per request. */
export function userGrants(req: PayloadRequest): Promise<TenantGrants> {
  const cached = grantsByRequest.get(req)
  if (cached) return cached
  const computed = req.user ? grantsOf(req, req.user) : Promise.resolve<TenantGrants>(new Map())
  grantsByRequest.set(req, computed)
  return computed
}

/** Forget the cached grants, after a change to the current user's roles within the request. */
export const forgetUserGrants = (req: PayloadRequest) => grantsByRequest.delete(req)

/** Permissions that `roleIds` (with their ancestors) grant and the current user does not hold in `tenantId`. */
export async function permissionsBeyondUser(
  req: PayloadRequest,
  tenantId: number | string,
  roleIds: (number | string)[],
  rolesById: Map<string, RoleNode>,
): Promise<string[]> {
  const held = (await userGrants(req)).get(String(tenantId)) ?? new Map()
  return missingPermissions(effectivePermissions(roleIds, rolesById).keys(), held)
}
