// Pure permission maths: role inheritance, effective permissions, cycles and subsets. No Payload here.

export const WILDCARD = '*'

export type PermissionEntry = { actions: string[]; resource: string }
export type RoleNode = {
  id: number | string
  inherits: (number | string)[]
  permissions: PermissionEntry[]
  slug: string
  /** Undefined or null for a system role; the owning tenant's id for a tenant role. */
  tenant?: null | number | string
}

/** `resource:action` → slugs of the roles it came from. */
export type EffectivePermissions = Map<string, string[]>

export const permissionKey = (resource: string, action: string) => `${resource}:${action}`

/** The role and all its ancestors, each once, nearest first. Unknown ids and cycles are skipped. */
export function ancestry(roleId: number | string, rolesById: Map<string, RoleNode>): RoleNode[] {
  const seen = new Set<string>()
  const order: RoleNode[] = []
  const queue = [String(roleId)]
  while (queue.length > 0) {
    const id = queue.shift()!
    if (seen.has(id)) continue
    seen.add(id)
    const role = rolesById.get(id)
    if (!role) continue
    order.push(role)
    queue.push(...role.inherits.map(String))
  }
  return order
}

/** The union of a set of roles' permissions over their ancestry, each with the roles that grant it. */
export function effectivePermissions(roleIds: (number | string)[], rolesById: Map<string, RoleNode>): EffectivePermissions {
  const result: EffectivePermissions = new Map()
  for (const roleId of roleIds) {
    for (const role of ancestry(roleId, rolesById)) {
      for (const { actions, resource } of role.permissions) {
        for (const action of actions) {
          const key = permissionKey(resource, action)
          const sources = result.get(key) ?? []
          if (!sources.includes(role.slug)) sources.push(role.slug)
          result.set(key, sources)
        }
      }
    }
  }
  return result
}

/** Whether `held` grants `resource:action`, honouring `*` for resource and action. */
export function grants(held: EffectivePermissions | Set<string>, resource: string, action: string): boolean {
  const has = (key: string) => held.has(key)
  return (
    has(permissionKey(resource, action)) ||
    has(permissionKey(resource, WILDCARD)) ||
    has(permissionKey(WILDCARD, action)) ||
    has(permissionKey(WILDCARD, WILDCARD))
  )
}

/** Permissions in `wanted` that `held` does not grant: what an escalation would add. */
export function missingPermissions(wanted: Iterable<string>, held: EffectivePermissions): string[] {
  return [...wanted].filter((key) => {
    const separator = key.lastIndexOf(':')
    return !grants(held, key.slice(0, separator), key.slice(separator + 1))
  })
}

/**
 * The cycle that giving `roleId` the parents `inherits` would create, as a path of slugs ending where it
 * started, or undefined when there is none.
 */
export function findInheritanceCycle(
  roleId: number | string | undefined,
  inherits: (number | string)[],
  rolesById: Map<string, RoleNode>,
): string[] | undefined {
  if (roleId === undefined) return undefined // a new role has no children yet, so it closes no cycle
  const start = String(roleId)
  const slugOf = (id: string) => rolesById.get(id)?.slug ?? id
  const parentsOf = (id: string) => (id === start ? inherits.map(String) : (rolesById.get(id)?.inherits ?? []).map(String))

  const visit = (id: string, path: string[], seen: Set<string>): string[] | undefined => {
    for (const parent of parentsOf(id)) {
      if (parent === start) return [...path, slugOf(start)]
      if (seen.has(parent)) continue
      seen.add(parent)
      const found = visit(parent, [...path, slugOf(parent)], seen)
      if (found) return found
    }
    return undefined
  }
  return visit(start, [slugOf(start)], new Set())
}
