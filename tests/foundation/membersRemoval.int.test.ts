// DELETE /api/tenants/:id/members/:userId: who may remove whom, the last owner, and what the person keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role, Tenant, User } from '../../payload-types'

import { auditEntries } from '../helpers/auditEntries'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type ErrorBody = { code?: string; errors: { message: string; path?: string }[] }

describe('DELETE /api/tenants/:id/members/:userId', () => {
  let app: TestApp
  let studioA: Tenant
  let studioB: Tenant
  let owner: User
  let admin: User
  let staff: User
  let ownerB: User
  let staffB: User
  let viewerA: Role
  let viewerB: Role
  const tokens = new Map<number, string>()
  const tokenOf = (user: User) => tokens.get(user.id)

  const remove = (tenantId: number | string, userId: number | string, user?: User) =>
    app.rest.delete(`/tenants/${tenantId}/members/${userId}`, { token: user ? tokenOf(user) : undefined })
  const memberships = async (user: User) =>
    ((await app.payload.findByID({ id: user.id, collection: 'users', depth: 0 })).tenants ?? []).map(({ role, tenant }) => ({ role, tenant }))
  const assignmentsOf = async (user: User) =>
    (await app.payload.find({ collection: 'role-assignments', depth: 0, pagination: false, where: { user: { equals: user.id } } })).docs
  const person = async (memberships: Parameters<typeof createUser>[1], data: Parameters<typeof createUser>[2] = {}) => {
    const user = await createUser(app.payload, memberships, data)
    tokens.set(user.id, await app.rest.login(user.email, PASSWORD))
    return user
  }
  const viewerRole = (tenant: Tenant) =>
    app.payload.create({ collection: 'roles', data: { name: 'Viewer', permissions: [{ actions: ['read'], resource: 'media' }], slug: `viewer-${tenant.id}`, tenant: tenant.id } })

  beforeAll(async () => {
    app = await startTestApp()
    studioA = await createTenant(app.payload, { name: 'Studio A' })
    studioB = await createTenant(app.payload, { name: 'Studio B' })
    owner = await person([{ role: 'owner', tenant: studioA }])
    admin = await person([{ role: 'admin', tenant: studioA }])
    staff = await person([{ role: 'staff', tenant: studioA }])
    ownerB = await person([{ role: 'owner', tenant: studioB }])
    staffB = await person([{ role: 'staff', tenant: studioB }])
    viewerA = await viewerRole(studioA)
    viewerB = await viewerRole(studioB)
  })
  afterAll(() => app.close())

  it('lets an owner remove a staff member, with their role assignments there, and audits it', async () => {
    const target = await person([{ role: 'staff', tenant: studioA }])
    await app.payload.create({ collection: 'role-assignments', data: { role: viewerA.id, tenant: studioA.id, user: target.id } })
    const response = await remove(studioA.id, target.id, owner)
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ role: 'staff', tenant: studioA.id, user: { id: target.id, email: target.email } })
    expect(body.removedRoleAssignments).toHaveLength(1)
    expect(await memberships(target)).toEqual([])
    expect(await assignmentsOf(target)).toEqual([])

    const [entry] = await auditEntries(app.payload, { and: [{ action: { equals: 'member_removed' } }, { documentId: { equals: String(target.id) } }] })
    expect(entry).toMatchObject({ collection: 'users', subject: target.email, tenant: studioA.id, user: owner.id })
    expect(entry!.details).toEqual({ removedRoleAssignments: body.removedRoleAssignments, role: 'staff', self: false })
  })

  it('leaves the account, its other memberships and assignments, and its sign-in alone', async () => {
    const target = await person([
      { role: 'editor', tenant: studioA },
      { role: 'staff', tenant: studioB },
    ])
    await app.payload.create({ collection: 'role-assignments', data: { role: viewerA.id, tenant: studioA.id, user: target.id } })
    const kept = await app.payload.create({ collection: 'role-assignments', data: { role: viewerB.id, tenant: studioB.id, user: target.id } })
    expect((await remove(studioA.id, target.id, admin)).status).toBe(200)

    expect(await memberships(target)).toEqual([{ role: 'staff', tenant: studioB.id }])
    expect((await assignmentsOf(target)).map((assignment) => assignment.id)).toEqual([kept.id])
    const token = await app.rest.login(target.email, PASSWORD)
    expect((await app.rest.get(`/tenants/${studioB.id}`, { token })).status).toBe(200)
    expect((await app.rest.get(`/tenants/${studioA.id}`, { token })).status).toBe(404)
  })

  it('refuses an admin who would remove an owner', async () => {
    const coOwner = await person([{ role: 'owner', tenant: studioA }])
    const response = await remove(studioA.id, coOwner.id, admin)
    expect(response.status).toBe(403)
    expect(((await response.json()) as ErrorBody).errors[0]!.message).toContain('holds more than you')
    expect(await memberships(coOwner)).toEqual([{ role: 'owner', tenant: studioA.id }])
  })

  it('counts role assignments: an admin cannot remove a staff member who was assigned the owner role', async () => {
    const ownerRole = (await app.payload.find({ collection: 'roles', where: { and: [{ slug: { equals: 'owner' } }, { tenant: { exists: false } }] } })).docs[0]!
    const target = await person([{ role: 'staff', tenant: studioA }])
    await app.payload.create({ collection: 'role-assignments', data: { role: ownerRole.id, tenant: studioA.id, user: target.id } })
    expect((await remove(studioA.id, target.id, admin)).status).toBe(403)
    expect(await memberships(target)).toEqual([{ role: 'staff', tenant: studioA.id }])
    expect(await assignmentsOf(target)).toHaveLength(1)
    expect((await remove(studioA.id, target.id, owner)).status).toBe(200)
  })

  it('lets an admin remove another admin, who holds no more than they do', async () => {
    const otherAdmin = await person([{ role: 'admin', tenant: studioA }])
    expect((await remove(studioA.id, otherAdmin.id, admin)).status).toBe(200)
  })

  it('refuses staff, whoever they aim at, without saying who belongs', async () => {
    const editor = await person([{ role: 'editor', tenant: studioA }])
    expect((await remove(studioA.id, editor.id, staff)).status).toBe(403)
    expect((await remove(studioA.id, ownerB.id, staff)).status).toBe(403)
    expect(await memberships(editor)).toEqual([{ role: 'editor', tenant: studioA.id }])
  })

  it('refuses an admin of A who is a member of B to remove anyone from B', async () => {
    const attacker = await person([
      { role: 'admin', tenant: studioA },
      { role: 'staff', tenant: studioB },
    ])
    for (const target of [staffB, ownerB]) {
      const response = await remove(studioB.id, target.id, attacker)
      expect(response.status).toBe(403)
    }
    expect(await memberships(staffB)).toEqual([{ role: 'staff', tenant: studioB.id }])
    expect(await memberships(ownerB)).toEqual([{ role: 'owner', tenant: studioB.id }])
    // A tenant they do not belong to at all does not exist for them.
    const stranger = await person([{ role: 'owner', tenant: studioA }])
    expect((await remove(studioB.id, staffB.id, stranger)).status).toBe(404)
  })

  it('answers 404 for a person who is not a member, or who does not exist', async () => {
    for (const userId of [ownerB.id, 2_000_000_000]) {
      const response = await remove(studioA.id, userId, owner)
      expect(response.status).toBe(404)
      expect(((await response.json()) as ErrorBody).errors[0]!.message).toBe('Member not found.')
    }
  })

  it('refuses an owner who would remove a super admin', async () => {
    const operator = await person([{ role: 'staff', tenant: studioA }], { superAdmin: true })
    expect((await remove(studioA.id, operator.id, owner)).status).toBe(403)
  })

  it('keeps the last owner (409 last_owner), also against themselves; another owner may leave', async () => {
    const studio = await createTenant(app.payload)
    const only = await person([{ role: 'owner', tenant: studio }])
    const refused = await remove(studio.id, only.id, only)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ code: 'last_owner' })
    const second = await person([{ role: 'owner', tenant: studio }])
    const left = await remove(studio.id, second.id, second)
    expect(left.status).toBe(200)
    expect((await left.json()).role).toBe('owner')
    const [entry] = await auditEntries(app.payload, { and: [{ action: { equals: 'member_removed' } }, { documentId: { equals: String(second.id) } }] })
    expect(entry).toMatchObject({ user: second.id, details: { self: true } })
    expect(await memberships(only)).toEqual([{ role: 'owner', tenant: studio.id }])
  })

  it('lets staff leave a studio themselves', async () => {
    const leaver = await person([{ role: 'artist', tenant: studioA }])
    expect((await remove(studioA.id, leaver.id, leaver)).status).toBe(200)
    expect(await memberships(leaver)).toEqual([])
  })

  it('leaves one owner when two owners remove each other at the same time', async () => {
    for (let round = 0; round < 5; round++) {
      const studio = await createTenant(app.payload)
      const first = await person([{ role: 'owner', tenant: studio }])
      const second = await person([{ role: 'owner', tenant: studio }])
      const responses = await Promise.all([remove(studio.id, second.id, first), remove(studio.id, first.id, second)])
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409])
      const owners = await app.payload.count({
        collection: 'users',
        where: { and: [{ 'tenants.tenant': { equals: studio.id } }, { 'tenants.role': { equals: 'owner' } }] },
      })
      expect(owners.totalDocs).toBe(1)
    }
  })

  describe('bad input answers 400 or 404 in the error shape, never 500', () => {
    it('answers 401 without a login', async () => {
      expect((await remove(studioA.id, staff.id)).status).toBe(401)
    })

    it('names the parameter that is not an id', async () => {
      const cases: [string, string, string][] = [
        ['abc', String(staff.id), 'id'],
        [String(studioA.id), 'abc', 'userId'],
        [String(studioA.id), '1e3', 'userId'],
        [String(studioA.id), '0', 'userId'],
        [String(studioA.id), '-4', 'userId'],
        [String(studioA.id), '99999999999', 'userId'],
        ['99999999999', String(staff.id), 'id'],
      ]
      for (const [tenantId, userId, path] of cases) {
        const response = await remove(tenantId, userId, owner)
        expect(response.status, `${tenantId}/${userId}`).toBe(400)
        expect(((await response.json()) as ErrorBody).errors.map((error) => error.path)).toEqual([path])
      }
    })

    it('answers 404 JSON without a person, and for a tenant that does not exist', async () => {
      for (const path of [`/tenants/${studioA.id}/members`, `/tenants/${studioA.id}/members/`]) {
        const response = await app.rest.delete(path, { token: tokenOf(owner) })
        expect(response.status, path).toBe(404)
        expect(await response.json()).toBeTruthy()
      }
      expect((await remove(2_000_000_000, staff.id, owner)).status).toBe(404)
    })
  })

  it('keeps an owner through role changes too: the last owner cannot demote themselves (409), two owners demoting each other leave one', async () => {
    const studio = await createTenant(app.payload)
    const only = await person([{ role: 'owner', tenant: studio }])
    const demote = (tenantId: number, actor: User, target: User) => app.rest.post(`/tenants/${tenantId}/members`, { email: target.email, role: 'admin' }, { token: tokenOf(actor) })
    const refused = await demote(studio.id, only, only)
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as ErrorBody).code).toBe('last_owner')
    const second = await person([{ role: 'owner', tenant: studio }])
    const answers = await Promise.all([demote(studio.id, only, second), demote(studio.id, second, only)])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    const { rows } = (await app.payload.db.drizzle.execute(`select count(*)::int as n from users_tenants where tenant_id = ${studio.id} and role = 'owner'`)) as { rows: { n: number }[] }
    expect(rows[0]!.n).toBe(1)
  })

  it('refuses removals in a suspended studio with 403 tenant_suspended, assignments or not', async () => {
    const studio = await createTenant(app.payload, { status: 'suspended' })
    const boss = await person([{ role: 'owner', tenant: studio }])
    const role = await viewerRole(studio)
    for (const withAssignment of [false, true]) {
      const target = await person([{ role: 'staff', tenant: studio }])
      if (withAssignment) await app.payload.create({ collection: 'role-assignments', data: { role: role.id, tenant: studio.id, user: target.id } })
      const response = await remove(studio.id, target.id, boss)
      expect(response.status).toBe(403)
      expect(((await response.json()) as ErrorBody).code).toBe('tenant_suspended')
      expect(await memberships(target)).toEqual([{ role: 'staff', tenant: studio.id }])
    }
  })
})
