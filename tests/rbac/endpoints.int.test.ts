// The RBAC endpoints: explainer, matrix, catalog, assign and revoke, "why can X do Y".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role, Tenant, User } from '../../payload-types'

import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Explained = { action: string; from: string[]; resource: string }

describe('RBAC endpoints', () => {
  let app: TestApp
  let tenantA: Tenant
  let tenantB: Tenant
  let staff: User
  let outsider: User
  let adminToken: string
  let staffToken: string
  const roles: Record<string, Role> = {}

  beforeAll(async () => {
    app = await startTestApp()
    tenantA = await createTenant(app.payload)
    tenantB = await createTenant(app.payload)
    const admin = await createUser(app.payload, [{ role: 'admin', tenant: tenantA }])
    staff = await createUser(app.payload, [{ role: 'staff', tenant: tenantA }])
    outsider = await createUser(app.payload, [{ role: 'staff', tenant: tenantB }])
    adminToken = await app.rest.login(admin.email, PASSWORD)
    staffToken = await app.rest.login(staff.email, PASSWORD)
    for (const role of (await app.payload.find({ collection: 'roles', pagination: false })).docs) roles[role.slug] = role
    roles.remover = await app.payload.create({
      collection: 'roles',
      data: { name: 'Remover', inherits: [roles.staff!.id], permissions: [{ actions: ['delete'], resource: 'media' }], slug: 'remover', tenant: tenantA.id },
    })
  })
  afterAll(() => app.close())

  it('explains a role’s permissions with the role each came from', async () => {
    const response = await app.rest.get(`/roles/${roles.admin!.id}/permissions`, { token: adminToken })
    expect(response.status).toBe(200)
    const { permissions } = (await response.json()) as { permissions: Explained[] }
    expect(permissions).toContainEqual({ action: 'create', from: ['admin'], resource: 'users' })
    expect(permissions).toContainEqual({ action: 'delete', from: ['editor'], resource: 'media' })
    expect(permissions).toContainEqual({ action: 'read', from: ['admin', 'editor', 'staff'], resource: 'tenants' })
  })

  it('draws the matrix: own, inherited or not, wildcards included', async () => {
    const response = await app.rest.get(`/permissions/matrix?tenant=${tenantA.id}`, { token: adminToken })
    expect(response.status).toBe(200)
    const { resources, roles: rows } = (await response.json()) as {
      resources: Record<string, string[]>
      roles: { permissions: Record<string, Record<string, string | false>>; slug: string }[]
    }
    expect(resources.media).toEqual(['create', 'read', 'update', 'delete'])
    const row = (slug: string) => rows.find((candidate) => candidate.slug === slug)!.permissions
    expect(row('admin').users!.create).toBe('own')
    expect(row('admin').media!.delete).toBe('inherited')
    expect(row('staff').media!.delete).toBe(false)
    expect(row('owner').audit!.delete).toBe('own')
    expect(row('remover').media!.read).toBe('inherited')
    expect(rows.map((candidate) => candidate.slug)).toContain('remover')
  })

  it('refuses the matrix of a tenant the caller does not belong to', async () => {
    expect((await app.rest.get(`/permissions/matrix?tenant=${tenantB.id}`, { token: adminToken })).status).toBe(403)
    expect((await app.rest.get(`/permissions/matrix?tenant=abc`, { token: adminToken })).status).toBe(400)
    expect((await app.rest.get('/permissions/matrix')).status).toBe(401)
  })

  it('answers malformed ids and queries on every RBAC endpoint with 400 in the error shape', async () => {
    const calls = [
      app.rest.get('/roles/abc/permissions', { token: adminToken }),
      app.rest.get(`/users/${staff.id}/effective-permissions`, { token: adminToken }),
      app.rest.get(`/users/${staff.id}/effective-permissions?tenant=${tenantA.id}&extra=1`, { token: adminToken }),
      app.rest.post('/users/abc/roles', { role: 1, tenant: tenantA.id }, { token: adminToken }),
      app.rest.delete(`/users/${staff.id}/roles/abc`, { token: adminToken }),
      app.rest.delete(`/users/${staff.id}/roles/${roles.staff!.id}?tenant=x`, { token: adminToken }),
    ]
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(400)
      const body = (await response.json()) as { errors: { message: string; path?: string }[] }
      expect(body.errors.length).toBeGreaterThan(0)
      expect(body.errors[0]!.path).toBeTruthy()
    }
  })

  it('lists resources and actions, including registered capabilities', async () => {
    const { resources } = (await (await app.rest.get('/permissions/resources', { token: staffToken })).json()) as {
      resources: { actions: string[]; resource: string }[]
    }
    expect(resources.find((entry) => entry.resource === 'audit')!.actions).toEqual(expect.arrayContaining(['read', 'export', 'delete']))
    expect(resources.find((entry) => entry.resource === 'reports')!.actions).toEqual(['read', 'export', 'read-personal'])
    expect(resources.some((entry) => entry.resource === 'audit-logs')).toBe(false)
    const { actions } = (await (await app.rest.get('/permissions/actions', { token: staffToken })).json()) as { actions: string[] }
    expect(actions).toEqual(expect.arrayContaining(['create', 'delete', 'export', 'read', 'update']))
  })

  describe('assigning and revoking', () => {
    const ask = (userId: number, query: string, token = adminToken) =>
      app.rest.get(`/users/${userId}/effective-permissions?tenant=${tenantA.id}${query}`, { token })

    it('answers "why can X do Y" before and after an assignment', async () => {
      const before = (await (await ask(staff.id, '&resource=media&action=delete')).json()) as { question: { allowed: boolean }; roles: string[] }
      expect(before.roles).toEqual(['staff'])
      expect(before.question.allowed).toBe(false)

      const assigned = await app.rest.post(`/users/${staff.id}/roles`, { role: roles.remover!.id, tenant: tenantA.id }, { token: adminToken })
      expect(assigned.status).toBe(201)

      const after = (await (await ask(staff.id, '&resource=media&action=delete')).json()) as {
        permissions: Explained[]
        question: { allowed: boolean }
        roles: string[]
      }
      expect(after.roles).toEqual(['staff', 'remover'])
      expect(after.question.allowed).toBe(true)
      expect(after.permissions).toContainEqual({ action: 'delete', from: ['remover'], resource: 'media' })
      expect(after.permissions).toContainEqual({ action: 'read', from: ['staff'], resource: 'media' })
    })

    it('lets people ask about themselves, and hides other tenants’ people', async () => {
      expect((await ask(staff.id, '', staffToken)).status).toBe(200)
      expect((await ask(outsider.id, '')).status).toBe(404)
    })

    it('validates the assignment body', async () => {
      const post = (body: unknown) => app.rest.post(`/users/${staff.id}/roles`, body, { token: adminToken })
      expect((await post({ role: roles.remover!.id, tenant: tenantA.id, extra: true })).status).toBe(400)
      expect((await post({ role: 'remover', tenant: tenantA.id })).status).toBe(400)
      expect((await post({ expiresAt: '2001-01-01T00:00:00Z', role: roles.remover!.id, tenant: tenantA.id })).status).toBe(400)
      expect((await post('{nope')).status).toBe(400)
    })

    it('refuses to assign a role holding more than the assigner, and someone of another tenant', async () => {
      const owner = await app.rest.post(`/users/${staff.id}/roles`, { role: roles.owner!.id, tenant: tenantA.id }, { token: adminToken })
      expect(owner.status).toBe(403)
      const foreign = await app.rest.post(`/users/${outsider.id}/roles`, { role: roles.staff!.id, tenant: tenantA.id }, { token: adminToken })
      expect(foreign.status).toBe(404)
    })

    it('revokes, then answers 404 when nothing is left to revoke', async () => {
      const first = await app.rest.delete(`/users/${staff.id}/roles/${roles.remover!.id}?tenant=${tenantA.id}`, { token: adminToken })
      expect(first.status).toBe(200)
      const second = await app.rest.delete(`/users/${staff.id}/roles/${roles.remover!.id}`, { token: adminToken })
      expect(second.status).toBe(404)
      const now = (await (await ask(staff.id, '&resource=media&action=delete')).json()) as { question: { allowed: boolean } }
      expect(now.question.allowed).toBe(false)
    })

    it('does not let staff assign roles', async () => {
      const response = await app.rest.post(`/users/${staff.id}/roles`, { role: roles.staff!.id, tenant: tenantA.id }, { token: staffToken })
      expect(response.status).toBe(403)
    })
  })
})
