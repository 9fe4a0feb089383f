import { describe, expect, it } from 'vitest'

import { tenantIdsOf } from '../../utilities/tenantRoles'
import {
  effectivePermissions,
  findInheritanceCycle,
  grants,
  missingPermissions,
  type RoleNode,
} from '../../plugins/rbac/services/permissions'

const role = (id: number, slug: string, inherits: number[], permissions: RoleNode['permissions']): RoleNode => ({
  id,
  inherits,
  permissions,
  slug,
})

const byId = (...roles: RoleNode[]) => new Map(roles.map((node) => [String(node.id), node]))

describe('effectivePermissions', () => {
  const viewer = role(1, 'viewer', [], [{ actions: ['read'], resource: 'rooms' }])
  const booker = role(2, 'booker', [1], [{ actions: ['create', 'confirm'], resource: 'bookings' }])
  const manager = role(3, 'manager', [2], [{ actions: ['update'], resource: 'rooms' }])
  const roles = byId(viewer, booker, manager)

  it('unions a role with every ancestor, three levels deep, naming the source', () => {
    const result = effectivePermissions([3], roles)
    expect(Object.fromEntries(result)).toEqual({
      'bookings:confirm': ['booker'],
      'bookings:create': ['booker'],
      'rooms:read': ['viewer'],
      'rooms:update': ['manager'],
    })
  })

  it('lists every role that grants the same permission', () => {
    const alsoReads = role(4, 'reader', [], [{ actions: ['read'], resource: 'rooms' }])
    const result = effectivePermissions([3, 4], byId(viewer, booker, manager, alsoReads))
    expect(result.get('rooms:read')).toEqual(['viewer', 'reader'])
  })

  it('terminates on a cycle already stored', () => {
    const a = role(1, 'a', [2], [{ actions: ['read'], resource: 'x' }])
    const b = role(2, 'b', [1], [{ actions: ['update'], resource: 'x' }])
    expect([...effectivePermissions([1], byId(a, b)).keys()].sort()).toEqual(['x:read', 'x:update'])
  })
})

describe('grants', () => {
  it('honours wildcards on resource and action', () => {
    expect(grants(new Set(['rooms:*']), 'rooms', 'delete')).toBe(true)
    expect(grants(new Set(['*:read']), 'media', 'read')).toBe(true)
    expect(grants(new Set(['*:*']), 'anything', 'approve')).toBe(true)
    expect(grants(new Set(['rooms:read']), 'rooms', 'update')).toBe(false)
  })
})

describe('missingPermissions', () => {
  it('finds what a role would grant beyond what its author holds', () => {
    const held = new Map([['rooms:*', ['admin']], ['media:read', ['admin']]])
    expect(missingPermissions(['rooms:delete', 'media:read', 'media:delete', 'billing:read'], held)).toEqual([
      'media:delete',
      'billing:read',
    ])
  })
})

describe('findInheritanceCycle', () => {
  const a = role(1, 'a', [], [])
  const b = role(2, 'b', [1], [])
  const c = role(3, 'c', [2], [])
  const roles = byId(a, b, c)

  it('finds a direct cycle', () => {
    expect(findInheritanceCycle(1, [1], roles)).toEqual(['a', 'a'])
  })

  it('finds a transitive cycle: a would inherit c, which inherits b, which inherits a', () => {
    expect(findInheritanceCycle(1, [3], roles)).toEqual(['a', 'c', 'b', 'a'])
  })

  it('accepts a diamond and a new role', () => {
    const d = role(4, 'd', [2, 3], [])
    expect(findInheritanceCycle(4, [2, 3], byId(a, b, c, d))).toBeUndefined()
    expect(findInheritanceCycle(undefined, [1, 2, 3], roles)).toBeUndefined()
  })
})

describe('tenantIdsOf', () => {
  it('reads ids from ids or populated tenants, once each', () => {
    const user = { tenants: [{ role: 'admin', tenant: { id: 1 } }, { role: 'staff', tenant: 2 }, { role: 'editor', tenant: 2 }] }
    expect(tenantIdsOf(user)).toEqual([1, 2])
    expect(tenantIdsOf(null)).toEqual([])
  })
})
