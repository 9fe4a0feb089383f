import { describe, expect, it } from 'vitest'

import { membershipChangeRefusal } from '../../access/membershipRules'
import { tenantIdsOf } from '../../access/tenantRoles'

const actor = (tenants: { role: string; tenant: number }[]) => ({ tenants })

describe('membershipChangeRefusal', () => {
  const ownerOf1 = actor([{ role: 'owner', tenant: 1 }])
  const adminOf1 = actor([{ role: 'admin', tenant: 1 }, { role: 'staff', tenant: 2 }])

  it('lets managers add and change roles below owner in their tenant', () => {
    expect(membershipChangeRefusal(adminOf1, 1, undefined, 'staff')).toBeUndefined()
    expect(membershipChangeRefusal(adminOf1, 1, 'staff', 'admin')).toBeUndefined()
  })

  it('keeps the owner role for owners', () => {
    expect(membershipChangeRefusal(adminOf1, 1, 'staff', 'owner')).toMatch(/owner/)
    expect(membershipChangeRefusal(adminOf1, 1, 'owner', 'staff')).toMatch(/owner/)
    expect(membershipChangeRefusal(ownerOf1, 1, 'staff', 'owner')).toBeUndefined()
  })

  it('refuses tenants the actor does not manage', () => {
    expect(membershipChangeRefusal(adminOf1, 2, undefined, 'staff')).toMatch(/manage/)
    expect(membershipChangeRefusal(adminOf1, 3, undefined, 'staff')).toMatch(/manage/)
  })

  it('lets a super admin do anything', () => {
    expect(membershipChangeRefusal({ superAdmin: true, tenants: [] }, 9, 'owner', undefined)).toBeUndefined()
  })
})

describe('tenantIdsOf', () => {
  it('reads ids from ids or populated tenants, filtered by role', () => {
    const user = { tenants: [{ role: 'admin', tenant: { id: 1 } }, { role: 'staff', tenant: 2 }] }
    expect(tenantIdsOf(user)).toEqual([1, 2])
    expect(tenantIdsOf(user, ['owner', 'admin'])).toEqual([1])
    expect(tenantIdsOf(null)).toEqual([])
  })
})
